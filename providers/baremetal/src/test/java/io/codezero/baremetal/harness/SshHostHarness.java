package io.codezero.baremetal.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.codezero.core.testing.TestPrerequisites;

/**
 * Real SSH machines for tests: each a network namespace joined to a private bridge (10.77.N.0/24,
 * N random per run), and inside it a mount/uts/ipc/pid namespace with an overlay over a debootstrap'd
 * rootfs, running {@code sshd -D}. Names carry a per-run prefix so parallel runs do not collide;
 * {@link #close()} removes everything by name and PID.
 *
 * <p>Needs root and the rootfs built by {@code src/test/harness/setup.sh}; {@link #requireAvailable()}
 * skips the calling test with the reason otherwise, and fails it under {@code CI=true}.
 */
public final class SshHostHarness implements AutoCloseable {
    public static final Path ROOTFS = Path.of(System.getenv().getOrDefault("CODEZERO_ROOTFS", "/var/cache/codezero-rootfs"));

    private final String prefix;
    private final int subnet;
    private final String bridge;
    private final Path workDir;
    private final Path clientKey;
    private final String clientPublicKey;
    private final List<TestHost> hosts = new ArrayList<>();
    private final List<String> nftNamespaces = new ArrayList<>();
    private int nextIndex = 1;
    private boolean controlPlane;

