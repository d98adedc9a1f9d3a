package io.codezero.platform.charts;

import io.codezero.core.testing.TestPrerequisites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The upstream charts the layers install, as test data: read from {@code ../shared/charts} next to the
 * repository (or the directory in system property {@value #PROPERTY}), never copied into the project.
 */
public final class UpstreamCharts {
    public static final String PROPERTY = "codezero.charts.dir";
    /** Istio's charts keep their defaults under this key and lift them to the top when rendering (zzz_profile.yaml). */
    static final String ISTIO_DEFAULTS = "_internal_defaults_do_not_set";

    private UpstreamCharts() {
    }

    /** The charts directory; skips (locally) or fails (CI) when it is missing. */
    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : defaultRoot();
        TestPrerequisites.require(Files.isDirectory(dir), "upstream charts not found at " + dir
                + " (set -D" + PROPERTY + "=DIR to the directory holding them)");
        return dir;
    }

    public static Path chart(String dirName) {
        Path dir = root().resolve(dirName);
        if (!Files.isRegularFile(dir.resolve("Chart.yaml"))) {
            throw new AssertionError("no chart in " + dir);
        }
        return dir;
    }

    /** The directories under {@link #root()} that hold a chart. */
    public static List<String> directories() {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("Chart.yaml"))).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directories holding a chart of this name (Chart.yaml's name), e.g. loki-8.1.3 and loki-11.7.0 for loki. */
    public static List<String> directoriesOf(String chartName) {
        return directories().stream().filter(d -> chartName.equals(chartYaml(d).get("name"))).toList();
    }

    /**
     * The version a chart directory holds, from its name's last part (Istio's and cert-manager's Chart.yaml keep
     * upstream's placeholders): {@code 11.7.0} for loki-11.7.0, {@code 1.31} (a release branch) for istiod-1.31.
     */
    public static String versionOf(String dirName) {
        return dirName.substring(dirName.lastIndexOf('-') + 1);
    }

    /** The directory holding exactly this published version of the chart, if any. */
    public static java.util.Optional<String> exactly(String chartName, String version) {
        return directoriesOf(chartName).stream().filter(d -> bare(versionOf(d)).equals(bare(version))).findFirst();
    }

    /** The directory to check values against: the exact version, else the release branch it belongs to (1.31 for 1.31.1). */
    public static java.util.Optional<String> closest(String chartName, String version) {
        return exactly(chartName, version).or(() -> directoriesOf(chartName).stream()
                .filter(d -> versionOf(d).matches("v?\\d+\\.\\d+") && bare(version).startsWith(bare(versionOf(d)) + "."))
                .findFirst());
    }

    static String bare(String version) {
        return version.startsWith("v") ? version.substring(1) : version;
    }

    /** The chart's Chart.yaml. */
    public static Map<String, Object> chartYaml(String dirName) {
        return load(chart(dirName).resolve("Chart.yaml"));
    }

    /** The chart's default values as Helm hands them to templates (Istio's defaults lifted to the top). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> values(String dirName) {
        Map<String, Object> values = load(chart(dirName).resolve("values.yaml"));
        if (values.get(ISTIO_DEFAULTS) instanceof Map<?, ?> defaults) {
            return (Map<String, Object>) defaults;
        }
        return values;
    }

    /** Every template of the chart and its vendored subcharts, concatenated. */
    public static String templates(String dirName) {
        try (Stream<Path> files = Files.walk(chart(dirName))) {
            return files.filter(f -> f.toString().contains("/templates/") && Files.isRegularFile(f))
                    .sorted()
                    .map(UpstreamCharts::read)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file of the chart, e.g. {@code templates/networkpolicy.yaml}. */
    public static String file(String dirName, String relative) {
        return read(chart(dirName).resolve(relative));
    }

    /** The value at a path of keys, or null when the chart's values do not have it. */
    public static Object at(Map<String, Object> values, List<String> path) {
        Object current = values;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    public static boolean has(Map<String, Object> values, List<String> path) {
        Object current = values;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return false;
            }
            current = map.get(key);
        }
        return true;
    }

    public static Map<String, Object> load(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        Object loaded = new Yaml(options).load(read(file));
        if (!(loaded instanceof Map<?, ?> map)) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) map;
        return typed;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code ../shared/charts} next to the repository; in a git worktree, next to the main checkout too
     * (a worktree's own directory may sit elsewhere).
     */
    static Path defaultRoot() {
        Path root = repositoryRoot();
        Path beside = root.resolve("../shared/charts").normalize();
        if (Files.isDirectory(beside)) {
            return beside;
        }
        return mainCheckout(root).map(main -> main.resolve("../shared/charts").normalize()).filter(Files::isDirectory).orElse(beside);
    }

    /** The main checkout of a worktree: its .git file names the worktree's git directory, whose commondir names the shared one. */
    static java.util.Optional<Path> mainCheckout(Path root) {
        Path dotGit = root.resolve(".git");
        if (!Files.isRegularFile(dotGit)) {
            return java.util.Optional.empty();
        }
        String text = read(dotGit).trim();
        if (!text.startsWith("gitdir:")) {
            return java.util.Optional.empty();
        }
        Path gitDir = root.resolve(text.substring("gitdir:".length()).trim()).normalize();
        Path commonFile = gitDir.resolve("commondir");
        Path common = Files.isRegularFile(commonFile) ? gitDir.resolve(read(commonFile).trim()).normalize() : gitDir;
        return java.util.Optional.ofNullable(common.getParent());
    }

    /** The repository's root: the first directory upwards from the working directory holding the codezero script. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("codezero")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return d;
            }
        }
        return dir;
    }
}
