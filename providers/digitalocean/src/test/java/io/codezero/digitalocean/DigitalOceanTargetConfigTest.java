package io.codezero.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.validation.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code codezero:digitalocean} read from config: every key, its defaults, type errors and typos as problems. */
class DigitalOceanTargetConfigTest {

    @Test
    void defaultsAreSecureAndSmall() {
        ConfigObject config = ConfigObject.root("codezero:digitalocean", Map.of("region", "fra1"));
        DigitalOceanTargetArgs args = DigitalOceanTargetArgs.fromConfig(config);
        assertThat(config.problems()).isEmpty();
        assertThat(args.region()).isEqualTo("fra1");
        assertThat(args.highAvailability()).isTrue();
        assertThat(args.destroyAssociatedResources()).isFalse();
        assertThat(args.registryIntegration()).isFalse();
        assertThat(args.builtInPoolSize()).isEqualTo("s-2vcpu-4gb");
        assertThat(args.builtInPoolNodes()).isEqualTo(2);
        assertThat(args.tokenCommand()).containsExactly("codezero-doks-token");
        assertThat(args.credentialSeconds()).isEqualTo(3600);
        assertThat(args.preflight()).isFalse();
        assertThat(args.adoptsVpc()).isFalse();
        assertThat(args.controlPlaneFirewall()).as("invite only: off unless said").isFalse();
    }

    @Test
    void everyKeyIsRead() {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("region", "nyc3");
        values.put("vpcId", "5a4981aa-9653-4bd1-bef5-d6bff52042e4");
        values.put("project", Map.of("environment", "Staging"));
        values.put("dropletSizes", Map.of("medium", "s-4vcpu-8gb"));
        values.put("builtInPool", Map.of("size", "s-4vcpu-8gb", "nodes", 3.0));
        values.put("highAvailability", false);
        values.put("registryIntegration", true);
        values.put("controlPlaneFirewall", true);
        values.put("maintenanceWindow", Map.of("day", "any", "startTime", "22:30"));
        values.put("destroyAssociatedResources", true);
        values.put("versionSlug", "1.34.1-do.0");
        values.put("tokenCommand", List.of("java", "-jar", "/opt/codezero-doks-token.jar"));
        values.put("tokenFile", "/etc/do-token");
        values.put("credentialSeconds", 1800.0);
        values.put("preflight", true);
        ConfigObject config = ConfigObject.root("codezero:digitalocean", values);
        DigitalOceanTargetArgs args = DigitalOceanTargetArgs.fromConfig(config);
        assertThat(config.problems()).isEmpty();
        assertThat(args.existingVpcId()).contains("5a4981aa-9653-4bd1-bef5-d6bff52042e4");
        assertThat(args.projectEnvironment()).contains("Staging");
        assertThat(args.dropletSizeOverrides()).containsEntry(SizeClass.MEDIUM, "s-4vcpu-8gb");
        assertThat(args.builtInPoolSize()).isEqualTo("s-4vcpu-8gb");
        assertThat(args.builtInPoolNodes()).isEqualTo(3);
        assertThat(args.highAvailability()).isFalse();
        assertThat(args.registryIntegration()).isTrue();
        assertThat(args.controlPlaneFirewall()).isTrue();
        assertThat(args.maintenanceDay()).isEqualTo("any");
        assertThat(args.maintenanceStartTime()).isEqualTo("22:30");
        assertThat(args.destroyAssociatedResources()).isTrue();
        assertThat(args.versionSlug()).contains("1.34.1-do.0");
        assertThat(args.tokenCommand()).containsExactly("java", "-jar", "/opt/codezero-doks-token.jar");
        assertThat(args.tokenFile()).contains("/etc/do-token");
        assertThat(args.credentialSeconds()).isEqualTo(1800);
        assertThat(args.preflight()).isTrue();
    }

    @Test
    void typosAndTypeErrorsAreProblemsWithTheirPath() {
        ConfigObject config = ConfigObject.root("codezero:digitalocean", Map.of(
                "region", "fra1",
                "regoin", "fra1",
                "dropletSizes", Map.of("huge", "s-32vcpu-192gb"),
                "builtInPool", Map.of("nodes", "two"),
                "maintenanceWindow", Map.of("weekday", "monday"),
                "preflight", "yes"));
        DigitalOceanTargetArgs.fromConfig(config);
        assertThat(config.problems()).extracting(Problem::field).containsExactlyInAnyOrder(
                "codezero:digitalocean.regoin", "codezero:digitalocean.dropletSizes.huge", "codezero:digitalocean.builtInPool.nodes",
                "codezero:digitalocean.maintenanceWindow.weekday", "codezero:digitalocean.preflight");
    }
}
