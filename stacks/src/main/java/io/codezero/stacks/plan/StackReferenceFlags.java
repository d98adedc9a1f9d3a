package io.codezero.stacks.plan;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.codezero.core.plan.StackReferenceOutputs;
import java.util.List;

/**
 * Reads {@code --stack-reference-output STACK:KEY=VALUE} (and its {@code -secret} twin) into the
 * offline engine's stack references. VALUE is read as JSON when it is valid JSON (a number, true,
 * an object, a quoted string: what {@code pulumi stack output --json} prints), else as a plain
 * string, so outputs keep the types the real engine would hand the program.
 */
final class StackReferenceFlags {
    private static final Gson GSON = new Gson();

    private StackReferenceFlags() {
    }

    static void apply(List<String> flags, boolean secret, StackReferenceOutputs into) {
        String flag = secret ? "--stack-reference-secret" : "--stack-reference-output";
        for (String given : flags) {
            int colon = given.indexOf(':');
            int equals = colon < 0 ? -1 : given.indexOf('=', colon);
            if (colon <= 0 || equals < 0 || equals == colon + 1) {
                throw new IllegalArgumentException(flag + " " + given + ": expected STACK:KEY=VALUE, e.g. "
                        + flag + " acme/network/prod:domain=shop.example.com");
            }
            into.put(given.substring(0, colon), given.substring(colon + 1, equals), value(given.substring(equals + 1)), secret);
        }
    }

    private static Object value(String text) {
        try {
            Object parsed = GSON.fromJson(text, Object.class);
            // Gson reads a bare word leniently as a string; only JSON proper changes the type
            return parsed == null || parsed instanceof String && !text.strip().startsWith("\"") ? text : parsed;
        } catch (JsonParseException e) {
            return text;
        }
    }
}
