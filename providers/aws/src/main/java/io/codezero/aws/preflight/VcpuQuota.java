package io.codezero.aws.preflight;

import io.codezero.core.preflight.CheckResult;
import java.util.Locale;
import java.util.Optional;

/**
 * EC2 vCPU quotas (Service Quotas, service code "ec2") and which instance families count against
 * each. On-demand and spot capacity have separate quotas.
 */
public enum VcpuQuota {
    STANDARD_ON_DEMAND("L-1216C47A", "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances"),
    STANDARD_SPOT("L-34B43A08", "All Standard (A, C, D, H, I, M, R, T, Z) Spot Instance Requests"),
    G_ON_DEMAND("L-DB2E81BA", "Running On-Demand G and VT instances"),
    G_SPOT("L-3819A6DF", "All G and VT Spot Instance Requests"),
    P_ON_DEMAND("L-417A185B", "Running On-Demand P instances"),
    P_SPOT("L-7212CCBC", "All P Spot Instance Requests");

    private final String code;
    private final String title;

    VcpuQuota(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The quota an instance type counts against, or empty for families this check does not know (x, u, inf, trn, f, hpc...). */
    public static Optional<VcpuQuota> forInstanceType(String instanceType, boolean spot) {
        String family = instanceType.substring(0, instanceType.indexOf('.')).toLowerCase(Locale.ROOT);
        if (family.startsWith("vt") || family.matches("g\\d.*")) {
            return Optional.of(spot ? G_SPOT : G_ON_DEMAND);
        }
        if (family.matches("p\\d.*")) {
            return Optional.of(spot ? P_SPOT : P_ON_DEMAND);
        }
        if (family.matches("[acdhimrtz]\\d.*")) {
            return Optional.of(spot ? STANDARD_SPOT : STANDARD_ON_DEMAND);
        }
        return Optional.empty();
    }

    /**
     * The verdict for one quota: the pools need {@code needed} vCPUs at their maximum size,
     * {@code inUse} are already taken by running instances, {@code limit} is the applied quota; {@code whoNeeds} reads like "pool system needs".
     */
    public CheckResult evaluate(int needed, int inUse, double limit, String whoNeeds) {
        String check = "vcpu-quota";
        int free = (int) Math.floor(limit) - inUse;
        if (needed > free) {
            return CheckResult.fail(check, "vCPU quota " + code + " (" + title + ") is " + (int) limit + " with " + inUse
                    + " in use, so " + Math.max(free, 0) + " are free, but " + whoNeeds + " " + needed
                    + " vCPUs at maximum size; request an increase in the Service Quotas console or lower maxNodes");
        }
        return CheckResult.pass(check, "vCPU quota " + code + " has " + free + " free of " + (int) limit + "; " + whoNeeds + " " + needed);
    }
}
