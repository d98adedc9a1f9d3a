package io.codezero.stacks.console;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * The current context of a kubeconfig: the API server, the CA it is verified with, and the user's credentials —
 * client certificate, bearer token (or token file), or an exec credential plugin (EKS, GKE, AKS, OIDC logins).
 * Problems are {@link KubeconfigException}s that say which field is wrong; the content is never printed.
 */
public final class Kubeconfig {
    private final URI server;
    private final SSLContext ssl;
    private final Optional<String> token;

    private Kubeconfig(URI server, SSLContext ssl, Optional<String> token) {
        this.server = server;
        this.ssl = ssl;
        this.token = token;
    }

    /** A kubeconfig that cannot be used: which field is wrong, never its content. */
    public static final class KubeconfigException extends Exception {
        KubeconfigException(String message) {
            super(message);
        }
    }

    /** @return the API server's URL of the current context */
    public URI server() {
        return server;
    }

    SSLContext ssl() {
        return ssl;
    }

    Optional<String> token() {
        return token;
    }

    /**
     * Reads a kubeconfig's current context.
     *
     * @param yaml the kubeconfig's text
     * @param baseDir where relative certificate, key and token file paths are read from
     * @return the context's server, CA and credentials
     * @throws KubeconfigException when a field the context needs is missing or wrong
     */
    public static Kubeconfig parse(String yaml, Path baseDir) throws KubeconfigException {
        Map<String, Object> root;
        try {
            Object loaded = new Yaml().load(yaml);
            if (!(loaded instanceof Map<?, ?>)) {
                throw new KubeconfigException("the kubeconfig is not a YAML mapping");
            }
            root = cast(loaded);
        } catch (RuntimeException e) {
            throw new KubeconfigException("the kubeconfig is not valid YAML");
        }
        String contextName = string(root, "current-context");
        if (contextName == null) {
            throw new KubeconfigException("the kubeconfig has no current-context");
        }
        Map<String, Object> context = named(root, "contexts", contextName, "context");
        Map<String, Object> cluster = named(root, "clusters", string(context, "cluster"), "cluster");
        Map<String, Object> user = named(root, "users", string(context, "user"), "user");
        String server = string(cluster, "server");
        if (server == null || !server.startsWith("https://")) {
            throw new KubeconfigException("clusters[" + string(context, "cluster") + "].server must be an https:// URL");
        }
        try {
            Optional<List<X509Certificate>> ca = Optional.empty();
            if (string(cluster, "certificate-authority-data") != null) {
                ca = Optional.of(Pem.certificates(decoded(string(cluster, "certificate-authority-data"))));
            } else if (string(cluster, "certificate-authority") != null) {
                ca = Optional.of(Pem.certificates(read(baseDir, string(cluster, "certificate-authority"))));
            }
            String cert = string(user, "client-certificate-data") != null ? decoded(string(user, "client-certificate-data"))
                    : string(user, "client-certificate") != null ? read(baseDir, string(user, "client-certificate")) : null;
            String key = string(user, "client-key-data") != null ? decoded(string(user, "client-key-data"))
                    : string(user, "client-key") != null ? read(baseDir, string(user, "client-key")) : null;
            Optional<String> token = Optional.ofNullable(string(user, "token"));
            if (token.isEmpty() && string(user, "tokenFile") != null) {
                token = Optional.of(read(baseDir, string(user, "tokenFile")).trim());
            }
            if (user.get("exec") instanceof Map<?, ?> exec) {
                ExecCredential credential = ExecCredential.run(cast(exec), server);
                if (credential.token().isPresent()) {
                    token = credential.token();
                }
                if (credential.clientCertificate().isPresent()) {
                    cert = credential.clientCertificate().get();
                    key = credential.clientKey().orElse(null);
                }
            }
            if (token.isEmpty() && cert == null) {
                throw new KubeconfigException("users[" + string(context, "user") + "] has no credentials this command can use "
                        + "(client certificate, token, tokenFile or exec)");
            }
            return new Kubeconfig(URI.create(server.replaceAll("/$", "")), sslContext(ca, cert, key), token);
        } catch (GeneralSecurityException | IOException e) {
            throw new KubeconfigException("the kubeconfig's certificates or keys cannot be read: " + e.getMessage());
        }
    }

