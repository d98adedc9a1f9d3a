package io.codezero.baremetal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.baremetal.ResourceTokens;
import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import io.codezero.baremetal.install.Progress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.CreateResponse;

/** Three servers (embedded etcd HA): the first initializes, two join in parallel; removing one drains and removes it. */
@Tag("harness")
class ProviderHaHarnessTest {
    static final String VERSION = "v1.34.1+k3s1";
    @TempDir
    Path assetsDir;

    @Test
    void threeServersThenOneRemoved() throws Exception {
        try (SshHostHarness harness = SshHostHarness.start(3); ProviderClient provider = new ProviderClient(Progress.silent())) {
            StandinK3s.Assets assets = StandinK3s.write(assetsDir, VERSION);
            TestHost first = harness.host(0);
            CreateResponse init = provider.create(ResourceTokens.SERVER_NODE, "cp-1", provider.check(ResourceTokens.SERVER_NODE, "cp-1",
                    Map.of(), NodeInputsFixture.firstServer(harness, first, VERSION, assets)).getInputs());
            Object token = PropertyValues.fromStruct(init.getProperties()).get("clusterToken");

            List<CompletableFuture<CreateResponse>> joins = harness.hosts().subList(1, 3).stream().map(host -> CompletableFuture.supplyAsync(() -> {
                Map<String, Object> in = new LinkedHashMap<>(NodeInputsFixture.agent(harness, host, first, token, VERSION, assets));
                in.put("tlsSans", List.of(first.address(), host.address()));
                String name = "cp-" + host.name();
                return provider.create(ResourceTokens.SERVER_NODE, name,
                        provider.check(ResourceTokens.SERVER_NODE, name, Map.of(), in).getInputs());
            })).toList();
            List<CreateResponse> joined = joins.stream().map(CompletableFuture::join).toList();
            String nodes = harness.exec(first, "k3s kubectl get nodes --no-headers");
            assertThat(nodes).contains("h1 Ready control-plane,etcd,master", "h2 Ready control-plane,etcd,master", "h3 Ready control-plane,etcd,master");
            // Joined servers give a kubeconfig too (pointing at themselves).
            assertThat((String) PropertyValues.reveal(PropertyValues.fromStruct(joined.get(0).getProperties()).get("kubeconfig")))
                    .contains("https://" + harness.host(1).address() + ":6443");

            provider.delete(ResourceTokens.SERVER_NODE, "cp-h3", joined.get(1).getId(), joined.get(1).getProperties());
            assertThat(harness.exec(first, "k3s kubectl get nodes --no-headers")).contains("h1 Ready", "h2 Ready").doesNotContain("h3");
            assertThat(harness.exec(harness.host(2), "ls /usr/local/bin /var/lib/rancher 2>&1")).doesNotContain("k3s");
        }
    }
}
