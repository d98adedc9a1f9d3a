package io.codezero.aws;

import com.pulumi.resources.ComponentResourceOptions;
import io.codezero.aws.cluster.AddonVersionChoice;
import io.codezero.aws.cluster.EksCluster;
import io.codezero.aws.cluster.RunningCluster;
import io.codezero.aws.preflight.AwsClients;
import io.codezero.aws.preflight.AwsPreflight;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.preflight.PreflightReport;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.ClusterTarget;
import io.codezero.core.target.Exposure;
import io.codezero.core.target.LoadBalancerCapabilities;
import io.codezero.core.target.PhysicalName;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.StorageProfile;
import io.codezero.core.target.TargetContext;
import io.codezero.core.validation.Arguments;
import io.codezero.core.validation.Problem;
import io.codezero.core.validation.SpecValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * EKS on AWS: see docs/aws.md. Stateless: each {@link #provision} returns its cluster's typed handles
 * ({@link EksClusterHandles}) on the {@link ProvisionedCluster}, never on the target.
 */
public final class AwsTarget implements ClusterTarget {
    /** The target kind, as {@code codezero:target} names it in config. */
    public static final String KIND = "aws";

    /** In-tree service controller annotations: a Network Load Balancer, cross-zone, in the subnets tagged for it. */
    static final Map<String, String> NLB = Map.of(
            "service.beta.kubernetes.io/aws-load-balancer-type", "nlb",
            "service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled", "true");

    private final AwsTargetArgs args;
    private final Function<ClusterSpec, Optional<RunningCluster>> running;

    /**
     * A target for EKS; nothing is called until the stack plans. Under the real engine, {@link #provision}
     * reads the add-ons an existing cluster runs to keep their versions ({@link AddonVersionChoice}).
     * @param args the AWS settings; must not be {@code null}
     */
    public AwsTarget(AwsTargetArgs args) {
        this(args, spec -> RealEngine.isDrivingThisProgram() ? readRunningCluster(args, spec) : Optional.empty());
    }

    /** For tests: what the cluster runs, instead of asking EKS. */
    AwsTarget(AwsTargetArgs args, Function<ClusterSpec, Optional<RunningCluster>> running) {
        this.args = Arguments.given(args, "new AwsTarget(args)");
        this.running = running;
    }

    private static Optional<RunningCluster> readRunningCluster(AwsTargetArgs args, ClusterSpec spec) {
        var unpinned = AddonVersionChoice.unpinned(args.addonVersions());
        try (var clients = AwsClients.forRegion(args.region(), args.awsProfile())) {
            return RunningCluster.read(clients.eks(), spec.name(), spec.kubernetesVersion(), unpinned);
        }
    }

    /**
     * Reads the {@code codezero:aws} config object. Type errors and unknown keys are added to the
     * object's problems, which the stack reports with every other problem before registering
     * anything (see {@code StackConfig.section}); never thrown here.
     * @param aws the {@code codezero:aws} config object
     * @return a target built from those values
     */
    public static AwsTarget fromConfig(ConfigObject aws) {
        return new AwsTarget(AwsTargetArgs.fromConfig(aws));
    }

    /** {@value #KIND}. */
    @Override
    public String kind() {
        return KIND;
    }

    /**
     * The AWS-specific arguments this target was made with.
     * @return the arguments given to the constructor
     */
    public AwsTargetArgs args() {
        return args;
    }

    @Override
    public List<Problem> validate(ClusterSpec spec) {
        return AwsValidator.validate(spec, args);
    }

    /** EKS cluster names are unique per region and account (the log group and KMS alias follow the name). */
    @Override
    public Set<PhysicalName> physicalNames(ClusterSpec spec) {
        String scope = "AWS region " + args.region() + args.awsProfile().map(p -> " (profile " + p + ")").orElse("");
        return Set.of(PhysicalName.ofCluster(spec, scope, "EKS cluster", spec.name()));
    }

    @Override
    public ProvisionedCluster provision(ClusterSpec spec, TargetContext context) {
        SpecValidationException.throwIfAny("aws target of cluster '" + spec.name() + "'", validate(spec));
        if (args.preflight() && RealEngine.isDrivingThisProgram()) {
            PreflightReport report = AwsPreflight.forRegion(args.region(), args.awsProfile()).run(spec, args);
            report.throwIfFailed();
        }
        Optional<RunningCluster> runs = running.apply(spec);
        SpecValidationException.throwIfAny("aws target of cluster '" + spec.name() + "'",
                runs.stream().flatMap(r -> Stream.of(r.secretsKeyProblem(args.kmsKeyArn()),
                        r.versionStepProblem(spec.name(), spec.kubernetesVersion()))).flatMap(Optional::stream).toList());
        EksCluster cluster = new EksCluster(context.stackName(), spec, args, runs, ComponentResourceOptions.builder().parent(context.parent()).build());
        return new ProvisionedCluster(spec.name(), cluster.kubeconfig(), cluster.kubernetesProvider(),
                StorageProfile.single(EksCluster.STORAGE_CLASS), loadBalancers(cluster), cluster.readiness())
                .withHandles(cluster.handles());
    }

    private static LoadBalancerCapabilities loadBalancers(EksCluster cluster) {
        Map<String, String> internal = new LinkedHashMap<>(NLB);
        internal.put("service.beta.kubernetes.io/aws-load-balancer-internal", "true");
        var builder = LoadBalancerCapabilities.builder().internal(internal).exposureSwitchesInPlace(false, "cloud-provider-aws keeps an existing NLB as it is: \"TODO: Sync internal vs non-internal\" (https://github.com/kubernetes/cloud-provider-aws/blob/master/pkg/providers/v1/aws_loadbalancer.go, ensureLoadBalancerv2)");
        if (cluster.network().hasPublicSubnets()) {
            builder.internetFacing(NLB).defaultExposure(Exposure.INTERNET_FACING);
        } else {
            builder.defaultExposure(Exposure.INTERNAL);
        }
        return builder.build();
    }
}
