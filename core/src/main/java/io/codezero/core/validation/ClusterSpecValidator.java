package io.codezero.core.validation;

import io.codezero.core.Versions;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.MachineSize;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.core.spec.Taint;
import io.codezero.core.spec.TaintEffect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a cluster spec against the rules every target shares and returns every problem at once,
 * so a user fixes their program in one round instead of one error per {@code pulumi up}.
 */
public final class ClusterSpecValidator {
    /**
     * Upper bound that protects against a typo such as 1000 instead of 10.
     */
    public static final int MAX_NODES_PER_POOL = 1000;

    private ClusterSpecValidator() {
    }

    /**
     * Every problem of the spec against the rules all targets share (names, version, pools, ranges, tags).
     *
     * @param spec the spec
     * @return the problems, empty when there are none
     */
    public static List<Problem> validate(ClusterSpec spec) {
        List<Problem> problems = new ArrayList<>();
        if (spec == null) {
            problems.add(Problem.of("cluster", null, "a cluster spec is required"));
            return problems;
        }
        Names.whyNotDnsLabel(spec.name(), Names.MAX_CLUSTER_NAME)
                .ifPresent(why -> problems.add(Problem.of("name", spec.name(), why)));
        if (!Versions.isSupportedKubernetes(spec.kubernetesVersion())) {
            String version = spec.kubernetesVersion();
            String minor = version == null ? null : version.replaceFirst("^v?(\\d+\\.\\d+)\\.\\d+$", "$1");
            problems.add(Problem.of("kubernetesVersion", version, minor != null && !minor.equals(version) && Versions.isSupportedKubernetes(minor)
                    ? "is a patch version; give the minor version only, \"" + minor + "\" (each target installs that minor's patch release it supports)"
                    : "is not supported; give a minor version (no patch), one of " + String.join(", ", Versions.KUBERNETES_SUPPORTED)));
        }
        validatePools(spec.nodePools(), problems);
        validateNetwork(spec.network(), problems);
        validateTags(spec.tags(), problems);
        return problems;
    }

    /**
     * Validates and throws {@link SpecValidationException} listing every problem.
     *
     * @param spec the spec
     */
    public static void check(ClusterSpec spec) {
        SpecValidationException.throwIfAny("cluster spec" + (spec == null ? "" : " '" + spec.name() + "'"), validate(spec));
    }

