package io.codezero.aws.cluster;

import com.google.gson.Gson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assume-role policy documents: who may wear each role. Built with ordered maps so the JSON text
 * is byte-identical on every run (an idempotent program must not produce a diff).
 */
public final class TrustPolicies {
    private static final Gson GSON = new Gson();

    private TrustPolicies() {
    }

    /** Only the named AWS service may assume the role. */
    public static String service(String servicePrincipal) {
        return document(servicePrincipal, List.of("sts:AssumeRole"));
    }

    /** EKS Pod Identity: the agent assumes the role on behalf of one service account, and tags the session with it. */
    public static String podIdentity() {
        return document("pods.eks.amazonaws.com", List.of("sts:AssumeRole", "sts:TagSession"));
    }

    private static String document(String servicePrincipal, List<String> actions) {
        Map<String, Object> principal = new LinkedHashMap<>();
        principal.put("Service", servicePrincipal);
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", principal);
        statement.put("Action", actions);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", List.of(statement));
        return GSON.toJson(doc);
    }
}
