package io.codezero.azure.cluster;

import com.pulumi.azurenative.insights.DataCollectionRule;
import com.pulumi.azurenative.insights.DataCollectionRuleArgs;
import com.pulumi.azurenative.insights.DataCollectionRuleAssociation;
import com.pulumi.azurenative.insights.DataCollectionRuleAssociationArgs;
import com.pulumi.azurenative.insights.inputs.DataCollectionRuleDataSourcesArgs;
import com.pulumi.azurenative.insights.inputs.DataCollectionRuleDestinationsArgs;
import com.pulumi.azurenative.insights.inputs.DataFlowArgs;
import com.pulumi.azurenative.insights.inputs.ExtensionDataSourceArgs;
import com.pulumi.azurenative.insights.inputs.LogAnalyticsDestinationArgs;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import io.codezero.azure.AzureScope;
import java.util.List;
import java.util.Map;

/**
 * Container insights with managed-identity (Entra ID) authentication: the monitoring add-on with
 * {@code useAADAuth} sends nothing until a data collection rule routes its stream to the workspace
 * and is associated with the cluster (AKS docs, "Enable Container insights": the CLI and portal
 * create both; an ARM or Pulumi deployment must). The rule lives beside the cluster, in its location,
 * which must be the workspace's region.
 */
public final class ContainerInsights {
    /** The stream the Container insights extension sends (Microsoft's documented rule). */
    static final String STREAM = "Microsoft-ContainerInsights-Group-Default";
    static final String DESTINATION = "ciworkspace";

    private ContainerInsights() {
    }

    /** The rule and its association with the cluster. */
    static List<Resource> create(AzureScope scope, Output<String> group, String workspaceId, Output<String> clusterId, Resource cluster) {
        var rule = new DataCollectionRule(scope.name("container-insights"), DataCollectionRuleArgs.builder()
                .resourceGroupName(group)
                .dataCollectionRuleName("MSCI-" + scope.location() + "-" + scope.clusterName())
                .location(scope.location())
                .dataSources(DataCollectionRuleDataSourcesArgs.builder().extensions(ExtensionDataSourceArgs.builder()
                        .name("ContainerInsightsExtension")
                        .extensionName("ContainerInsights")
                        .streams(List.of(Either.ofLeft(STREAM)))
                        .extensionSettings(Map.of("dataCollectionSettings", Map.of("interval", "1m", "namespaceFilteringMode", "Off",
                                "enableContainerLogV2", true)))
                        .build()).build())
                .destinations(DataCollectionRuleDestinationsArgs.builder().logAnalytics(LogAnalyticsDestinationArgs.builder()
                        .name(DESTINATION).workspaceResourceId(workspaceId).build()).build())
                .dataFlows(DataFlowArgs.builder().streams(List.of(Either.ofLeft(STREAM))).destinations(DESTINATION).build())
                .tags(scope.tags())
                .build(), scope.opts());
        var association = new DataCollectionRuleAssociation(scope.name("container-insights-association"), DataCollectionRuleAssociationArgs.builder()
                .associationName("ContainerInsightsExtension")
                .resourceUri(clusterId)
                .dataCollectionRuleId(rule.id())
                .build(), scope.optsBuilder().dependsOn(cluster).build());
        return List.of(rule, association);
    }
}
