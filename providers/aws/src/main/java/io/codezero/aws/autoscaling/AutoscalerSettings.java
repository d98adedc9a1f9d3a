package io.codezero.aws.autoscaling;

import io.codezero.core.config.ConfigObject;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the Cluster Autoscaler is run on an EKS cluster ({@code codezero:aws.clusterAutoscaler}).
 * EKS managed node groups never change their own size; the autoscaler grows a pool when pods cannot
 * be scheduled and shrinks it when nodes stay underused, always within the pool's
 * {@code minNodes}..{@code maxNodes} (EKS copies them onto the pool's Auto Scaling group).
 *
 * @param enabled                 true or false; empty means "on when any pool has minNodes &lt; maxNodes"
 * @param scaleDownUnneededTime   how long a node must be unneeded before it is removed (Go duration, default 10m)
 * @param scaleDownDelayAfterAdd  how long after a scale-up scale-down waits (default 10m)
 * @param scaleDownUtilizationThreshold requested CPU and memory over allocatable below which a node
 *                                counts as unneeded, between 0 and 1 (default 0.5)
 * @param expander                which pool grows when several could: least-waste (default), random,
 *                                most-pods, priority (needs a priority ConfigMap); not price, which the
 *                                autoscaler's AWS provider does not implement (it exits at start-up)
 */
public record AutoscalerSettings(
        Optional<Boolean> enabled,
        String scaleDownUnneededTime,
        String scaleDownDelayAfterAdd,
        String scaleDownUtilizationThreshold,
        String expander) {

    /** The defaults: upstream's scale-down timings, least-waste expansion, on where a pool can scale. */
    public static final AutoscalerSettings DEFAULTS = new AutoscalerSettings(Optional.empty(), "10m", "10m", "0.5", "least-waste");
    static final Set<String> EXPANDERS = Set.of("least-waste", "random", "most-pods", "priority");
    /**
     * The price expander needs the cloud provider's pricing model; the AWS provider of cluster-autoscaler
     * 1.32 to 1.35 answers "not implemented" and the autoscaler exits (klog.Fatalf in the expander factory),
     * so the pod crash-loops and the atomic release fails the {@code up} after its timeout.
     */
    static final String PRICE = "price";
    private static final String DURATION = "(\\d+(\\.\\d+)?(ms|s|m|h))+";

    /**
     * Requires every value; use {@link #DEFAULTS} and the with-methods for partial settings.
     * @param enabled forced on or off, or empty for "on when a pool can scale"
     * @param scaleDownUnneededTime a Go duration such as {@code 10m}
     * @param scaleDownDelayAfterAdd a Go duration such as {@code 10m}
     * @param scaleDownUtilizationThreshold a number in (0, 1], as text
     * @param expander least-waste, random, most-pods or priority
     */
    public AutoscalerSettings {
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(scaleDownUnneededTime, "scaleDownUnneededTime");
        Objects.requireNonNull(scaleDownDelayAfterAdd, "scaleDownDelayAfterAdd");
        Objects.requireNonNull(scaleDownUtilizationThreshold, "scaleDownUtilizationThreshold");
        Objects.requireNonNull(expander, "expander");
    }

    /**
     * These settings with the autoscaler forced on or off.
     * @param on true to install it even if no pool can scale, false never to install it
     * @return new settings
     */
    public AutoscalerSettings withEnabled(boolean on) {
        return new AutoscalerSettings(Optional.of(on), scaleDownUnneededTime, scaleDownDelayAfterAdd, scaleDownUtilizationThreshold, expander);
    }

    /**
     * These settings with other scale-down timings and threshold.
     * @param unneededTime how long a node stays unneeded before removal, a Go duration (default {@code 10m})
     * @param delayAfterAdd how long scale-down waits after a scale-up, a Go duration (default {@code 10m})
     * @param utilizationThreshold requested over allocatable below which a node is unneeded, in (0, 1] (default
     *     {@code 0.5})
     * @return new settings
     */
    public AutoscalerSettings withScaleDown(String unneededTime, String delayAfterAdd, String utilizationThreshold) {
        return new AutoscalerSettings(enabled, unneededTime, delayAfterAdd, utilizationThreshold, expander);
    }

    /**
     * Reads {@code codezero:aws.clusterAutoscaler}; problems go to the object's list, never thrown.
     * @param config the {@code codezero:aws.clusterAutoscaler} object
     * @return the settings, defaults for keys not given
     */
    public static AutoscalerSettings fromConfig(ConfigObject config) {
        Optional<Boolean> enabled = config.has("enabled") ? Optional.of(config.bool("enabled", true)) : Optional.empty();
        var settings = new AutoscalerSettings(enabled,
                config.string("scaleDownUnneededTime", DEFAULTS.scaleDownUnneededTime),
                config.string("scaleDownDelayAfterAdd", DEFAULTS.scaleDownDelayAfterAdd),
                config.string("scaleDownUtilizationThreshold", DEFAULTS.scaleDownUtilizationThreshold),
                config.string("expander", DEFAULTS.expander));
        config.rejectUnknownKeys();
        return settings;
    }

    /**
     * Whether the autoscaler is installed for this spec: as configured, else when some pool can change size.
     * @param spec the cluster spec
     * @return true if the autoscaler is installed
     */
    public boolean appliesTo(ClusterSpec spec) {
        return enabled.orElseGet(() -> anyPoolScales(spec));
    }

    /**
     * True when at least one pool has room between its minimum and maximum.
     * @param spec the cluster spec
     * @return true if some pool's {@code minNodes} is below its {@code maxNodes}
     */
    public static boolean anyPoolScales(ClusterSpec spec) {
        return spec.nodePoolsOrDefault().stream().anyMatch(AutoscalerSettings::scales);
    }

    /**
     * A pool the autoscaler can grow or shrink.
     * @param pool a node pool
     * @return true if its {@code minNodes} is below its {@code maxNodes}
     */
    public static boolean scales(NodePool pool) {
        return pool.minNodes() < pool.maxNodes();
    }

    /**
     * What the autoscaler would refuse at start-up, found at program time.
     * @param path the config path the settings were read from, for problem messages
     * @return the problems; empty if none
     */
    public List<Problem> validate(String path) {
        List<Problem> problems = new ArrayList<>();
        if (!scaleDownUnneededTime.matches(DURATION)) {
            problems.add(Problem.of(path + ".scaleDownUnneededTime", scaleDownUnneededTime, "is not a duration; expected e.g. 10m, 90s or 1h30m"));
        }
        if (!scaleDownDelayAfterAdd.matches(DURATION)) {
            problems.add(Problem.of(path + ".scaleDownDelayAfterAdd", scaleDownDelayAfterAdd, "is not a duration; expected e.g. 10m, 90s or 1h30m"));
        }
        double threshold = -1;
        try {
            threshold = Double.parseDouble(scaleDownUtilizationThreshold);
        } catch (NumberFormatException e) {
            // reported below
        }
        if (!(threshold > 0 && threshold <= 1)) {
            problems.add(Problem.of(path + ".scaleDownUtilizationThreshold", scaleDownUtilizationThreshold,
                    "must be a number greater than 0 and at most 1 (requested resources over allocatable), e.g. 0.5"));
        }
        if (PRICE.equals(expander)) {
            problems.add(Problem.of(path + ".expander", expander, "is not available on AWS: the Cluster Autoscaler has no price model "
                    + "for EC2 and exits at start-up; use least-waste (the default), random, most-pods or priority"));
        } else if (!EXPANDERS.contains(expander)) {
            problems.add(Problem.of(path + ".expander", expander, "is not an expander; valid ones are " + String.join(", ", new java.util.TreeSet<>(EXPANDERS))));
        }
        return problems;
    }
}
