package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflineRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, defect 5: the adminer image's own command ({@code php -S [::]:8080 -t /var/www/html}, its Dockerfile's
 * CMD) opens an IPv6 socket and does not start on nodes booted with IPv6 disabled. CodeZero runs it on the IPv4
 * wildcard, which every target's pods have; the image's entrypoint still runs (only the command is replaced).
 */
@SuppressWarnings("unchecked")
class AdminerListenAddressTest {
    @Test
    void adminerServesOnTheIpv4WildcardSoItStartsWhereNodesHaveNoIpv6() {
        Map<String, Object> platform = ExampleConfig.full();
        platform.put("apps", List.of(Map.of("name", "db", "kind", "postgresql"),
                Map.of("name", "admin", "kind", "adminer", "links", List.of(Map.of("app", "db")))));
        OfflineRun run = FakeCluster.plan(platform);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        Map<String, Object> container = WorkloadHardeningTest.container(run, "admin");
        assertThat((List<Object>) container.get("args")).containsExactly("php", "-S", "0.0.0.0:8080", "-t", "/var/www/html");
        assertThat(container.get("command")).as("the image's entrypoint stays").isNull();
    }
}
