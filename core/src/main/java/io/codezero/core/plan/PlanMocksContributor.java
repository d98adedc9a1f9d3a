package io.codezero.core.plan;

/**
 * Lets a target module teach the offline plan how its cloud answers: outputs computed by the
 * cloud (ARNs, endpoints) and data-source invokes (availability zones, caller identity). Found
 * with {@link java.util.ServiceLoader}; register in META-INF/services/io.codezero.core.plan.PlanMocksContributor.
 */
public interface PlanMocksContributor {
    void contribute(PlanMocks mocks);

    /** Plan mocks with every contributor on the classpath applied. */
    static PlanMocks discover() {
        PlanMocks mocks = new PlanMocks();
        java.util.ServiceLoader.load(PlanMocksContributor.class).forEach(c -> c.contribute(mocks));
        return mocks;
    }
}
