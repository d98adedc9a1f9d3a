package io.codezero.platform.secrets;

import io.codezero.core.plan.PlanMocks;
import io.codezero.core.plan.PlanMocksContributor;
import java.util.Map;

/** Teaches the offline plan what the random provider answers: a fixed placeholder, never a real password. */
public final class RandomPlanMocks implements PlanMocksContributor {
    @Override
    public void contribute(PlanMocks mocks) {
        mocks.outputs(RandomPassword.TYPE, args -> Map.of("result", "offline-plan-placeholder-" + args.name));
    }
}
