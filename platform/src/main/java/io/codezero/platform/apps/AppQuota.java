package io.codezero.platform.apps;

import com.pulumi.kubernetes.core.v1.LimitRange;
import com.pulumi.kubernetes.core.v1.LimitRangeArgs;
import com.pulumi.kubernetes.core.v1.ResourceQuota;
import com.pulumi.kubernetes.core.v1.ResourceQuotaArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeItemArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceQuotaSpecArgs;
import com.pulumi.resources.Resource;
import io.codezero.platform.LayerContext;
import io.codezero.platform.k8s.Meta;
import java.util.Map;

/** The ResourceQuota and LimitRange of an app's namespace, when the app asks for a {@link Quota}. */
final class AppQuota {
    private AppQuota() {
    }

    static void create(LayerContext context, String app, Map<String, String> labels, Quota quota, Resource namespace) {
        // Containers that declare nothing (an injected sidecar, its init container, a debug pod) get these, so a
        // quota on limits can admit them at all.
        new LimitRange(context.name(app + "-limit-range"), LimitRangeArgs.builder()
                .metadata(Meta.of("container-defaults", app, labels))
                .spec(LimitRangeSpecArgs.builder().limits(LimitRangeItemArgs.builder()
                        .type("Container")
                        .defaultRequest(Quota.CONTAINER_DEFAULTS.requestMap())
                        .default_(Quota.CONTAINER_DEFAULTS.limitMap())
                        .build()).build())
                .build(), context.options(namespace));
        new ResourceQuota(context.name(app + "-resource-quota"), ResourceQuotaArgs.builder()
                .metadata(Meta.of("quota", app, labels))
                .spec(ResourceQuotaSpecArgs.builder().hard(quota.hard()).build())
                .build(), context.options(namespace));
    }
}
