package io.codezero.baremetal.provider;

import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.install.Progress;

/**
 * SSH harness machines and a provider served on loopback to drive them, started together and closed
 * together (the provider first, then the machines): what every provider harness test sets up once.
 */
final class MachinesWithProvider implements AutoCloseable {
    final SshHostHarness harness;
    final ProviderClient provider;

    private MachinesWithProvider(SshHostHarness harness, ProviderClient provider) {
        this.harness = harness;
        this.provider = provider;
    }

    /** {@code machines} fresh machines, and a provider whose progress messages also go to {@code tap}. */
    static MachinesWithProvider start(int machines, Progress tap) throws Exception {
        SshHostHarness harness = SshHostHarness.start(machines);
        try {
            return new MachinesWithProvider(harness, new ProviderClient(tap));
        } catch (Exception | Error e) {
            harness.close();
            throw e;
        }
    }

    /** Closes what was started; null (the start failed or was skipped) has nothing to close. */
    static void close(MachinesWithProvider started) {
        if (started != null) {
            started.close();
        }
    }

    @Override
    public void close() {
        try {
            provider.close();
        } finally {
            harness.close();
        }
    }
}
