package io.codezero.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.validation.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** codezero:azure values the issue-9 sweep found accepted, or read as something else. */
class AzureBadInputTest {

    @Test
    void refusesARepeatedAdminGroup() {
        String group = "00000000-0000-0000-0000-000000000001";
        ConfigObject config = ConfigObject.root("azure", Map.of("location", "westeurope", "adminGroupObjectIds", List.of(group, group)));
        AzureTarget.fromConfig(config);
        assertThat(config.problems()).extracting(Problem::field).containsExactly("azure.adminGroupObjectIds[1]");
    }

    @Test
    void zonesWrittenAsNumbersReadAsZoneNames() {
        // [1, 2, 3] in YAML arrives as 1.0, 2.0, 3.0 in JSON config; it must not become "1.0"
        ConfigObject config = ConfigObject.root("azure", Map.of("location", "westeurope", "zones", List.of(1.0, 2.0, 3.0)));
        AzureTargetArgs args = AzureTarget.fromConfig(config).args();
        assertThat(config.problems()).isEmpty();
        assertThat(args.zones()).containsExactly("1", "2", "3");
    }
}