    private static void validatePools(List<NodePool> pools, List<Problem> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pools.size(); i++) {
            NodePool pool = pools.get(i);
            String at = "nodePools[" + i + "]";
            Names.whyNotDnsLabel(pool.name(), Names.MAX_POOL_NAME)
                    .ifPresent(why -> problems.add(Problem.of(at + ".name", pool.name(), why)));
            if (pool.name() != null && !seen.add(pool.name())) {
                problems.add(Problem.of(at + ".name", pool.name(), "is used by another node pool; pool names must be unique"));
            }
            validateSize(pool.size(), at, problems);
            validateScaling(pool, at, problems);
            pool.labels().forEach((key, value) -> {
                Names.whyNotLabelKey(key).ifPresentOrElse(why -> problems.add(Problem.of(at + ".labels", key, "label key " + why)),
                        () -> reservedLabelPrefix(key).ifPresent(prefix -> problems.add(Problem.of(at + ".labels." + key, key,
                                "uses the prefix " + prefix + ", which Kubernetes reserves: a node may not label itself with it "
                                + "(only node.kubernetes.io/ and kubelet.kubernetes.io/ are allowed); use a prefix of your own, "
                                + "e.g. example.com/" + key.substring(key.indexOf('/') + 1)))));
                Names.whyNotLabelValue(value).ifPresent(why -> problems.add(Problem.of(at + ".labels." + key, value, why)));
            });
            Set<String> taints = new HashSet<>();
            for (int t = 0; t < pool.taints().size(); t++) {
                Taint taint = pool.taints().get(t);
                validateTaint(taint, at + ".taints[" + t + "]", problems);
                if (!taints.add(taint.key() + ":" + taint.effect())) {
                    problems.add(Problem.of(at + ".taints[" + t + "]", taint.key() + ":" + taint.effect(), "repeats another taint's key "
                            + "and effect; Kubernetes allows one taint per key and effect"));
                }
            }
        }
    }

    private static void validateSize(MachineSize size, String at, List<Problem> problems) {
        boolean hasClass = size.sizeClass() != null && !size.sizeClass().isBlank();
        boolean hasType = size.machineType() != null && !size.machineType().isBlank();
        if (hasClass && hasType) {
            problems.add(Problem.of(at + ".size", size.sizeClass() + " + " + size.machineType(),
                    "set either a size class or a machine type, not both"));
        } else if (!hasClass && !hasType) {
            problems.add(Problem.of(at + ".size", null, "a size class (" + SizeClass.validIds() + ") or a machine type is required"));
        } else if (hasClass && size.knownClass().isEmpty()) {
            problems.add(Problem.of(at + ".size", size.sizeClass(),
                    "is not a size class; valid classes are " + SizeClass.validIds() + ", or set machineType for an explicit type"));
        }
    }

    private static void validateScaling(NodePool pool, String at, List<Problem> problems) {
        if (pool.minNodes() < 0) {
            problems.add(Problem.of(at + ".minNodes", pool.minNodes(), "must be 0 or more"));
        }
        if (pool.maxNodes() < 1) {
            problems.add(Problem.of(at + ".maxNodes", pool.maxNodes(), "must be at least 1"));
        }
        if (pool.maxNodes() > MAX_NODES_PER_POOL) {
            problems.add(Problem.of(at + ".maxNodes", pool.maxNodes(), "must be at most " + MAX_NODES_PER_POOL));
        }
        if (pool.minNodes() > pool.maxNodes()) {
            problems.add(Problem.of(at + ".minNodes", pool.minNodes(),
                    "is greater than maxNodes (" + pool.maxNodes() + "); expected minNodes <= desiredNodes <= maxNodes"));
        } else if (pool.desiredNodes() < pool.minNodes() || pool.desiredNodes() > pool.maxNodes()) {
            problems.add(Problem.of(at + ".desiredNodes", pool.desiredNodes(),
                    "must lie between minNodes (" + pool.minNodes() + ") and maxNodes (" + pool.maxNodes() + ")"));
        }
    }

    private static void validateTaint(Taint taint, String at, List<Problem> problems) {
        Names.whyNotLabelKey(taint.key()).ifPresent(why -> problems.add(Problem.of(at + ".key", taint.key(), why)));
        Names.whyNotLabelValue(taint.value()).ifPresent(why -> problems.add(Problem.of(at + ".value", taint.value(), why)));
        if (!taint.hasKnownEffect()) {
            problems.add(Problem.of(at + ".effect", taint.effect(),
                    "is not a taint effect; valid effects are " + Arrays.toString(TaintEffect.values())));
        }
    }

    private static void validateNetwork(NetworkSpec network, List<Problem> problems) {
        Map<String, Cidr> ranges = new LinkedHashMap<>();
        cidr("network.vpcCidr", network.vpcCidr(), problems).ifPresent(c -> {
            if (c.prefixLength() < 8 || c.prefixLength() > 28) {
                problems.add(Problem.of("network.vpcCidr", network.vpcCidr(), "must have a prefix between /8 and /28"));
            }
            ranges.put("network.vpcCidr", c);
        });
        cidr("network.podCidr", network.podCidr(), problems).ifPresent(c -> {
            if (c.prefixLength() > 22) {
                problems.add(Problem.of("network.podCidr", network.podCidr(), "is too small for pods; use /22 or larger (for example /16)"));
            }
            ranges.put("network.podCidr", c);
        });
        cidr("network.serviceCidr", network.serviceCidr(), problems).ifPresent(c -> {
            if (c.prefixLength() < 12 || c.prefixLength() > 24) {
                problems.add(Problem.of("network.serviceCidr", network.serviceCidr(), "must have a prefix between /12 and /24"));
            }
            ranges.put("network.serviceCidr", c);
        });
        List<Map.Entry<String, Cidr>> entries = new ArrayList<>(ranges.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                if (entries.get(i).getValue().overlaps(entries.get(j).getValue())) {
                    problems.add(Problem.of(entries.get(j).getKey(), entries.get(j).getValue(),
                            "overlaps " + entries.get(i).getKey() + " (" + entries.get(i).getValue() + "); the VPC, pod and service ranges must be disjoint"));
                }
            }
        }
        Set<Cidr> allowed = new HashSet<>();
        for (int i = 0; i < network.apiAccessAllowlist().size(); i++) {
            String field = "network.apiAccessAllowlist[" + i + "]";
            cidr(field, network.apiAccessAllowlist().get(i), problems).ifPresent(c -> {
                if (!allowed.add(c)) {
                    problems.add(Problem.of(field, c, "is listed twice; list each range once"));
                }
                whyNeverAClient(c).ifPresent(why -> problems.add(Problem.of(field, c, why)));
                if (c.prefixLength() == 0 && !network.privateApiOnly() && !network.apiOpenToInternet()) {
                    problems.add(Problem.of(field, c, "opens the public API endpoint to the whole internet; list narrower ranges "
                            + "(your office or CI egress), or set network.apiOpenToInternet: true to accept that explicitly"));
                }
            });
        }
    }

    /** Label prefixes Kubernetes keeps for itself on nodes (the NodeRestriction rule): *.kubernetes.io/ and *.k8s.io/. */
    private static Optional<String> reservedLabelPrefix(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String prefix = key.substring(0, slash);
        boolean reserved = prefix.equals("kubernetes.io") || prefix.endsWith(".kubernetes.io") || prefix.equals("k8s.io") || prefix.endsWith(".k8s.io");
        boolean allowed = prefix.equals("node.kubernetes.io") || prefix.endsWith(".node.kubernetes.io")
                || prefix.equals("kubelet.kubernetes.io") || prefix.endsWith(".kubelet.kubernetes.io");
        return reserved && !allowed ? Optional.of(prefix + "/") : Optional.empty();
    }

    /** Ranges no client ever connects from: loopback, "this network", link-local, multicast and reserved. */
    private static Optional<String> whyNeverAClient(Cidr c) {
        long first = c.network();
        if (c.prefixLength() == 0) {
            return Optional.empty();
        }
        String kind = inRange(first, "127.0.0.0", 8) ? "loopback" : inRange(first, "0.0.0.0", 8) ? "\"this network\" (0.0.0.0/8)"
                : inRange(first, "169.254.0.0", 16) ? "link-local" : first >= ip("224.0.0.0") ? "multicast or reserved" : null;
        return kind == null ? Optional.empty() : Optional.of("is a " + kind + " range, from which no client reaches the API endpoint; "
                + "list the ranges your office, VPN or CI runners connect from");
    }

    private static boolean inRange(long address, String network, int prefix) {
        return (address >>> (32 - prefix)) == (ip(network) >>> (32 - prefix));
    }

    private static long ip(String dotted) {
        long out = 0;
        for (String part : dotted.split("\\.")) {
            out = (out << 8) | Long.parseLong(part);
        }
        return out;
    }

    private static Optional<Cidr> cidr(String field, String text, List<Problem> problems) {
        Optional<String> why = Cidr.whyInvalid(text);
        why.ifPresent(w -> problems.add(Problem.of(field, text, w)));
        return why.isPresent() ? Optional.empty() : Cidr.parse(text);
    }

    private static void validateTags(Map<String, String> tags, List<Problem> problems) {
        tags.forEach((key, value) -> {
            if (key.isBlank() || key.length() > 128) {
                problems.add(Problem.of("tags", key, "tag keys must be 1-128 characters"));
            }
            if (value != null && value.length() > 256) {
                problems.add(Problem.of("tags." + key, value.substring(0, 20) + "...", "tag values must be at most 256 characters"));
            }
        });
    }
}
