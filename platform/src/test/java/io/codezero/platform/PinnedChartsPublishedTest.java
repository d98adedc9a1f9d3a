package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.Versions;
import io.codezero.platform.charts.UpstreamCharts;
import io.codezero.platform.helm.ChartRef;
import io.codezero.platform.layers.CertificatesLayer;
import io.codezero.platform.layers.DashboardsLayer;
import io.codezero.platform.layers.GuiLayer;
import io.codezero.platform.layers.IstioLayer;
import io.codezero.platform.layers.LogsLayer;
import io.codezero.platform.layers.MetricsLayer;
import io.codezero.platform.layers.SignInLayer;
import io.codezero.platform.mesh.IstioMode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every chart version we pin was published. A pin is trusted when ../shared/charts holds that very version
 * (extracted from the project's own repository at its release tag); a pin that is not held there must be
 * listed below with the evidence that it exists, or this test fails. The list may not keep entries for
 * pins that are gone or now held.
 */
class PinnedChartsPublishedTest {
    /** "chart version" → where its publication was seen (release tag, chart repository index, release notes). */
    static final Map<String, String> PUBLISHED_ELSEWHERE = Map.of(
            "base 1.31.1", Istio.EVIDENCE,
            "istiod 1.31.1", Istio.EVIDENCE,
            "gateway 1.31.1", Istio.EVIDENCE,
            "cni 1.31.1", Istio.EVIDENCE,
            "ztunnel 1.31.1", Istio.EVIDENCE);

    /** Istio releases its five charts together, with the release. */
    static final class Istio {
        static final String EVIDENCE = "Istio 1.31.1 released 2026-09-21: release tag github.com/istio/istio/releases/tag/1.31.1 and "
                + "istio.io/latest/news/releases/1.31.x/announcing-1.31.1/ (1.31.0: 2026-08-31, releases page of istio/istio), "
                + "both cited by public repositories that install 1.31.1 from the Istio chart repository; ../shared/charts holds "
                + "the release-1.31 branch at a8d70121 (2026-08-20), which tests read values and templates from";
    }

    /** Every chart any layer can install, in every configuration, and MetalLB of the bare-metal target. */
    static List<ChartRef> pinned() {
        List<ChartRef> charts = new ArrayList<>();
        charts.addAll(IstioLayer.builder().mode(IstioMode.AMBIENT).build().charts());
        charts.addAll(CertificatesLayer.builder().build().charts());
        charts.addAll(MetricsLayer.builder().build().charts());
        charts.addAll(LogsLayer.builder().build().charts());
        charts.addAll(DashboardsLayer.builder().build().charts());
        charts.addAll(GuiLayer.builder().kiali(true).build().charts());
        charts.add(SignInLayer.CHART);
        charts.add(new ChartRef("metallb", Versions.BareMetal.METALLB_REPO, "metallb", Versions.BareMetal.METALLB));
        return charts;
    }

    @Test
    void everyPinIsHeldByTheUpstreamChartsOrListedWithEvidence() {
        List<String> unproven = new ArrayList<>();
        Map<String, String> report = new LinkedHashMap<>();
        for (ChartRef chart : pinned()) {
            String key = chart.chart() + " " + chart.version();
            List<String> dirs = UpstreamCharts.directoriesOf(chart.chart());
            assertThat(dirs).as("../shared/charts has no chart named " + chart.chart()).isNotEmpty();
            if (UpstreamCharts.exactly(chart.chart(), chart.version()).isPresent()) {
                report.put(key, "held: " + UpstreamCharts.exactly(chart.chart(), chart.version()).get());
            } else if (PUBLISHED_ELSEWHERE.containsKey(key)) {
                report.put(key, "listed with evidence (shared: " + dirs + ")");
            } else {
                unproven.add(key + " (" + chart.repo() + "): ../shared/charts holds " + dirs.stream().map(UpstreamCharts::versionOf).toList()
                        + "; pin one of those, or list this pin in PUBLISHED_ELSEWHERE with where its publication was seen");
            }
        }
        report.forEach((k, v) -> System.out.println("pin " + k + ": " + v));
        assertThat(unproven).as("pins nobody showed were published").isEmpty();
    }

    @Test
    void theEvidenceListNamesOnlyCurrentPinsThatTheChartsDoNotHold() {
        Set<String> current = pinned().stream().map(c -> c.chart() + " " + c.version()).collect(Collectors.toSet());
        for (String listed : PUBLISHED_ELSEWHERE.keySet()) {
            assertThat(current).as(listed + " is no longer pinned: remove its entry").contains(listed);
            String[] parts = listed.split(" ");
            assertThat(UpstreamCharts.exactly(parts[0], parts[1])).as(listed + " is now held by ../shared/charts: remove its entry").isEmpty();
        }
    }

    @Test
    void everyChartVersionInTheCatalogueIsCheckedHere() throws IllegalAccessException {
        Set<String> versions = new TreeSet<>();
        for (Field f : Versions.Platform.class.getFields()) {
            String name = f.getName();
            boolean chartVersion = Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
                    && !name.endsWith("_REPO") && !name.endsWith("_IMAGE") && !name.endsWith("_PLUGIN");
            if (chartVersion) {
                versions.add(name + "=" + f.get(null));
            }
        }
        Set<String> checked = pinned().stream().map(ChartRef::version).collect(Collectors.toSet());
        assertThat(versions).isNotEmpty().allSatisfy(v -> assertThat(checked).as(v).contains(v.substring(v.indexOf('=') + 1)));
    }

    @Test
    void aPinAheadOfTheChartsWithoutEvidenceFailsAndSaysWhatIsHeld() {
        ChartRef ahead = new ChartRef("cert-manager", Versions.Platform.JETSTACK_REPO, "cert-manager", "v1.21.2");
        assertThat(UpstreamCharts.exactly(ahead.chart(), ahead.version())).isEmpty();
        assertThat(PUBLISHED_ELSEWHERE).doesNotContainKey("cert-manager v1.21.2");
        assertThat(UpstreamCharts.directoriesOf("cert-manager")).extracting(UpstreamCharts::versionOf).containsExactly("v1.21.1");
    }
}
