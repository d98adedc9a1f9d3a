package io.codezero.pkg.shape;

import java.util.Map;

/**
 * Inputs of {@code codezero:index:Stack}: the keys of the {@code codezero:} config namespace a CodeZero program on an
 * existing cluster reads ({@code io.codezero.stacks.StackConfig} and {@code ExistingClusterTarget.fromConfig}), with
 * the same names and types.
 */
@Doc("The CodeZero platform (Istio, certificates, metrics, logs, dashboards, GUI, apps) on an existing Kubernetes cluster. "
        + "The inputs have the shape and names of the `codezero:` config of a CodeZero Java program.")
public final class StackShape {
    @Doc("The cluster: its name (defaults to the resource's name), Kubernetes version and, for targets that make clusters, "
            + "node pools and network. Same keys as `codezero:cluster`.")
    ClusterShape cluster;

    @Doc("The platform: domain, layers (istio, certificates, metrics, logs, dashboards, gui, signIn) and apps. Same keys as "
            + "`codezero:platform`; a layer runs when its key is present (`{}` takes every default).")
    PlatformShape platform;

    @Doc("The AWS target: with this section CodeZero makes the cluster on EKS (and the existing-cluster inputs do not "
            + "apply). One target section at most.")
    AwsShape aws;

    @Doc("The Azure target: with this section CodeZero makes the cluster on AKS (and the existing-cluster inputs do not "
            + "apply). One target section at most.")
    AzureShape azure;

    @Doc("The bare-metal target: with this section CodeZero makes a k3s cluster on your machines over SSH (and the "
            + "existing-cluster inputs do not apply). One target section at most.")
    BareMetalShape baremetal;

    @Doc("The DigitalOcean target: with this section CodeZero makes the cluster on DOKS (and the existing-cluster inputs "
            + "`kubeconfig`, `context`, `storageClass`, `loadBalancerAddresses` do not apply); without it, the platform goes onto "
            + "an existing cluster. One target section at most.")
    DigitalOceanShape digitalocean;

    @Doc("The Google Cloud target: with this section CodeZero makes the cluster on GKE (and the existing-cluster inputs "
            + "do not apply). One target section at most.")
    GcpShape gcp;

    @Doc("The existing cluster's kubeconfig: a file's path, or the kubeconfig itself (YAML or JSON text with a line break "
            + "or starting with `{`, or an object), such as another resource's output (`${cluster.kubeconfig}`), which may be "
            + "unknown at preview (then name the `context`); defaults to $KUBECONFIG or ~/.kube/config.")
    String kubeconfig;

    @Doc("The kubeconfig context to use; defaults to the kubeconfig's current context. Required when the kubeconfig is "
            + "not known at preview.")
    String context;

    @Doc("The StorageClass for the platform's volumes; defaults to the cluster's default StorageClass.")
    String storageClass;

    @Doc("Whether the cluster hands out LoadBalancer addresses (MetalLB, k3s ServiceLB, a cloud); decides the gateway's "
            + "Service type when the platform does not set one.")
    Boolean loadBalancerAddresses;

    /** Not constructed: a shape is read by reflection only. */
    private StackShape() {
    }

    /** Outputs of {@code codezero:index:Stack}, as {@code CodeZeroStack} registers them. */
    @Doc("What the stack gives back.")
    public static final class Outputs {
        @Doc("A kubeconfig for the cluster (a secret).")
        @Secret
        @Required
        String kubeconfig;

        @Doc("The address of the platform's gateway (hostname or IP); empty without the istio layer.")
        @Required
        String gatewayAddress;

        @Doc("The consoles the platform installed (grafana, headlamp, kiali, ...) by name, with their URLs.")
        @Required
        Map<String, String> consoleUrls;

        @Doc("The cluster's name as its kubeconfig knows it (the cluster entry the context refers to). A plain value: the "
                + "Java API's typed handles (`ClusterHandles`) are resources, which a package's outputs cannot carry.")
        @Required
        String clusterName;

        @Doc("The Kubernetes API server's URL, e.g. `https://192.168.49.2:8443`.")
        @Required
        String endpoint;

        @Doc("With the `aws` target: the EKS cluster's ARN, OIDC issuer and provider, node role, VPC, subnets and security group.")
        AwsHandlesShape awsHandles;

        @Doc("With the `azure` target: the AKS cluster's id, resource group, identities, OIDC issuer and subnet.")
        AzureHandlesShape azureHandles;

        @Doc("With the `digitalocean` target: the DOKS cluster's id and URN, VPC and project.")
        DigitalOceanHandlesShape digitaloceanHandles;

        @Doc("With the `gcp` target: the GKE cluster's id, network, subnetwork, Workload Identity pool and node service account.")
        GcpHandlesShape gcpHandles;

        private Outputs() {
        }
    }
}
