package io.codezero.baremetal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import io.codezero.baremetal.ResourceTokens;
import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
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
 * Machines as a real lab has them (issue 27): a k3s someone else installed, two machines with one
 * hostname, a connection cut mid-upload, full disks, no procps, no ss/ip/netstat, a host key pinned
 * and then trusted again. Each test fails on the code before the fix: it took the other k3s over,
 * let the second machine take the first one's Node, moved a truncated binary into place, left an
 * empty lock, said k3s was not running, missed the taken port, or pinned a stale key.
 */
@Tag("harness")
@SuppressWarnings("unchecked")
class HostileHostsHarnessTest extends ProviderOnMachines {
    static final String VERSION = "v1.34.1+k3s1";
    static final String SERVER = ResourceTokens.SERVER_NODE;
    static final String AGENT = ResourceTokens.AGENT_NODE;
    static volatile BiConsumer<String, String> onProgress = (h, m) -> { };

    @BeforeAll
    static void start() throws Exception {
        startMachines(16, (host, message) -> onProgress.accept(host, message), VERSION);
    }

    static Map<String, Object> server(TestHost host) {
        return NodeInputsFixture.firstServer(harness, host, VERSION, assets);
    }

    static CreateResponse create(String type, String name, Map<String, Object> inputs) {
        return provider.create(type, name, provider.check(type, name, Map.of(), inputs).getInputs());
    }

