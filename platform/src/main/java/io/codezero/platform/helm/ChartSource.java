package io.codezero.platform.helm;

import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where each chart comes from: its pinned repository by default, or a local chart directory given
 * in {@code platform.chartSources} (for air-gapped installs and the end-to-end test, which cannot
 * reach public chart repositories). Every platform Helm release is made here, so timeouts, atomic
 * rollback and CRD handling are the same everywhere.
 */
public final class ChartSource {
    private final Map<String, String> localCharts;

    public ChartSource(Map<String, String> localCharts) {
        this.localCharts = Map.copyOf(localCharts);
    }

    public static ChartSource remote() {
        return new ChartSource(Map.of());
    }

    /** Overrides naming a chart no enabled layer installs: almost always a typo. */
    public List<Problem> validate(String path, Set<String> knownKeys) {
        List<Problem> problems = new ArrayList<>();
        localCharts.forEach((key, dir) -> {
            if (!knownKeys.contains(key)) {
                problems.add(Problem.of(path + "." + key, dir, "names no chart the enabled layers install; known charts are "
                        + String.join(", ", new TreeSet<>(knownKeys))));
            } else if (dir == null || dir.isBlank()) {
                problems.add(Problem.of(path + "." + key, dir, "must be the path of a local chart directory or .tgz"));
            } else if (dir.matches("[A-Za-z][A-Za-z0-9+.-]*://.*")) {
                problems.add(Problem.of(path + "." + key, dir, "is a URL; chartSources takes the path of a local chart directory or .tgz "
                        + "(e.g. charts/" + key + "); charts from repositories are the pinned defaults"));
            }
        });
        return problems;
    }

    /**
     * A Helm release of a pinned chart. {@code atomic} rolls back a failed install or upgrade and
     * {@code timeoutSeconds} bounds every wait, so a release never hangs a deploy forever
     * (pulumi-kubernetes#2054). CRDs in the chart's crds/ directory are installed ({@code skipCrds=false}) but never
     * upgraded by Helm, so every platform CRD comes from a chart that templates it and is upgraded with it: Istio base
     * (since 1.24), cert-manager with crds.enabled, and prometheus-operator-crds (kube-prometheus-stack's own copy is off).
     */
    public Release release(String resourceName, ChartRef chart, String releaseName, String namespace,
                           Map<String, Object> values, int timeoutSeconds, CustomResourceOptions options) {
        ReleaseArgs.Builder args = ReleaseArgs.builder()
                .name(releaseName)
                .namespace(namespace)
                .createNamespace(false)
                .version(chart.version())
                .values(values)
                .atomic(true)
                .cleanupOnFail(true)
                .timeout(timeoutSeconds)
                .waitForJobs(true)
                .skipCrds(false)
                .maxHistory(5);
        String local = localCharts.get(chart.key());
        if (local != null) {
            args.chart(local);
        } else {
            args.chart(chart.chart()).repositoryOpts(RepositoryOptsArgs.builder().repo(chart.repo()).build());
        }
        return new Release(resourceName, args.build(), options);
    }
}
