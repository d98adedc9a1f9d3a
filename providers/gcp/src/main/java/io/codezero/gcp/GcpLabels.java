package io.codezero.gcp;

import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The spec's {@code tags} become Google Cloud resource labels on the cluster, its node VMs and the
 * KMS key, key for key and value for value. Google's label rules are stricter than tags elsewhere
 * (keys 1-63 lowercase letters, digits, '_' or '-', starting with a letter; values 0-63 of the same
 * characters; at most 64 labels per resource), so a tag that breaks them is refused with the
 * label it could be, never rewritten silently.
 */
public final class GcpLabels {
    /** Labels every resource we label carries; users may not set these keys. */
    public static final String MANAGED_BY = "managed-by";
    /** The label naming the spec's cluster on every labelled resource; users may not set this key. */
    public static final String CLUSTER = "codezero-cluster";
    /** Google Cloud's limit of labels per resource; CodeZero's two count against it. */
    public static final int MAX_LABELS = 64;

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Pattern VALUE = Pattern.compile("[a-z0-9_-]{0,63}");

    private GcpLabels() {
    }

    /**
     * The labels for a cluster's resources: the tags as given plus ours. Call only with tags that passed {@link #problems}.
     * @param clusterName the spec's cluster name
     * @param tags the spec's tags, already checked
     * @return the labels, the tags first
     */
    public static Map<String, String> of(String clusterName, Map<String, String> tags) {
        Map<String, String> labels = new LinkedHashMap<>(tags);
        labels.put(MANAGED_BY, "codezero");
        labels.put(CLUSTER, clusterName);
        return labels;
    }

    /**
     * Every tag Google would refuse as a label, each with the label it could be.
     * @param tags the spec's tags
     * @return the problems (at path {@code tags}); empty if all are valid labels
     */
    public static List<Problem> problems(Map<String, String> tags) {
        List<Problem> problems = new ArrayList<>();
        if (tags.size() + 2 > MAX_LABELS) {
            problems.add(Problem.of("tags", tags.size() + " tags", "Google Cloud allows " + MAX_LABELS
                    + " labels per resource and CodeZero adds 2; use at most " + (MAX_LABELS - 2) + " tags"));
        }
        for (var tag : tags.entrySet()) {
            String key = tag.getKey();
            String value = tag.getValue() == null ? "" : tag.getValue();
            String at = "tags." + key;
            if (key.equals(MANAGED_BY) || key.equals(CLUSTER)) {
                problems.add(Problem.of(at, key, "is set by CodeZero on every resource; choose another key"));
            } else if (key.startsWith("goog")) {
                problems.add(Problem.of(at, key, "keys starting with 'goog' are reserved by Google Cloud; choose another key"));
            } else if (!KEY.matcher(key).matches()) {
                problems.add(Problem.of(at, key, "cannot be a Google Cloud label key (1-63 lowercase letters, digits, '_' or '-', starting with a lowercase letter)"
                        + suggestion(key, true)));
            }
            if (!VALUE.matcher(value).matches()) {
                problems.add(Problem.of(at, value, "cannot be a Google Cloud label value (at most 63 lowercase letters, digits, '_' or '-')"
                        + suggestion(value, false)));
            }
        }
        return problems;
    }

    private static String suggestion(String text, boolean key) {
        String lowered = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        if (key) {
            lowered = lowered.replaceFirst("^[^a-z]+", "");
        }
        if (lowered.length() > 63) {
            lowered = lowered.substring(0, 63);
        }
        Pattern rule = key ? KEY : VALUE;
        return rule.matcher(lowered).matches() && !lowered.equals(text) ? "; for example '" + lowered + "'" : "";
    }
}
