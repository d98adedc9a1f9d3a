package io.codezero.aws.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.aws.AwsTargetArgs;
import org.junit.jupiter.api.Test;

class NodeGroupsTest {
    @Test
    void desiredSizeBelongsToTheAutoscalerUnlessTheUserManagesIt() {
        assertThat(NodeGroups.ignoredChanges(AwsTargetArgs.builder().build())).containsExactly("scalingConfig.desiredSize");
        assertThat(NodeGroups.ignoredChanges(AwsTargetArgs.builder().manageDesiredSize(true).build())).isEmpty();
    }
}
