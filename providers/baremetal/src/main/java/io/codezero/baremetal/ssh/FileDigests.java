package io.codezero.baremetal.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of local files, computed once per file version per process: every machine of a wave gets the
 * same airgap k3s binary (about 70 MB), which would otherwise be hashed again for each of them. A file
 * whose size or modification time changed is hashed anew; the machine checks the bytes it received
 * against the digest in any case, so a stale one could only refuse an upload, never accept a wrong file.
 */
final class FileDigests {
    private record Version(Path path, long size, long modified) {
    }

    private static final Map<Version, String> DIGESTS = new ConcurrentHashMap<>();

    private FileDigests() {
    }

    static String sha256(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        Version version = new Version(file.toAbsolutePath().normalize(), a.size(), a.lastModifiedTime().toMillis());
        String known = DIGESTS.get(version);
        if (known != null) {
            return known;
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] chunk = new byte[1 << 16];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                digest.update(chunk, 0, n);
            }
            String sum = HexFormat.of().formatHex(digest.digest());
            DIGESTS.put(version, sum);
            return sum;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
