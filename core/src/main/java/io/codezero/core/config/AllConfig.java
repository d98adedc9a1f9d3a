package io.codezero.core.config;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.pulumi.Config;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every config key of the running stack, namespaced ({@code codezero:cluster}, {@code myproj:foo}). Pulumi's Java
 * {@link Config} answers only for keys one asks about, so a typo such as {@code codezero:platfrom} would otherwise
 * go unnoticed (and a live stack would lose its whole platform on the next {@code pulumi up}).
 *
 * <p>The engine hands a program its config in the {@code PULUMI_CONFIG} environment variable (a JSON object); the
 * mock engine sets it on the deployment instead, which this reads from the SDK's config holder (SDK 1.36.1; a test
 * fails if a new SDK moves it).
 */
public final class AllConfig {
    private AllConfig() {
    }

    public static Set<String> keys(Config config) {
        Set<String> keys = new TreeSet<>();
        String env = System.getenv("PULUMI_CONFIG");
        if (env != null && !env.isBlank()) {
            try {
                Map<?, ?> map = new Gson().fromJson(env, Map.class);
                if (map != null) {
                    map.keySet().forEach(k -> keys.add(clean(String.valueOf(k))));
                }
            } catch (JsonParseException e) {
                // fall through to the deployment's own copy
            }
        }
        keys.addAll(fromDeployment(config));
        return keys;
    }

    /** The engine may send "project:config:key"; programs see "project:key". */
    private static String clean(String key) {
        String[] parts = key.split(":", -1);
        return parts.length == 3 && parts[1].equals("config") ? parts[0] + ":" + parts[2] : key;
    }

    /**
     * Whether the stack holds {@code fullKey} (e.g. {@code codezero:sshKey}) as a secret: set with
     * {@code pulumi config set --secret}, or an object with a secret value inside ({@code --secret --path}).
     */
    public static boolean isSecret(Config config, String fullKey) {
        try {
            Object holder = holder(config);
            return (Boolean) holder.getClass().getMethod("isConfigSecret", String.class).invoke(holder, fullKey);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot tell secret config keys with this Pulumi SDK (" + e + "); "
                    + "CodeZero needs it to refuse credentials kept in plain text", e);
        }
    }

    private static Object holder(Config config) throws ReflectiveOperationException {
        Field internal = Config.class.getDeclaredField("internalConfig");
        internal.setAccessible(true);
        return internal.get(config);
    }

    private static Set<String> fromDeployment(Config config) {
        try {
            Object holder = holder(config);
            Field all = holder.getClass().getDeclaredField("allConfig");
            all.setAccessible(true);
            Object map = all.get(holder);
            Set<String> keys = new TreeSet<>();
            if (map instanceof Map<?, ?> m) {
                m.keySet().forEach(k -> keys.add(clean(String.valueOf(k))));
            }
            return keys;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot list the stack's config keys with this Pulumi SDK (" + e + "); "
                    + "CodeZero needs them to report mistyped keys", e);
        }
    }
}