    private SshHostHarness() throws IOException {
        SecureRandom random = new SecureRandom();
        prefix = "cz" + HexFormat.of().toHexDigits((byte) random.nextInt(256)) + HexFormat.of().toHexDigits((byte) random.nextInt(256)).charAt(0);
        subnet = pickSubnet(random);
        bridge = prefix + "br";
        workDir = Files.createTempDirectory("codezero-harness-" + prefix);
        clientKey = workDir.resolve("client_ed25519");
        Sh.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "codezero-test", "-f", clientKey.toString());
        clientPublicKey = Files.readString(workDir.resolve("client_ed25519.pub")).trim();
        Sh.run("ip", "link", "add", bridge, "type", "bridge");
        Sh.run("ip", "addr", "add", gateway() + "/24", "dev", bridge);
        Sh.run("ip", "link", "set", bridge, "up");
    }

    /** Unless this machine can run the harness: skips the test locally, fails it under CI=true; both say why. */
    public static void requireAvailable() {
        String why = unavailableReason();
        if (why != null) {
            // Surefire shows a class skipped in @BeforeAll as "Tests run: 0": say why in the build log too.
            System.err.println("[harness] SSH host harness unavailable: " + why);
        }
        TestPrerequisites.require(why == null, "SSH host harness: " + why);
    }

    public static String unavailableReason() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "needs root (network namespaces, overlay mounts); run as root under .ci/run";
        }
        if (!Files.exists(ROOTFS.resolve(".codezero-rootfs-ready"))) {
            return "no rootfs at " + ROOTFS + "; run providers/baremetal/src/test/harness/setup.sh once";
        }
        for (String tool : List.of("/usr/sbin/ip", "/usr/bin/unshare", "/usr/bin/ssh-keygen", "/usr/sbin/nft")) {
            if (!Files.isExecutable(Path.of(tool)) && !Files.isExecutable(Path.of(tool.replace("/usr/sbin/", "/sbin/")))) {
                return tool + " is missing; run providers/baremetal/src/test/harness/setup.sh";
            }
        }
        return null;
    }

    public static SshHostHarness start(int count) {
        return start(count, false);
    }

    /**
     * Machines on which the stand-in k3s serves a real Kubernetes API ({@link StandinControlPlane}):
     * the first server runs etcd, kube-apiserver, the controller manager, the scheduler and kwok, and
     * every machine that joins becomes a kwok-managed Node. Needs the e2e toolchain's binaries.
     */
    public static SshHostHarness startWithControlPlane(int count) {
        requireAvailable();
        String why = StandinControlPlane.unavailableReason();
        TestPrerequisites.require(why == null, "stand-in control plane: " + why);
        return start(count, true);
    }

    private static SshHostHarness start(int count, boolean controlPlane) {
        requireAvailable();
        try {
            SshHostHarness harness = new SshHostHarness();
            harness.controlPlane = controlPlane;
            try {
                for (int i = 0; i < count; i++) {
                    harness.addHost();
                }
                for (TestHost host : harness.hosts) {
                    harness.awaitSsh(host);
                }
                return harness;
            } catch (RuntimeException | IOException e) {
                harness.close();
                throw e;
            }
        } catch (IOException e) {
            throw new IllegalStateException("harness setup failed", e);
        }
    }

    public List<TestHost> hosts() {
        return List.copyOf(hosts);
    }

    public TestHost host(int index) {
        return hosts.get(index);
    }

    public String gateway() {
        return "10.77." + subnet + ".1";
    }

    /** An address in the harness subnet where no machine answers. */
    public String deadAddress() {
        return "10.77." + subnet + ".250";
    }

    public String clientPrivateKey() {
        try {
            return Files.readString(clientKey);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh key pair that no host accepts. */
    public String strangerPrivateKey() {
        Path key = workDir.resolve("stranger_" + System.nanoTime());
        Sh.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        try {
            return Files.readString(key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Non-root login on every host: user {@code deploy}, password {@link #DEPLOY_PASSWORD}, sudo with password. */
    public static final String DEPLOY_USER = "deploy";
    public static final String DEPLOY_PASSWORD = "deploy-pw-for-tests";

    public TestHost addHost() throws IOException {
        int index = nextIndex++;
        String name = "h" + index;
        String netns = prefix + "-" + name;
        String rootVeth = prefix + "v" + index;
        String peer = prefix + "p" + index;
        String address = "10.77." + subnet + "." + (10 + index);
        Path dir = Files.createDirectories(workDir.resolve(name));
        for (String d : List.of("upper", "work", "merged", "keys")) {
            Files.createDirectories(dir.resolve(d));
        }
        Path hostKeyFile = dir.resolve("keys/ssh_host_ed25519_key");
        Sh.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", hostKeyFile.toString());
        String hostKey = Files.readString(Path.of(hostKeyFile + ".pub")).trim().replaceAll("\\s+\\S+$", "");
        Files.writeString(dir.resolve("keys/authorized_keys"), clientPublicKey + "\n");

        Sh.run("ip", "netns", "add", netns);
        Sh.run("ip", "link", "add", rootVeth, "type", "veth", "peer", "name", peer);
        Sh.run("ip", "link", "set", peer, "netns", netns);
        Sh.run("ip", "link", "set", rootVeth, "master", bridge, "up");
        Sh.run("ip", "-n", netns, "addr", "add", address + "/24", "dev", peer);
        Sh.run("ip", "-n", netns, "link", "set", "lo", "up");
        Sh.run("ip", "-n", netns, "link", "set", peer, "up");
        Sh.run("ip", "-n", netns, "route", "add", "default", "via", gateway());

        Path boot = dir.resolve("boot.sh");
        Files.writeString(boot, bootScript(name, dir));
        Files.setPosixFilePermissions(boot, PosixFilePermissions.fromString("rwx------"));
        Process process = new ProcessBuilder("ip", "netns", "exec", netns, "unshare", "--mount", "--uts", "--ipc", "--pid",
                "--fork", "--kill-child", "--propagation", "private", "/bin/sh", boot.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        TestHost host = new TestHost(name, netns, address, rootVeth, hostKey, dir, process);
        hosts.add(host);
        return host;
    }

    private String bootScript(String name, Path dir) {
        String m = dir.resolve("merged").toString();
        List<String> lines = new ArrayList<>(List.of(
                "set -e",
                "mount -t overlay overlay -o lowerdir=" + ROOTFS + ",upperdir=" + dir.resolve("upper") + ",workdir=" + dir.resolve("work") + " " + m,
                "hostname " + name,
                "echo " + name + " > " + m + "/etc/hostname",
                "printf '127.0.0.1 localhost\\n127.0.1.1 " + name + "\\n' > " + m + "/etc/hosts",
                "mount -t proc proc " + m + "/proc",
                "mount -t tmpfs tmpfs " + m + "/run",
                "mount -t tmpfs tmpfs " + m + "/tmp",
                "mount --rbind /dev " + m + "/dev",
                "mount -t sysfs sysfs " + m + "/sys || true",
                "mkdir -p " + m + "/run/sshd " + m + "/root/.ssh",
                // k3s's install script needs systemd or OpenRC (it looks for /sbin/openrc-run); the machines run neither,
                // so they carry OpenRC's entry point and the stand-in k3s supervises itself. A test removes it to get a
                // machine without an init system.
                "printf '#!/bin/sh\\n# harness stand-in for OpenRC\\nexit 0\\n' > " + m + "/usr/sbin/openrc-run",
                "chmod 755 " + m + "/usr/sbin/openrc-run"));
        if (controlPlane) {
            lines.addAll(StandinControlPlane.mountLines(m));
        }
        lines.addAll(List.of(
                "cp " + dir.resolve("keys/ssh_host_ed25519_key") + " " + dir.resolve("keys/ssh_host_ed25519_key.pub") + " " + m + "/etc/ssh/",
                "cp " + dir.resolve("keys/authorized_keys") + " " + m + "/root/.ssh/authorized_keys",
                "chmod 600 " + m + "/root/.ssh/authorized_keys " + m + "/etc/ssh/ssh_host_ed25519_key",
                "chroot " + m + " /bin/sh -c 'id " + DEPLOY_USER + " >/dev/null 2>&1 || useradd -m -s /bin/bash " + DEPLOY_USER
                        + "; echo " + DEPLOY_USER + ":" + DEPLOY_PASSWORD + " | chpasswd; echo \"" + DEPLOY_USER
                        + " ALL=(ALL) ALL\" > /etc/sudoers.d/" + DEPLOY_USER + "; chmod 440 /etc/sudoers.d/" + DEPLOY_USER + "'",
                "exec chroot " + m + " /usr/sbin/sshd -D -e -o HostKey=/etc/ssh/ssh_host_ed25519_key -o UsePAM=no"
                        + " -o PasswordAuthentication=yes -o PermitRootLogin=prohibit-password -o UseDNS=no"
                        + " -o MaxStartups=100:30:200 -o MaxSessions=50 -o ClientAliveInterval=0",
                ""));
        return String.join("\n", lines);
    }

    private void awaitSsh(TestHost host) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!host.process().isAlive()) {
                throw new IllegalStateException("host " + host.name() + " did not start: " + log(host));
            }
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress(host.address(), 22), 500);
                return;
            } catch (IOException e) {
                sleep(50);
            }
        }
        throw new IllegalStateException("sshd on " + host.name() + " did not listen within 20s: " + log(host));
    }

    public String log(TestHost host) {
        try {
            return Files.readString(host.dir().resolve("sshd.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Cuts the host's link (as if the cable were pulled). */
    public void cutLink(TestHost host) {
        Sh.run("ip", "link", "set", host.rootVeth(), "down");
    }

    public void restoreLink(TestHost host) {
        Sh.run("ip", "link", "set", host.rootVeth(), "up");
    }

    /** New SSH connections to the host get a TCP reset. */
    public void rejectSsh(TestHost host) {
        Sh.run("ip", "netns", "exec", host.netns(), "nft", "add table inet czreject");
        Sh.run("ip", "netns", "exec", host.netns(), "nft",
                "add chain inet czreject input { type filter hook input priority 0 ; tcp dport 22 reject with tcp reset ; }");
        nftNamespaces.add(host.netns());
    }

    public void acceptSsh(TestHost host) {
        Sh.tryRun("ip", "netns", "exec", host.netns(), "nft", "delete table inet czreject");
        nftNamespaces.remove(host.netns());
    }

    /** Runs a command inside the host (its namespaces and filesystem), as root, bypassing SSH. */
    /**
     * When k3s on the machine stopped and started again after {@code since} (epoch millis), from the stand-in's own
     * records: {@code [stop, start]}; fails the test when it did not restart.
     */
    public long[] k3sRestart(TestHost host, long since) {
        long stop = -1;
        long start = -1;
        for (String line : exec(host, "cat /var/log/codezero-standin-events").split("\n")) {
            String[] f = line.strip().split(" ");
            if (f.length >= 2 && f[0].matches("\\d+") && Long.parseLong(f[0]) >= since) {
                if (f[1].equals("stop") && stop < 0) {
                    stop = Long.parseLong(f[0]);
                } else if (f[1].equals("start") && stop >= 0 && start < 0) {
                    start = Long.parseLong(f[0]);
                }
            }
        }
        if (stop < 0 || start < 0) {
            throw new AssertionError("k3s on " + host.name() + " was " + (stop < 0 ? "not stopped" : "stopped but not started again")
                    + " after " + since);
        }
        return new long[] {stop, start};
    }

    public String exec(TestHost host, String script) {
        long pid = sshdPid(host);
        return Sh.run(List.of("nsenter", "-t", String.valueOf(pid), "-m", "-u", "-i", "-n", "-p", "-r", "-w",
                "/bin/sh", "-c", script), false);
    }

    private long sshdPid(TestHost host) {
        // unshare --fork: the process we started is unshare; its only child is sshd (PID 1 inside).
        return host.process().children().findFirst()
                .orElseThrow(() -> new IllegalStateException("host " + host.name() + " has no sshd")).pid();
    }

    @Override
    public void close() {
        for (TestHost host : hosts) {
            host.process().descendants().forEach(ProcessHandle::destroyForcibly);
            host.process().destroyForcibly();
            try {
                host.process().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Sh.tryRun("ip", "link", "del", host.rootVeth());
            Sh.tryRun("ip", "netns", "del", host.netns());
        }
        Sh.tryRun("ip", "link", "del", bridge);
        Sh.tryRun("rm", "-rf", workDir.toString());
    }

    private static int pickSubnet(SecureRandom random) {
        String routes = Sh.tryRun("ip", "-4", "route", "show");
        for (int i = 0; i < 50; i++) {
            int candidate = 2 + random.nextInt(250);
            if (!routes.contains("10.77." + candidate + ".")) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free 10.77.x.0/24 subnet for the harness");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
