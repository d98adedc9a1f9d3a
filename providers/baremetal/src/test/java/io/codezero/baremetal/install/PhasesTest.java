package io.codezero.baremetal.install;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhasesTest {
    @Test
    void kubeconfigPointsAtTheMachineNotAtLoopback() {
        String k3s = "clusters:\n- cluster:\n    server: https://127.0.0.1:6443\n";
        assertThat(Phases.rewriteServer(k3s, "10.0.0.10")).contains("server: https://10.0.0.10:6443").doesNotContain("127.0.0.1");
        assertThat(Phases.rewriteServer(k3s, "fd00::10")).contains("server: https://[fd00::10]:6443");
    }

    @Test
    void factsParseIncludingSkewPortsAndInstalledState() {
        HostFacts f = HostFacts.parse("hostname=h1\nos=debian 12\nkernel=Linux 6.1\narch=x86_64\nmemKb=2048000\nswapKb=0\n"
                + "time=1000\ninit=none\nports=22,6443,\nk3sVersion=v1.34.1+k3s1\nrunning=true\nrole=server\nconfigHash=abc\n", 990);
        assertThat(f.clockSkewSeconds()).isEqualTo(10);
        assertThat(f.listeningPorts()).containsExactly(22, 6443);
        assertThat(f.installed()).isTrue();
        assertThat(f.installedRole()).isEqualTo(NodeRole.SERVER);
        assertThat(f.memoryMb()).isEqualTo(2000);
    }
}
