package io.codezero.baremetal;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.baremetal.docs.BareMetalInCode;
import io.codezero.baremetal.install.NodeRole;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.validation.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Bare metal built in code (issue 20 item 8): the factories for the common cases, one shape to build
 * the target, the typed handles, and the docs' example (shown verbatim on the page, run here).
 */
@SuppressWarnings("unchecked")
class BareMetalInCodeTest {
    static final Path EXAMPLE = Path.of("src/test/java/io/codezero/baremetal/docs/BareMetalInCode.java");
    static final Path DOC = Path.of("../../docs/baremetal.md");

    static OfflineRun runExample() {
        OfflineRun run = OfflineEngine.create().project("codezero").config(Map.of("codezero:sshKey", BareMetalTargetTest.PRIVATE,
                        "codezero:sudoPassword", "sudo-pw")).secretKeys(Set.of("codezero:sshKey", "codezero:sudoPassword"))
                .mocks(PlanMocksContributor.discover()).run(BareMetalInCode::provision);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        return run;
    }

    @Test
    void theDocsShowTheExampleThisTestRuns() throws Exception {
        String code = Files.readString(EXAMPLE);
        String example = code.substring(code.indexOf("// docs:begin") + "// docs:begin".length(), code.indexOf("        // docs:end"));
        String unindented = example.lines().filter(l -> !l.isBlank()).map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertThat(Files.readString(DOC)).contains("```java\n" + unindented + "\n```");
    }

    @Test
    void factoriesGiveUserPortSudoAndKeysWithoutTheRecordConstructor() {
        OfflineRun run = runExample();
        List<PlannedResource> servers = run.ofType(ResourceTokens.SERVER_NODE);
        List<PlannedResource> agents = run.ofType(ResourceTokens.AGENT_NODE);
        assertThat(servers).hasSize(1);
        assertThat(agents).hasSize(1);
        PlannedResource agent = agents.get(0);
        Map<String, Object> connection = (Map<String, Object>) agent.input("connection");
        assertThat(connection).containsEntry("user", "deploy").containsEntry("host", "192.168.56.21");
        assertThat(((Number) connection.get("port")).intValue()).isEqualTo(2222);
        assertThat(agent.isSecretInput("connection.sudoPassword")).isTrue();
        assertThat(agent.isSecretInput("connection.privateKey")).isTrue();
        assertThat((List<Object>) agent.input("extraArgs")).contains("--node-label=tier=apps");
        assertThat(agent.input("nodeName")).isEqualTo("worker-1");
    }

    @Test
    void theHandlesGiveTheNodesTheEndpointAndTheJoinTokenAsASecret() {
        OfflineRun run = runExample();
        assertThat(run.outputs().get("apiEndpoint").value()).isEqualTo("https://192.168.56.10:6443");
        assertThat(run.outputs().get("joinToken").secret()).as("the join token stays a secret").isTrue();
        assertThat(run.outputs()).containsKeys("nodeNames", "firstServerVersion");
    }

