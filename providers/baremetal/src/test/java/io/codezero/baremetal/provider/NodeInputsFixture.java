package io.codezero.baremetal.provider;

import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resource inputs for harness hosts, as a Pulumi program would send them (secrets marked). */
final class NodeInputsFixture {
    private NodeInputsFixture() {
    }

    static Map<String, Object> connection(SshHostHarness harness, TestHost host) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("host", host.address());
        c.put("user", "root");
        c.put("hostKey", host.hostKey());
        c.put("privateKey", new PropertyValues.SecretValue(harness.clientPrivateKey()));
        c.put("timeouts", Map.of("connectSeconds", 3.0, "keepAliveIntervalSeconds", 1.0, "keepAliveMaxCount", 3.0, "commandSeconds", 120.0));
        return c;
    }

    static Map<String, Object> firstServer(SshHostHarness harness, TestHost host, String version, StandinK3s.Assets assets) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("connection", connection(harness, host));
        in.put("k3sVersion", version);
        in.put("clusterInit", true);
        in.put("tlsSans", List.of(host.address()));
        in.put("airgap", Map.of("k3sBinary", assets.binary().toString(), "installScript", assets.installScript().toString()));
        in.put("readyTimeoutSeconds", 30.0);
        in.put("drainTimeoutSeconds", 30.0);
        return in;
    }

    static Map<String, Object> agent(SshHostHarness harness, TestHost host, TestHost server, Object token, String version, StandinK3s.Assets assets) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("connection", connection(harness, host));
        in.put("k3sVersion", version);
        in.put("serverUrl", "https://" + server.address() + ":6443");
        in.put("token", token);
        in.put("controlPlane", connection(harness, server));
        in.put("airgap", Map.of("k3sBinary", assets.binary().toString(), "installScript", assets.installScript().toString()));
        in.put("readyTimeoutSeconds", 30.0);
        in.put("drainTimeoutSeconds", 30.0);
        return in;
    }
}
