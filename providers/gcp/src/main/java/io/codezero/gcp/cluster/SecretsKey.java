package io.codezero.gcp.cluster;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.gcp.kms.CryptoKey;
import com.pulumi.gcp.kms.CryptoKeyArgs;
import com.pulumi.gcp.kms.CryptoKeyIAMMember;
import com.pulumi.gcp.kms.CryptoKeyIAMMemberArgs;
import com.pulumi.gcp.kms.KeyRing;
import com.pulumi.gcp.kms.KeyRingArgs;
import com.pulumi.gcp.organizations.OrganizationsFunctions;
import com.pulumi.gcp.organizations.inputs.GetProjectArgs;
import com.pulumi.gcp.organizations.outputs.GetProjectResult;
import com.pulumi.resources.Resource;
import io.codezero.gcp.GcpScope;
import io.codezero.gcp.GcpTargetArgs;
import java.util.ArrayList;
import java.util.List;

/**
 * Application-layer secrets encryption: Kubernetes Secrets are encrypted in etcd with a Cloud KMS
 * key (envelope encryption), created here in the cluster's region (or adopted), and GKE's service
 * agent may use it for exactly that. Key rings and keys cannot be deleted in Google Cloud: a
 * destroy removes them from the stack and schedules the key's versions for destruction, so the key
 * ring carries a generated suffix (Pulumi auto-naming) and a re-created stack never collides with
 * the ring of an earlier one.
 */
final class SecretsKey {
    static final String ENCRYPTER_DECRYPTER = "roles/cloudkms.cryptoKeyEncrypterDecrypter";
    /** 90 days: new key versions encrypt new writes; old versions stay to decrypt old data. */
    static final String ROTATION = "7776000s";
    /** 30 days between a destroy and the key material being gone: time to undo a mistake. */
    static final String DESTROY_DELAY = "2592000s";

    private final Output<String> keyName;
    private final List<Resource> resources;
    private final CryptoKeyIAMMember agentGrant;

    private SecretsKey(Output<String> keyName, List<Resource> resources, CryptoKeyIAMMember agentGrant) {
        this.keyName = keyName;
        this.resources = List.copyOf(resources);
        this.agentGrant = agentGrant;
    }

    static SecretsKey createOrAdopt(GcpScope scope, GcpTargetArgs args, InvokeOptions invoke, Output<String> apisReady) {
        List<Resource> resources = new ArrayList<>();
        Output<String> keyName;
        if (args.kmsKeyName().isPresent()) {
            // An adopted key is shared: other clusters of the project may encrypt with it, and its owner grants GKE's
            // agent on it. A grant made here would be deleted by this stack's destroy, and with it the agent's
            // only binding on the key: every cluster using the key could no longer read its Secrets.
            return new SecretsKey(Output.of(args.kmsKeyName().get()), List.of(), null);
        } else {
            var ring = new KeyRing(scope.name("keyring"), KeyRingArgs.builder()
                    .location(scope.region())
                    .build(), scope.opts());
            var key = new CryptoKey(scope.name("secrets-key"), CryptoKeyArgs.builder()
                    .name(scope.clusterName() + "-secrets")
                    .keyRing(ring.id())
                    .purpose("ENCRYPT_DECRYPT")
                    .rotationPeriod(ROTATION)
                    .destroyScheduledDuration(DESTROY_DELAY)
                    .labels(scope.labels())
                    .build(), scope.opts());
            resources.add(ring);
            resources.add(key);
            keyName = key.id();
        }
        Output<String> agent = apisReady.apply(ready -> OrganizationsFunctions.getProject(GetProjectArgs.builder().projectId(scope.project()).build(), invoke))
                .applyValue(SecretsKey::containerServiceAgent);
        // the cluster cannot be created until GKE's service agent may use the key
        var grant = new CryptoKeyIAMMember(scope.name("secrets-key-gke-agent"), CryptoKeyIAMMemberArgs.builder()
                .cryptoKeyId(keyName)
                .role(ENCRYPTER_DECRYPTER)
                .member(agent)
                .build(), scope.opts());
        resources.add(grant);
        return new SecretsKey(keyName, resources, grant);
    }

    /** The Kubernetes Engine service agent of a project, named after the project's number. */
    static String containerServiceAgent(GetProjectResult project) {
        return "serviceAccount:service-" + project.number() + "@container-engine-robot.iam.gserviceaccount.com";
    }

    Output<String> keyName() {
        return keyName;
    }

    /** The key name, known only once GKE's agent has been granted on it and {@code propagation} has passed. */
    Output<String> keyNameAfterGrant(IamPropagation propagation) {
        return agentGrant == null ? keyName : propagation.after(keyName, agentGrant.id());
    }

    List<Resource> resources() {
        return resources;
    }
}
