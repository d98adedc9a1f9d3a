package io.codezero.baremetal.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The project's stand-in k3s (src/test/resources/standin), written out as airgap assets for one
 * version: what a user would download from the k3s release page, as far as the installer can tell.
 */
public final class StandinK3s {
    private StandinK3s() {
    }

    public record Assets(Path binary, Path installScript) {
    }

    public static Assets write(Path dir, String version) {
        try {
            Path versionDir = Files.createDirectories(dir.resolve(version.replace('+', '_')));
            Path binary = versionDir.resolve("k3s");
            Path script = versionDir.resolve("install.sh");
            Files.writeString(binary, resource("standin/k3s").replace("__K3S_VERSION__", version));
            Files.writeString(script, resource("standin/install.sh"));
            Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return new Assets(binary, script);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StandinK3s.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