    static StatusRuntimeException createFails(String type, String name, Map<String, Object> inputs) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> create(type, name, inputs));
        assertThat(e).as("create of " + name + " should have failed").isNotNull();
        System.out.println("[hostile " + name + "] " + e.getStatus().getDescription());
        return e;
    }

    static Object reveal(Struct state, String key) {
        return PropertyValues.reveal(PropertyValues.fromStruct(state).get(key));
    }

    static ErrorResourceInitFailed initFailed(StatusRuntimeException e) throws Exception {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        for (Any detail : status == null ? List.<Any>of() : status.getDetailsList()) {
            if (detail.is(ErrorResourceInitFailed.class)) {
                return detail.unpack(ErrorResourceInitFailed.class);
            }
        }
        return null;
    }

    @Test
    void aK3sInstalledByAnotherToolIsRefusedNotTakenOverAndCanBeAdoptedExplicitly() throws Exception {
        TestHost host = harness.host(0);
        // k3s installed and running, but not by CodeZero: no configuration record, no marker.
        harness.exec(host, "mkdir -p /var/lib/codezero");
        create(SERVER, "ours-first", server(host));
        harness.exec(host, "rm -rf /var/lib/codezero");
        String eventsBefore = harness.exec(host, "cat /var/log/codezero-standin-events");
        String tokenBefore = harness.exec(host, "cat /var/lib/rancher/k3s/server/token");

        String message = createFails(SERVER, "foreign", server(host)).getStatus().getDescription();
        assertThat(message).contains("phase 'validate host'", host.address(), "was not installed by CodeZero", "/usr/local/bin/k3s",
                "a running k3s process", "k3s-uninstall.sh", "adopt it explicitly", "/var/lib/codezero/k3s-owner", "nothing was changed")
                .doesNotContain("port 6443");
        assertThat(harness.exec(host, "cat /var/log/codezero-standin-events")).as("the other k3s was not restarted").isEqualTo(eventsBefore);
        assertThat(harness.exec(host, "cat /var/lib/rancher/k3s/server/token")).isEqualTo(tokenBefore);

        // Adopted explicitly: CodeZero manages it from now on.
        harness.exec(host, "mkdir -p /var/lib/codezero && touch /var/lib/codezero/k3s-owner");
        CreateResponse adopted = create(SERVER, "adopted", server(host));
        assertThat(reveal(adopted.getProperties(), "installedVersion")).isEqualTo(VERSION);
    }

    @Test
    void aSecondMachineWithTheFirstOnesHostnameIsRefusedAndTheFirstOnesNodeStays() {
        TestHost first = harness.host(1);
        TestHost twin = harness.host(2);
        String hostname = harness.exec(first, "hostname").strip();
        CreateResponse server = create(SERVER, "dup-server", server(first));
        Object token = PropertyValues.fromStruct(server.getProperties()).get("clusterToken");
        harness.exec(twin, "hostname " + hostname);

        Map<String, Object> agent = NodeInputsFixture.agent(harness, twin, first, token, VERSION, assets);
        String message = createFails(AGENT, "dup-agent", agent).getStatus().getDescription();
        assertThat(message).contains("phase 'validate host'", twin.address(), "node name '" + hostname + "'",
                "this machine's hostname is " + hostname, "is another machine (address " + first.address(), "`name`", "nothing was changed");
        assertThat(harness.exec(first, "/usr/local/bin/k3s kubectl get node " + hostname + " -o wide --no-headers"))
                .as("the server's Node keeps its address").contains(first.address());
        assertThat(harness.exec(twin, "ls /usr/local/bin")).doesNotContain("k3s");

        // With its own name the same machine joins.
        agent.put("nodeName", "twin-of-" + hostname);
        CreateResponse joined = create(AGENT, "dup-agent-named", agent);
        assertThat(reveal(joined.getProperties(), "resolvedNodeName")).isEqualTo("twin-of-" + hostname);
    }

    @Test
    void twoNewMachinesWithOneHostnameInTheSameWaveDoNotBothJoin() throws Exception {
        TestHost first = harness.host(3);
        TestHost a = harness.host(4);
        TestHost b = harness.host(5);
        CreateResponse server = create(SERVER, "wave-server", server(first));
        Object token = PropertyValues.fromStruct(server.getProperties()).get("clusterToken");
        harness.exec(a, "hostname web-01");
        harness.exec(b, "hostname web-01");
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (TestHost h : List.of(a, b)) {
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    create(AGENT, "wave-" + h.name(), NodeInputsFixture.agent(harness, h, first, token, VERSION, assets));
                    return "joined";
                } catch (StatusRuntimeException e) {
                    System.out.println("[hostile wave] " + e.getStatus().getDescription());
                    return e.getStatus().getDescription();
                }
            }));
        }
        List<String> outcomes = results.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes).filteredOn("joined"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.equals("joined")).singleElement().asString()
                .contains("phase 'validate host'", "node name 'web-01'", "`name`", "nothing was changed");
    }

    @Test
    void aConnectionCutDuringTheUploadLeavesNoTruncatedBinaryAndNoLock() throws Exception {
        TestHost host = harness.host(6);
        Path big = Files.createDirectories(assetsDir.resolve("big-upload")).resolve("k3s");
        Files.writeString(big, Files.readString(assets.binary()) + "\n#" + "x".repeat(48 * 1024 * 1024) + "\n");
        Map<String, Object> in = server(host);
        in.put("airgap", Map.of("k3sBinary", big.toString(), "installScript", assets.installScript().toString()));
        onProgress = (label, message) -> {
            if (label.contains(host.address()) && message.equals("upload")) {
                CompletableFuture.runAsync(() -> harness.exec(host, "for i in $(seq 1 500); do"
                        + " [ \"$(stat -c %s /usr/local/bin/k3s.codezero-upload 2>/dev/null || echo 0)\" -gt 1000000 ] && break; sleep 0.01; done;"
                        + " pkill -KILL -f 'sshd: root@'"));
            }
        };
        try {
            StatusRuntimeException e = createFails(SERVER, "cut", in);
            assertThat(e.getStatus().getDescription()).contains("phase 'upload'", host.address());
        } finally {
            onProgress = (h, m) -> { };
        }
        // The shell on the machine sees the input end early; it must not move the partial file into place.
        String left = "";
        for (int i = 0; i < 50; i++) {
            left = harness.exec(host, "ls -a /usr/local/bin; ls /var/lib/codezero 2>/dev/null");
            if (!left.contains("codezero-upload")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(left).doesNotContain("codezero-upload").doesNotContain("cluster.lock");
        assertThat(harness.exec(host, "[ -e /usr/local/bin/k3s ] && stat -c %s /usr/local/bin/k3s || echo absent").strip())
                .isIn("absent", String.valueOf(Files.size(big)));
        // The next run is not blocked by a lock nobody holds and installs the whole binary.
        create(SERVER, "cut-again", in);
        assertThat(harness.exec(host, "stat -c %s /usr/local/bin/k3s").strip()).isEqualTo(String.valueOf(Files.size(big)));
    }

    @Test
    void aFullDiskNeverLeavesAnEmptyLockAndNamesOurOwnWritesNotTheInstallScript() throws Exception {
        TestHost host = harness.host(7);
        harness.exec(host, "mkdir -p /var/lib/codezero && mount -t tmpfs -o size=64k tmpfs /var/lib/codezero");
        try {
            // Full before the run: the lock cannot be written, and none is left behind.
            harness.exec(host, "dd if=/dev/zero of=/var/lib/codezero/fill bs=4k 2>/dev/null; true");
            String lock = createFails(SERVER, "full-lock", server(host)).getStatus().getDescription();
            assertThat(lock).contains("phase 'lock cluster'", "could not write the cluster lock", "df -h /var/lib/codezero",
                    "no lock was left behind", "nothing was changed");
            assertThat(harness.exec(host, "ls -a /var/lib/codezero")).doesNotContain("cluster.lock");

            // Fills up as the install starts: our own settings file is named, the script never ran.
            harness.exec(host, "rm -f /var/lib/codezero/fill");
            onProgress = (label, message) -> {
                if (label.contains(host.address()) && message.equals("install first server")) {
                    harness.exec(host, "dd if=/dev/zero of=/var/lib/codezero/fill bs=1k 2>/dev/null; true");
                }
            };
            String env;
            try {
                env = createFails(SERVER, "full-env", server(host)).getStatus().getDescription();
            } finally {
                onProgress = (h, m) -> { };
            }
            assertThat(env).contains("phase 'install first server'", "could not write the install settings file /var/lib/codezero/k3s-install.env",
                    "df -h /var/lib/codezero", "the install script did not run", "uploaded /usr/local/bin/k3s")
                    .doesNotContain("install script failed");
            assertThat(harness.exec(host, "ls -a /var/lib/codezero")).doesNotContain("k3s-install.env").doesNotContain("cluster.lock");

            // Fills up while k3s starts: k3s is up, and the partial state says so.
            harness.exec(host, "rm -f /var/lib/codezero/fill");
            Path filling = Files.createDirectories(assetsDir.resolve("filling")).resolve("install.sh");
            Files.writeString(filling, Files.readString(assets.installScript())
                    + "\ndd if=/dev/zero of=/var/lib/codezero/fill bs=1k 2>/dev/null || true\n");
            Map<String, Object> in = server(host);
            in.put("airgap", Map.of("k3sBinary", assets.binary().toString(), "installScript", filling.toString()));
            StatusRuntimeException hash = createFails(SERVER, "full-hash", in);
            assertThat(hash.getStatus().getDescription()).contains("phase 'install first server'", "k3s " + VERSION + " was installed and is running",
                    "/var/lib/codezero/k3s-config.sha256 could not be written", "df -h /var/lib/codezero", "ran the k3s install script")
                    .doesNotContain("install script failed");
            ErrorResourceInitFailed partial = initFailed(hash);
            assertThat(partial).as("the machine was changed: a partial state is recorded").isNotNull();
            assertThat(reveal(partial.getProperties(), "installedVersion")).isEqualTo(VERSION);
            assertThat(reveal(partial.getProperties(), "running")).isEqualTo(true);
        } finally {
            harness.exec(host, "/usr/local/bin/k3s-killall.sh >/dev/null 2>&1; umount /var/lib/codezero; true");
        }
    }

    @Test
    void withoutProcpsK3sIsSeenRunning() {
        TestHost host = harness.host(8);
        harness.exec(host, "rm -f /usr/bin/pgrep /usr/bin/pkill /usr/bin/ps /bin/ps /usr/bin/pidof /bin/pidof");
        Map<String, Object> in = server(host);
        CreateResponse created = create(SERVER, "noprocps", in);
        assertThat(reveal(created.getProperties(), "running")).isEqualTo(true);
        ReadResponse read = provider.read(SERVER, "noprocps", created.getId(), created.getProperties(),
                PropertyValues.toStruct(NodeInputs.withoutComputed(PropertyValues.fromStruct(created.getProperties()))));
        assertThat(reveal(read.getProperties(), "running")).isEqualTo(true);
        // A second `up` sees its own k3s on 6443, not "another program".
        UpdateResponse again = provider.update(SERVER, "noprocps", created.getId(), created.getProperties(),
                provider.check(SERVER, "noprocps", PropertyValues.fromStruct(created.getProperties()), in).getInputs());
        assertThat(reveal(again.getProperties(), "running")).isEqualTo(true);
        provider.delete(SERVER, "noprocps", created.getId(), again.getProperties());
        assertThat(harness.exec(host, "ls /usr/local/bin")).doesNotContain("k3s");
    }

    @Test
    void withoutSsIpOrNetstatATakenPortIsStillFoundBeforeInstalling() throws Exception {
        TestHost host = harness.host(9);
        harness.exec(host, "rm -f /usr/bin/ss /bin/ss /usr/sbin/ss /sbin/ss /usr/bin/netstat /bin/netstat /usr/sbin/ip /sbin/ip /bin/ip /usr/bin/ip");
        harness.exec(host, "setsid nohup perl -MIO::Socket::INET -e 'my $s = IO::Socket::INET->new(LocalPort => 6443, Listen => 5, ReuseAddr => 1)"
                + " or die; sleep 600' >/dev/null 2>&1 < /dev/null & sleep 0.3");
        String message = createFails(SERVER, "noss", server(host)).getStatus().getDescription();
        assertThat(message).contains("phase 'validate host'", "port 6443 is already in use by another program", "/proc/net/tcp",
                "nothing was changed");
        assertThat(harness.exec(host, "ls /usr/local/bin /var/lib/codezero 2>&1")).doesNotContain("k3s");
    }

    @Test
    void goingBackToTrustOnFirstUseAfterPinningUsesTheKeyPinnedLast() {
        TestHost host = harness.host(10);
        Map<String, Object> tofu = new LinkedHashMap<>(server(host));
        Map<String, Object> c = new LinkedHashMap<>((Map<String, Object>) tofu.get("connection"));
        c.remove("hostKey");
        c.put("trustOnFirstUse", true);
        tofu.put("connection", c);
        CreateResponse created = create(SERVER, "tofu", tofu);
        // The state remembers a key the machine presented before it was reinstalled.
        Map<String, Object> stale = new LinkedHashMap<>(PropertyValues.fromStruct(created.getProperties()));
        stale.put("observedHostKey", harness.host(0).hostKey());
        // The program pins the machine's current key: the state records it as the key seen.
        UpdateResponse pinned = provider.update(SERVER, "tofu", created.getId(), PropertyValues.toStruct(stale),
                provider.check(SERVER, "tofu", stale, server(host)).getInputs());
        assertThat(reveal(pinned.getProperties(), "observedHostKey")).isEqualTo(host.hostKey());
        // Back to trustOnFirstUse: the key pinned last is used, not the stale one.
        Map<String, Object> olds = PropertyValues.fromStruct(pinned.getProperties());
        UpdateResponse back = provider.update(SERVER, "tofu", created.getId(), pinned.getProperties(),
                provider.check(SERVER, "tofu", olds, tofu).getInputs());
        assertThat(reveal(back.getProperties(), "running")).isEqualTo(true);
    }

    @Test
    void anEncryptedKeyWithoutItsPassphraseOrWithAWrongOneIsNamedAsSuch() throws Exception {
        TestHost host = harness.host(11);
        Path dir = Files.createDirectories(assetsDir.resolve("encrypted-key"));
        Path key = dir.resolve("id_ed25519");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "right-passphrase", "-f", key.toString()).start();
        assertThat(keygen.waitFor()).isZero();
        harness.exec(host, "mkdir -p /root/.ssh && echo '" + Files.readString(dir.resolve("id_ed25519.pub")).strip() + "' >> /root/.ssh/authorized_keys");
        Map<String, Object> in = server(host);
        Map<String, Object> c = new LinkedHashMap<>((Map<String, Object>) in.get("connection"));
        c.put("privateKey", new PropertyValues.SecretValue(Files.readString(key)));
        in.put("connection", c);
        String missing = createFails(SERVER, "enc-missing", in).getStatus().getDescription();
        assertThat(missing).contains("phase 'connect'", host.address(), "is encrypted", "privateKeyPassphrase", "nothing was changed")
                .doesNotContain("was refused");
        c.put("privateKeyPassphrase", new PropertyValues.SecretValue("wrong-passphrase"));
        String wrong = createFails(SERVER, "enc-wrong", in).getStatus().getDescription();
        assertThat(wrong).contains("phase 'connect'", host.address(), "privateKeyPassphrase", "does not decrypt", "nothing was changed")
                .doesNotContain("was refused").doesNotContain("wrong-passphrase");
    }

    @Test
    void anOnlineInstallWithoutInternetSaysWhyTheDownloadFailed() {
        TestHost host = harness.host(12);
        Map<String, Object> in = server(host);
        in.remove("airgap");
        in.put("installScriptUrl", "https://get.k3s.example.invalid/install.sh");
        String message = createFails(SERVER, "offline", in).getStatus().getDescription();
        assertThat(message).contains("phase 'upload'", host.address(), "https://get.k3s.example.invalid/install.sh", "curl exit 6",
                "could not resolve", "airgap");
    }

    @Test
    void aCommandThatOutlivesItsTimeoutNamesTheSettingThatRaisesIt() {
        TestHost host = harness.host(13);
        // A machine whose disk answers slowly: reading the facts takes longer than the command timeout allows.
        harness.exec(host, "mv /usr/bin/uname /usr/bin/uname.real && printf '#!/bin/sh\\nsleep 6\\nexec /usr/bin/uname.real \"$@\"\\n'"
                + " > /usr/bin/uname && chmod 755 /usr/bin/uname");
        Map<String, Object> in = server(host);
        Map<String, Object> c = new LinkedHashMap<>((Map<String, Object>) in.get("connection"));
        c.put("timeouts", Map.of("connectSeconds", 3.0, "keepAliveIntervalSeconds", 1.0, "keepAliveMaxCount", 3.0, "commandSeconds", 2.0));
        in.put("connection", c);
        java.util.concurrent.atomic.AtomicLong factsStarted = new java.util.concurrent.atomic.AtomicLong();
        onProgress = (label, m) -> {
            if (label.contains(host.address()) && m.equals("gather facts")) {
                factsStarted.set(System.nanoTime());
            }
        };
        try {
            String message = createFails(SERVER, "slow", in).getStatus().getDescription();
            // Measured from the phase's start (connecting on a loaded machine takes its own time): the limit
            // plus a margin, not the time the machine's command would take (18 s) or a slow close.
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - factsStarted.get())).isLessThan(java.time.Duration.ofSeconds(5));
            assertThat(message).contains("phase 'gather facts'", host.address(), "did not finish within 2s",
                    "connection.timeouts.commandSeconds = 2", "raise it");
        } finally {
            onProgress = (h, m) -> { };
            harness.exec(host, "mv /usr/bin/uname.real /usr/bin/uname");
        }
    }

    @Test
    void aStalledDiskDuringAnUploadFailsWithinSecondsNotAfterTheCommandTimeout() throws Exception {
        TestHost host = harness.host(14);
        // The file being written never takes data (a named pipe nobody reads: a disk that stopped answering).
        harness.exec(host, "mkdir -p /usr/local/bin && mkfifo /usr/local/bin/k3s.codezero-upload");
        Path big = Files.createDirectories(assetsDir.resolve("stalled")).resolve("k3s");
        Files.writeString(big, Files.readString(assets.binary()) + "\n#" + "x".repeat(16 * 1024 * 1024) + "\n");
        Map<String, Object> in = server(host);
        in.put("airgap", Map.of("k3sBinary", big.toString(), "installScript", assets.installScript().toString()));
        java.util.concurrent.atomic.AtomicLong uploadStarted = new java.util.concurrent.atomic.AtomicLong();
        onProgress = (label, m) -> {
            if (label.contains(host.address()) && m.equals("upload")) {
                uploadStarted.set(System.nanoTime());
            }
        };
        try {
            String message = createFails(SERVER, "stalled", in).getStatus().getDescription();
            // The fixture's command timeout is 120 s; SSH's own wait for window space is 9 s (3 x connect timeout).
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - uploadStarted.get())).isLessThan(java.time.Duration.ofSeconds(40));
            assertThat(message).contains("phase 'upload'", host.address(), "stopped reading its input after", "stalled", "dmesg");
        } finally {
            onProgress = (h, m) -> { };
            harness.exec(host, "rm -f /usr/local/bin/k3s.codezero-upload; pkill -f 'cat > ' ; true");
        }
    }

    @Test
    void aReadOnlyUsrGetsK3sInOptBinLikeTheOfficialScript() {
        TestHost host = harness.host(15);
        // Flatcar / CoreOS style: /usr is mounted read-only.
        harness.exec(host, "mount --bind /usr /usr && mount -o remount,ro,bind /usr");
        try {
            Map<String, Object> in = server(host);
            CreateResponse created = create(SERVER, "rousr", in);
            assertThat(reveal(created.getProperties(), "installedVersion")).isEqualTo(VERSION);
            assertThat(harness.exec(host, "ls /opt/bin")).contains("k3s", "k3s-uninstall.sh");
            ReadResponse read = provider.read(SERVER, "rousr", created.getId(), created.getProperties(),
                    PropertyValues.toStruct(NodeInputs.withoutComputed(PropertyValues.fromStruct(created.getProperties()))));
            assertThat(reveal(read.getProperties(), "installedVersion")).isEqualTo(VERSION);
            assertThat(reveal(read.getProperties(), "running")).isEqualTo(true);
            provider.delete(SERVER, "rousr", created.getId(), created.getProperties());
            assertThat(harness.exec(host, "ls /opt/bin 2>&1")).doesNotContain("k3s");
        } finally {
            harness.exec(host, "umount /usr; true");
        }
    }
}
