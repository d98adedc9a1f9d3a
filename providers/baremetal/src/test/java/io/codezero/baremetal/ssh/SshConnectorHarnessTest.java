package io.codezero.baremetal.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.codezero.baremetal.harness.DelayingProxy;
import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.SshHosts;
import io.codezero.baremetal.harness.TestHost;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SSH layer against real sshd processes on harness hosts, including the faults users meet. */
@Tag("harness")
class SshConnectorHarnessTest {
    @RegisterExtension
    static final SshHosts hosts = new SshHosts(3);
    final SshConnector connector = new SshConnector();

    SshEndpoint.Builder root(TestHost host) {
        return hosts.root(host).timeouts(new SshTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(1), 2, Duration.ofSeconds(60)));
    }

    @Test
    void runsCommandsOnTheRightMachineWithPinnedKey() {
        for (TestHost host : hosts.harness().hosts()) {
            try (SshSession session = connector.connect(root(host).build())) {
                CommandResult result = session.run("hostname; id -u");
                assertThat(result.ok()).isTrue();
                assertThat(result.stdout()).startsWith(host.name() + "\n").endsWith("0\n");
            }
        }
    }

    @Test
    void passwordLoginAndSudoWithPasswordAsNonRootUser() throws Exception {
        TestHost host = hosts.host(0);
        SshEndpoint endpoint = root(host).user(SshHostHarness.DEPLOY_USER).privateKey(null)
                .password(Secret.of(SshHostHarness.DEPLOY_PASSWORD)).sudoPassword(Secret.of(SshHostHarness.DEPLOY_PASSWORD)).build();
        try (SshSession session = connector.connect(endpoint)) {
            assertThat(session.run("id -un").stdout().trim()).isEqualTo("deploy");
            CommandResult asRoot = session.sudo("id -u; cat");
            assertThat(asRoot.exitCode()).as(asRoot.stderr()).isZero();
            assertThat(asRoot.stdout().trim()).isEqualTo("0");
            session.upload("hello\n".getBytes(), "/var/lib/codezero/test/hello.txt", "600");
            assertThat(session.sudo("stat -c '%a %U' /var/lib/codezero/test/hello.txt; cat /var/lib/codezero/test/hello.txt").stdout())
                    .isEqualTo("600 root\nhello\n");
            java.nio.file.Path big = java.nio.file.Files.createTempFile("codezero-upload", ".bin");
            try {
                java.nio.file.Files.write(big, new byte[2 * 1024 * 1024 + 3]);
                session.upload(big, "/var/lib/codezero/test/big.bin", "644");
                assertThat(session.sudo("stat -c '%s %a %U' /var/lib/codezero/test/big.bin").stdout().trim())
                        .isEqualTo((2 * 1024 * 1024 + 3) + " 644 root");
            } finally {
                java.nio.file.Files.deleteIfExists(big);
            }
        }
    }

    @Test
    void trustOnFirstUseRecordsTheKeyThePinWouldNeed() {
        TestHost host = hosts.host(1);
        try (SshSession session = connector.connect(root(host).hostKey(null).trustOnFirstUse(true).build())) {
            assertThat(session.presentedHostKey()).isEqualTo(host.hostKey());
        }
    }

    @Test
    void noPinAndNoTofuIsRefusedBeforeConnecting() {
        assertThatThrownBy(() -> connector.connect(root(hosts.host(1)).hostKey(null).build()))
                .isInstanceOfSatisfying(SshFailure.class, e -> assertThat(e.kind()).isEqualTo(SshFailure.Kind.HOST_KEY_UNPINNED))
                .hasMessageContaining("ssh-keyscan");
    }

    @Test
    void wrongHostKeyIsRejectedAndTheMessageShowsThePresentedKey() {
        TestHost host = hosts.host(0);
        assertThatThrownBy(() -> connector.connect(root(host).hostKey(hosts.host(1).hostKey()).build()))
                .isInstanceOfSatisfying(SshFailure.class, e -> assertThat(e.kind()).isEqualTo(SshFailure.Kind.HOST_KEY_MISMATCH))
                .hasMessageContaining("does not match the pinned key")
                .hasMessageContaining(host.hostKey());
    }

    @Test
    void wrongCredentialsAreRefusedWithoutRetryAndWithoutLeakingThem() {
        String stranger = hosts.harness().strangerPrivateKey();
        assertThatThrownBy(() -> connector.connect(root(hosts.host(0)).privateKey(Secret.of(stranger)).build()))
                .isInstanceOfSatisfying(SshFailure.class, e -> assertThat(e.kind()).isEqualTo(SshFailure.Kind.AUTH_FAILED))
                .hasMessageContaining("authentication as root on " + hosts.host(0).address() + " was refused")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(stranger.substring(40, 80)));
    }

    @Test
    void unreachableHostFailsWithinTheConnectTimeout() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> connector.connect(root(hosts.host(0)).host(hosts.harness().deadAddress()).build()))
                .isInstanceOfSatisfying(SshFailure.class, e -> assertThat(e.kind()).isEqualTo(SshFailure.Kind.UNREACHABLE))
                .hasMessageContaining(hosts.harness().deadAddress());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void connectionResetIsReportedAsSuch() {
        TestHost host = hosts.host(2);
        hosts.harness().rejectSsh(host);
        try {
            assertThatThrownBy(() -> connector.connect(root(host).build()))
                    .isInstanceOfSatisfying(SshFailure.class, e -> assertThat(e.kind())
                            .isIn(SshFailure.Kind.CONNECTION_RESET, SshFailure.Kind.CONNECTION_REFUSED));
        } finally {
            hosts.harness().acceptSsh(host);
        }
        try (SshSession session = connector.connect(root(host).build())) {
            assertThat(session.run("true").ok()).isTrue();
        }
    }

    @Test
    void linkCutWhileACommandRunsFailsInSecondsNotForever() {
        TestHost host = hosts.host(2);
        try (SshSession session = connector.connect(root(host).build())) {
            Thread cutter = new Thread(() -> {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ignored) {
                    return;
                }
                hosts.harness().cutLink(host);
            });
            cutter.start();
            long start = System.nanoTime();
            assertThatThrownBy(() -> session.run("sleep 60"))
                    .isInstanceOfSatisfying(SshFailure.class, e -> assertThat(e.kind()).isEqualTo(SshFailure.Kind.LINK_LOST));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        } finally {
            hosts.harness().restoreLink(host);
        }
    }

    @Test
    void slowLinkStillWorksThroughADelayingProxy() throws Exception {
        TestHost host = hosts.host(1);
        try (DelayingProxy proxy = new DelayingProxy(host.address(), 22, Duration.ofMillis(150));
             SshSession session = connector.connect(root(host).host("127.0.0.1").port(proxy.port())
                     .timeouts(new SshTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(2), 3, Duration.ofSeconds(60))).build())) {
            assertThat(session.run("hostname").stdout().trim()).isEqualTo(host.name());
        }
    }

    @Test
    void jumpHostReachesTheTarget() {
        SshEndpoint jump = root(hosts.host(0)).build();
        try (SshSession session = connector.connect(root(hosts.host(1)).jumpHost(jump).build())) {
            assertThat(session.run("hostname").stdout().trim()).isEqualTo(hosts.host(1).name());
        }
    }

    @Test
    void retryGivesUpOnPermanentFaultsAtOnce() {
        int[] calls = {0};
        assertThatThrownBy(() -> Retry.idempotent(3, Duration.ofMillis(10)).call(() -> {
            calls[0]++;
            return connector.connect(root(hosts.host(0)).privateKey(Secret.of(hosts.harness().strangerPrivateKey())).build());
        })).isInstanceOf(SshFailure.class);
        assertThat(calls[0]).isEqualTo(1);
    }
}
