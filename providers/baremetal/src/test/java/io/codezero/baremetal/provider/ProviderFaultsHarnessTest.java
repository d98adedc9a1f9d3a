package io.codezero.baremetal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.codezero.baremetal.ResourceTokens;
import io.codezero.baremetal.harness.DelayingProxy;
import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.ErrorResourceInitFailed;
import pulumirpc.Provider.UpdateResponse;

/**
 * Each fault a user meets, through the provider: the error names the host and the phase, says
 * whether the machine was changed, and a re-run after the fault is fixed converges.
 */
@Tag("harness")
class ProviderFaultsHarnessTest extends ProviderOnMachines {
    static final String VERSION = "v1.34.1+k3s1";
    static final String SERVER = ResourceTokens.SERVER_NODE;
    static final Map<String, Consumer<String>> faultAtPhase = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        startMachines(7, (host, msg) -> faultAtPhase.forEach((h, fault) -> {
            if (host.contains("(" + h + ":")) {
                fault.accept(msg);
            }
        }), VERSION);
    }

    Map<String, Object> inputs(TestHost host) {
        return NodeInputsFixture.firstServer(harness, host, VERSION, assets);
    }

    StatusRuntimeException createFails(String name, Map<String, Object> inputs) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                () -> provider.create(SERVER, name, provider.check(SERVER, name, Map.of(), inputs).getInputs()));
        assertThat(e).as("create should have failed").isNotNull();
        System.out.println("[fault " + name + "] " + e.getStatus().getDescription());
        return e;
    }

    CreateResponse createSucceeds(String name, Map<String, Object> inputs) {
        CreateResponse r = provider.create(SERVER, name, provider.check(SERVER, name, Map.of(), inputs).getInputs());
        assertThat(PropertyValues.fromStruct(r.getProperties())).containsEntry("running", true);
        return r;
    }

    static Map<String, Object> with(Map<String, Object> inputs, String connectionKey, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(inputs);
        Map<String, Object> c = new LinkedHashMap<>((Map<String, Object>) copy.get("connection"));
        c.put(connectionKey, value);
        copy.put("connection", c);
        return copy;
    }

    @Test
    void hostUnreachable() {
        StatusRuntimeException dead = createFails("dead", with(inputs(harness.host(0)), "host", harness.deadAddress()));
        assertThat(dead.getStatus().getDescription()).contains("host " + harness.deadAddress() + ":22, phase 'connect'")
                .contains("nothing was changed");

        TestHost host = harness.host(0);
        harness.cutLink(host);
        try {
            assertThat(createFails("down", inputs(host)).getStatus().getDescription())
                    .contains(host.address() + ":22, phase 'connect'").contains("timed out");
        } finally {
            harness.restoreLink(host);
        }
        createSucceeds("down", inputs(host));
    }

    @Test
    void linkCutInTheMiddleOfTheInstall() throws InvalidProtocolBufferException {
        TestHost host = harness.host(1);
        faultAtPhase.put(host.address(), msg -> {
            if (msg.equals("install first server")) {
                harness.cutLink(host);
            }
        });
        StatusRuntimeException e;
        try {
            e = createFails("cut", inputs(host));
        } finally {
            faultAtPhase.remove(host.address());
            harness.restoreLink(host);
        }
        assertThat(e.getStatus().getDescription()).contains("phase 'install first server'").contains("lost")
                .contains("the machine was partly changed");
        // The engine gets the partial state and keeps the resource: the half-install is recorded, not hidden.
        ErrorResourceInitFailed partial = initFailed(e);
        assertThat(partial.getId()).isEqualTo("h2@" + host.address());
        // Next `pulumi up`: the engine updates the resource that failed to initialize; that converges.
        UpdateResponse converged = provider.update(SERVER, "cut", partial.getId(), partial.getProperties(), partial.getInputs());
        assertThat(PropertyValues.fromStruct(converged.getProperties())).containsEntry("running", true).containsEntry("installedVersion", VERSION);
        assertThat(harness.exec(host, "k3s kubectl get nodes --no-headers")).contains("h2 Ready");
    }

    @Test
    void connectionReset() {
        TestHost host = harness.host(2);
        harness.rejectSsh(host);
        try {
            assertThat(createFails("reset", inputs(host)).getStatus().getDescription())
                    .contains(host.address() + ":22, phase 'connect'").containsAnyOf("was reset", "refused");
        } finally {
            harness.acceptSsh(host);
        }
        createSucceeds("reset", inputs(host));
    }

    @Test
    void wrongHostKey() {
        TestHost host = harness.host(3);
        String other = harness.host(4).hostKey();
        assertThat(createFails("hostkey", with(inputs(host), "hostKey", other)).getStatus().getDescription())
                .contains(host.address() + ":22, phase 'connect'").contains("does not match the pinned key")
                .contains(host.hostKey()).contains("nothing was changed");
        createSucceeds("hostkey", inputs(host));
    }

    @Test
    void wrongCredentials() {
        TestHost host = harness.host(4);
        String stranger = harness.strangerPrivateKey();
        String description = createFails("creds", with(inputs(host), "privateKey", new PropertyValues.SecretValue(stranger)))
                .getStatus().getDescription();
        assertThat(description).contains(host.address() + ":22, phase 'connect'")
                .contains("authentication as root on " + host.address() + " was refused").doesNotContain(stranger.split("\n")[1]);
        createSucceeds("creds", inputs(host));
    }

    @Test
    void slowLink() throws Exception {
        TestHost host = harness.host(5);
        try (DelayingProxy proxy = new DelayingProxy(host.address(), 22, Duration.ofMillis(80))) {
            Map<String, Object> slow = with(inputs(host), "host", "127.0.0.1");
            slow = with(slow, "port", (double) proxy.port());
            slow.put("kubeconfigServer", host.address());
            long start = System.nanoTime();
            CreateResponse r = createSucceeds("slow", slow);
            System.out.printf("[fault slow] install through an 80 ms/chunk link took %.1f s%n", (System.nanoTime() - start) / 1e9);
            assertThat((String) PropertyValues.reveal(PropertyValues.fromStruct(r.getProperties()).get("kubeconfig")))
                    .contains("https://" + host.address() + ":6443");
        }
    }

    @Test
    void hostFailsValidation() {
        TestHost host = harness.host(6);
        harness.exec(host, "setsid nohup perl -MIO::Socket::INET -e '$s=IO::Socket::INET->new(LocalPort=>6443,Listen=>5,ReuseAddr=>1) or die; sleep 600' >/dev/null 2>&1 & echo $! > /run/squatter.pid");
        Map<String, Object> demanding = inputs(host);
        demanding.put("checks", Map.of("minMemoryMb", 4.0 * 1024 * 1024));
        String description = createFails("invalid", demanding).getStatus().getDescription();
        assertThat(description).contains("host " + host.name() + " (" + host.address() + ":22), phase 'validate host'")
                .contains("port 6443 is already in use").contains("MiB is required for a server").contains("nothing was changed");
        assertThat(harness.exec(host, "ls /usr/local/bin")).doesNotContain("k3s");

        harness.exec(host, "kill $(cat /run/squatter.pid)");
        createSucceeds("invalid", inputs(host));
    }

    @Test
    void removingAMachineThatIsGoneSaysHowToForgetIt() {
        TestHost host = harness.host(0);
        CreateResponse created = createSucceeds("gone", inputs(host));
        harness.cutLink(host);
        try {
            StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                    () -> provider.delete(SERVER, "gone", created.getId(), created.getProperties()));
            assertThat(e.getStatus().getDescription()).contains("removing " + created.getId() + " failed", "phase 'connect'",
                    "pulumi state delete");
            System.out.println("[fault delete-unreachable] " + e.getStatus().getDescription());
        } finally {
            harness.restoreLink(host);
        }
        provider.delete(SERVER, "gone", created.getId(), created.getProperties());
        assertThat(harness.exec(host, "ls /usr/local/bin")).doesNotContain("k3s");
    }

    private static ErrorResourceInitFailed initFailed(StatusRuntimeException e) throws InvalidProtocolBufferException {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        assertThat(status).as("status with details").isNotNull();
        for (Any detail : status.getDetailsList()) {
            if (detail.is(ErrorResourceInitFailed.class)) {
                return detail.unpack(ErrorResourceInitFailed.class);
            }
        }
        throw new AssertionError("no ErrorResourceInitFailed in " + status);
    }
}