    private static SSLContext sslContext(Optional<List<X509Certificate>> ca, String cert, String key)
            throws GeneralSecurityException, IOException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (ca.isPresent()) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            int i = 0;
            for (X509Certificate c : ca.get()) {
                trusted.setCertificateEntry("ca-" + i++, c);
            }
            trust.init(trusted);
        } else {
            trust.init((KeyStore) null);
        }
        KeyManagerFactory keys = null;
        if (cert != null && key != null) {
            char[] password = new char[0];
            KeyStore own = KeyStore.getInstance("PKCS12");
            own.load(null, null);
            PrivateKey privateKey = Pem.privateKey(key);
            own.setKeyEntry("client", privateKey, password, Pem.certificates(cert).toArray(X509Certificate[]::new));
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(own, password);
        }
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
        return ssl;
    }

    private static Map<String, Object> named(Map<String, Object> root, String list, String name, String inner) throws KubeconfigException {
        if (root.get(list) instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> m && name != null && name.equals(m.get("name")) && m.get(inner) instanceof Map<?, ?> value) {
                    return cast(value);
                }
            }
        }
        throw new KubeconfigException("the kubeconfig has no " + list + " entry named " + name);
    }

    private static String decoded(String base64) {
        return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static String read(Path baseDir, String file) throws IOException {
        Path path = baseDir == null ? Path.of(file) : baseDir.resolve(file);
        return Files.readString(path);
    }

    static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }

    /** client.authentication.k8s.io ExecCredential: runs the plugin and reads its status. */
    record ExecCredential(Optional<String> token, Optional<String> clientCertificate, Optional<String> clientKey) {
        static ExecCredential run(Map<String, Object> exec, String server) throws IOException, KubeconfigException {
            String command = string(exec, "command");
            if (command == null) {
                throw new KubeconfigException("the user's exec entry has no command");
            }
            List<String> argv = new ArrayList<>(List.of(command));
            if (exec.get("args") instanceof List<?> args) {
                args.forEach(a -> argv.add(String.valueOf(a)));
            }
            ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT);
            if (exec.get("env") instanceof List<?> env) {
                for (Object e : env) {
                    if (e instanceof Map<?, ?> m) {
                        pb.environment().put(String.valueOf(m.get("name")), String.valueOf(m.get("value")));
                    }
                }
            }
            String apiVersion = string(exec, "apiVersion") != null ? string(exec, "apiVersion") : "client.authentication.k8s.io/v1";
            pb.environment().put("KUBERNETES_EXEC_INFO", "{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"ExecCredential\","
                    + "\"spec\":{\"interactive\":false}}");
            Process process;
            try {
                process = pb.start();
            } catch (IOException e) {
                throw new KubeconfigException("the kubeconfig's credential plugin " + command + " cannot be started: " + e.getMessage()
                        + (exec.get("installHint") != null ? " (" + exec.get("installHint") + ")" : ""));
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroy();
                    throw new KubeconfigException("the kubeconfig's credential plugin " + command + " failed");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KubeconfigException("interrupted while waiting for the credential plugin");
            }
            try {
                JsonObject status = JsonParser.parseString(out).getAsJsonObject().getAsJsonObject("status");
                return new ExecCredential(text(status, "token"), text(status, "clientCertificateData"), text(status, "clientKeyData"));
            } catch (RuntimeException e) {
                throw new KubeconfigException("the credential plugin " + command + " printed no ExecCredential status");
            }
        }

        private static Optional<String> text(JsonObject o, String key) {
            return o != null && o.has(key) && !o.get(key).isJsonNull() ? Optional.of(o.get(key).getAsString()) : Optional.empty();
        }
    }
}
