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
 * then the release's values, with sprig's {@code mustMergeOverwrite}; the cni chart then copies what is under {@code cni}
 * to the top ({@code templates/zzy_descope_legacy.yaml}).
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

    /**
     * The host directory istio-cni's DaemonSet installs its plugin into: {@code cniBinDir} when set, else what the
     * template detects from the cluster's version ({@code /home/kubernetes/bin} on a "-gke" version, else
     * {@code /opt/cni/bin}); {@link #binDirDetectionIsTheTemplates()} checks the template still reads so.
     */
    static String cniBinDir(Map<String, Object> effective, String kubeGitVersion) {
        Object set = effective.get("cniBinDir");
        if (set != null && !set.toString().isEmpty()) {
            return set.toString();
        }
        return kubeGitVersion.contains("-gke") ? "/home/kubernetes/bin" : "/opt/cni/bin";
    }

    boolean binDirDetectionIsTheTemplates() {
        String t = file("templates/daemonset.yaml");
        return t.contains("{{- $detectedBinDir := (.Capabilities.KubeVersion.GitVersion | contains \"-gke\") | ternary")
                && t.contains("\"/home/kubernetes/bin\"\n    \"/opt/cni/bin\"")
                && t.contains("{{- if .Values.cniBinDir }}\n{{ $detectedBinDir = .Values.cniBinDir }}")
                && t.contains("path: {{ $detectedBinDir }}");
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
        if (has("templates/zzy_descope_legacy.yaml")
                && file("templates/zzy_descope_legacy.yaml").contains("mustMergeOverwrite $.Values (index $.Values \"cni\")")
                && defaults.get("cni") instanceof Map<?, ?> cni) {
            // the cni chart then copies everything under `cni` to the top, rendered after zzz_profile.yaml
            merge(defaults, (Map<String, Object>) cni);
        }
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

    /**
     * sprig's mustMergeOverwrite (mergo WithOverride) on Helm's values, which are maps: nested maps merge, and any
     * other source value replaces the destination's, an empty string or false too (what `helm template` shows).
     */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            Object current = into.get(key);
            if (value instanceof Map<?, ?> m && current instanceof Map<?, ?> c) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) c);
                merge(copy, (Map<String, Object>) m);
                into.put(key, copy);
            } else if (value != null || !into.containsKey(key)) {
                into.put(key, value instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : value);
            }
        });
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

    /**
     * {@code helm template} of this chart with these values, when a helm binary is at hand (-Dcodezero.helm, the e2e
     * toolchain's cache, or PATH); empty otherwise. The emulation above is always checked; this adds the real renderer.
     */
    Optional<String> helmTemplate(String release, String namespace, Map<String, Object> values) {
        Optional<Path> helm = helm();
        if (helm.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path file = Files.createTempFile("values", ".json");
            Files.writeString(file, new com.google.gson.Gson().toJson(values));
            Process p = new ProcessBuilder(helm.get().toString(), "template", release, dir.toString(), "-n", namespace, "-f", file.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new AssertionError("helm template failed: " + out);
            }
            Files.deleteIfExists(file);
            return Optional.of(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Optional<Path> helm() {
        List<Path> candidates = new java.util.ArrayList<>();
        Optional.ofNullable(System.getProperty("codezero.helm")).ifPresent(h -> candidates.add(Path.of(h)));
        candidates.add(Path.of(System.getProperty("user.home"), ".cache", "codezero-e2e", "bin", "helm"));
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty()) {
                candidates.add(Path.of(d, "helm"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
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
