package io.codezero.baremetal.ssh;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What can be told about a private key's text without decrypting it. */
final class PrivateKeys {
    private static final String OPENSSH_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private PrivateKeys() {
    }

    /**
     * Whether the key is encrypted with a passphrase: a PEM key says so in its headers
     * ({@code Proc-Type: 4,ENCRYPTED} or {@code ENCRYPTED PRIVATE KEY}); an OpenSSH key names its cipher
     * right after the magic ({@code none} when not encrypted).
     */
    static boolean isEncrypted(String key) {
        if (key == null) {
            return false;
        }
        if (key.contains("ENCRYPTED")) {
            return true;
        }
        int begin = key.indexOf(OPENSSH_BEGIN);
        int end = key.indexOf("-----END", begin + 1);
        if (begin < 0 || end < 0) {
            return false;
        }
        try {
            byte[] body = Base64.getMimeDecoder().decode(key.substring(begin + OPENSSH_BEGIN.length(), end));
            ByteBuffer b = ByteBuffer.wrap(body);
            for (byte m : OPENSSH_MAGIC) {
                if (b.get() != m) {
                    return false;
                }
            }
            byte[] cipher = new byte[b.getInt()];
            b.get(cipher);
            return !new String(cipher, StandardCharsets.US_ASCII).equals("none");
        } catch (RuntimeException e) {
            return false;
        }
    }
}
