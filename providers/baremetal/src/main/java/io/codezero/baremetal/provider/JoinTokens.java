package io.codezero.baremetal.provider;

import io.codezero.baremetal.install.SharedSessions;
import io.codezero.baremetal.ssh.CommandResult;
import io.codezero.baremetal.ssh.SshEndpoint;
import io.codezero.baremetal.ssh.SshFailure;
import io.grpc.Status;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider's side of {@code codezero:baremetal:JoinToken}: a cluster's join token, settled once
 * when the resource is created and never changed after (Diff always answers "no change"), so the same
 * program twice changes nothing and no machine restarts for it.
 *
 * <p>Created, it reads the first server once: where CodeZero already installed the first server (its
 * config hash is there), the cluster keeps the token k3s has, so a stack made before join tokens were
 * chosen up front rotates nothing when CodeZero is upgraded; otherwise it draws 256 random bits.
 */
final class JoinTokens {
    /** Prints the token of a k3s server CodeZero installed, or nothing. */
    static final String READ_EXISTING = "if [ -s /var/lib/codezero/k3s-config.sha256 ] && [ -s /var/lib/rancher/k3s/server/token ];"
            + " then head -n 1 /var/lib/rancher/k3s/server/token; fi";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SharedSessions sessions;

    JoinTokens(SharedSessions sessions) {
        this.sessions = sessions;
    }

    /** The input failures of a JoinToken's inputs (only {@code firstServer}, a connection). */
    static List<InputReader.Failure> check(Map<String, Object> news) {
        InputReader in = InputReader.of(castMap(PropertyValues.reveal(news)));
        in.ignore("value", "adopted");
        NodeInputs.endpoint(in, "firstServer", true, null);
        in.rejectUnknownKeys();
        return in.failures();
    }

    /** The state after Create: the inputs, {@code value} (a secret) and whether it was the cluster's own token. */
    Map<String, Object> create(Map<String, Object> inputs, String urn) {
        InputReader in = InputReader.of(castMap(PropertyValues.reveal(inputs)));
        SshEndpoint first = NodeInputs.endpoint(in, "firstServer", true, null);
        in.rejectUnknownKeys();
        if (first == null || !in.failures().isEmpty()) {
            List<String> problems = in.failures().stream().map(f -> f.property() + ": " + f.reason()).toList();
            throw Status.INVALID_ARGUMENT.withDescription("invalid inputs for " + urn + ": "
                    + (problems.isEmpty() ? "values are not known yet" : String.join("; ", problems))).asRuntimeException();
        }
        String existing;
        try (SharedSessions.Lease lease = sessions.acquire(first)) {
            CommandResult r = lease.session().sudo(READ_EXISTING);
            if (!r.ok()) {
                throw new IllegalStateException("`" + READ_EXISTING + "` failed: " + r.tail());
            }
            existing = r.stdout().trim();
        } catch (SshFailure | IllegalStateException e) {
            throw Status.UNAVAILABLE.withDescription("host " + first.describe() + ", phase 'choose the join token': " + e.getMessage()
                    + " (the join token is read from the first server once, so that a cluster CodeZero already runs keeps its token;"
                    + " fix the connection and run `pulumi up` again) [nothing was changed on the machine]").asRuntimeException();
        }
        Map<String, Object> state = new LinkedHashMap<>(BareMetalProvider.markSecrets(inputs));
        boolean adopted = !existing.isEmpty();
        state.put("value", PropertyValues.secret(adopted ? existing : generate()));
        state.put("adopted", adopted);
        return state;
    }

    /** 256 random bits as 64 hex digits (k3s takes any string; this one needs no quoting anywhere). */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The id of a JoinToken: which cluster's first server it belongs to, never the token. */
    static String id(Map<String, Object> inputs) {
        Object first = PropertyValues.reveal(inputs.get("firstServer"));
        Object host = first instanceof Map<?, ?> m ? m.get("host") : null;
        return "join-token@" + host;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
