package io.codezero.stacks.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --values-out DIR}: what each Helm release of a plan would install, one JSON file per release
 * ({@code DIR/<release resource name>.json}: release, namespace, chart, repository, version, values) and
 * {@code DIR/index.tsv} listing them (tab-separated, not JSON, so a tool that reads every {@code *.json} of the
 * directory as a release, like e2e/render-check.sh, needs no exception for it). For reviewing a change, exporting to GitOps, and rendering every
 * release with helm against the real charts. Values are never secret by design (charts get Secrets by
 * name); should a release's values ever be secret, they are masked and the export reports it as an error.
 */
public final class ValuesExport {
    public static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    public static final String INDEX = "index.tsv";
    static final List<String> INDEX_COLUMNS = List.of("file", "resource", "release", "namespace", "chart", "version", "repository");
    public static final String MASK = "[secret]";

    /** What was written, and the releases whose inputs were secret (a defect: values must never be). */
    public record Result(List<Path> files, List<String> secretReleases) {
    }

    private ValuesExport() {
    }

    public static Result write(OfflineRun run, Path dir) throws IOException {
        Files.createDirectories(dir);
        removePreviousExport(dir);
        Gson gson = gson();
        List<Path> files = new ArrayList<>();
        List<String> secret = new ArrayList<>();
        StringBuilder index = new StringBuilder(String.join("\t", INDEX_COLUMNS)).append('\n');
        // by resource name: the engine registers releases in any order, and the index must not change with it
        List<PlannedResource> releases = run.ofType(RELEASE).stream()
                .sorted(java.util.Comparator.comparing(PlannedResource::name)).toList();
        for (PlannedResource release : releases) {
            boolean masked = !release.secretInputs().isEmpty();
            if (masked) {
                secret.add(release.name() + " " + release.secretInputs());
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("release", input(release, "name", masked));
            entry.put("namespace", input(release, "namespace", masked));
            entry.put("chart", input(release, "chart", masked));
            entry.put("repository", masked && release.isSecretInput("repositoryOpts") ? MASK : release.input("repositoryOpts.repo"));
            entry.put("version", input(release, "version", masked));
            entry.put("values", masked && release.isSecretInput("values") ? MASK : sorted(release.input("values") == null ? Map.of() : release.input("values")));
            Path file = dir.resolve(fileName(release.name()));
            Files.writeString(file, gson.toJson(entry) + "\n", StandardCharsets.UTF_8);
            files.add(file);
            Map<String, Object> row = new LinkedHashMap<>(entry);
            row.put("file", file.getFileName().toString());
            row.put("resource", release.name());
            index.append(String.join("\t", INDEX_COLUMNS.stream().map(c -> String.valueOf(row.get(c))).toList())).append('\n');
        }
        Path indexFile = dir.resolve(INDEX);
        Files.writeString(indexFile, index.toString(), StandardCharsets.UTF_8);
        return new Result(files, secret);
    }

    /** A release the program no longer makes must not linger from the last export; only files that export listed go. */
    private static void removePreviousExport(Path dir) throws IOException {
        Path index = dir.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return;
        }
        for (String line : Files.readAllLines(index, StandardCharsets.UTF_8).stream().skip(1).toList()) {
            String file = line.split("\t", 2)[0];
            if (file.endsWith(".json") && !file.contains("/") && !file.contains("\\")) {
                Files.deleteIfExists(dir.resolve(file));
            }
        }
    }

    /** The release's Pulumi resource name, which is unique in the program, as a file name. */
    static String fileName(String resourceName) {
        return resourceName.replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
    }

    private static Object input(PlannedResource release, String key, boolean masked) {
        return masked && release.isSecretInput(key) ? MASK : release.input(key);
    }

    /** Keys in a fixed order, so the same plan writes the same files. */
    static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ValuesExport::sorted).toList();
        }
        return value;
    }

    /** The engine hands numbers over as doubles; whole ones are written as integers (replicas: 1, not 1.0). */
    private static Gson gson() {
        JsonSerializer<Double> numbers = (d, type, ctx) -> d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15
                ? new JsonPrimitive(d.longValue()) : new JsonPrimitive(d);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
                .registerTypeAdapter(Double.class, numbers).create();
    }
}
