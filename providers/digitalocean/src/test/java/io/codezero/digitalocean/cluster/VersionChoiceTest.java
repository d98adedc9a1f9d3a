package io.codezero.digitalocean.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The version is chosen once and kept: only a change of the program's minor looks up a new one. */
class VersionChoiceTest {

    @Test
    void theRunningClustersPatchIsKeptWhileTheMinorIsTheSame() {
        VersionChoice choice = VersionChoice.of("1.34", Optional.empty(), Optional.of("1.34.1-do.0"));
        assertThat(choice.slug()).contains("1.34.1-do.0");
        assertThat(choice.problem()).isEmpty();
    }

    @Test
    void aNewClusterOrTheNextMinorLooksUpTheNewestPatch() {
        assertThat(VersionChoice.of("1.34", Optional.empty(), Optional.empty()).slug()).isEmpty();
        assertThat(VersionChoice.of("1.34", Optional.empty(), Optional.of("1.33.5-do.0")).slug()).isEmpty();
    }

    @Test
    void aPinnedSlugWins() {
        assertThat(VersionChoice.of("1.34", Optional.of("1.34.2-do.1"), Optional.of("1.34.1-do.0")).slug()).contains("1.34.2-do.1");
    }

    @Test
    void aDowngradeWhichWouldReplaceTheClusterIsRefused() {
        VersionChoice minor = VersionChoice.of("1.33", Optional.empty(), Optional.of("1.34.1-do.0"));
        assertThat(minor.problem()).hasValueSatisfying(p -> assertThat(p.toString()).contains("kubernetesVersion", "1.33", "lower", "1.34.1-do.0"));
        VersionChoice pinned = VersionChoice.of("1.34", Optional.of("1.34.0-do.3"), Optional.of("1.34.1-do.0"));
        assertThat(pinned.problem()).hasValueSatisfying(p -> assertThat(p.toString()).contains("digitalocean.versionSlug", "1.34.0-do.3"));
    }

    @Test
    void skippingAMinorIsRefused() {
        assertThat(VersionChoice.of("1.34", Optional.empty(), Optional.of("1.32.9-do.0")).problem())
                .hasValueSatisfying(p -> assertThat(p.toString()).contains("one minor at a time", "1.33"));
    }
}
