package io.codezero.aws.cluster;

import com.google.gson.JsonObject;

/**
 * The EBS CSI driver add-on's {@code configurationValues}, so the driver never depends on pods reaching instance
 * metadata, which the nodes' IMDS hop limit of 1 forbids (no pod can act as the node). Without metadata the driver
 * falls back to the node's Kubernetes labels (its docs/install.md, "Kubernetes metadata"), which carry no count of the
 * ENIs and volumes sharing a Nitro instance's attachment slots: it then assumes one of each and offers a node more
 * volume attachments than fit, and the attach fails with the pod stuck.
 *
 * <ul>
 *   <li>{@code controller.region}: the controller (which calls EC2, with Pod Identity credentials) is told its region
 *   (the chart sets {@code AWS_REGION} from it) instead of asking IMDS.</li>
 *   <li>{@code node.hostNetwork: true} (hop limit 1 only): the node plugin reads IMDS from the node's own network
 *   namespace, so it counts the ENIs and volumes really attached. The plugin already runs privileged with the host's
 *   device and kubelet paths mounted (the chart's {@code node.containerSecurityContext}), so the host network adds
 *   nothing it could not reach; every other pod stays one hop away. Raising the hop limit to 2 instead would let every
 *   pod on the node take the node role's credentials.</li>
 * </ul>
 *
 * Both keys are in aws-ebs-csi-driver's chart values and its {@code values.schema.json} (chart 2.64.0;
 * {@code node.hostNetwork} since chart 2.24.0, driver 1.24.0, older than every add-on version EKS offers for the
 * Kubernetes versions CodeZero supports). A hop limit of 2 lets pods reach IMDS, so only the region is set then.
 */
final class EbsCsiConfiguration {
    private EbsCsiConfiguration() {
    }

    /** The add-on's configuration as JSON, for {@code region} and the nodes' IMDS hop limit. */
    static String of(String region, int imdsHopLimit) {
        JsonObject controller = new JsonObject();
        controller.addProperty("region", region);
        JsonObject values = new JsonObject();
        values.add("controller", controller);
        if (imdsHopLimit < 2) {
            JsonObject node = new JsonObject();
            node.addProperty("hostNetwork", true);
            values.add("node", node);
        }
        return values.toString();
    }
}
