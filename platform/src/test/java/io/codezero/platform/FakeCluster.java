package io.codezero.platform;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.target.LoadBalancerCapabilities;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.StorageProfile;
import io.codezero.core.validation.SpecValidationException;
import java.util.List;
import java.util.Map;

/** A provisioned cluster as a target would hand it back, and a stack-like program that installs a platform config on it. */
final class FakeCluster {
    /**
     * The platform config is read as a stack holds it once a credential in it (signIn.clientSecret) was set with
     * {@code pulumi config set --secret --path}: the whole key is secret. Plain-text credentials are refused (BadInputTest).
     */
    static final boolean SECRET_PLATFORM_KEY = true;

    static final String PROVIDER_NAME = "target-k8s";
    static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters: [{name: fake, cluster: {server: https://127.0.0.1:6443}}]
            contexts: [{name: fake, context: {cluster: fake, user: fake}}]
            current-context: fake
            users: [{name: fake, user: {token: not-a-real-token}}]
            """;
    static final StorageProfile STORAGE = new StorageProfile("standard-rwo", "fast-ssd");

    private FakeCluster() {
    }

    static ProvisionedCluster create(ComponentResource parent, LoadBalancerCapabilities loadBalancers) {
        Provider provider = new Provider(PROVIDER_NAME, ProviderArgs.builder().kubeconfig(Output.ofSecret(KUBECONFIG)).build(),
                CustomResourceOptions.builder().parent(parent).build());
        return new ProvisionedCluster("fake", Output.ofSecret(KUBECONFIG), provider, STORAGE, loadBalancers, List.of(provider));
    }

    static LoadBalancerCapabilities cloudLoadBalancers() {
        return LoadBalancerCapabilities.builder()
                .internetFacing(Map.of("lb.example/scheme", "internet-facing"))
                .internal(Map.of("lb.example/scheme", "internal"))
                .defaultExposure(io.codezero.core.target.Exposure.INTERNET_FACING)
                .build();
    }

    static PlatformConfig read(Map<String, Object> platform) {
        ConfigObject object = ConfigObject.root("platform", platform, SECRET_PLATFORM_KEY);
        PlatformConfig config = PlatformConfig.read(object);
        SpecValidationException.throwIfAny("platform", object.problems());
        return config;
    }

    /** Runs the platform on a fake cluster under the mock engine, as the stack would. */
    static OfflineRun plan(PlatformConfig config) {
        return plan(config, cloudLoadBalancers());
    }

    /** The same on a target with the given load-balancer capabilities (e.g. {@link LoadBalancerCapabilities#nodeLocal()}). */
    static OfflineRun plan(PlatformConfig config, LoadBalancerCapabilities loadBalancers) {
        return plan(config, loadBalancers, java.util.function.UnaryOperator.identity());
    }

    /** The same on a cluster the target states facts about (e.g. its preferred mesh dataplane). */
    static OfflineRun plan(PlatformConfig config, LoadBalancerCapabilities loadBalancers,
                           java.util.function.UnaryOperator<ProvisionedCluster> facts) {
        return OfflineEngine.create().mocks(PlanMocksContributor.discover()).run(ctx -> {
            ComponentResource stack = new ComponentResource("codezero:index:Stack", "dev", ComponentResourceOptions.builder().build());
            ProvisionedCluster cluster = facts.apply(create(stack, loadBalancers));
            PlatformInstaller.install("dev", cluster, stack, config);
        });
    }

    static OfflineRun plan(Map<String, Object> platform) {
        return plan(read(platform));
    }

    /** Reads without throwing, so the stack-like program itself meets the bad config. */
    static OfflineRun planExpectingFailure(Map<String, Object> platform) {
        return plan(PlatformConfig.read(ConfigObject.root("platform", platform, SECRET_PLATFORM_KEY)));
    }

    static OfflineRun planExpectingFailure(PlatformConfig config) {
        return plan(config);
    }
}
