package io.codezero.baremetal.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;

class HostKeysTest {
    @Test
    void acceptsKeyscanLinesKeysAndFingerprintsAndRejectsOthers() throws Exception {
        PublicKey key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        PublicKey other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        String openSsh = HostKeys.openSsh(key);
        assertThat(openSsh).startsWith("ssh-ed25519 AAAA");
        assertThat(HostKeys.matches(openSsh, key)).isTrue();
        assertThat(HostKeys.matches("10.0.0.1 " + openSsh + " root@box", key)).isTrue();
        assertThat(HostKeys.matches(HostKeys.fingerprint(key), key)).isTrue();
        assertThat(HostKeys.matches(HostKeys.openSsh(other) + "\n" + openSsh, key)).isTrue();
        assertThat(HostKeys.matches(openSsh, other)).isFalse();
        assertThat(HostKeys.problem("hello")).contains("ssh-keyscan");
        assertThat(HostKeys.problem(openSsh)).isNull();
    }

    @Test
    void secretsNeverPrint() {
        assertThat(Secret.of("hunter2").toString()).isEqualTo("[secret]");
        assertThat(SshEndpoint.builder("h").password(Secret.of("hunter2")).build().toString()).doesNotContain("hunter2");
    }
}
