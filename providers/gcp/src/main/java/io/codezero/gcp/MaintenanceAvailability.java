package io.codezero.gcp;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GKE's rule for a recurring maintenance window: each window at least 4 hours long, and at least 48 hours of
 * maintenance time in any rolling 32 days (GKE's "Maintenance windows and exclusions"). A window that breaks it is
 * refused by the API when the cluster is created or updated, after everything before it was made. Counted from the
 * RRULE the way the least favourable 32 days see it: a daily window recurs 32 times, a weekly one on each of its
 * BYDAY days 4 times, a monthly one once. Other frequencies are not judged here (GKE still checks them).
 */
public final class MaintenanceAvailability {
    static final Duration MIN_WINDOW = Duration.ofHours(4);
    static final Duration MIN_IN_32_DAYS = Duration.ofHours(48);
    private static final Pattern FREQ = Pattern.compile("FREQ=([A-Z]+)");
    private static final Pattern BYDAY = Pattern.compile("BYDAY=([-+,A-Z0-9]+)");
    private static final Pattern INTERVAL = Pattern.compile("INTERVAL=(\\d+)");

    private MaintenanceAvailability() {
    }

    /**
     * Why a window of this length recurring by {@code rrule} breaks GKE's rule, or empty when it keeps it (or cannot be judged).
     * @param window the length of one window
     * @param rrule its RFC 5545 recurrence
     * @return the problem (a sentence ending in what GKE needs), or empty
     */
    public static Optional<String> problem(Duration window, String rrule) {
        if (window.compareTo(MIN_WINDOW) < 0) {
            return Optional.of("is a window of " + hours(window) + "; GKE needs each maintenance window to be at least 4 hours long");
        }
        Matcher freq = FREQ.matcher(rrule);
        if (!freq.find()) {
            return Optional.empty();
        }
        Matcher interval = INTERVAL.matcher(rrule);
        int every = interval.find() ? Math.max(1, Integer.parseInt(interval.group(1))) : 1;
        Matcher byDay = BYDAY.matcher(rrule);
        int days = byDay.find() ? byDay.group(1).split(",").length : 1;
        long occurrences = switch (freq.group(1)) {
            case "DAILY" -> 32 / every;
            case "WEEKLY" -> (long) (4 / every) * days;
            case "MONTHLY" -> every == 1 ? 1 : 0;
            default -> -1;
        };
        if (occurrences < 0) {
            return Optional.empty();
        }
        Duration total = window.multipliedBy(occurrences);
        if (total.compareTo(MIN_IN_32_DAYS) < 0) {
            return Optional.of("gives " + hours(total) + " of maintenance in the least favourable 32 days (" + occurrences + " windows of "
                    + hours(window) + "); GKE needs at least 48 hours in any 32 days: make the windows longer or more frequent");
        }
        return Optional.empty();
    }

    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " h" : (minutes / 60) + " h " + (minutes % 60) + " min";
    }
}
