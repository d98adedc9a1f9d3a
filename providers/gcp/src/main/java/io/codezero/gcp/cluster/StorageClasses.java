package io.codezero.gcp.cluster;

import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.kubernetes.storage.v1.StorageClassArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Map;

/**
 * The storage profile's classes, through GKE's Compute Engine Persistent Disk CSI driver:
 * balanced persistent disks for the standard tier, SSD persistent disks for the fast tier.
 * Disks are encrypted at rest by Google. Ours, not GKE's built-in standard-rwo/premium-rwo, so
 * claims depend on a resource of this stack and are destroyed while the driver still runs.
 */
final class StorageClasses {
    static final String STANDARD = "codezero-balanced";
    static final String FAST = "codezero-ssd";
    static final String PROVISIONER = "pd.csi.storage.gke.io";

    private StorageClasses() {
    }

    static StorageClass create(Resource parent, com.pulumi.kubernetes.Provider provider, String resourceName, String name, String diskType,
                               String clusterName, List<Resource> driver) {
        return new StorageClass(resourceName, StorageClassArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(name)
                        .labels(Map.of("app.kubernetes.io/managed-by", "codezero"))
                        .build())
                .provisioner(PROVISIONER)
                // disks carry the cluster's name as a label, so any left behind can be found after a destroy
                .parameters(Map.of("type", diskType, "labels", "codezero-cluster=" + clusterName, "csi.storage.k8s.io/fstype", "ext4"))
                .reclaimPolicy("Delete")
                // zonal disks: bind where the pod lands
                .volumeBindingMode("WaitForFirstConsumer")
                .allowVolumeExpansion(true)
                .build(), CustomResourceOptions.builder().parent(parent).provider(provider).dependsOn(driver).build());
    }
}
