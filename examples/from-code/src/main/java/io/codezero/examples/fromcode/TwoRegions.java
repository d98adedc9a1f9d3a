package io.codezero.examples.fromcode;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.codezero.aws.AwsTarget;
import io.codezero.aws.AwsTargetArgs;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NetworkSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.SizeClass;
import io.codezero.platform.PlatformSettings;
import io.codezero.platform.apps.catalogue.Gitea;
import io.codezero.platform.apps.catalogue.PostgreSql;
import io.codezero.platform.layers.CertificatesLayer;
import io.codezero.platform.layers.DashboardsLayer;
import io.codezero.platform.layers.IstioLayer;
import io.codezero.platform.layers.MetricsLayer;
import io.codezero.platform.mesh.Route;
import io.codezero.platform.mesh.Visibility;
import io.codezero.stacks.CodeZeroStack;
import io.codezero.stacks.CommonPoolParallelism;
import io.codezero.stacks.CodeZeroStackArgs;
import java.util.Map;
import io.codezero.stacks.CommonPoolParallelism;

/** Two EKS clusters, each with the platform and a linked app, from one program: no config file needed. */
public final class TwoRegions {
    private TwoRegions() {
    }

    public static void main(String[] args) {
        CommonPoolParallelism.ensureAtLeastTwo();  // before the SDK touches the common pool: e2e/README.md
        Pulumi.run(TwoRegions::stack);
    }

    public static void stack(Context ctx) {
        Map<String, String> regions = Map.of("eu", "eu-west-1", "us", "us-east-2");
        regions.forEach((name, region) -> {
            String domain = name + ".example.com";
            var cluster = ClusterSpec.builder("shop-" + name)
                    .kubernetesVersion("1.34")
                    .nodePool(NodePool.builder("system").size(SizeClass.MEDIUM).scaling(2, 3, 6).build())
                    .network(NetworkSpec.builder().allowApiAccessFrom("203.0.113.0/24").build())
                    .tag("team", "platform")
                    .build();
            new CodeZeroStack("shop-" + name, CodeZeroStackArgs.builder()
                    .target(new AwsTarget(AwsTargetArgs.builder().region(region).build()))
                    .cluster(cluster)
                    .settings(PlatformSettings.defaults().withDomain(domain))
                    // listed in any order: the stack installs what each layer and app needs first
                    .app(new Gitea("git", "20Gi", domain, Route.host("git", Visibility.PUBLIC), "db"))
                    .app(new PostgreSql("db", "20Gi"))
                    .layer(DashboardsLayer.builder().build())
                    .layer(MetricsLayer.builder().retention("15d").build())
                    .layer(IstioLayer.builder().build())
                    .layer(CertificatesLayer.builder().build())
                    .build())
                    .exportTo(ctx, name);
        });
    }
}
