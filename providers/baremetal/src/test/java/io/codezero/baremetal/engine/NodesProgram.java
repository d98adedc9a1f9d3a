package io.codezero.baremetal.engine;

import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.baremetal.resources.AgentNode;
import io.codezero.baremetal.resources.AgentNodeArgs;
import io.codezero.baremetal.resources.AirgapArgs;
import io.codezero.baremetal.resources.ConnectionArgs;
import io.codezero.baremetal.resources.ServerNode;
import io.codezero.baremetal.resources.ServerNodeArgs;
import java.util.Map;

/**
 * A Pulumi program using the typed resources directly (one server, optionally one agent), run by
 * {@link RealEngineHarnessTest} through the real Pulumi CLI, language host and provider plugin.
 */
public final class NodesProgram {
    private NodesProgram() {
    }

    public static void main(String[] args) {
        Pulumi.run(ctx -> {
            var c = ctx.config();
            Output<String> key = c.requireSecret("privateKey");
            AirgapArgs airgap = AirgapArgs.of(c.require("airgapBinary"), c.require("airgapScript"));
            ConnectionArgs serverConnection = ConnectionArgs.builder().host(c.require("serverHost"))
                    .hostKey(c.require("serverHostKey")).privateKey(key).build();
            var server = new ServerNode("server", ServerNodeArgs.builder().connection(serverConnection)
                    .k3sVersion(c.require("k3sVersion")).clusterInit(true).airgap(airgap).readyTimeoutSeconds(60)
                    .checks(Map.of("minMemoryMb", 256)).build(), null);
            ctx.export("kubeconfig", server.kubeconfig());
            ctx.export("serverVersion", server.installedVersion());
            if (c.getBoolean("withAgent").orElse(true)) {
                var agent = new AgentNode("agent", AgentNodeArgs.builder()
                        .connection(ConnectionArgs.builder().host(c.require("agentHost")).hostKey(c.require("agentHostKey")).privateKey(key).build())
                        .k3sVersion(c.require("k3sVersion")).serverUrl(Output.format("https://%s:6443", c.require("serverHost")))
                        .token(server.clusterToken()).controlPlane(serverConnection).airgap(airgap)
                        .readyTimeoutSeconds(60).drainTimeoutSeconds(60).build(), CustomResourceOptions.builder().build());
                ctx.export("agentNode", agent.resolvedNodeName());
                ctx.export("agentVersion", agent.installedVersion());
            }
        });
    }
}
