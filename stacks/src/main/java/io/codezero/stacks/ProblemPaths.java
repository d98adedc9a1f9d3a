package io.codezero.stacks;

import io.codezero.core.validation.Problem;
import java.util.List;
import java.util.Set;

/**
 * Problem paths as the user wrote the input. Every check reports a path relative to the stack's
 * input ({@code cluster.nodePools[1].maxNodes}, {@code platform.istio.mode}, {@code aws.region});
 * the shared cluster rules report relative to the cluster spec ({@code nodePools[1].maxNodes}) and
 * are put under {@code cluster.}. Input read from config is reported as config keys
 * ({@code codezero:cluster.nodePools[1].maxNodes}); input built in code keeps the builder's path.
 */
final class ProblemPaths {
    /** First segments of the paths the cluster spec's own rules report. */
    private static final Set<String> CLUSTER_FIELDS = Set.of("name", "kubernetesVersion", "nodePools", "network", "tags");

    private ProblemPaths() {
    }

    static List<Problem> asWritten(List<Problem> problems, String configNamespace) {
        return problems.stream().map(p -> new Problem(path(p.field(), configNamespace), p.value(), p.message())).toList();
    }

    static String path(String field, String configNamespace) {
        String first = field == null ? null : field.split("[.\\[]", 2)[0];
        if (first == null || first.contains(":") || first.startsWith("CodeZeroStack(") || first.startsWith("exportTo(")) {
            // a config key already, or a call of the program (the stack's name, its export), named as the program wrote it;
            // already a config key (codezero:aws.region); a ':' further on is part of a value such as a tag key (tags.aws:x)
            return field;
        }
        String logical = CLUSTER_FIELDS.contains(first) ? "cluster." + field : field;
        return configNamespace == null ? logical : configNamespace + ":" + logical;
    }
}
