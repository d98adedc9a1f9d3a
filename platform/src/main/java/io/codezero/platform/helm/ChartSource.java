package io.codezero.platform.helm;

import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.core.plan.OfflinePlan;
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

    /**
     * Chart sources from local copies.
     *
     * @param localCharts the path of a local chart directory or .tgz by chart key ({@link ChartRef#key()})
     */
    public ChartSource(Map<String, String> localCharts) {
        this.localCharts = Map.copyOf(localCharts);
    }

    /** Every chart from its pinned repository. */
    public static ChartSource remote() {
        return new ChartSource(Map.of());
    }

    /**
     * Overrides naming a chart no enabled layer installs (almost always a typo), and paths that are URLs or do not exist.
     *
     * @param path      where the overrides are reported, e.g. {@code platform.chartSources}
     * @param knownKeys the keys of the charts the enabled layers install
     * @return the problems
     */
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
            } else if (!java.nio.file.Files.exists(java.nio.file.Path.of(dir))) {
                // Helm would only find out at deploy time, after everything before the release was created. The offline
                // plan only notes it: it plans stacks whose charts are linked into the project only where they deploy.
                Problem missing = Problem.of(path + "." + key, dir, "does not exist; a relative path is read from the directory the "
                        + "program runs in (" + java.nio.file.Path.of("").toAbsolutePath() + "), which is the Pulumi project's");
                if (OfflinePlan.active()) {
                    OfflinePlan.note(missing + " (pulumi preview and up refuse it before anything is created)");
                } else {
                    problems.add(missing);
                }
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
     * Layers call it through {@link io.codezero.platform.LayerContext#release}.
     *
     * @param resourceName   the Pulumi name
     * @param chart          the pinned chart
     * @param releaseName    the Helm release's name
     * @param namespace      the namespace it installs into
     * @param values         the chart's values (may hold Outputs)
     * @param timeoutSeconds the bound of every wait
     * @param options        the resource options
     * @return the release
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