    @Test
    void hostsBuiltInCodeWithoutAKeyGetOneProblemWithCodeAdvice() {
        BareMetalTargetArgs.Builder args = BareMetalTargetArgs.builder()
                .host(BareMetalHost.server("10.0.0.10").withHostKey(BareMetalTargetTest.KEY_A));
        IntStream.range(0, 4).forEach(i -> args.host(BareMetalHost.agent("10.0.0.2" + i).withHostKey(BareMetalTargetTest.KEY_A)));
        List<Problem> problems = new BareMetalTarget(args.build()).validate(BareMetalTargetTest.spec());
        assertThat(problems).filteredOn(p -> p.message().contains("credentials")).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("5 hosts have no credentials", ".withPrivateKey(", "requireSecret")
                    .doesNotContain("config key").doesNotContain("privateKeyFile");
            assertThat(p.value()).contains("10.0.0.10", "10.0.0.23");
        });
    }

    @Test
    void theEarlierBuilderStillBuildsTheSameTarget() {
        @SuppressWarnings("deprecation")
        BareMetalTarget old = BareMetalTarget.builder().host(BareMetalTargetTest.host("10.0.0.10", NodeRole.SERVER)).k3sVersion("v1.34.1+k3s1").build();
        BareMetalTarget now = new BareMetalTarget(BareMetalTargetArgs.builder().host(BareMetalTargetTest.host("10.0.0.10", NodeRole.SERVER))
                .k3sVersion("v1.34.1+k3s1").build());
        assertThat(old.hosts()).extracting(BareMetalHost::endpoint).isEqualTo(now.hosts().stream().map(BareMetalHost::endpoint).toList());
        assertThat(old.k3sVersionFor(BareMetalTargetTest.spec())).isEqualTo(now.k3sVersionFor(BareMetalTargetTest.spec()));
    }

    @Test
    void aJoinTokenChosenUpFrontLetsTheAgentsStartBesideTheFirstServer() {
        OfflineRun run = OfflineEngine.create().project("codezero").config(Map.of("codezero:k3sToken", "K10chosen-up-front"))
                .secretKeys(Set.of("codezero:k3sToken")).mocks(PlanMocksContributor.discover()).run(ctx -> new BareMetalTarget(
                        BareMetalTargetArgs.builder()
                                .host(BareMetalTargetTest.host("10.0.0.10", NodeRole.SERVER))
                                .host(BareMetalTargetTest.host("10.0.0.20", NodeRole.AGENT))
                                .host(BareMetalTargetTest.host("10.0.0.21", NodeRole.AGENT))
                                .joinToken(ctx.config().requireSecret("k3sToken")).build())
                        .provision(BareMetalTargetTest.spec(), io.codezero.core.target.TargetContext.standalone("lab")));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource server = run.ofType(ResourceTokens.SERVER_NODE).get(0);
        assertThat(server.input("token")).isEqualTo("K10chosen-up-front");
        assertThat(server.isSecretInput("token")).isTrue();
        assertThat(run.ofType(ResourceTokens.AGENT_NODE)).hasSize(2).allSatisfy(agent -> {
            assertThat(run.dependsOn(agent, server)).as("the agent waits in the provider, not in the engine").isFalse();
            assertThat(agent.input("token")).isEqualTo("K10chosen-up-front");
            assertThat(agent.isSecretInput("token")).isTrue();
        });
    }

    @Test
    void withoutAJoinTokenTheTargetChoosesOneSoTheAgentsStartBesideTheFirstServer() {
        OfflineRun run = OfflineEngine.create().mocks(PlanMocksContributor.discover()).run(ctx -> new BareMetalTarget(
                BareMetalTargetArgs.builder().host(BareMetalTargetTest.host("10.0.0.10", NodeRole.SERVER))
                        .host(BareMetalTargetTest.host("10.0.0.20", NodeRole.AGENT)).build())
                .provision(BareMetalTargetTest.spec(), io.codezero.core.target.TargetContext.standalone("lab")));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource token = run.get(ResourceTokens.JOIN_TOKEN, "lab-join-token");
        PlannedResource server = run.ofType(ResourceTokens.SERVER_NODE).get(0);
        PlannedResource agent = run.ofType(ResourceTokens.AGENT_NODE).get(0);
        // The JoinToken reads the first server once (a cluster CodeZero already runs keeps its token).
        assertThat(token.input("firstServer.host")).isEqualTo("10.0.0.10");
        assertThat(token.isSecretInput("firstServer.privateKey")).isTrue();
        assertThat(token.version()).isEqualTo(io.codezero.baremetal.PluginVersion.VALUE);
        for (PlannedResource node : List.of(server, agent)) {
            assertThat(node.input("token")).as(node.name()).isEqualTo("planned-join-token");
            assertThat(node.isSecretInput("token")).as(node.name()).isTrue();
        }
        assertThat(run.dependsOn(agent, server)).as("the agent waits in the provider, not in the engine").isFalse();
    }
}
