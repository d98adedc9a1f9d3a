package io.codezero.stacks;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.pulumi.Context;
import com.pulumi.Config;
import io.codezero.core.config.AllConfig;
import io.codezero.core.config.ClusterSpecConfig;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.config.Suggestions;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.ClusterTarget;
import io.codezero.core.validation.Problem;
import io.codezero.platform.PlatformConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Binds the {@code codezero} config namespace of a stack (Pulumi.&lt;stack&gt;.yaml) to typed args,
 * so an example program is a few lines. Problems are collected, never thrown here: the stack
 * reports them together with every other problem before registering anything.
 *
 * <pre>
 * config:
 *   codezero:cluster: {name: demo, kubernetesVersion: "1.34", nodePools: [...], network: {...}}
 *   codezero:platform: {domain: demo.example.com, ...}
 *   codezero:aws: {region: eu-west-1, ...}          # one section per target
 * </pre>
 */
public final class StackConfig {
    /** The config namespace CodeZero reads: keys are {@code codezero:cluster}, {@code codezero:platform}, ... */
    public static final String NAMESPACE = "codezero";

    /** Top-level keys of the codezero namespace every program may set, whether or not it reads them yet. */
    private static final Set<String> WELL_KNOWN = Set.of("cluster", "platform");

    private final Config config;
    private final Set<String> allKeys;
    private final Set<String> readKeys = new TreeSet<>();
    private final String defaultName;
    private final List<Problem> problems = new ArrayList<>();
    private final ConfigObject flat;
    private final List<ConfigObject> sections = new ArrayList<>();
    private ClusterSpec cluster;
    private PlatformConfig platform;

    private StackConfig(Config config, Set<String> allKeys, String defaultName) {
        this.config = config;
        this.allKeys = allKeys;
        this.defaultName = defaultName;
        this.flat = ConfigObject.root("", new LazyMap(config, readKeys));
    }

    /**
     * The {@code codezero} config of the running stack.
     *
     * @param ctx the program's context
     * @return a binding that records what it reads, so unread keys are reported
     */
    public static StackConfig from(Context ctx) {
        Config codezero = ctx.config(NAMESPACE);
        return new StackConfig(codezero, AllConfig.keys(codezero), sanitize(ctx.stackName()));
    }

    /**
     * The cluster spec from {@code codezero:cluster}; the name defaults to the stack name. Read once.
     *
     * @return the spec as written; problems are reported by the stack
     */
    public ClusterSpec cluster() {
        if (cluster == null) {
            cluster = ClusterSpecConfig.read(section("cluster"), defaultName);
        }
        return cluster;
    }

    /**
     * The platform section, {@code codezero:platform}. Read once.
     *
     * @return the settings, layers and apps it configures
     */
    public PlatformConfig platform() {
        if (platform == null) {
            platform = PlatformConfig.read(section("platform"));
        }
        return platform;
    }

    /**
     * A structured section such as {@code codezero:aws}; problems found while reading it are
     * reported with the stack's. An absent section reads as empty.
     *
     * @param name the key without the namespace, e.g. {@code aws}
     * @return the section
     */
    public ConfigObject section(String name) {
        readKeys.add(name);
        Optional<String> raw = config.get(name);
        Map<String, Object> values = Map.of();
        if (raw.isPresent()) {
            values = parseObject(name, raw.get());
        }
        ConfigObject object = ConfigObject.root(name, values, raw.isPresent() && isSecret(name));
        sections.add(object);
        return object;
    }

    /**
     * A secret value such as {@code codezero:sshKey} (set with {@code pulumi config set --secret}), for targets that
     * take credentials by key; the caller keeps it a Pulumi secret. Counts as read, like every key through this binding.
     *
     * @param key the key without the namespace, e.g. {@code sshKey}
     * @return the value, or empty when the key is not set; a value not set as a secret is also a problem
     */
    public Optional<String> secret(String key) {
        readKeys.add(key);
        Optional<String> value = config.get(key);
        if (value.isPresent() && !isSecret(key)) {
            problems.add(Problem.of(NAMESPACE + ":" + key, "<plain text>", "holds a credential in plain text in Pulumi.<stack>.yaml; "
                    + "remove it there and set it as a secret: pulumi config set --secret " + NAMESPACE + ":" + key + " -- VALUE"));
        }
        return value;
    }

