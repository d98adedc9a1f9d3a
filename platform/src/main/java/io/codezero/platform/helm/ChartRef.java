package io.codezero.platform.helm;

import java.util.Objects;

/**
 * A chart pinned to one version in one repository.
 *
 * @param key     the id used for local overrides in {@code chartSources}, e.g. "istio-base"
 * @param repo    the chart repository URL
 * @param chart   the chart's name in that repository
 * @param version the exact chart version; never a range
 */
public record ChartRef(String key, String repo, String chart, String version) {
    /** Refuses a missing field and a version range: a chart is pinned to one version. */
    public ChartRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(version, "version");
        if (version.isBlank() || version.contains("*") || version.contains("^") || version.contains("~") || version.contains(">")) {
            throw new IllegalArgumentException("chart " + chart + " must be pinned to one version, not '" + version + "'");
        }
    }
}
