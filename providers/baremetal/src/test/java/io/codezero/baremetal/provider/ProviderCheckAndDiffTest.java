package io.codezero.baremetal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.baremetal.ResourceTokens;
import io.codezero.baremetal.install.Progress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pulumirpc.Provider.CheckFailure;
import pulumirpc.Provider.CheckResponse;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.PropertyDiff;

/** Check and Diff over loopback gRPC: no machine is needed to say what is wrong or what will change. */
@SuppressWarnings("unchecked")
class ProviderCheckAndDiffTest {
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFHL6kfvRxSfrocePmXKUzbl/L/M0e49p1Indbk9TtTR";
    static final String PRIVATE = "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----\n";
    static ProviderClient provider;

    @BeforeAll
    static void start() throws Exception {
        provider = new ProviderClient(Progress.silent());
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    static Map<String, Object> agent() {
        Map<String, Object> conn = new LinkedHashMap<>(Map.of("host", "10.0.0.20", "hostKey", KEY, "privateKey", PRIVATE));
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("connection", conn);
        in.put("k3sVersion", "v1.34.1+k3s1");
        in.put("serverUrl", "https://10.0.0.10:6443");
        in.put("token", new PropertyValues.SecretValue("K10abc::server:def"));
        in.put("controlPlane", new LinkedHashMap<>(Map.of("host", "10.0.0.10", "hostKey", KEY, "privateKey", PRIVATE)));
        return in;
    }

    @Test
    void validInputsPassAndSecretsComeBackMarked() {
        CheckResponse r = provider.check(ResourceTokens.AGENT_NODE, "a", Map.of(), agent());
        assertThat(r.getFailuresList()).isEmpty();
        Map<String, Object> inputs = PropertyValues.fromStruct(r.getInputs());
        assertThat(((Map<?, ?>) inputs.get("connection")).get("privateKey")).isInstanceOf(PropertyValues.SecretValue.class);
        assertThat(inputs.get("token")).isInstanceOf(PropertyValues.SecretValue.class);
    }

    @Test
    void everyProblemIsReportedAgainstItsProperty() {
        Map<String, Object> in = agent();
        in.remove("token");
        in.remove("controlPlane");
        in.put("serverUrl", "http://10.0.0.10");
        in.put("clusterInit", true);
        in.put("extraArgs", List.of("--token=x"));
        in.put("colour", "blue");
        Map<String, Object> conn = (Map<String, Object>) in.get("connection");
        conn.put("hostKey", "not-a-key");
        conn.remove("privateKey");
        conn.put("port", 70000.0);
        CheckResponse r = provider.check(ResourceTokens.AGENT_NODE, "a", Map.of(), in);
        assertThat(r.getFailuresList()).extracting(CheckFailure::getProperty).containsExactlyInAnyOrder(
                "connection.port", "connection.hostKey", "connection.privateKey", "clusterInit", "token", "controlPlane",
                "serverUrl", "extraArgs", "colour");
    }

    @Test
    void unknownValuesDuringPreviewAreNotProblems() {
        Map<String, Object> in = agent();
        in.put("token", PropertyValues.UNKNOWN);
        in.put("serverUrl", PropertyValues.UNKNOWN);
        assertThat(provider.check(ResourceTokens.AGENT_NODE, "a", Map.of(), in).getFailuresList()).isEmpty();
    }

    @Test
    void firstServerMustNotJoinAndNeedsNoToken() {
        Map<String, Object> in = agent();
        in.remove("token");
        in.remove("controlPlane");
        in.remove("serverUrl");
        in.put("clusterInit", true);
        assertThat(provider.check(ResourceTokens.SERVER_NODE, "s", Map.of(), in).getFailuresList()).isEmpty();
        in.put("serverUrl", "https://10.0.0.11:6443");
        assertThat(provider.check(ResourceTokens.SERVER_NODE, "s", Map.of(), in).getFailuresList())
                .extracting(CheckFailure::getProperty).containsExactly("serverUrl");
    }

    @Test
    void diffSaysWhatChangesAndWhatReplaces() {
        Map<String, Object> olds = new LinkedHashMap<>(agent());
        olds.put("installedVersion", "v1.34.1+k3s1");
        olds.put("running", true);
        olds.put("resolvedNodeName", "w1");
        assertThat(provider.diff(ResourceTokens.AGENT_NODE, "a", "w1@10.0.0.20", olds, agent()).getChanges())
                .isEqualTo(DiffResponse.DiffChanges.DIFF_NONE);

        Map<String, Object> upgraded = agent();
        upgraded.put("k3sVersion", "v1.35.0+k3s1");
        ((Map<String, Object>) upgraded.get("connection")).put("port", 2222.0);
        DiffResponse update = provider.diff(ResourceTokens.AGENT_NODE, "a", "w1@10.0.0.20", olds, upgraded);
        assertThat(update.getReplacesList()).isEmpty();
        assertThat(update.getDetailedDiffMap()).containsOnlyKeys("k3sVersion", "connection.port");
        assertThat(update.getDiffsList()).containsExactlyInAnyOrder("k3sVersion", "connection");

        Map<String, Object> renamed = agent();
        renamed.put("nodeName", "w2");
        DiffResponse replace = provider.diff(ResourceTokens.AGENT_NODE, "a", "w1@10.0.0.20", olds, renamed);
        assertThat(replace.getReplacesList()).containsExactly("nodeName");
        assertThat(replace.getDetailedDiffMap().get("nodeName").getKind()).isEqualTo(PropertyDiff.Kind.ADD_REPLACE);
        assertThat(replace.getDeleteBeforeReplace()).isTrue();

        // A rotated token or key is an update of state, never a replacement.
        Map<String, Object> rotated = agent();
        rotated.put("token", new PropertyValues.SecretValue("K10new::server:new"));
        assertThat(provider.diff(ResourceTokens.AGENT_NODE, "a", "w1@10.0.0.20", olds, rotated).getReplacesList()).isEmpty();
    }

    @Test
    void refreshedDriftBecomesAnInPlaceUpdate() {
        Map<String, Object> olds = new LinkedHashMap<>(agent());
        olds.put("installedVersion", "v1.33.5+k3s1");
        olds.put("running", false);
        DiffResponse drift = provider.diff(ResourceTokens.AGENT_NODE, "a", "id", olds, agent());
        assertThat(drift.getDetailedDiffMap()).containsKeys("k3sVersion", "running");
        assertThat(drift.getReplacesList()).isEmpty();
    }
}
