package io.codezero.platform.layers;

import io.codezero.core.validation.Problem;
import java.util.List;
import java.util.regex.Pattern;

/** Kubernetes storage quantities as users write them: "10Gi", "500Mi", "1Ti". */
public final class Quantities {
    private static final Pattern STORAGE = Pattern.compile("[1-9][0-9]{0,5}(Mi|Gi|Ti)");
    private static final Pattern DURATION = Pattern.compile("[1-9][0-9]{0,4}(h|d|w|y)");

    private Quantities() {
    }

    /** True for a Kubernetes size such as 500Mi, 10Gi or 1Ti. */
    public static boolean isStorage(String value) {
        return value != null && STORAGE.matcher(value).matches();
    }

    /** Prometheus/Loki retention such as "15d" or "168h". */
    public static boolean isRetention(String value) {
        return value != null && DURATION.matcher(value).matches();
    }

    /** What a size looks like, for problems. */
    public static final String STORAGE_HINT = "must be a size such as 500Mi, 10Gi or 1Ti";
    /** What a duration looks like, for problems. */
    public static final String RETENTION_HINT = "must be a duration such as 168h, 15d or 4w";

    /** Adds a problem at {@code field} unless {@code value} is a storage size. */
    public static void checkStorage(String field, String value, List<Problem> problems) {
        if (!isStorage(value)) {
            problems.add(Problem.of(field, value, STORAGE_HINT));
        }
    }

    /** Adds a problem at {@code field} unless {@code value} is a retention duration. */
    public static void checkRetention(String field, String value, List<Problem> problems) {
        if (!isRetention(value)) {
            problems.add(Problem.of(field, value, RETENTION_HINT));
        }
    }
}
