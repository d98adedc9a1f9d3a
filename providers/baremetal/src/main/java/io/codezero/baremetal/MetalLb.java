package io.codezero.baremetal;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceArgs;
import io.codezero.core.Versions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** MetalLB (chart + address pools + L2 advertisement) when the user gives address pools instead of ServiceLB. */
final class MetalLb {
    static final String NAMESPACE = "metallb-system";

    private MetalLb() {
    }

    static List<Resource> install(String cluster, BareMetalLoadBalancer lb, Provider provider, Resource parent) {
        if (lb.kind() != BareMetalLoadBalancer.Kind.METALLB) {
            return List.of();
        }
        CustomResourceOptions opts = CustomResourceOptions.builder().parent(parent).provider(provider).build();
        Release release = new Release(cluster + "-metallb", ReleaseArgs.builder()
                .chart("metallb").version(Versions.BareMetal.METALLB)
                .repositoryOpts(RepositoryOptsArgs.builder().repo(Versions.BareMetal.METALLB_REPO).build())
                .namespace(NAMESPACE).createNamespace(true).build(), opts);
        CustomResourceOptions afterChart = CustomResourceOptions.builder().parent(parent).provider(provider).dependsOn(release).build();
        List<Resource> out = new ArrayList<>(List.of(release));
        List<String> pools = new ArrayList<>(List.of(BareMetalLoadBalancer.PUBLIC_POOL));
        out.add(new Manifest("kubernetes:metallb.io/v1beta1:IPAddressPool", cluster + "-" + BareMetalLoadBalancer.PUBLIC_POOL,
                BareMetalLoadBalancer.PUBLIC_POOL, Map.of("addresses", lb.publicAddresses(), "autoAssign", true), afterChart));
        if (!lb.internalAddresses().isEmpty()) {
            pools.add(BareMetalLoadBalancer.INTERNAL_POOL);
            out.add(new Manifest("kubernetes:metallb.io/v1beta1:IPAddressPool", cluster + "-" + BareMetalLoadBalancer.INTERNAL_POOL,
                    BareMetalLoadBalancer.INTERNAL_POOL, Map.of("addresses", lb.internalAddresses(), "autoAssign", false), afterChart));
        }
        out.add(new Manifest("kubernetes:metallb.io/v1beta1:L2Advertisement", cluster + "-codezero-l2", "codezero-l2",
                Map.of("ipAddressPools", pools), afterChart));
        return out;
    }

    /** A namespaced custom resource (the Kubernetes SDK 4.0.0 has no generic class for them). */
    static final class Manifest extends CustomResource {
        Manifest(String type, String resourceName, String objectName, Map<String, Object> spec, CustomResourceOptions opts) {
            super(type, resourceName, ManifestArgs.of(type, objectName, spec), opts);
        }
    }

    static final class ManifestArgs extends ResourceArgs {
        @Import(name = "apiVersion") private Output<String> apiVersion;
        @Import(name = "kind") private Output<String> kind;
        @Import(name = "metadata") private Output<ObjectMetaArgs> metadata;
        @Import(name = "spec") private Output<Map<String, Object>> spec;

        static ManifestArgs of(String type, String name, Map<String, Object> spec) {
            String[] parts = type.split(":");
            ManifestArgs a = new ManifestArgs();
            a.apiVersion = Output.of(parts[1]);
            a.kind = Output.of(parts[2]);
            a.metadata = Output.of(ObjectMetaArgs.builder().name(name).namespace(NAMESPACE).build());
            a.spec = Output.of(spec);
            return a;
        }
    }
}
