package io.codezero.baremetal.ssh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/**
 * Host keys in the forms users copy from {@code ssh-keyscan} or {@code ssh-keygen -lf}: OpenSSH public
 * key text ({@code ssh-ed25519 AAAA...}, optionally with a leading host field or a trailing comment,
 * one per line) or a {@code SHA256:} fingerprint.
 */
public final class HostKeys {
    private HostKeys() {
    }

    /** "ssh-ed25519 AAAA...": the form stored in state after trust-on-first-use. */
    public static String openSsh(PublicKey key) {
        return KeyType.fromKey(key) + " " + Base64.getEncoder().encodeToString(blob(key));
    }

    public static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob(key));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True if any pinned entry names this key. */
    public static boolean matches(String pinned, PublicKey key) {
        String type = KeyType.fromKey(key).toString();
        String base64 = Base64.getEncoder().encodeToString(blob(key));
        String fingerprint = fingerprint(key);
        for (Entry entry : parse(pinned)) {
            if (entry.fingerprint() != null ? entry.fingerprint().equals(fingerprint)
                    : entry.type().equals(type) && entry.base64().equals(base64)) {
                return true;
            }
        }
        return false;
    }

    /** Null if the text is a usable pin, else why not. */
    public static String problem(String pinned) {
        if (pinned == null || pinned.isBlank()) {
            return "is empty";
        }
        if (parse(pinned).isEmpty()) {
            return "is neither an OpenSSH public key (\"ssh-ed25519 AAAA...\", as printed by ssh-keyscan) nor a SHA256: fingerprint";
        }
        for (Entry entry : parse(pinned)) {
            if (entry.fingerprint() != null && !entry.fingerprint().matches("SHA256:[A-Za-z0-9+/]{43}=?")) {
                return "is not a SHA256 fingerprint: SHA256: followed by 43 base64 characters, as ssh-keygen -lf prints it";
            }
        }
        return null;
    }

    /** Key types named by the pin, so the client offers them first during key exchange. */
    public static List<String> types(String pinned) {
        return parse(pinned).stream().filter(e -> e.type() != null).map(Entry::type).distinct().toList();
    }

    record Entry(String type, String base64, String fingerprint) {
    }

    static List<Entry> parse(String pinned) {
        List<Entry> entries = new ArrayList<>();
        if (pinned == null) {
            return entries;
        }
        for (String line : pinned.split("[\\r\\n]+")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("SHA256:")) {
                entries.add(new Entry(null, null, trimmed.split("\\s+")[0]));
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            for (int i = 0; i + 1 < parts.length; i++) {
                if (looksLikeKeyType(parts[i]) && isBase64(parts[i + 1])) {
                    entries.add(new Entry(parts[i], parts[i + 1], null));
                    break;
                }
            }
        }
        return entries;
    }

    private static boolean looksLikeKeyType(String s) {
        return s.startsWith("ssh-") || s.startsWith("ecdsa-sha2-") || s.startsWith("sk-");
    }

    private static boolean isBase64(String s) {
        try {
            return Base64.getDecoder().decode(s.getBytes(StandardCharsets.US_ASCII)).length > 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }
}
