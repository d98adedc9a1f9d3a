package io.codezero.stacks.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Config of the wrong shape at every level a new user might get wrong (a list for an object, a word for a list,
 * null, an empty object): each is exit 2 with problems, never an exception or a trace. {@code BadInputTest} holds
 * the messages of the common cases; this sweep holds that nothing crashes.
 */
class ConfigBadInputSweepTest {
    @TempDir
    Path dir;

    private PlanProject project;

    @BeforeEach
    void project() throws IOException {
        project = PlanProject.in(dir);
    }

    @AfterEach
    void restore() {
        project.restore();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "cluster: {name: shop, nodePools: [a, b]}",
        "cluster: {name: shop, nodePools: [{name: a, taints: [x]}]}",
        "cluster: {name: shop, nodePools: [{name: a, taints: [{key: k, effect: Bad}]}]}",
        "cluster: {name: shop, nodePools: [{name: a, labels: [x]}]}",
        "cluster: {name: shop, nodePools: [{name: a, size: huge}]}",
        "cluster: {name: shop, nodePools: [{name: a, minNodes: x}]}",
        "cluster: {name: shop, nodePools: {name: a}}",
        "cluster: {name: shop, tags: {\"\": x}}",
        "cluster: {name: shop, tags: [a]}",
        "cluster: {name: [a]}",
        "cluster: {name: shop, network: [x]}",
        "cluster: {name: shop, network: {apiAccessAllowlist: x}}",
        "cluster: {name: shop, network: {apiAccessAllowlist: [~]}}",
        "cluster: {name: shop, network: {vpcCidr: 5}}",
        "cluster: {name: shop, network: {privateApiOnly: yes}}",
        "cluster: {name: shop, kubernetesVersion: [1]}",
        "cluster: {name: shop, kubernetesVersion: 1.30}",
        "cluster: []",
        "cluster: ~",
        "platform: []",
        "platform: 5",
        "platform: {apps: {}}",
        "platform: {apps: [x]}",
        "platform: {apps: [{}]}",
        "platform: {apps: [~]}",
        "platform: {apps: [{name: a}]}",
        "platform: {apps: [{name: a, kind: ~}]}",
        "platform: {apps: [{name: a, kind: image}]}",
        "platform: {apps: [{name: a, kind: image, image: \"x:1\", env: [a]}]}",
        "platform: {apps: [{name: a, kind: image, image: \"x:1\", env: {A: [1]}}]}",
        "platform: {apps: [{name: a, kind: image, image: \"x:1\", links: x}]}",
        "platform: {apps: [{name: a, kind: image, image: \"x:1\", links: [x]}]}",
        "platform: {apps: [{name: a, kind: image, image: \"x:1\", links: [{}]}]}",
        "platform: {apps: [{name: a, kind: image, image: \"x:1\", route: x}]}",
        "platform: {apps: [{name: a, kind: image, image: \"x:1\", route: {}}]}",
        "platform: {apps: [{name: a, kind: image, image: \"x:1\", offers: [x]}]}",
        "platform: {istio: []}",
        "platform: {istio: x}",
        "platform: {istio: {mode: x}}",
        "platform: {istio: {gateway: x}}",
        "platform: {istio: {gateway: {replicas: -1}}}",
        "platform: {istio: {gateway: {namespace: [a]}}}",
        "platform: {logs: {namespace: [a]}}",
        "platform: {metrics: {retention: {a: 1}}}",
        "platform: {dashboards: {storage: [1]}}",
        "platform: {metrics: {receivers: x}}",
        "platform: {metrics: {receivers: [x]}}",
        "platform: {metrics: {receivers: [{}]}}",
        "platform: {metrics: {receivers: [{name: a, type: x}]}}",
        "platform: {metrics: {rules: x}}",
        "platform: {logs: {retention: -1}}",
        "platform: {chartSources: x}",
        "platform: {chartSources: {istio-base: ~}}",
        "platform: {signIn: x}",
        "platform: {signIn: {}}",
        "platform: {gui: {route: x}}",
        "platform: {dashboards: x}",
        "platform: {certificates: {issuer: x}}",
        "platform: {certificates: {issuer: acme, acme: {email: x}}}",
        "context: [a]",
        "kubeconfig: /no/such/file",
        "kubeconfig: [a]"})
    void isExitTwoWithProblemsNeverACrash(String yaml) throws IOException {
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), "config:\n  codezero:kubeconfig: " + dir.resolve("kubeconfig") + "\n  codezero:" + yaml + "\n");
        int exit = PlanCommand.commandLine().execute(dir.toString());
        String err = project.err();
        assertThat(exit).as(err + project.out()).isEqualTo(PlanCommand.INVALID_INPUT);
        assertThat(err).contains("codezero:").doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("failed");
    }
}
