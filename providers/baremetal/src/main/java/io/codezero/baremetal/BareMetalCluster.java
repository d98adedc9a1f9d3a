package io.codezero.baremetal;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import java.util.Map;

/** The component grouping a bare-metal cluster's node resources (type codezero:baremetal:Cluster). */
public final class BareMetalCluster extends ComponentResource {
    BareMetalCluster(String name, Resource parent) {
        super(ResourceTokens.CLUSTER, name, ComponentResourceOptions.builder().parent(parent).build());
    }

    void finish(Output<String> apiServer) {
        registerOutputs(Map.of("apiServer", apiServer));
    }
}
