package io.codezero.aws.cluster;

import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.kubernetes.storage.v1.StorageClassArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.List;
import java.util.Map;

/** The cluster's default storage class: gp3 through the EBS CSI driver, always encrypted. */
final class StorageClasses {
    private StorageClasses() {
    }

    static StorageClass encryptedGp3(String resourceName, Resource parent, com.pulumi.kubernetes.Provider provider, String name, String clusterName,
                                     List<Resource> driver) {
        return new StorageClass(resourceName, StorageClassArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(name)
                        .annotations(Map.of("storageclass.kubernetes.io/is-default-class", "true"))
                        .labels(Map.of("app.kubernetes.io/managed-by", "codezero"))
                        .build())
                .provisioner("ebs.csi.aws.com")
                // volumes carry the cluster's name, so any left behind (e.g. StatefulSet claims a
                // chart never deletes) can be found after a destroy
                .parameters(Map.of("type", "gp3", "encrypted", "true", "csi.storage.k8s.io/fstype", "ext4",
                        "tagSpecification_1", "codezero.io/cluster=" + clusterName))
                // volumes go when their claim goes, while the driver is still there to delete them (see docs/aws.md)
                .reclaimPolicy("Delete")
                // bind in the zone the pod lands in: EBS volumes are zonal
                .volumeBindingMode("WaitForFirstConsumer")
                .allowVolumeExpansion(true)
                .build(), CustomResourceOptions.builder().parent(parent).provider(provider).dependsOn(driver).build());
    }
}
