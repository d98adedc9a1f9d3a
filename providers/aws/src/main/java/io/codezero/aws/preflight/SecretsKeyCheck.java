package io.codezero.aws.preflight;

import io.codezero.aws.AwsTargetArgs;
import io.codezero.core.preflight.CheckResult;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * The KMS key a new cluster's secrets are encrypted with. EKS's CreateCluster needs an enabled symmetric
 * encryption key: an adopted {@code kmsKeyArn} that is disabled or pending deletion (a destroyed stack's key
 * waits 7 to 30 days) fails the create. A key CodeZero makes takes the alias {@code alias/<cluster>-eks-secrets}:
 * one left by a destroy that stopped half-way, or by a stack removed without destroying, fails the alias with
 * AlreadyExistsException after the key was made.
 */
final class SecretsKeyCheck {
    static final String CHECK = "secrets-key";

    private final AwsClients clients;

    SecretsKeyCheck(AwsClients clients) {
        this.clients = clients;
    }

    /**
     * @param clusterName the cluster's name
     * @param args the AWS settings ({@code kmsKeyArn})
     * @return the verdict for a cluster about to be created
     */
    CheckResult run(String clusterName, AwsTargetArgs args) {
        try {
            if (args.kmsKeyArn().isPresent()) {
                String arn = args.kmsKeyArn().get();
                KeyMetadata key;
                try {
                    key = clients.kms().describeKey(r -> r.keyId(arn)).keyMetadata();
                } catch (NotFoundException e) {
                    return CheckResult.fail(CHECK, "aws.kmsKeyArn " + arn + " does not exist in " + clients.region() + "; create it or correct the ARN");
                }
                return adoptedKeyVerdict(arn, key.keyStateAsString(), key.keySpecAsString(), key.keyUsageAsString());
            }
            String alias = "alias/" + clusterName + "-eks-secrets";
            Optional<String> taken = clients.kms().listAliasesPaginator(r -> { }).aliases().stream()
                    .filter(a -> alias.equals(a.aliasName())).map(a -> a.targetKeyId() == null ? "" : a.targetKeyId()).findFirst();
            if (taken.isPresent()) {
                return CheckResult.fail(CHECK, "KMS alias " + alias + " exists already (key " + taken.get() + "), so the new cluster's secrets key "
                        + "cannot take it: a destroy that stopped half-way or a stack removed without destroying left it; delete it with: "
                        + "aws kms delete-alias --region " + clients.region() + " --alias-name " + alias);
            }
            return CheckResult.pass(CHECK, "alias " + alias + " is free for the new cluster's secrets key");
        } catch (SdkException e) {
            return CheckResult.unknown(CHECK, "could not read KMS (" + AwsPreflight.reason(e) + ")");
        }
    }

    /**
     * @param arn the adopted key
     * @param state its KeyState
     * @param spec its KeySpec
     * @param usage its KeyUsage
     * @return PASS for an enabled symmetric encryption key, else FAIL with what to do
     */
    static CheckResult adoptedKeyVerdict(String arn, String state, String spec, String usage) {
        if ("PendingDeletion".equals(state) || "PendingReplicaDeletion".equals(state)) {
            return CheckResult.fail(CHECK, "aws.kmsKeyArn " + arn + " is pending deletion, and EKS cannot encrypt with it; cancel that with: "
                    + "aws kms cancel-key-deletion --key-id " + arn + " && aws kms enable-key --key-id " + arn + ", or use another key");
        }
        if (!"Enabled".equals(state)) {
            return CheckResult.fail(CHECK, "aws.kmsKeyArn " + arn + " is " + state + ", and EKS needs an enabled key; enable it with: "
                    + "aws kms enable-key --key-id " + arn + ", or use another key");
        }
        // an answer without one of them (an emulator) is judged on the other
        if ((spec != null && !"SYMMETRIC_DEFAULT".equals(spec)) || (usage != null && !"ENCRYPT_DECRYPT".equals(usage))) {
            return CheckResult.fail(CHECK, "aws.kmsKeyArn " + arn + " is a " + spec + " key for " + usage
                    + "; EKS encrypts secrets only with a symmetric encryption key (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT)");
        }
        return CheckResult.pass(CHECK, "aws.kmsKeyArn " + arn + " is an enabled symmetric encryption key");
    }
}
