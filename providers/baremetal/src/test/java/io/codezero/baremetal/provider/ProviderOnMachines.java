package io.codezero.baremetal.provider;

import io.codezero.baremetal.harness.SshHostHarness;
import io.codezero.baremetal.harness.StandinK3s;
import io.codezero.baremetal.install.Progress;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every provider harness test sets up once per class: fresh SSH machines, the provider served on
 * loopback to drive them, and the stand-in k3s assets; closed after the class's last test. A test class
 * calls {@link #startMachines} from its own {@code @BeforeAll} (test classes run one after another in
 * one JVM, so the fields belong to the class that is running).
 */
abstract class ProviderOnMachines {
    static MachinesWithProvider machines;
    static SshHostHarness harness;
    static ProviderClient provider;
    @TempDir
    static Path assetsDir;
    static StandinK3s.Assets assets;

    /**
     * @param count   how many machines
     * @param tap     also receives the provider's progress messages
     * @param version the stand-in k3s version to write as airgap assets, or null when the class writes its own
     */
    static void startMachines(int count, Progress tap, String version) throws Exception {
        assets = version == null ? null : StandinK3s.write(assetsDir, version);
        machines = MachinesWithProvider.start(count, tap);
        harness = machines.harness;
        provider = machines.provider;
    }

    @AfterAll
    static void stopMachines() {
        MachinesWithProvider.close(machines);
        machines = null;
        harness = null;
        provider = null;
    }
}
