package io.codezero.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** codezero:gcp values the issue-9 sweep found accepted: each was silently replaced by a default or ignored. */
class GcpBadInputTest {

    private static List<Problem> with(String key, Object value) {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("project", "acme-platform-dev", "region", "europe-west1"));
        values.put(key, value);
        ConfigObject config = ConfigObject.root("gcp", values);
        GcpTarget target = GcpTarget.fromConfig(config);
        List<Problem> all = new ArrayList<>(config.problems());
        all.addAll(target.validate(ClusterSpec.builder("shop").network(NetworkSpec.builder().allowApiAccessFrom("203.0.113.0/24").build()).build()));
        return all;
    }

    @Test
    void refusesAnEmptyZoneList() {
        assertThat(with("zones", List.of())).singleElement().satisfies(p -> assertThat(p.toString()).startsWith("gcp.zones").contains("is empty"));
    }

    @Test
    void refusesPartOfAMaintenanceWindow() {
        assertThat(with("maintenance", Map.of("start", "2025-01-04T02:00:00Z"))).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("gcp.maintenance").contains("give start, end and recurrence together"));
    }

    @Test
    void refusesARecurrenceWithAnUnknownFrequency() {
        assertThat(with("maintenance", Map.of("start", "2025-01-04T02:00:00Z", "end", "2025-01-04T08:00:00Z", "recurrence", "FREQ=NEVER")))
                .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("gcp.maintenance.recurrence"));
        assertThat(with("maintenance", Map.of("start", "2025-01-04T02:00:00Z", "end", "2025-01-04T08:00:00Z", "recurrence", "FREQ=WEEKLY;BYDAY=SA,SU")))
                .isEmpty();
    }

    @Test
    void refusesSettingsOfTheOtherUpgradeStrategy() {
        assertThat(with("upgrades", Map.of("strategy", "SURGE", "blueGreenSoak", "3600s"))).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("gcp.upgrades.blueGreenSoak").contains("not used by the SURGE"));
    }

    @Test
    void readsSurgeSettingsWithTheSurgeStrategy() {
        ConfigObject config = ConfigObject.root("gcp", Map.of("project", "acme-platform-dev", "region", "europe-west1",
                "upgrades", Map.of("strategy", "SURGE", "maxSurge", 2, "maxUnavailable", 1)));
        GcpTargetArgs args = GcpTarget.fromConfig(config).args();
        assertThat(config.problems()).isEmpty();
        assertThat(args.maxSurge()).isEqualTo(2);
        assertThat(args.maxUnavailable()).isEqualTo(1);
    }
}