    private boolean isSecret(String key) {
        return AllConfig.isSecret(config, NAMESPACE + ":" + key);
    }

    /**
     * Flat scalar keys such as {@code codezero:context}.
     *
     * @return the scalar keys as one object
     */
    public ConfigObject scalars() {
        return flat;
    }

    /**
     * Every problem found so far in the config read through this binding, and every key of the stack's config that
     * nothing read: a {@code codezero:} key no part of this program knows (with the nearest known key), a key that
     * looks like ours without the {@code codezero:} namespace, a dotted key that Pulumi would have stored nested.
     *
     * @return the problems, named as config keys
     */
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(flat.problems());
        sections.forEach(s -> all.addAll(s.problems()));
        all.addAll(unreadKeys());
        return all;
    }

    private List<Problem> unreadKeys() {
        List<Problem> out = new ArrayList<>();
        Set<String> known = new TreeSet<>(readKeys);
        known.addAll(WELL_KNOWN);
        String prefix = NAMESPACE + ":";
        for (String key : allKeys) {
            if (key.startsWith(prefix)) {
                String name = key.substring(prefix.length());
                if (readKeys.contains(name)) {
                    continue;
                }
                int dot = name.indexOf('.');
                if (dot > 0 && known.contains(name.substring(0, dot))) {
                    out.add(Problem.of(key, "<set>", "is a dotted key, which Pulumi never reads as a path: set nested values with "
                            + "`pulumi config set --path '" + key + "' VALUE` (it stores " + prefix + name.substring(0, dot)
                            + " as an object), or edit " + prefix + name.substring(0, dot) + " in Pulumi.<stack>.yaml"));
                    continue;
                }
                String hint = Suggestions.nearest(name, known).map(k -> "did you mean " + prefix + k + "? ").orElse("");
                out.add(Problem.of(key, "<set>", "is not a setting this program reads; " + hint + "it reads "
                        + known.stream().map(k -> prefix + k).collect(Collectors.joining(", "))));
            } else {
                String name = key.substring(key.indexOf(':') + 1);
                Optional<String> ours = known.contains(name) ? Optional.of(name) : Optional.empty();
                ours.ifPresent(k -> out.add(Problem.of(key, "<set>", "looks like CodeZero's " + prefix + k
                        + " without its namespace; write " + prefix + k + " in Pulumi.<stack>.yaml")));
            }
        }
        return out;
    }

    /**
     * Args for a stack on the given target, with the cluster and platform from config; problems name config keys.
     *
     * @param target where the cluster comes from, e.g. {@code ExistingClusterTarget.fromConfig(config.scalars())}
     * @return the args, with every problem found in the config
     */
    public CodeZeroStackArgs toArgs(ClusterTarget target) {
        PlatformConfig platform = platform();
        return CodeZeroStackArgs.builder()
                .target(target)
                .cluster(cluster())
                .settings(platform.settings())
                .layers(platform.layers())
                .apps(platform.apps())
                .inputProblems(problems())
                .configNamespace(NAMESPACE)
                .build();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parseObject(String key, String json) {
        try {
            Object value = new Gson().fromJson(json, Object.class);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (JsonParseException e) {
            // reported below
        }
        problems.add(Problem.of(key, json, "must be an object (a YAML mapping in Pulumi.<stack>.yaml)"));
        return Map.of();
    }

    /** Stack names like "dev" or "team/prod" become a valid default cluster name. */
    private static String sanitize(String stackName) {
        String name = stackName == null ? "codezero" : stackName.toLowerCase().replaceAll("[^a-z0-9-]", "-");
        return name.isEmpty() || !Character.isLetter(name.charAt(0)) ? "cz-" + name : name;
    }

    /** Scalars are read one by one, on demand; which ones were read tells unknown keys apart. */
    private static final class LazyMap extends java.util.AbstractMap<String, Object> {
        private final Config config;
        private final Set<String> read;

        LazyMap(Config config, Set<String> read) {
            this.config = config;
            this.read = read;
        }

        @Override
        public Object get(Object key) {
            read.add(String.valueOf(key));
            return config.get(String.valueOf(key)).orElse(null);
        }

        @Override
        public boolean containsKey(Object key) {
            read.add(String.valueOf(key));
            return config.get(String.valueOf(key)).isPresent();
        }

        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            return java.util.Set.of();
        }
    }
}
