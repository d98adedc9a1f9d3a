package io.codezero.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.Exposure;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.validation.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExistingClusterTargetTest {
    static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            current-context: minikube
            clusters:
              - name: minikube
                cluster: {server: "https://192.168.49.2:8443"}
              - name: k3d-dev
                cluster: {server: "https://127.0.0.1:6550"}
              - name: broken
                cluster: {}
            users:
              - name: minikube
                user: {token: "t0ps3cret"}
              - name: k3d-admin
                user: {token: "other"}
            contexts:
              - name: minikube
                context: {cluster: minikube, user: minikube}
              - name: k3d-dev
                context: {cluster: k3d-dev, user: k3d-admin}
              - name: no-server
                context: {cluster: broken, user: ghost}
            """;

    @TempDir
    Path dir;

    private Path kubeconfig() throws IOException {
        return Files.writeString(dir.resolve("config"), KUBECONFIG);
    }

    @Test
    void adoptsTheNamedContextWithAProviderBoundToItAndASecretKubeconfig() throws IOException {
        var target = new ExistingClusterTarget(ExistingClusterArgs.builder().kubeconfigPath(kubeconfig()).context("k3d-dev").build());
        AtomicReference<ProvisionedCluster> cluster = new AtomicReference<>();

        OfflineRun run = OfflineEngine.create().run(ctx -> {
            var root = new ComponentResource("test:index:Root", "root", ComponentResourceOptions.builder().build());
            cluster.set(target.provision(ClusterSpec.builder("dev").build(), new io.codezero.core.target.TargetContext("dev", root)));
        });

        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource component = run.get("codezero:local:ExistingCluster", "dev");
        PlannedResource provider = run.get("pulumi:providers:kubernetes", "dev-k8s");
        assertThat(component.parentUrn()).isEqualTo(run.get("test:index:Root", "root").urn());
        assertThat(provider.parentUrn()).isEqualTo(component.urn());
        assertThat(provider.input("context")).isEqualTo("k3d-dev");
        assertThat((String) provider.input("kubeconfig")).contains("https://127.0.0.1:6550");
        assertThat(provider.isSecretInput("kubeconfig")).isTrue();
        assertThat(cluster.get().storage().standardClass()).isEqualTo("local-path");
        assertThat(cluster.get().loadBalancers().supports(Exposure.INTERNAL)).isTrue();
        assertThat(cluster.get().loadBalancers().assignsAddresses()).as("k3d ServiceLB assigns addresses").isTrue();
        assertThat(cluster.get().readiness()).isEmpty();
    }

    @Test
    void theHandlesNameTheContextsClusterAndItsApiServerFromAFileAndFromAKubeconfigOutput() throws IOException {
        Path path = kubeconfig();
        AtomicReference<ExistingClusterHandles> fromFile = new AtomicReference<>();
        AtomicReference<ExistingClusterHandles> fromOutput = new AtomicReference<>();
        OfflineEngine.create().run(ctx -> {
            var file = new ExistingClusterTarget(ExistingClusterArgs.builder().kubeconfigPath(path).context("k3d-dev").build());
            fromFile.set(file.provision(ClusterSpec.builder("a").build(), io.codezero.core.target.TargetContext.standalone("a"))
                    .handles(ExistingClusterHandles.class));
            var output = new ExistingClusterTarget(ExistingClusterArgs.builder().kubeconfig(com.pulumi.core.Output.ofSecret(KUBECONFIG))
                    .context("k3d-dev").build());
            fromOutput.set(output.provision(ClusterSpec.builder("b").build(), io.codezero.core.target.TargetContext.standalone("b"))
                    .handles(ExistingClusterHandles.class));
        });
        for (ExistingClusterHandles handles : List.of(fromFile.get(), fromOutput.get())) {
            assertThat(value(handles.clusterName())).isEqualTo("k3d-dev");
            assertThat(value(handles.endpoint())).isEqualTo("https://127.0.0.1:6550");
        }
    }

    private static String value(com.pulumi.core.Output<String> output) {
        return com.pulumi.core.internal.Internal.of(output).getValueNullable().join();
    }

    @Test
    void defaultsToTheCurrentContextAndDetectsMinikubeStorage() throws IOException {
        var target = new ExistingClusterTarget(ExistingClusterArgs.builder().kubeconfigPath(kubeconfig()).build());
        AtomicReference<ProvisionedCluster> cluster = new AtomicReference<>();
        OfflineRun run = OfflineEngine.create().run(ctx -> cluster.set(target.provision(ClusterSpec.builder("mk").build(), io.codezero.core.target.TargetContext.standalone("mk"))));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        assertThat(run.get("pulumi:providers:kubernetes", "mk-k8s").input("context")).isEqualTo("minikube");
        assertThat(cluster.get().storage().standardClass()).isEqualTo("standard");
        assertThat(cluster.get().loadBalancers().assignsAddresses()).as("minikube needs a tunnel").isFalse();
    }

    @Test
    void aTunnelCanBeDeclaredSoGatewaysUseLoadBalancers() throws IOException {
        var target = new ExistingClusterTarget(ExistingClusterArgs.builder().kubeconfigPath(kubeconfig()).loadBalancerAddresses(true).build());
        AtomicReference<ProvisionedCluster> cluster = new AtomicReference<>();
        OfflineEngine.create().run(ctx -> cluster.set(target.provision(ClusterSpec.builder("mk").build(), io.codezero.core.target.TargetContext.standalone("mk"))));
        assertThat(cluster.get().loadBalancers().assignsAddresses()).isTrue();
    }

    @Test
    void aStorageClassOverrideWinsOverDetection() throws IOException {
        var target = new ExistingClusterTarget(ExistingClusterArgs.builder().kubeconfigPath(kubeconfig()).storageClass("ceph-rbd").build());
        AtomicReference<ProvisionedCluster> cluster = new AtomicReference<>();
        OfflineEngine.create().run(ctx -> cluster.set(target.provision(ClusterSpec.builder("mk").build(), io.codezero.core.target.TargetContext.standalone("mk"))));
        assertThat(cluster.get().storage().fastClass()).isEqualTo("ceph-rbd");
    }

    @Test
    void anUnknownContextNamesTheKnownOnes() throws IOException {
        var target = new ExistingClusterTarget(ExistingClusterArgs.builder().kubeconfigPath(kubeconfig()).context("prod").build());
        List<Problem> problems = target.validate(ClusterSpec.builder("x").build());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("context");
            assertThat(p.value()).isEqualTo("prod");
            assertThat(p.message()).contains("minikube, k3d-dev, no-server");
        });
    }

    @Test
    void aContextWithoutServerOrUserIsReportedTwice() throws IOException {
        var target = new ExistingClusterTarget(ExistingClusterArgs.builder().kubeconfigPath(kubeconfig()).context("no-server").build());
        assertThat(target.validate(ClusterSpec.builder("x").build())).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("no server address"))
                .anySatisfy(m -> assertThat(m).contains("user 'ghost'"));
    }

    @Test
    void aMissingKubeconfigFileIsAProblemNotACrash() {
        var target = new ExistingClusterTarget(ExistingClusterArgs.builder().kubeconfigPath(dir.resolve("nope")).build());
        assertThat(target.validate(ClusterSpec.builder("x").build())).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no readable kubeconfig"));
    }

    @Test
    void garbageIsNotAKubeconfig() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad"), "- just\n- a list\n");
        var target = new ExistingClusterTarget(ExistingClusterArgs.builder().kubeconfigPath(bad).build());
        assertThat(target.validate(ClusterSpec.builder("x").build())).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("is not valid kubeconfig"));
    }

    @Test
    void flavoursAreDetectedFromContextNames() {
        assertThat(LocalFlavour.detect("kind-kind")).isEqualTo(LocalFlavour.KIND);
        assertThat(LocalFlavour.detect("docker-desktop").storageProfile().standardClass()).isEqualTo("hostpath");
        assertThat(LocalFlavour.detect("prod-eu")).isEqualTo(LocalFlavour.GENERIC);
    }

    @Test
    void aKubeconfigFromAnotherResourceIsUsedAsASecretWithTheNamedContext() {
        var target = new ExistingClusterTarget(ExistingClusterArgs.builder()
                .kubeconfig(com.pulumi.core.Output.of("apiVersion: v1\nkind: Config\n")).context("k3d-dev").build());
        assertThat(target.validate(ClusterSpec.builder("x").build())).isEmpty();
        OfflineRun run = OfflineEngine.create().run(ctx -> target.provision(ClusterSpec.builder("x").build(),
                io.codezero.core.target.TargetContext.standalone("x")));
        PlannedResource provider = run.get("pulumi:providers:kubernetes", "x-k8s");
        assertThat(provider.isSecretInput("kubeconfig")).isTrue();
        assertThat(provider.input("context")).isEqualTo("k3d-dev");
        var withoutContext = new ExistingClusterTarget(ExistingClusterArgs.builder().kubeconfig(com.pulumi.core.Output.of("x")).build());
        assertThat(withoutContext.validate(ClusterSpec.builder("x").build())).extracting(Problem::field).containsExactly("context");
    }
}
