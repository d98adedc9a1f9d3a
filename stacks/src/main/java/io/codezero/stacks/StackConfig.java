package io.codezero.stacks;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.pulumi.Context;
import com.pulumi.Config;
import io.codezero.core.config.ClusterSpecConfig;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.ClusterTarget;
import io.codezero.core.validation.Problem;
import io.codezero.platform.PlatformConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    public static final String NAMESPACE = "codezero";

    private final Config config;
    private final String defaultName;
    private final List<Problem> problems = new ArrayList<>();
    private final ConfigObject flat;
    private final List<ConfigObject> sections = new ArrayList<>();
    private ClusterSpec cluster;
    private PlatformConfig platform;

    private StackConfig(Config config, String defaultName) {
        this.config = config;
        this.defaultName = defaultName;
        this.flat = ConfigObject.root(NAMESPACE, new LazyMap(config));
    }

    public static StackConfig from(Context ctx) {
        return new StackConfig(ctx.config(NAMESPACE), sanitize(ctx.stackName()));
    }

    /** The cluster spec; the name defaults to the stack name. */
    public ClusterSpec cluster() {
        if (cluster == null) {
            cluster = ClusterSpecConfig.read(section("cluster"), defaultName);
        }
        return cluster;
    }

    /** The platform section. Read once. */
    public PlatformConfig platform() {
        if (platform == null) {
            platform = PlatformConfig.read(section("platform"));
        }
        return platform;
    }

    /**
     * A structured section such as {@code codezero:aws}; problems found while reading it are
     * reported with the stack's. An absent section reads as empty.
     */
    public ConfigObject section(String name) {
        Optional<String> raw = config.get(name);
        Map<String, Object> values = Map.of();
        if (raw.isPresent()) {
            values = parseObject(NAMESPACE + ":" + name, raw.get());
        }
        ConfigObject object = ConfigObject.root(NAMESPACE + ":" + name, values);
        sections.add(object);
        return object;
    }

    /** Flat scalar keys such as {@code codezero:context}. */
    public ConfigObject scalars() {
        return flat;
    }

    /** Every problem found so far in the config read through this binding. */
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(flat.problems());
        sections.forEach(s -> all.addAll(s.problems()));
        return all;
    }

    /** Args for a stack on the given target, with the cluster and platform from config. */
    public CodeZeroStackArgs toArgs(ClusterTarget target) {
        PlatformConfig platform = platform();
        return CodeZeroStackArgs.builder()
                .target(target)
                .cluster(cluster())
                .settings(platform.settings())
                .layers(platform.layers())
                .apps(platform.apps())
                .inputProblems(problems())
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

    /** Pulumi config has no "list all keys": scalars are read one by one, on demand. */
    private static final class LazyMap extends java.util.AbstractMap<String, Object> {
        private final Config config;

        LazyMap(Config config) {
            this.config = config;
        }

        @Override
        public Object get(Object key) {
            return config.get(String.valueOf(key)).orElse(null);
        }

        @Override
        public boolean containsKey(Object key) {
            return config.get(String.valueOf(key)).isPresent();
        }

        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            return java.util.Set.of();
        }
    }
}
