package io.codezero.baremetal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Struct;
import io.codezero.baremetal.ResourceTokens;
import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.harness.TestHost;
import io.codezero.baremetal.install.Progress;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Machines k3s cannot run on as a service (issue 27 item 8): without systemd or OpenRC k3s's install
 * script stops ("Can not find systemd or openrc to use as a process supervisor"), and with a systemctl
 * but no systemd running it writes a unit it cannot start. Both are refused in validation, saying what
 * to do, with nothing written to the machine; and removing k3s from a machine with such a systemctl
 * leaves no unit behind. The harness machines carry OpenRC's entry point; these tests take it away.
 */
@Tag("harness")
class InitSystemHarnessTest extends ProviderOnMachines {
    static final String VERSION = "v1.34.1+k3s1";
    static final String SERVER = ResourceTokens.SERVER_NODE;
    /** What systemctl answers where systemd is not PID 1 (a container, a chroot). */
    static final String SYSTEMCTL_WITHOUT_SYSTEMD = "printf '#!/bin/sh\\necho \"System has not been booted with systemd as init system"
            + " (PID 1). Can'\"'\"'t operate.\" >&2\\nexit 1\\n' > /usr/bin/systemctl && chmod 755 /usr/bin/systemctl";
    /** Everything an install writes before k3s starts: the binary, the uninstall script, CodeZero's files, a unit. */
    static final String LEFT_BEHIND = "for f in /usr/local/bin/k3s /usr/local/bin/k3s-uninstall.sh /usr/local/bin/k3s-killall.sh"
            + " /var/lib/codezero/k3s-config.sha256 /var/lib/codezero/k3s-install.sh /var/lib/codezero/k3s-install.env"
            + " /etc/systemd/system/k3s.service /etc/rancher/k3s; do [ -e $f ] && echo $f; done; true";

    @BeforeAll
    static void start() throws Exception {
        startMachines(3, Progress.silent(), VERSION);
    }

    String createFails(String name, TestHost host) {
        Map<String, Object> inputs = NodeInputsFixture.firstServer(harness, host, VERSION, assets);
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                () -> provider.create(SERVER, name, provider.check(SERVER, name, Map.of(), inputs).getInputs()));
        assertThat(e).as("create should have failed").isNotNull();
        System.out.println("[init " + name + "] " + e.getStatus().getDescription());
        return e.getStatus().getDescription();
    }

    @Test
    void aMachineWithoutAnInitSystemIsRefusedInValidationAndNothingIsWritten() {
        TestHost host = harness.host(0);
        harness.exec(host, "rm -f /usr/sbin/openrc-run");
        String message = createFails("noinit", host);
        assertThat(message).contains("host " + host.name() + " (" + host.address() + ":22), phase 'validate host'",
                "no init system k3s can run under (neither systemd nor OpenRC)", "boots with systemd or OpenRC",
                "ps -p 1 -o comm=", "[nothing was changed on the machine]");
        assertThat(harness.exec(host, LEFT_BEHIND)).isBlank();
    }

    @Test
    void systemctlWithoutSystemdIsRefusedInValidationAndNoUnitIsWritten() {
        TestHost host = harness.host(1);
        harness.exec(host, "rm -f /usr/sbin/openrc-run && " + SYSTEMCTL_WITHOUT_SYSTEMD);
        String message = createFails("systemctl", host);
        assertThat(message).contains("phase 'validate host'", "systemctl is installed but systemd is not running",
                "/etc/systemd/system/k3s.service", "boot the machine with systemd as its init", "[nothing was changed on the machine]");
        assertThat(harness.exec(host, LEFT_BEHIND)).isBlank();
    }

    @Test
    void removingK3sFromAMachineWithSystemctlButNoSystemdLeavesNoUnitBehind() {
        TestHost host = harness.host(2);
        Map<String, Object> inputs = NodeInputsFixture.firstServer(harness, host, VERSION, assets);
        Struct state = provider.create(SERVER, "unit", provider.check(SERVER, "unit", Map.of(), inputs).getInputs()).getProperties();
        // systemctl arrives later (a package pulled it in), with a unit an earlier install wrote; systemd still does not run.
        harness.exec(host, SYSTEMCTL_WITHOUT_SYSTEMD + " && mkdir -p /etc/systemd/system && printf '[Service]\\nExecStart=/usr/local/bin/k3s"
                + " server\\n' > /etc/systemd/system/k3s.service && touch /etc/systemd/system/k3s.service.env");
        provider.delete(SERVER, "unit", "unit@" + host.address(), state);
        assertThat(harness.exec(host, LEFT_BEHIND + "; [ -e /etc/systemd/system/k3s.service.env ] && echo env; true")).isBlank();
    }
}
