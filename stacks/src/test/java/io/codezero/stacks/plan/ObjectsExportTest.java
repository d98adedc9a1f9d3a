package io.codezero.stacks.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectsExportTest {
    @TempDir
    Path dir;

    private static OfflineRun run() {
        OfflineRun run = OfflineEngine.create().mocks(PlanMocksContributor.discover()).run(ctx -> {
            new Secret("s", SecretArgs.builder().metadata(ObjectMetaArgs.builder().name("creds").namespace("app").build())
                    .stringData(Output.ofSecret(Map.of("password", "hunter2"))).build());
            new ConfigMap("c", ConfigMapArgs.builder().metadata(ObjectMetaArgs.builder().name("settings").namespace("app").build())
                    .data(Output.ofSecret(Map.of("token", "t0ken"))).build());
            new Deployment("d", DeploymentArgs.builder().metadata(ObjectMetaArgs.builder().name("web").namespace("app").build())
                    .spec(DeploymentSpecArgs.builder().replicas(2)
                            .selector(LabelSelectorArgs.builder().matchLabels(Map.of("app", "web")).build())
                            .template(PodTemplateSpecArgs.builder().metadata(ObjectMetaArgs.builder().labels(Map.of("app", "web")).build())
                                    .spec(PodSpecArgs.builder().containers(ContainerArgs.builder().name("web").image("nginx:1.29.3").build()).build())
                                    .build())
                            .build())
                    .build());
            new Release("r", ReleaseArgs.builder().chart("some-chart").namespace("app").build());
        });
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        return run;
    }

    @Test
    void exportsTheProgramsObjectsButNotHelmReleases() {
        List<Map<String, Object>> objects = ObjectsExport.objects(run());
        assertThat(objects).extracting(o -> o.get("apiVersion") + " " + o.get("kind"))
                .containsExactly("v1 Secret", "v1 ConfigMap", "apps/v1 Deployment");
    }

    @Test
    void masksSecretsAndWritesWholeNumbersAsIntegers() throws Exception {
        Path file = dir.resolve("out/objects.yaml");
        assertThat(ObjectsExport.write(run(), file)).isEqualTo(3);
        String yaml = Files.readString(file);
        assertThat(yaml).doesNotContain("hunter2").doesNotContain("t0ken").contains("password: (masked)").contains("token: (masked)");
        assertThat(yaml).contains("replicas: 2\n").doesNotContain("2.0");
        assertThat(yaml.split("(?m)^---")).hasSize(4);
    }
}
