package io.codezero.baremetal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import io.codezero.baremetal.ResourceTokens;
import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import io.codezero.baremetal.install.Progress;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.CreateResponse;
import pulumirpc.Provider.ErrorResourceInitFailed;
import pulumirpc.Provider.ReadResponse;
import pulumirpc.Provider.UpdateResponse;

/**
 * Machines in unexpected states of our own choosing (a login banner, a full disk, a wrong sudo
 * password, a login shell that runs nothing, a clock that prints nothing, a binary for another
 * architecture, a reinstalled machine with a new host key, k3s that does not start): nothing hangs,
 * the state keeps what it knew, and each message names the real cause.
 */
@Tag("harness")
@SuppressWarnings("unchecked")
class ProviderHostStatesHarnessTest extends ProviderOnMachines {
    static final String VERSION = "v1.34.1+k3s1";
    static final String SERVER = ResourceTokens.SERVER_NODE;

    @BeforeAll
    static void start() throws Exception {
        startMachines(8, Progress.silent(), VERSION);
    }

    Map<String, Object> inputs(TestHost host) {
        return NodeInputsFixture.firstServer(harness, host, VERSION, assets);
    }

    static Map<String, Object> withConnection(Map<String, Object> inputs, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(inputs);
        Map<String, Object> c = new LinkedHashMap<>((Map<String, Object>) copy.get("connection"));
        if (value == null) {
            c.remove(key);
        } else {
            c.put(key, value);
        }
        copy.put("connection", c);
        return copy;
    }

    Map<String, Object> asDeploy(Map<String, Object> inputs, String sudoPassword) {
        Map<String, Object> in = withConnection(inputs, "user", SshHostHarness.DEPLOY_USER);
        in = withConnection(in, "privateKey", null);
        in = withConnection(in, "password", new PropertyValues.SecretValue(SshHostHarness.DEPLOY_PASSWORD));
        return withConnection(in, "sudoPassword", new PropertyValues.SecretValue(sudoPassword));
    }

