package io.codezero.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.SizeClass;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The codezero:gcp config section: every key read, typos and wrong types reported with their path, never thrown. */
class GcpTargetConfigTest {

    @Test
    void everyKeyIsRead() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("project", "acme-platform-dev");
        values.put("region", "europe-west1");
        values.put("zones", List.of("europe-west1-b", "europe-west1-c"));
        values.put("network", Map.of("name", "shared", "subnetwork", "nodes", "podRangeName", "p", "serviceRangeName", "s"));
        values.put("masterCidr", "172.16.8.0/28");
        values.put("releaseChannel", "stable");
        values.put("maintenance", Map.of("start", "2026-01-03T01:00:00Z", "end", "2026-01-03T05:00:00Z", "recurrence", "FREQ=WEEKLY;BYDAY=SA",
                "noMinorUpgrades", Map.of("start", "2026-01-01T00:00:00Z", "end", "2026-06-01T00:00:00Z")));
        values.put("machineTypes", Map.of("medium", "n2d-standard-4"));
        values.put("kmsKeyName", "projects/acme-sec/locations/europe-west1/keyRings/r/cryptoKeys/k");
        values.put("deletionProtection", false);
        values.put("tokenCommand", List.of("java", "-jar", "/opt/codezero-gke-token.jar"));
        values.put("preflight", true);
        values.put("upgrades", Map.of("strategy", "blue-green", "blueGreenSoak", "600s"));
        values.put("diskSizeGb", 50);
        values.put("diskType", "pd-ssd");
        ConfigObject config = ConfigObject.root("codezero:gcp", values);
        GcpTargetArgs args = GcpTargetArgs.fromConfig(config);
        assertThat(config.problems()).isEmpty();
        assertThat(args.zones()).containsExactly("europe-west1-b", "europe-west1-c");
        assertThat(args.existingNetwork()).contains("shared");
        assertThat(args.podRangeName()).isEqualTo("p");
        assertThat(args.masterCidr()).isEqualTo("172.16.8.0/28");
        assertThat(args.releaseChannel()).isEqualTo(ReleaseChannel.STABLE);
        assertThat(args.maintenanceRecurrence()).isEqualTo("FREQ=WEEKLY;BYDAY=SA");
        assertThat(args.noMinorUpgradesEnd()).isEqualTo("2026-06-01T00:00:00Z");
        assertThat(args.machineTypes().resolve(io.codezero.core.spec.MachineSize.of(SizeClass.MEDIUM))).contains("n2d-standard-4");
        assertThat(args.deletionProtection()).isFalse();
        assertThat(args.tokenCommand()).hasSize(3);
        assertThat(args.preflight()).isTrue();
        assertThat(args.upgradeStrategy()).isEqualTo(UpgradeStrategy.BLUE_GREEN);
        assertThat(args.blueGreenSoak()).isEqualTo("600s");
        assertThat(args.diskType()).isEqualTo("pd-ssd");
    }

    @Test
    void typosAndWrongTypesAreProblemsWithTheirPath() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("project", "acme-platform-dev");
        values.put("regoin", "europe-west1");
        values.put("releaseChannel", "EXTENDED");
        values.put("deletionProtection", "maybe");
        values.put("machineTypes", Map.of("huge", "n2-standard-96"));
        values.put("upgrades", Map.of("strategy", "rolling"));
        ConfigObject config = ConfigObject.root("codezero:gcp", values);
        GcpTargetArgs.fromConfig(config);
        assertThat(config.problems()).extracting(p -> p.field()).containsExactlyInAnyOrder(
                "codezero:gcp.regoin", "codezero:gcp.releaseChannel", "codezero:gcp.deletionProtection",
                "codezero:gcp.machineTypes.huge", "codezero:gcp.upgrades.strategy");
        assertThat(config.problems()).anySatisfy(p -> assertThat(p.message()).contains("RAPID, REGULAR, STABLE, UNSPECIFIED"));
    }

    @Test
    void defaultsAreTheSecureOnes() {
        GcpTargetArgs args = GcpTargetArgs.builder().build();
        assertThat(args.deletionProtection()).isTrue();
        assertThat(args.releaseChannel()).isEqualTo(ReleaseChannel.REGULAR);
        assertThat(args.upgradeStrategy()).isEqualTo(UpgradeStrategy.SURGE);
        assertThat(args.maxUnavailable()).isZero();
        assertThat(args.tokenCommand()).containsExactly("codezero-gke-token");
        assertThat(args.preflight()).isFalse();
    }
}
