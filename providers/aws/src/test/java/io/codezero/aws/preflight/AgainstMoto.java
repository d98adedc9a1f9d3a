package io.codezero.aws.preflight;

import io.codezero.core.testing.TestPrerequisites;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class that talks to one real AWS API emulator (moto server) of its own, started before its first test and
 * stopped after its last. Without moto it fails under {@code CI=true} and skips elsewhere, naming how to install it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AgainstMoto {
    /** The emulator this class's tests call. */
    protected MotoServer moto;

    @BeforeAll
    void startMoto() throws Exception {
        TestPrerequisites.require(MotoServer.installed(),
                "moto_server (the AWS API emulator) is not on PATH; install it with: pip install 'moto[server]==5.2.5'");
        moto = MotoServer.start();
    }

    @AfterAll
    void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }
}
