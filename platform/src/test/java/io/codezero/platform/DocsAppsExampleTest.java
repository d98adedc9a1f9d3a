package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 24, defect 4: the "Apps" example of docs/platform.md plans, and its image app can start under the defaults
 * CodeZero applies (non-root, read-only root file system, only {@code /tmp} writable). The official nginx image
 * runs as root on port 80 and writes /var/cache/nginx and /run; nginxinc/nginx-unprivileged (its Dockerfile: USER 101,
 * {@code listen 8080}, pid file and every temp path moved to /tmp) needs nothing but /tmp.
 */
@SuppressWarnings("unchecked")
class DocsAppsExampleTest {
    static Map<String, Object> docsApps() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "platform.md"));
        int section = doc.indexOf("\n## Apps\n");
        int start = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
        String block = doc.substring(start, doc.indexOf("```", start));
        return new Yaml().load(block);
    }

    @Test
    void theDocsAppsPlanAndTheImageAppNeedsOnlyWhatCodeZeroMakesWritable() throws IOException {
        List<Map<String, Object>> apps = (List<Map<String, Object>>) docsApps().get("apps");
        Map<String, Object> platform = ExampleConfig.full();
        platform.put("apps", apps);
        assertThat(PlatformConfigTest.problems(platform)).isEmpty();
        OfflineRun run = FakeCluster.plan(platform);
        assertThat(run.succeeded()).as(run.failure()).isTrue();

        Map<String, Object> hello = apps.stream().filter(a -> "image".equals(a.get("kind"))).findFirst().orElseThrow();
        String image = (String) hello.get("image");
        assertThat(image).as("an nginx that runs unprivileged with a read-only root").startsWith("docker.io/nginxinc/nginx-unprivileged:");
        assertThat(hello.get("port")).as("nginx-unprivileged listens on 8080").isEqualTo(8080);
        Map<String, Object> container = WorkloadHardeningTest.container(run, (String) hello.get("name"));
        assertThat(WorkloadHardeningTest.at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) container.get("volumeMounts");
        assertThat(mounts.stream().map(m -> m.get("mountPath")).toList()).contains("/tmp");
        assertThat(((List<Map<String, Object>>) container.get("ports")).get(0).get("containerPort")).isEqualTo(8080.0);
    }
}
