package io.codezero.digitalocean.resources;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Map;

/**
 * Inputs of {@link KubernetesCluster}, named as in the provider's schema. Those that force a new
 * cluster (terraform-provider-digitalocean kubernetes/resource_kubernetes_cluster.go: region,
 * vpc_uuid, worker_subnet_uuid, cluster_subnet, service_subnet, a lower version, and the built-in
 * pool's size through kubernetes/kubernetes.go) are listed in the tests' replacement table.
 */
public final class KubernetesClusterArgs extends ResourceArgs {
    @Import(name = "name")
    private Output<String> name;
    @Import(name = "region", required = true)
    private Output<String> region;
    @Import(name = "version", required = true)
    private Output<String> version;
    @Import(name = "vpcUuid")
    private Output<String> vpcUuid;
    @Import(name = "clusterSubnet")
    private Output<String> clusterSubnet;
    @Import(name = "serviceSubnet")
    private Output<String> serviceSubnet;
    @Import(name = "ha")
    private Output<Boolean> ha;
    @Import(name = "surgeUpgrade")
    private Output<Boolean> surgeUpgrade;
    @Import(name = "autoUpgrade")
    private Output<Boolean> autoUpgrade;
    @Import(name = "registryIntegration")
    private Output<Boolean> registryIntegration;
    @Import(name = "destroyAllAssociatedResources")
    private Output<Boolean> destroyAllAssociatedResources;
    @Import(name = "kubeconfigExpireSeconds")
    private Output<Integer> kubeconfigExpireSeconds;
    @Import(name = "tags")
    private Output<List<String>> tags;
    @Import(name = "maintenancePolicy")
    private Output<MaintenancePolicy> maintenancePolicy;
    @Import(name = "controlPlaneFirewall")
    private Output<ControlPlaneFirewall> controlPlaneFirewall;
    @Import(name = "nodePool", required = true)
    private Output<BuiltInPool> nodePool;

    private KubernetesClusterArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final KubernetesClusterArgs args = new KubernetesClusterArgs();

        public Builder name(String v) { args.name = Output.of(v); return this; }
        public Builder region(String v) { args.region = Output.of(v); return this; }
        public Builder version(Output<String> v) { args.version = v; return this; }
        public Builder vpcUuid(Output<String> v) { args.vpcUuid = v; return this; }
        public Builder clusterSubnet(String v) { args.clusterSubnet = Output.of(v); return this; }
        public Builder serviceSubnet(String v) { args.serviceSubnet = Output.of(v); return this; }
        public Builder ha(boolean v) { args.ha = Output.of(v); return this; }
        public Builder surgeUpgrade(boolean v) { args.surgeUpgrade = Output.of(v); return this; }
        public Builder autoUpgrade(boolean v) { args.autoUpgrade = Output.of(v); return this; }
        public Builder registryIntegration(boolean v) { args.registryIntegration = Output.of(v); return this; }
        public Builder destroyAllAssociatedResources(boolean v) { args.destroyAllAssociatedResources = Output.of(v); return this; }
        public Builder kubeconfigExpireSeconds(int v) { args.kubeconfigExpireSeconds = Output.of(v); return this; }
        public Builder tags(List<String> v) { args.tags = Output.of(v); return this; }
        public Builder maintenancePolicy(MaintenancePolicy v) { args.maintenancePolicy = Output.of(v); return this; }
        public Builder controlPlaneFirewall(ControlPlaneFirewall v) { args.controlPlaneFirewall = Output.of(v); return this; }
        public Builder nodePool(BuiltInPool v) { args.nodePool = Output.of(v); return this; }

        public KubernetesClusterArgs build() {
            return args;
        }
    }

    /** {@code KubernetesClusterMaintenancePolicy}: day (monday..sunday or any) and start time HH:MM UTC. */
    public static final class MaintenancePolicy extends ResourceArgs {
        @Import(name = "day")
        private Output<String> day;
        @Import(name = "startTime")
        private Output<String> startTime;

        public static MaintenancePolicy of(String day, String startTime) {
            MaintenancePolicy p = new MaintenancePolicy();
            p.day = Output.of(day);
            p.startTime = Output.of(startTime);
            return p;
        }
    }

    /** {@code KubernetesClusterControlPlaneFirewall}: who may reach the API endpoint. */
    public static final class ControlPlaneFirewall extends ResourceArgs {
        @Import(name = "enabled", required = true)
        private Output<Boolean> enabled;
        @Import(name = "allowedAddresses", required = true)
        private Output<List<String>> allowedAddresses;

        public static ControlPlaneFirewall of(boolean enabled, List<String> allowedAddresses) {
            ControlPlaneFirewall f = new ControlPlaneFirewall();
            f.enabled = Output.of(enabled);
            f.allowedAddresses = Output.of(List.copyOf(allowedAddresses));
            return f;
        }
    }

    /** {@code KubernetesClusterNodePool}: the cluster's own pool, fixed size, no autoscaling. */
    public static final class BuiltInPool extends ResourceArgs {
        @Import(name = "name", required = true)
        private Output<String> name;
        @Import(name = "size", required = true)
        private Output<String> size;
        @Import(name = "nodeCount")
        private Output<Integer> nodeCount;
        @Import(name = "autoScale")
        private Output<Boolean> autoScale;
        @Import(name = "labels")
        private Output<Map<String, String>> labels;
        @Import(name = "tags")
        private Output<List<String>> tags;

        public static BuiltInPool of(String name, String size, int nodeCount, Map<String, String> labels, List<String> tags) {
            BuiltInPool p = new BuiltInPool();
            p.name = Output.of(name);
            p.size = Output.of(size);
            p.nodeCount = Output.of(nodeCount);
            p.autoScale = Output.of(false);
            p.labels = Output.of(Map.copyOf(labels));
            p.tags = Output.of(List.copyOf(tags));
            return p;
        }
    }
}
