package io.codezero.baremetal.harness;

import io.codezero.baremetal.ssh.Secret;
import io.codezero.baremetal.ssh.SshEndpoint;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An {@link SshHostHarness} for one test class: started before its tests (skipping them when the
 * harness cannot run here), removed after. Register it as
 * {@code @RegisterExtension static final SshHosts hosts = new SshHosts(3);}; the class's own
 * {@code @BeforeAll} methods run after it and its {@code @AfterAll} methods before it.
 */
public final class SshHosts implements BeforeAllCallback, AfterAllCallback {
    private final int count;
    private SshHostHarness harness;

    public SshHosts(int count) {
        this.count = count;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        harness = SshHostHarness.start(count);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (harness != null) {
            harness.close();
            harness = null;
        }
    }

    public SshHostHarness harness() {
        return harness;
    }

    public TestHost host(int index) {
        return harness.host(index);
    }

    /** Root login on the host with its pinned host key and the harness client key; callers add timeouts. */
    public SshEndpoint.Builder root(TestHost host) {
        return SshEndpoint.builder(host.address()).user("root").hostKey(host.hostKey())
                .privateKey(Secret.of(harness.clientPrivateKey()));
    }
}
