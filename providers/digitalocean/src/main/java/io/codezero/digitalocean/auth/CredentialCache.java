package io.codezero.digitalocean.auth;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.codezero.digitalocean.api.DoApi;
import io.codezero.digitalocean.api.DoApiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Short-lived DOKS credentials from {@code GET /v2/kubernetes/clusters/{id}/credentials?expiry_seconds=N},
 * kept in one file per cluster (mode 0600, under {@code ~/.cache/codezero/doks}) and reused until
 * {@link #RENEW_BEFORE} before they expire, so kubectl and the Pulumi provider do not call the API
 * for every command, and no credential lives longer than asked for.
 */
public final class CredentialCache {
    public static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
    private static final Pattern CLUSTER_ID = Pattern.compile("[0-9a-fA-F-]{1,64}");

    private final DoApi api;
    private final Path directory;
    private final Clock clock;

    public CredentialCache(DoApi api, Path directory, Clock clock) {
        this.api = api;
        this.directory = directory;
        this.clock = clock;
    }

    public static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("codezero").resolve("doks");
    }

    /** Cached credentials if still good for at least {@link #RENEW_BEFORE}, else fresh ones from the API. */
    public ClusterCredentials get(String clusterId, int expirySeconds) {
        if (!CLUSTER_ID.matcher(clusterId).matches()) {
            throw new IllegalArgumentException("'" + clusterId + "' is not a DOKS cluster id (a UUID)");
        }
        Path file = directory.resolve(clusterId + "-" + Integer.toHexString(api.base().toString().hashCode()) + ".json");
        ClusterCredentials cached = read(file);
        if (cached != null && clock.instant().isBefore(renewAt(cached))) {
            return cached;
        }
        ClusterCredentials fresh = fetch(clusterId, expirySeconds);
        write(file, fresh);
        return fresh;
    }

    /** When a client should ask again: shortly before the credentials expire. */
    public static Instant renewAt(ClusterCredentials credentials) {
        return credentials.expiresAt().minus(RENEW_BEFORE);
    }

    private ClusterCredentials fetch(String clusterId, int expirySeconds) {
        JsonObject body = api.get("/v2/kubernetes/clusters/" + clusterId + "/credentials?expiry_seconds=" + expirySeconds);
        if (!body.has("token") || body.get("token").isJsonNull()) {
            throw new DoApiException(200, null, "cluster " + clusterId
                    + " answered certificate credentials instead of a token: it predates token authentication; upgrade the cluster");
        }
        Instant expires;
        try {
            expires = Instant.parse(body.get("expires_at").getAsString());
        } catch (RuntimeException e) {
            throw new DoApiException(200, null, "the credentials of cluster " + clusterId + " carry no readable expires_at");
        }
        return new ClusterCredentials(body.get("token").getAsString(), expires);
    }

    private static ClusterCredentials read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            return new ClusterCredentials(json.get("token").getAsString(), Instant.parse(json.get("expiresAt").getAsString()));
        } catch (IOException | RuntimeException unreadable) {
            // a damaged cache is just a miss
            return null;
        }
    }

    /** Written to a private temporary file and moved into place, so no reader sees half a file or a wider mode. */
    private static void write(Path file, ClusterCredentials credentials) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("token", credentials.token());
        json.put("expiresAt", credentials.expiresAt().toString());
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(file.getParent()) && posix) {
                Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".credentials", ".tmp");
            if (posix) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, new Gson().toJson(json), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // not cached: the next call asks the API again, which is correct, only slower
        }
    }
}