    String createFails(String name, Map<String, Object> inputs) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                () -> provider.create(SERVER, name, provider.check(SERVER, name, Map.of(), inputs).getInputs()));
        assertThat(e).as("create should have failed").isNotNull();
        System.out.println("[host-state " + name + "] " + e.getStatus().getDescription());
        return e.getStatus().getDescription();
    }

    CreateResponse create(String name, Map<String, Object> inputs) {
        return provider.create(SERVER, name, provider.check(SERVER, name, Map.of(), inputs).getInputs());
    }

    static Object reveal(Struct state, String key) {
        return PropertyValues.reveal(PropertyValues.fromStruct(state).get(key));
    }

    @Test
    void aLoginBannerNeverReachesValuesReadFromTheMachine() {
        TestHost host = harness.host(0);
        // bash runs root's ~/.bashrc for commands sent over SSH: a banner there lands on stdout.
        harness.exec(host, "printf 'echo \"*** Welcome to h1: authorized use only ***\"\\necho \"motd: time=0\"\\n' > /root/.bashrc.new;"
                + " cat /root/.bashrc >> /root/.bashrc.new 2>/dev/null; mv /root/.bashrc.new /root/.bashrc");
        CreateResponse created = create("banner", inputs(host));
        String kubeconfig = (String) reveal(created.getProperties(), "kubeconfig");
        assertThat(kubeconfig).startsWith("apiVersion: v1").doesNotContain("Welcome");
        String token = (String) reveal(created.getProperties(), "clusterToken");
        assertThat(token).startsWith("K10").doesNotContain("Welcome").doesNotContain("\n");
        assertThat(reveal(created.getProperties(), "installedVersion")).isEqualTo(VERSION);
        // Delete checks that nothing is left by reading command output: the banner must not count as "still present".
        provider.delete(SERVER, "banner", created.getId(), created.getProperties());
        assertThat(harness.exec(host, "ls /usr/local/bin")).doesNotContain("k3s");
    }

    @Test
    void aFailedUpdateKeepsWhatTheStateKnewAndAReinstalledMachinesNewKeyIsUsedOncePinned() throws Exception {
        TestHost host = harness.host(1);
        Map<String, Object> pinned = inputs(host);
        CreateResponse created = create("rekey", pinned);
        Struct state = created.getProperties();
        String stalePin = harness.host(2).hostKey();

        // An update that fails before touching the machine (the key it presents is not the pinned one):
        // the state keeps the kubeconfig, the cluster token and the installed version.
        Map<String, Object> wrongPin = withConnection(pinned, "hostKey", stalePin);
        StatusRuntimeException failed = catchThrowableOfType(StatusRuntimeException.class,
                () -> provider.update(SERVER, "rekey", created.getId(), state, PropertyValues.toStruct(wrongPin)));
        assertThat(failed.getStatus().getDescription()).contains("does not match the pinned key", "nothing was changed");
        // The engine records this partial state (and keeps an init error, so the next `up` updates again).
        ErrorResourceInitFailed partial = initFailed(failed);
        assertThat(partial).isNotNull();
        for (String kept : new String[] {"kubeconfig", "clusterToken", "installedVersion", "running", "resolvedNodeName", "arch"}) {
            assertThat(reveal(partial.getProperties(), kept)).as(kept).isNotNull().isEqualTo(reveal(state, kept));
        }
        assertThat(PropertyValues.fromStruct(partial.getProperties()).get("kubeconfig")).isInstanceOf(PropertyValues.SecretValue.class);

        // The machine was reinstalled: the state pins its old key, the program now pins the new one.
        Map<String, Object> staleState = new LinkedHashMap<>(PropertyValues.fromStruct(state));
        Map<String, Object> staleConnection = new LinkedHashMap<>((Map<String, Object>) staleState.get("connection"));
        staleConnection.put("hostKey", stalePin);
        staleState.put("connection", staleConnection);
        Struct staleStruct = PropertyValues.toStruct(staleState);
        Struct staleInputs = PropertyValues.toStruct(NodeInputs.withoutComputed(staleState));
        // refresh and destroy work from the state: the message says how to get the new pin into it.
        StatusRuntimeException refresh = catchThrowableOfType(StatusRuntimeException.class,
                () -> provider.read(SERVER, "rekey", created.getId(), staleStruct, staleInputs));
        System.out.println("[host-state rekey refresh] " + refresh.getStatus().getDescription());
        assertThat(refresh.getStatus().getDescription()).contains("does not match the pinned key", host.hostKey(), "pulumi up");
        StatusRuntimeException destroy = catchThrowableOfType(StatusRuntimeException.class,
                () -> provider.delete(SERVER, "rekey", created.getId(), staleStruct));
        System.out.println("[host-state rekey destroy] " + destroy.getStatus().getDescription());
        assertThat(destroy.getStatus().getDescription()).contains("does not match the pinned key", "pulumi up");
        // Recorded inputs with the new pin win over stale outputs.
        ReadResponse read = provider.read(SERVER, "rekey", created.getId(), staleStruct,
                PropertyValues.toStruct(NodeInputs.withoutComputed(PropertyValues.fromStruct(state))));
        assertThat(read.getId()).isEqualTo(created.getId());
        // `pulumi up` with the new pin records it; refresh and destroy then use it.
        UpdateResponse updated = provider.update(SERVER, "rekey", created.getId(), staleStruct,
                provider.check(SERVER, "rekey", staleState, pinned).getInputs());
        assertThat(((Map<String, Object>) PropertyValues.fromStruct(updated.getProperties()).get("connection")).get("hostKey"))
                .isEqualTo(host.hostKey());
        provider.read(SERVER, "rekey", created.getId(), updated.getProperties(),
                PropertyValues.toStruct(NodeInputs.withoutComputed(PropertyValues.fromStruct(updated.getProperties()))));
        provider.delete(SERVER, "rekey", created.getId(), updated.getProperties());
        assertThat(harness.exec(host, "ls /usr/local/bin")).doesNotContain("k3s");
    }

    @Test
    void anAirgapBinaryOrImagesForAnotherArchitectureAreRefusedBeforeInstall() throws Exception {
        TestHost host = harness.host(2);
        Path dir = Files.createDirectories(assetsDir.resolve("arm64"));
        Path armBinary = dir.resolve("k3s-arm64");
        Files.write(armBinary, elfHeader(0xB7));
        Path armImages = dir.resolve("k3s-airgap-images-arm64.tar.zst");
        Files.write(armImages, new byte[1024]);
        Map<String, Object> in = inputs(host);
        in.put("airgap", Map.of("k3sBinary", armBinary.toString(), "installScript", assets.installScript().toString(),
                "images", armImages.toString()));
        String message = createFails("arch", in);
        assertThat(message).contains("phase 'validate host'", "the machine is x86_64", armBinary.toString(), "aarch64",
                armImages.getFileName().toString(), "nothing was changed");
        assertThat(harness.exec(host, "ls /usr/local/bin /var/lib/rancher 2>&1")).doesNotContain("k3s ");
    }

    @Test
    void aFullDiskDuringUploadSaysSoAndLeavesNoPartialFile() throws Exception {
        TestHost host = harness.host(3);
        harness.exec(host, "mkdir -p /usr/local/bin && mount -t tmpfs -o size=256k tmpfs /usr/local/bin");
        Path big = Files.createDirectories(assetsDir.resolve("big")).resolve("k3s");
        Files.writeString(big, Files.readString(assets.binary()) + "\n#" + "x".repeat(8 * 1024 * 1024) + "\n");
        Map<String, Object> in = inputs(host);
        in.put("airgap", Map.of("k3sBinary", big.toString(), "installScript", assets.installScript().toString()));
        long start = System.nanoTime();
        String message = createFails("full", in);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("fails at once, not after a window timeout").isLessThan(Duration.ofSeconds(20));
        assertThat(message).contains("phase 'upload'", "No space left on device", host.address(), "/usr/local/bin/k3s");
        assertThat(harness.exec(host, "ls -a /usr/local/bin")).doesNotContain("codezero-upload");
        harness.exec(host, "umount /usr/local/bin");
    }

    @Test
    void aWrongSudoPasswordIsReportedAsSuch() {
        TestHost host = harness.host(4);
        String message = createFails("sudo", asDeploy(inputs(host), "not-the-password"));
        assertThat(message).contains("phase 'gather facts'", "sudo", "refused the sudoPassword", "deploy")
                .doesNotContain("no password was provided").doesNotContain("not-the-password");
    }

    @Test
    void aLoginShellThatRunsNothingGivesACause() {
        TestHost host = harness.host(5);
        harness.exec(host, "usermod -s /bin/false " + SshHostHarness.DEPLOY_USER);
        String message = createFails("noshell", asDeploy(inputs(host), SshHostHarness.DEPLOY_PASSWORD));
        assertThat(message).contains("login shell", "deploy", "/etc/passwd");
    }

    @Test
    void aClockThatPrintsNothingIsAnErrorNotZeroSkew() {
        TestHost host = harness.host(6);
        harness.exec(host, "mv /usr/bin/date /usr/bin/date.real && printf '#!/bin/sh\\nexit 0\\n' > /usr/bin/date && chmod 755 /usr/bin/date");
        try {
            String message = createFails("clock", inputs(host));
            assertThat(message).contains("phase 'validate host'", "clock", "could not be read");
        } finally {
            harness.exec(host, "mv /usr/bin/date.real /usr/bin/date");
        }
    }

    @Test
    void k3sThatDoesNotStartGivesItsLogLines() {
        TestHost host = harness.host(7);
        harness.exec(host, "mkdir -p /etc/codezero-standin && echo 'starting kubernetes: preparing server: bootstrap data already found and encrypted with different token'"
                + " > /etc/codezero-standin/fail-start");
        String message = createFails("nostart", inputs(host));
        assertThat(message).contains("phase 'wait ready'", "k3s is not running on the machine after install",
                "bootstrap data already found", "partly changed");
        // A machine without an init system is refused in validation now (InitSystemHarnessTest), not warned about.
        assertThat(message).doesNotContain("no systemd or openrc");
    }

    /** The first bytes of a 64-bit little-endian ELF executable for the given e_machine. */
    static byte[] elfHeader(int machine) {
        byte[] h = new byte[64];
        h[0] = 0x7f;
        h[1] = 'E';
        h[2] = 'L';
        h[3] = 'F';
        h[4] = 2;
        h[5] = 1;
        h[6] = 1;
        h[16] = 2;
        h[18] = (byte) machine;
        h[19] = (byte) (machine >> 8);
        return h;
    }

    private static ErrorResourceInitFailed initFailed(StatusRuntimeException e) throws InvalidProtocolBufferException {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            return null;
        }
        for (Any detail : status.getDetailsList()) {
            if (detail.is(ErrorResourceInitFailed.class)) {
                return detail.unpack(ErrorResourceInitFailed.class);
            }
        }
        return null;
    }
}
