package io.codezero.azure.preflight;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a caller's effective permissions (Permissions - List For Resource Group: a list of
 * {@code actions}/{@code notActions} pairs, one per role the caller holds there) allow an action.
 * An action is allowed when some pair has an action pattern matching it and no notAction pattern of
 * the same pair matching it; patterns use {@code *} as a wildcard and compare case-insensitively,
 * as Azure RBAC does. Contributor ({@code *} except {@code Microsoft.Authorization/*&#47;Write})
 * cannot write role assignments; Owner, User Access Administrator and Role Based Access Control
 * Administrator can.
 */
public final class RoleAssignmentPermission {
    /** What creating a role assignment needs. */
    public static final String WRITE = "Microsoft.Authorization/roleAssignments/write";

    private RoleAssignmentPermission() {
    }

    /** True when the permissions list (the {@code value} array of the response) allows {@code action}. */
    public static boolean allows(JsonArray permissions, String action) {
        for (JsonElement element : permissions) {
            JsonObject permission = element.getAsJsonObject();
            if (matchesAny(strings(permission, "actions"), action) && !matchesAny(strings(permission, "notActions"), action)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> strings(JsonObject permission, String key) {
        List<String> out = new ArrayList<>();
        if (permission.has(key) && permission.get(key).isJsonArray()) {
            permission.getAsJsonArray(key).forEach(e -> out.add(e.getAsString()));
        }
        return out;
    }

    private static boolean matchesAny(List<String> patterns, String action) {
        String lower = action.toLowerCase(Locale.ROOT);
        for (String pattern : patterns) {
            String regex = Pattern.quote(pattern.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q");
            if (lower.matches(regex)) {
                return true;
            }
        }
        return false;
    }
}
