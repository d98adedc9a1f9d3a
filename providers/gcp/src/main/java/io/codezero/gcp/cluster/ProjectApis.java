package io.codezero.gcp.cluster;

import com.pulumi.core.Output;
import com.pulumi.gcp.projects.Service;
import com.pulumi.gcp.projects.ServiceArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.gcp.GcpScope;
import io.codezero.gcp.preflight.GcpPreflight;
import java.util.ArrayList;
import java.util.List;

/**
 * The APIs a cluster needs, enabled by the deploy when {@code gcp.enableApis} asks for it. A fresh project has
 * them off; the first {@code up} would fail on the first call, and GKE's service agent (which the KMS grant names)
 * exists only once the container API is on. Every resource and data-source call of the cluster waits for them.
 * A destroy leaves them enabled: other things in the project may use them.
 */
final class ProjectApis {
    private ProjectApis() {
    }

    static List<Service> enable(GcpScope scope) {
        List<Service> services = new ArrayList<>();
        for (String api : GcpPreflight.REQUIRED_APIS) {
            services.add(new Service(scope.name("api-" + api.substring(0, api.indexOf('.'))), ServiceArgs.builder()
                    .project(scope.project())
                    .service(api)
                    .disableOnDestroy(false)
                    .disableDependentServices(false)
                    .build(), CustomResourceOptions.builder().parent(scope.parent()).provider(scope.provider()).build()));
        }
        return services;
    }

    /** Known once every API is on: data sources read through it wait for them. */
    static Output<String> ready(List<Service> services) {
        if (services.isEmpty()) {
            return Output.of("");
        }
        return Output.all(services.stream().map(Service::id).toList()).applyValue(ids -> "");
    }
}
