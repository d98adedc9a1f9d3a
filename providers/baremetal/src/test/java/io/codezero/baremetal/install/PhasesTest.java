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
                + "time=1000\ninit=none\nlistenHex=0016,192B,\nk3sVersion=v1.34.1+k3s1\nrunning=true\nrole=server\nconfigHash=abc\n", 990);
        assertThat(f.clockSkewSeconds()).isEqualTo(10L);
        assertThat(f.listeningPorts()).containsExactly(22, 6443);
        assertThat(f.installed()).isTrue();
        assertThat(f.installedRole()).isEqualTo(NodeRole.SERVER);
        assertThat(f.memoryMb()).isEqualTo(2000);
    }

    @Test
    void aClockThatPrintsNothingOrGarbageIsUnknownNotZeroSkew() {
        assertThat(HostFacts.parse("hostname=h1\ntime=\n", 990).clockSkewSeconds()).isNull();
        assertThat(HostFacts.parse("hostname=h1\ntime=Mon Nov 30\n", 990).clockSkewSeconds()).isNull();
        assertThat(HostFacts.parse("hostname=h1\n", 990).clockReading()).isEmpty();
    }

    @Test
    void airgapArchitectureComesFromTheElfHeaderAndTheImagesName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path arm = dir.resolve("k3s-arm64");
        byte[] header = new byte[64];
        header[0] = 0x7f; header[1] = 'E'; header[2] = 'L'; header[3] = 'F'; header[4] = 2; header[5] = 1; header[18] = (byte) 0xB7;
        java.nio.file.Files.write(arm, header);
        java.nio.file.Path script = dir.resolve("k3s");
        java.nio.file.Files.writeString(script, "#!/bin/sh\n");
        Airgap armAssets = new Airgap(arm, script, dir.resolve("k3s-airgap-images-arm64.tar.zst"));
        assertThat(AirgapArchitecture.elfArchitecture(armAssets)).isEqualTo("aarch64");
        assertThat(AirgapArchitecture.mismatches(armAssets, "aarch64")).isEmpty();
        assertThat(AirgapArchitecture.mismatches(armAssets, "x86_64")).hasSize(2).allMatch(p -> p.contains("the machine is x86_64"));
        // A script or a renamed tarball says nothing about its architecture: not judged.
        Airgap unknown = new Airgap(script, script, dir.resolve("images.tar"));
        assertThat(AirgapArchitecture.mismatches(unknown, "x86_64")).isEmpty();
    }
}
