package io.codezero.aws.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.aws.AwsTargetArgs;
import io.codezero.core.preflight.CheckResult;
import io.codezero.core.preflight.CheckStatus;
import org.junit.jupiter.api.Test;

/** The secrets key of a cluster about to be created, against a real KMS emulator (moto server). */
class SecretsKeyCheckMotoTest extends AgainstMoto {
    private CheckResult check(AwsClients clients, String cluster, String kmsKeyArn) {
        var args = AwsTargetArgs.builder().region(clients.region());
        if (kmsKeyArn != null) {
            args.kmsKeyArn(kmsKeyArn);
        }
        return new SecretsKeyCheck(clients).run(cluster, args.build());
    }

    @Test
    void anAdoptedKeyThatIsPendingDeletionDisabledAsymmetricOrMissingFailsBeforeCreateClusterDoes() {
        try (var clients = moto.clients("eu-west-1")) {
            String enabled = clients.kms().createKey(r -> r.description("secrets")).keyMetadata().arn();
            CheckResult ok = check(clients, "demo", enabled);
            assertThat(ok.status()).as(ok.message()).isEqualTo(CheckStatus.PASS);

            var pendingKey = clients.kms().createKey(r -> r.description("destroyed stack's key")).keyMetadata();
            String pending = pendingKey.arn();
            // by key id: moto 5.2 looks scheduled and disabled keys up by id only
            clients.kms().scheduleKeyDeletion(r -> r.keyId(pendingKey.keyId()));
            CheckResult pendingResult = check(clients, "demo", pending);
            assertThat(pendingResult.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(pendingResult.message()).contains("is pending deletion").contains("aws kms cancel-key-deletion --key-id " + pending);

            var disabledKey = clients.kms().createKey(r -> r.description("off")).keyMetadata();
            String disabled = disabledKey.arn();
            clients.kms().disableKey(r -> r.keyId(disabledKey.keyId()));
            assertThat(check(clients, "demo", disabled).message()).contains("is Disabled").contains("aws kms enable-key --key-id " + disabled);

            String signing = clients.kms().createKey(r -> r.keySpec("RSA_2048").keyUsage("SIGN_VERIFY")).keyMetadata().arn();
            assertThat(check(clients, "demo", signing).message()).contains("is a RSA_2048 key for SIGN_VERIFY");

            String missing = enabled.substring(0, enabled.lastIndexOf('/') + 1) + "00000000-0000-0000-0000-000000000000";
            assertThat(check(clients, "demo", missing).message()).contains("does not exist in eu-west-1");
        }
    }

    @Test
    void anAliasADestroyLeftBehindFailsTheReCreateWithTheDeleteCommand() {
        try (var clients = moto.clients("eu-central-1")) {
            assertThat(check(clients, "again", null).status()).isEqualTo(CheckStatus.PASS);
            String key = clients.kms().createKey(r -> r.description("left behind")).keyMetadata().keyId();
            clients.kms().createAlias(r -> r.aliasName("alias/again-eks-secrets").targetKeyId(key));
            CheckResult taken = check(clients, "again", null);
            assertThat(taken.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(taken.message()).startsWith("KMS alias alias/again-eks-secrets exists already (key " + key + ")")
                    .contains("aws kms delete-alias --region eu-central-1 --alias-name alias/again-eks-secrets");
        }
    }
}
