package io.codezero.baremetal.ssh;

import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Accepts only the pinned host key; with trust-on-first-use and no pin, accepts the first key seen.
 * Either way it remembers the key the server showed, so the caller can record it (and pin it from
 * then on) or quote it in the error.
 */
final class PinnedHostKeyVerifier implements HostKeyVerifier {
    private final String pinned;
    private final boolean trustOnFirstUse;
    private volatile PublicKey presented;

    PinnedHostKeyVerifier(String pinned, boolean trustOnFirstUse) {
        this.pinned = pinned;
        this.trustOnFirstUse = trustOnFirstUse;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        presented = key;
        if (pinned != null) {
            return HostKeys.matches(pinned, key);
        }
        return trustOnFirstUse;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return pinned == null ? List.of() : HostKeys.types(pinned);
    }

    PublicKey presented() {
        return presented;
    }
}
