package io.codezero.baremetal.docs;

import com.pulumi.Context;
import com.pulumi.core.Output;
import io.codezero.baremetal.BareMetalClusterHandles;
import io.codezero.baremetal.BareMetalHost;
import io.codezero.baremetal.BareMetalTarget;
import io.codezero.baremetal.BareMetalTargetArgs;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.TargetContext;

/**
 * The example of docs/baremetal.md "Bare metal in code", verbatim between the markers
 * (BareMetalInCodeTest checks the page shows exactly this and runs it).
 */
public final class BareMetalInCode {
    private BareMetalInCode() {
    }

    /** Three machines: root on the first, a sudo user on a moved SSH port on the others. */
    public static ProvisionedCluster provision(Context ctx) {
        // docs:begin
        Output<String> sshKey = ctx.config().requireSecret("sshKey");
        BareMetalTarget target = new BareMetalTarget(BareMetalTargetArgs.builder()
                .host(BareMetalHost.server("192.168.56.10").named("cp-1")
                        .withHostKey("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFHL6kfvRxSfrocePmXKUzbl/L/M0e49p1Indbk9TtTR")
                        .withPrivateKey(sshKey))
                .host(BareMetalHost.agent("192.168.56.21").named("worker-1").inPool("workers")
                        .withUser("deploy").withPort(2222).withSudoPassword(ctx.config().requireSecret("sudoPassword"))
                        .withHostKey("SHA256:p7kzVX3HvBAK6cZk2c0h6ZRw6Pj1mRcAKOkSm6vbd0I")
                        .withPrivateKey(sshKey))
                .build());
        ClusterSpec spec = ClusterSpec.builder("lab").kubernetesVersion("1.34")
                .nodePool(io.codezero.core.spec.NodePool.builder("workers").label("tier", "apps").build()).build();
        // The same checks as the config path, before anything is registered.
        target.validate(spec).forEach(problem -> {
            throw new IllegalArgumentException(problem.toString());
        });
        ProvisionedCluster cluster = target.provision(spec, TargetContext.standalone("lab"));
        BareMetalClusterHandles handles = cluster.handles(BareMetalClusterHandles.class);
        ctx.export("apiEndpoint", handles.endpoint());
        ctx.export("nodeNames", handles.nodeNames());
        ctx.export("joinToken", handles.joinToken());                        // a secret
        ctx.export("firstServerVersion", handles.firstServer().installedVersion());
        // docs:end
        return cluster;
    }
}
