package io.codezero.gcp.cluster;

import com.pulumi.core.Output;
import com.pulumi.gcp.Provider;
import com.pulumi.gcp.ProviderArgs;
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
 *
 * <p>The enablements go through a provider of their own that names the project as the quota project. Service Usage
 * refuses a user login without one (403 "requires a quota project": {@code gcloud auth application-default login}
 * without {@code set-quota-project}, pulumi/pulumi-gcp#2032). At the pinned provider (terraform-provider-google-beta
 * v5.0.0, services/resourcemanager serviceusage_batching.go and resource_google_project.go) enable, list and the
 * operation wait send {@code X-Goog-User-Project: billing_project} only when {@code user_project_override} is on.
 * Only this provider sets it: on the cluster's provider every call would then need {@code serviceusage.services.use},
 * which a least-privileged deployer without {@code enableApis} need not hold.
 */
final class ProjectApis {
    private ProjectApis() {
    }

    /**
     * The enablements of {@link GcpPreflight#REQUIRED_APIS}, through a provider that bills the calls to the project.
     * @param scope the cluster's scope (parent, project, name prefix)
     * @return one enablement per API
     */
    static List<Service> enable(GcpScope scope) {
        List<Service> services = new ArrayList<>();
        var quotaProvider = new Provider(scope.name("apis-gcp"), ProviderArgs.builder()
                .project(scope.project())
                .region(scope.region())
                .billingProject(scope.project())
                .userProjectOverride(true)
                .build(), CustomResourceOptions.builder().parent(scope.parent()).build());
        for (String api : GcpPreflight.REQUIRED_APIS) {
            services.add(new Service(scope.name("api-" + api.substring(0, api.indexOf('.'))), ServiceArgs.builder()
                    .project(scope.project())
                    .service(api)
                    .disableOnDestroy(false)
                    .disableDependentServices(false)
                    .build(), CustomResourceOptions.builder().parent(scope.parent()).provider(quotaProvider).build()));
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
