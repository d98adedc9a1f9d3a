package io.codezero.console;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What the stack declares: the apps (with their replicas), links and routes among the Kubernetes objects its program
 * authors, as {@code ./codezero plan DIR --stack S --objects-out FILE} writes them, and where in the stack's config each
 * app is declared.
 *
 * @param source the objects file, as the pages name it
 * @param apps the declared apps
 * @param links the declared links
 * @param routeUrls the declared routes' URLs
 * @param stackFile the stack's config file (Pulumi.&lt;stack&gt;.yaml), if known
 */
public record Declared(String source, List<App> apps, List<Link> links, List<String> routeUrls, Optional<Path> stackFile) {
    /**
     * A declared app.
     *
     * @param name its name
     * @param namespace its namespace
     * @param replicas the replicas the program sets
     * @param configLine where Pulumi.&lt;stack&gt;.yaml declares it ({@code file:line}, {@code codezero:platform.apps[i]}), or a
     *     note that the program declares it in code
     */
    public record App(String name, String namespace, int replicas, String configLine) {
    }

    /** Nothing declared: the console was started without the plan's objects. */
    public static Declared none() {
        return new Declared("", List.of(), List.of(), List.of(), Optional.empty());
    }

    /** @return whether the plan's objects were given */
    public boolean known() {
        return !source.isEmpty();
    }

    /**
     * Reads the plan's objects.
     *
     * @param objects the file {@code --objects-out} wrote
     * @param stackFile the stack's Pulumi.&lt;stack&gt;.yaml, for the config lines, if known
     * @return what the stack declares
     * @throws IOException when the file cannot be read or is not the plan's YAML
     */
    public static Declared read(Path objects, Optional<Path> stackFile) throws IOException {
        List<String> config = stackFile.isPresent() && Files.isRegularFile(stackFile.get()) ? Files.readAllLines(stackFile.get()) : List.of();
        List<App> apps = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        List<String> routes = new ArrayList<>();
        List<Map<?, ?>> documents = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(objects)) {
            for (Object document : new Yaml(new LoaderOptions()).loadAll(in)) {
                if (document instanceof Map<?, ?> map) {
                    documents.add(map);
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(objects + ": not the YAML `./codezero plan --objects-out` writes (" + e.getMessage() + ")");
        }
        List<String> names = new ArrayList<>();
        for (Map<?, ?> o : documents) {
            Map<?, ?> labels = labels(o);
            if ("Deployment".equals(o.get("kind")) && "app".equals(labels.get(ClusterReader.COMPONENT))) {
                names.add(String.valueOf(labels.get(ClusterReader.APP_NAME)));
            }
        }
        for (Map<?, ?> o : documents) {
            Map<?, ?> metadata = o.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> labels = labels(o);
            Map<?, ?> spec = o.get("spec") instanceof Map<?, ?> m ? m : Map.of();
            if ("Deployment".equals(o.get("kind")) && "app".equals(labels.get(ClusterReader.COMPONENT))) {
                String name = String.valueOf(labels.get(ClusterReader.APP_NAME));
                int replicas = spec.get("replicas") instanceof Number n ? n.intValue() : 1;
                apps.add(new App(name, String.valueOf(metadata.get("namespace")), replicas, configLine(config, stackFile, name)));
            } else if ("AuthorizationPolicy".equals(o.get("kind")) && labels.containsKey(ClusterReader.LINK)) {
                String from = String.valueOf(labels.get(ClusterReader.APP_NAME));
                String to = String.valueOf(metadata.get("namespace"));
                String prefix = from + "-" + to + "-";
                String link = String.valueOf(labels.get(ClusterReader.LINK));
                links.add(new Link(from, to, link.startsWith(prefix) ? link.substring(prefix.length()) : ""));
            } else if ("Secret".equals(o.get("kind")) && labels.containsKey(ClusterReader.LINK)) {
                // without a mesh only the consumer's Secret marks the link
                String from = String.valueOf(labels.get(ClusterReader.APP_NAME));
                String rest = String.valueOf(labels.get(ClusterReader.LINK)).substring(Math.min(from.length() + 1,
                        String.valueOf(labels.get(ClusterReader.LINK)).length()));
                names.stream().filter(a -> rest.startsWith(a + "-") || rest.equals(a)).max(Comparator.comparingInt(String::length))
                        .ifPresent(to -> {
                            if (links.stream().noneMatch(l -> l.from().equals(from) && l.to().equals(to))) {
                                links.add(new Link(from, to, rest.length() > to.length() ? rest.substring(to.length() + 1) : ""));
                            }
                        });
            } else if ("VirtualService".equals(o.get("kind")) && labels.containsKey(ClusterReader.ROUTE)
                    && spec.get("hosts") instanceof List<?> hosts && !hosts.isEmpty()) {
                routes.add("https://" + hosts.get(0) + "/");
            }
        }
        // an AuthorizationPolicy and a Secret name the same link: keep one
        List<Link> unique = new ArrayList<>();
        for (Link l : links) {
            if (unique.stream().noneMatch(u -> u.from().equals(l.from()) && u.to().equals(l.to()))) {
                unique.add(l);
            }
        }
        apps.sort(Comparator.comparing(App::name));
        return new Declared(objects.toString(), apps, unique, routes, stackFile);
    }

    private static Map<?, ?> labels(Map<?, ?> object) {
        return object.get("metadata") instanceof Map<?, ?> m && m.get("labels") instanceof Map<?, ?> l ? l : Map.of();
    }

    /**
     * Where the stack's config declares an app: the line of {@code - name: APP} in the {@code apps:} list of
     * Pulumi.&lt;stack&gt;.yaml and its config path; else a note that the program declares it in code.
     */
    static String configLine(List<String> lines, Optional<Path> stackFile, String app) {
        int appsIndent = -1;
        int index = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            int indent = line.length() - line.stripLeading().length();
            if (trimmed.equals("apps:")) {
                appsIndent = indent;
                index = -1;
                continue;
            }
            if (appsIndent < 0 || trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (indent <= appsIndent && !trimmed.startsWith("- ")) {
                appsIndent = -1;
                continue;
            }
            if (trimmed.startsWith("- ") && indent <= appsIndent + 2) {
                index++;
                String item = trimmed.substring(2).strip();
                if (item.matches("name:\\s*[\"']?" + java.util.regex.Pattern.quote(app) + "[\"']?\\s*(#.*)?")) {
                    return stackFile.map(f -> f.getFileName().toString()).orElse("Pulumi.<stack>.yaml") + ":" + (i + 1)
                            + " (codezero:platform.apps[" + index + "])";
                }
            }
        }
        return "the program's code (not in " + stackFile.map(f -> f.getFileName().toString()).orElse("the stack's config") + ")";
    }
}
