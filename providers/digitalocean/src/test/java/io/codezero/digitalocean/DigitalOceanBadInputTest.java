package io.codezero.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.config.ConfigObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** codezero:digitalocean values the issue-9 sweep found accepted. */
class DigitalOceanBadInputTest {

    @Test
    void refusesHalfAMaintenanceWindow() {
        ConfigObject config = ConfigObject.root("digitalocean", Map.of("region", "fra1", "maintenanceWindow", Map.of("day", "monday")));
        DigitalOceanTarget.fromConfig(config);
        assertThat(config.problems()).singleElement().satisfies(p -> assertThat(p.toString())
                .startsWith("digitalocean.maintenanceWindow = \"day only\"").contains("give day and startTime together"));
    }

    @Test
    void acceptsAWholeMaintenanceWindow() {
        ConfigObject config = ConfigObject.root("digitalocean", Map.of("region", "fra1",
                "maintenanceWindow", Map.of("day", "monday", "startTime", "04:00")));
        DigitalOceanTarget.fromConfig(config);
        assertThat(config.problems()).isEmpty();
    }
}
