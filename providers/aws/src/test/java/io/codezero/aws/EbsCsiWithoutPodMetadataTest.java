package io.codezero.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlannedResource;
import org.junit.jupiter.api.Test;

/**
 * Nodes allow instance metadata one hop only, so no pod reaches it; the EBS CSI add-on is configured not to need it:
 * the controller is told its region, and (at hop limit 1) the node plugin, privileged anyway, runs in the host's
 * network to read the ENIs and volumes really attached, from which it computes how many volumes a node can still take.
 */
class EbsCsiWithoutPodMetadataTest {
    private static JsonObject configuration(OfflineRun run) {
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        PlannedResource ebs = run.get("aws:eks/addon:Addon", "demo-aws-ebs-csi-driver");
        return JsonParser.parseString((String) ebs.input("configurationValues")).getAsJsonObject();
    }

    @Test
    void atHopLimitOneTheControllerKnowsItsRegionAndTheNodePluginReadsMetadataFromTheHostNetwork() {
        OfflineRun run = Fixtures.run(Fixtures.spec(), Fixtures.args().build());
        // the premise: every pool's launch template allows one hop, so pods cannot reach IMDS
        assertThat(run.ofType("aws:ec2/launchTemplate:LaunchTemplate")).isNotEmpty().allSatisfy(lt ->
                assertThat(lt.input("metadataOptions.httpPutResponseHopLimit")).isEqualTo(1.0));
        JsonObject values = configuration(run);
        assertThat(values.getAsJsonObject("controller").get("region").getAsString()).isEqualTo("eu-west-1");
        assertThat(values.getAsJsonObject("node").get("hostNetwork").getAsBoolean()).isTrue();
        // no fixed attach limit: the plugin counts from metadata, per instance, whatever the pool's type
        assertThat(values.getAsJsonObject("node").has("volumeAttachLimit")).isFalse();
        // the other add-ons are left at EKS's defaults
        assertThat(run.ofType("aws:eks/addon:Addon")).filteredOn(a -> !"aws-ebs-csi-driver".equals(a.input("addonName")))
                .allSatisfy(a -> assertThat(a.input("configurationValues")).isNull());
    }

    @Test
    void atHopLimitTwoPodsReachMetadataSoOnlyTheRegionIsSet() {
        JsonObject values = configuration(Fixtures.run(Fixtures.spec(), Fixtures.args().region("us-east-2").imdsHopLimit(2).build()));
        assertThat(values.getAsJsonObject("controller").get("region").getAsString()).isEqualTo("us-east-2");
        assertThat(values.has("node")).isFalse();
    }
}
