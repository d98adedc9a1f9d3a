package io.codezero.examples.gcp;

import io.codezero.core.testing.TestPrerequisites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * One of Istio's upstream charts from {@code ../shared/charts} (test data, never copied into the project), and the
 * values its templates see for a release's values: Istio's charts keep their defaults under
 * {@code _internal_defaults_do_not_set} and, in {@code templates/zzz_profile.yaml}, merge onto them the profile
 * ({@code files/profile-<profile>.yaml}), then the platform profile ({@code files/profile-platform-<platform>.yaml}),
 * then the release's values, with sprig's {@code mustMergeOverwrite} (an empty value, "" or false, never overwrites).
 * {@link #zzzProfileIsTheMergeThisClassFollows()} checks that template still reads so.
 */
final class IstioChart {
    static final String DEFAULTS = "_internal_defaults_do_not_set";
    private final Path dir;

    IstioChart(String dirName) {
        this.dir = root().resolve(dirName);
        if (!Files.isRegularFile(dir.resolve("Chart.yaml"))) {
            throw new AssertionError("no chart in " + dir);
        }
    }

    String file(String relative) {
        try {
            return Files.readString(dir.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean has(String relative) {
        return Files.isRegularFile(dir.resolve(relative));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> yaml(String relative) {
        Object loaded = new Yaml(new LoaderOptions()).load(file(relative));
        return loaded == null ? new LinkedHashMap<>() : (Map<String, Object>) loaded;
    }

    /** The zzz_profile.yaml merge order, as this class applies it. */
    boolean zzzProfileIsTheMergeThisClassFollows() {
        String t = file("templates/zzz_profile.yaml");
        return t.contains("$defaults := $.Values._internal_defaults_do_not_set")
                && t.contains("coalesce ($.Values).profile ($.Values.global).profile")
                && t.contains("printf \"files/profile-%s.yaml\"")
                && t.contains("coalesce ($.Values).platform ($.Values.global).platform")
                && t.contains("printf \"files/profile-platform-%s.yaml\"")
                && t.contains("mustMergeOverwrite $defaults $profile")
                && t.contains("mustMergeOverwrite $defaults $.Values");
    }

    /** The values the templates see for a release given {@code release} values. */
    @SuppressWarnings("unchecked")
    Map<String, Object> effective(Map<String, Object> release) {
        Map<String, Object> chartValues = yaml("values.yaml");
        Map<String, Object> defaults = deepCopy((Map<String, Object>) chartValues.getOrDefault(DEFAULTS, Map.of()));
        Map<String, Object> given = new LinkedHashMap<>(chartValues);
        given.remove(DEFAULTS);
        merge(given, release);
        Map<String, Object> profile = new LinkedHashMap<>();
        Optional.ofNullable(coalesce(given, "profile")).ifPresent(p -> merge(profile, yaml("files/profile-" + p + ".yaml")));
        Optional.ofNullable(coalesce(given, "platform")).ifPresent(p -> merge(profile, yaml("files/profile-platform-" + p + ".yaml")));
        merge(defaults, profile);
        merge(defaults, given);
        return defaults;
    }

    /** A chart without Istio's profiles: its values.yaml under the release's values (Helm's coalesce: the release's win). */
    @SuppressWarnings("unchecked")
    Map<String, Object> helmEffective(Map<String, Object> release) {
        Map<String, Object> values = yaml("values.yaml");
        overwrite(values, release);
        return values;
    }

    /** Chart.yaml's name. */
    String name() {
        return String.valueOf(yaml("Chart.yaml").get("name"));
    }

    /** Every template of the chart and its vendored subcharts, concatenated. */
    String templates() {
        try (var files = Files.walk(dir)) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(f -> f.toString().contains("/templates/") && Files.isRegularFile(f)).sorted().toList()) {
                all.append(Files.readString(f)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chart directories under the charts root whose Chart.yaml names {@code chart}. */
    static List<String> directoriesOf(String chart) {
        try (var dirs = Files.list(root())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("Chart.yaml")))
                    .map(d -> d.getFileName().toString())
                    .filter(d -> chart.equals(new IstioChart(d).name()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void overwrite(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            if (value instanceof Map<?, ?> m && into.get(key) instanceof Map<?, ?> c) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) c);
                overwrite(copy, (Map<String, Object>) m);
                into.put(key, copy);
            } else {
                into.put(key, value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static String coalesce(Map<String, Object> values, String key) {
        Object top = values.get(key);
        if (top != null && !top.toString().isEmpty()) {
            return top.toString();
        }
        Object global = values.get("global");
        Object nested = global instanceof Map<?, ?> g ? ((Map<String, Object>) g).get(key) : null;
        return nested == null || nested.toString().isEmpty() ? null : nested.toString();
    }

    /** sprig's mustMergeOverwrite (mergo WithOverride): maps merge deeply; an empty source value keeps the destination's. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            Object current = into.get(key);
            if (value instanceof Map<?, ?> m && current instanceof Map<?, ?> c) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) c);
                merge(copy, (Map<String, Object>) m);
                into.put(key, copy);
            } else if (!empty(value) || !into.containsKey(key)) {
                into.put(key, value instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : value);
            }
        });
    }

    private static boolean empty(Object value) {
        return value == null || "".equals(value) || Boolean.FALSE.equals(value)
                || (value instanceof Number n && n.doubleValue() == 0) || (value instanceof List<?> l && l.isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> values, String path) {
        Object here = values;
        for (String part : path.split("\\.")) {
            if (!(here instanceof Map<?, ?> m)) {
                return null;
            }
            here = ((Map<String, Object>) m).get(part);
        }
        return here;
    }

    /** {@code ../shared/charts} beside the repository, or beside the main checkout of this worktree, or -Dcodezero.charts.dir. */
    static Path root() {
        String configured = System.getProperty("codezero.charts.dir");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : defaultRoot();
        TestPrerequisites.require(Files.isDirectory(dir), "upstream charts not found at " + dir + " (set -Dcodezero.charts.dir=DIR)");
        return dir;
    }

    private static Path defaultRoot() {
        Path root = Path.of("").toAbsolutePath();
        for (Path d = root; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("codezero")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                root = d;
                break;
            }
        }
        Path beside = root.resolve("../shared/charts").normalize();
        if (Files.isDirectory(beside)) {
            return beside;
        }
        try {
            String git = Files.readString(root.resolve(".git")).trim();
            Path gitDir = root.resolve(git.substring("gitdir:".length()).trim()).normalize();
            Path common = gitDir.resolve(Files.readString(gitDir.resolve("commondir")).trim()).normalize();
            return common.getParent().resolve("../shared/charts").normalize();
        } catch (IOException | RuntimeException e) {
            return beside;
        }
    }
}
