package io.codezero.stacks.console;

import io.codezero.local.ExistingClusterTarget;
import io.codezero.stacks.CodeZeroStack;
import io.codezero.stacks.StackConfig;
import io.codezero.stacks.plan.PlannedObjects;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The objects examples/minikube's program authors for one of its stacks (what {@code ./codezero plan examples/minikube
 * --stack S --objects-out F} writes), planned once per stack and JVM. The program is the example's own
 * {@code App.stack}, which this module cannot depend on (the example depends on it), written out again here.
 */
final class E2ePlanObjects {
    static final Path EXAMPLE = ConsoleApiServerTest.REPO.resolve("examples/minikube");
    private static final Map<String, List<Map<String, Object>>> PLANNED = new ConcurrentHashMap<>();

    private E2ePlanObjects() {
    }

    static synchronized List<Map<String, Object>> of(String stack) throws IOException {
        List<Map<String, Object>> objects = PLANNED.get(stack);
        if (objects == null) {
            objects = PlannedObjects.of(EXAMPLE, stack, ctx -> {
                StackConfig config = StackConfig.from(ctx);
                new CodeZeroStack(config.cluster().name(), config.toArgs(ExistingClusterTarget.fromConfig(config.scalars()))).exportTo(ctx);
            });
            PLANNED.put(stack, objects);
        }
        return objects;
    }

    /** The objects of one kind. */
    static List<Map<String, Object>> ofKind(String stack, String kind) throws IOException {
        return of(stack).stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    static String name(Map<String, Object> object) {
        return String.valueOf(((Map<?, ?>) object.get("metadata")).get("name"));
    }
}
