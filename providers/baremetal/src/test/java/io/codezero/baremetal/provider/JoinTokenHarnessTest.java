package io.codezero.baremetal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import com.pulumi.core.Output;
import io.codezero.baremetal.BareMetalHost;
import io.codezero.baremetal.BareMetalTarget;
import io.codezero.baremetal.BareMetalTargetArgs;
import io.codezero.baremetal.ResourceTokens;
import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import io.codezero.baremetal.install.NodeRole;
import io.codezero.baremetal.install.Progress;
import io.codezero.core.plan.OfflineEngine;
import io.codezero.core.plan.OfflineRun;
import io.codezero.core.plan.PlanMocksContributor;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.target.TargetContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.DiffResponse;

/**
 * The join token the target chooses by default ({@code codezero:baremetal:JoinToken}), against real
 * SSH machines: a new cluster gets a random secret settled once, and a cluster made by a CodeZero that
 * let k3s draw the token keeps it when the program is run again by this one (no rotation, no restart).
 */
@Tag("harness")
class JoinTokenHarnessTest {
    static final String V1 = "v1.34.1+k3s1";
    static SshHostHarness harness;
    @TempDir
    static Path assetsDir;

    @BeforeAll
    static void start() throws Exception {
        harness = SshHostHarness.start(2);
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    static OfflineRun plan() {
        StandinK3s.Assets assets = StandinK3s.write(assetsDir, V1);
        BareMetalTargetArgs.Builder args = BareMetalTargetArgs.builder().k3sVersion(V1).airgap(assets.binary(), assets.installScript());
        String[] names = {"cp-1", "wk-1"};
        for (int i = 0; i < names.length; i++) {
            TestHost h = harness.host(i);
            args.host(new BareMetalHost(names[i], h.address(), 22, "root", i == 0 ? NodeRole.SERVER : NodeRole.AGENT, h.hostKey(), false,
                    Output.ofSecret(harness.clientPrivateKey()), null, null, null, "codezero:baremetal.hosts[" + i + "]"));
        }
        BareMetalTarget target = new BareMetalTarget(args.build());
        ClusterSpec spec = ClusterSpec.builder("tok").kubernetesVersion("1.34").build();
        assertThat(target.validate(spec)).isEmpty();
        OfflineRun run = OfflineEngine.create().mocks(PlanMocksContributor.discover())
                .run(ctx -> target.provision(spec, TargetContext.standalone("tok")));
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        return run;
    }

    static Map<String, String> up(EngineEmulation engine, OfflineRun plan, boolean beforeJoinTokens) throws Exception {
        try (ProviderClient provider = new ProviderClient(Progress.silent())) {
            return beforeJoinTokens ? engine.upAsBeforeJoinTokens(plan, provider) : engine.up(plan, provider);
        }
    }

    static Object revealed(Struct state, String key) {
        return PropertyValues.reveal(PropertyValues.fromStruct(state).get(key));
    }

    @Test
    void aNewClusterGetsARandomSecretTokenThatNeverChangesAfter() throws Exception {
        try (ProviderClient provider = new ProviderClient(Progress.silent())) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("firstServer", NodeInputsFixture.connection(harness, harness.host(1)));
            assertThat(provider.check(ResourceTokens.JOIN_TOKEN, "t", Map.of(), inputs).getFailuresList()).isEmpty();
            Struct state = provider.create(ResourceTokens.JOIN_TOKEN, "t", PropertyValues.toStruct(inputs)).getProperties();
            Map<String, Object> out = PropertyValues.fromStruct(state);
            assertThat(out.get("value")).as("the token is a secret in the state").isInstanceOf(PropertyValues.SecretValue.class);
            assertThat((String) revealed(state, "value")).matches("[0-9a-f]{64}");
            assertThat(out.get("adopted")).isEqualTo(false);
            Struct again = provider.create(ResourceTokens.JOIN_TOKEN, "t2", PropertyValues.toStruct(inputs)).getProperties();
            assertThat(revealed(again, "value")).as("random, not derived from the inputs").isNotEqualTo(revealed(state, "value"));
            // Settled once: another key or user for the first server changes nothing.
            Map<String, Object> changed = new LinkedHashMap<>(inputs);
            Map<String, Object> connection = new LinkedHashMap<>(NodeInputsFixture.connection(harness, harness.host(1)));
            connection.put("user", "deploy");
            changed.put("firstServer", connection);
            assertThat(provider.diff(ResourceTokens.JOIN_TOKEN, "t", "join-token@x", out, changed).getChanges())
                    .isEqualTo(DiffResponse.DiffChanges.DIFF_NONE);
            // A missing connection is a Check failure against its property, before anything runs.
            assertThat(provider.check(ResourceTokens.JOIN_TOKEN, "t", Map.of(), Map.of()).getFailuresList())
                    .extracting(f -> f.getProperty()).containsExactly("firstServer");
        }
    }

    @Test
    void aClusterMadeBeforeJoinTokensWereChosenUpFrontKeepsItsTokenAndNothingRestarts() throws Exception {
        try (EngineEmulation engine = new EngineEmulation()) {
            OfflineRun plan = plan();
            Map<String, String> before = up(engine, plan, true);
            assertThat(before).as(before.toString()).containsOnlyKeys("tok-cp-1", "tok-wk-1").containsValues("created");
            String k3sToken = (String) revealed(engine.state("tok-cp-1"), "clusterToken");
            assertThat(PropertyValues.fromStruct(engine.state("tok-cp-1"))).doesNotContainKey("token");
            String events = harness.exec(harness.host(0), "cat /var/log/codezero-standin-events") + harness.exec(harness.host(1),
                    "cat /var/log/codezero-standin-events");

            // This CodeZero registers a JoinToken: it reads the cluster's own token, and no node changes.
            Map<String, String> after = up(engine, plan, false);
            assertThat(after).as(after.toString()).containsEntry("tok-join-token", "created")
                    .containsEntry("tok-cp-1", "same").containsEntry("tok-wk-1", "same");
            assertThat(revealed(engine.state("tok-join-token"), "value")).isEqualTo(k3sToken);
            assertThat(revealed(engine.state("tok-join-token"), "adopted")).isEqualTo(true);
            assertThat(harness.exec(harness.host(0), "cat /var/log/codezero-standin-events") + harness.exec(harness.host(1),
                    "cat /var/log/codezero-standin-events")).as("no k3s stopped or started").isEqualTo(events);

            // The same program once more: nothing at all.
            Map<String, String> again = up(engine, plan, false);
            assertThat(again.values()).as(again.toString()).containsOnly("same");
        }
    }
}
