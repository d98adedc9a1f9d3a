package io.codezero.baremetal;

import com.pulumi.core.Output;
import io.codezero.baremetal.install.NodeRole;
import io.codezero.core.config.ConfigObject;
import io.codezero.core.validation.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code codezero:baremetal} from stack config. Credentials are never in this section: a host
 * names a secret config key ({@code credentials: sshKey} reads {@code codezero:sshKey}) or a key
 * file on the machine running Pulumi ({@code privateKeyFile}). Every problem is collected.
 *
 * <pre>
 * codezero:baremetal:
 *   k3sVersion: v1.34.1+k3s1          # optional: default pinned for cluster.kubernetesVersion
 *   user: root                        # defaults for every host
 *   credentials: sshKey               # secret config key with a private key (pulumi config set --secret sshKey ...)
 *   privateKeyFile: ~/.ssh/id_ed25519 # or a key file
 *   trustOnFirstUse: false
 *   apiAddress: 10.0.0.10             # optional VIP / DNS name for the API
 *   airgap: {k3sBinary: ./k3s, installScript: ./install.sh, images: ./k3s-airgap-images-amd64.tar.zst}
 *   jumpHost: {address, port, user, hostKey, credentials | privateKeyFile}
 *   loadBalancer: {type: serviceLB}   # or {type: metallb, addresses: [...], internalAddresses: [...]}
 *   extraServerArgs: ["--disable=traefik"]
 *   maxUnavailableAgents: 1           # agents drained and restarted at once during an upgrade
 *   hosts:
 *     - {address: 10.0.0.10, role: server, hostKey: "ssh-ed25519 AAAA...", name: cp-1}
 *     - {address: 10.0.0.20, role: agent, hostKey: "...", pool: workers, user: deploy,
 *        passwordCredentials: deployPassword, sudoPasswordCredentials: deployPassword}
 * </pre>
 */
public final class BareMetalConfig {
    /** Looks up a secret config value by key (without namespace), e.g. {@code ctx.config("codezero")::get}. */
    @FunctionalInterface
    public interface SecretLookup {
        /**
         * @param key the config key without its {@code codezero:} namespace, e.g. {@code deployPassword}
         * @return the secret's value, or empty if the key is not set
         */
        Optional<String> get(String key);
    }

    private BareMetalConfig() {
    }

    static BareMetalTarget read(ConfigObject s, SecretLookup secrets) {
        BareMetalTargetArgs.Builder b = BareMetalTargetArgs.builder();
        b.k3sVersion(s.string("k3sVersion", null));
        String user = s.string("user", "root");
        String credentials = s.string("credentials", null);
        String keyFile = s.string("privateKeyFile", null);
        bothCredentials(s, credentials, keyFile);
        boolean tofu = s.bool("trustOnFirstUse", false);
        b.apiAddress(s.string("apiAddress", null));
        if (s.has("airgap")) {
            ConfigObject a = s.object("airgap");
            String binary = a.string("k3sBinary", null);
            String script = a.string("installScript", null);
            b.airgap(binary == null ? null : Path.of(expand(binary)), script == null ? null : Path.of(expand(script)));
            String images = a.string("images", null);
            b.airgapImages(images == null ? null : Path.of(expand(images)));
            if (binary == null && script == null && images == null) {
                a.problems().add(Problem.of(a.path(), "{}", "names no file; give k3sBinary and installScript (and images) from the "
                        + "k3s release page, or remove airgap to install from the internet"));
            }
            a.rejectUnknownKeys();
        }
        if (s.has("jumpHost")) {
            ConfigObject j = s.object("jumpHost");
            for (String clusterOnly : List.of("role", "pool", "name")) {
                if (j.has(clusterOnly)) {
                    j.problems().add(Problem.of(j.path() + "." + clusterOnly, "<set>", "applies to cluster machines only; the jump host "
                            + "only relays SSH and joins no cluster: remove " + clusterOnly));
                }
            }
            b.jumpHost(host(j, NodeRole.SERVER, user, credentials, keyFile, tofu, secrets));
        }
        if (s.has("loadBalancer")) {
            ConfigObject lb = s.object("loadBalancer");
            String type = lb.string("type", "serviceLB");
            if (type.equalsIgnoreCase("metallb")) {
                b.loadBalancer(BareMetalLoadBalancer.metalLb(lb.strings("addresses"), lb.strings("internalAddresses")));
            } else if (!type.equalsIgnoreCase("serviceLB")) {
                s.problems().add(Problem.of(lb.path() + ".type", type, "must be serviceLB (k3s built-in, the default) or metallb"));
            } else {
                for (String metalLbOnly : List.of("addresses", "internalAddresses")) {
                    if (lb.has(metalLbOnly)) {
                        lb.problems().add(Problem.of(lb.path() + "." + metalLbOnly, lb.strings(metalLbOnly), "is read only with type: metallb; "
                                + "k3s' ServiceLB uses the machines' own addresses: set type: metallb, or remove " + metalLbOnly));
                    }
                }
            }
            lb.rejectUnknownKeys();
        }
        b.extraServerArgs(s.distinctStrings("extraServerArgs"));
        if (s.has("maxUnavailableAgents")) {
            b.maxUnavailableAgents(s.integer("maxUnavailableAgents", 1));
        }
        for (ConfigObject h : s.objects("hosts")) {
            String role = h.string("role", "agent");
            NodeRole nodeRole = switch (role.toLowerCase()) {
                case "server" -> NodeRole.SERVER;
                case "agent" -> NodeRole.AGENT;
                default -> {
                    s.problems().add(Problem.of(h.path() + ".role", role, "must be server or agent"));
                    yield NodeRole.AGENT;
                }
            };
            b.host(host(h, nodeRole, user, credentials, keyFile, tofu, secrets));
        }
        s.rejectUnknownKeys();
        return new BareMetalTarget(b.build());
    }

    private static BareMetalHost host(ConfigObject h, NodeRole role, String defaultUser, String defaultCredentials,
            String defaultKeyFile, boolean defaultTofu, SecretLookup secrets) {
        String address = h.string("address", null);
        int port = h.integer("port", 22);
        String user = h.string("user", defaultUser);
        String hostKey = h.string("hostKey", null);
        boolean tofu = h.bool("trustOnFirstUse", defaultTofu);
        String credentials = h.string("credentials", null);
        String keyFile = h.string("privateKeyFile", null);
        bothCredentials(h, credentials, keyFile);
        if (credentials == null && keyFile == null) {
            credentials = defaultCredentials;
            keyFile = defaultKeyFile;
        }
        Output<String> privateKey = null;
        if (credentials != null) {
            privateKey = secret(h, "credentials", credentials, secrets);
        } else if (keyFile != null) {
            privateKey = keyFile(h, keyFile);
        }
        Output<String> password = optionalSecret(h, "passwordCredentials", secrets);
        Output<String> sudo = optionalSecret(h, "sudoPasswordCredentials", secrets);
        String name = h.string("name", null);
        String pool = h.string("pool", null);
        h.has("role");
        h.rejectUnknownKeys();
        return new BareMetalHost(name, address, port, user, role, hostKey, tofu, privateKey, password, sudo, pool, h.path());
    }

    /** One private key per level: with both, one would be silently ignored. */
    private static void bothCredentials(ConfigObject o, String credentials, String keyFile) {
        if (credentials != null && keyFile != null) {
            o.problems().add(Problem.of(o.path() + ".privateKeyFile", keyFile, "is given with credentials (" + credentials
                    + "); give one private key: credentials (a secret config key) or privateKeyFile"));
        }
    }

    /** The secret named by {@code field}, or null when the field is not given. */
    private static Output<String> optionalSecret(ConfigObject h, String field, SecretLookup secrets) {
        String key = h.string(field, null);
        return key == null ? null : secret(h, field, key, secrets);
    }

    private static Output<String> secret(ConfigObject h, String field, String key, SecretLookup secrets) {
        Optional<String> value = secrets.get(key);
        if (value.isEmpty() || value.get().isBlank()) {
            h.problems().add(Problem.of(h.path() + "." + field, key, "names the config key codezero:" + key
                    + ", which is not set; set it as a secret: pulumi config set --secret codezero:" + key + " -- \"$(cat ~/.ssh/id_ed25519)\""));
            return null;
        }
        if (field.equals("credentials") && isPublicKey(value.get())) {
            h.problems().add(Problem.of(h.path() + "." + field, key, "the config key codezero:" + key + " holds a public key; it must hold"
                    + " the private key (the file without .pub): pulumi config set --secret codezero:" + key + " -- \"$(cat ~/.ssh/id_ed25519)\""));
            return null;
        }
        return Output.ofSecret(value.get());
    }

    private static Output<String> keyFile(ConfigObject h, String file) {
        Path path = Path.of(expand(file));
        try {
            String key = Files.readString(path);
            if (isPublicKey(key)) {
                h.problems().add(Problem.of(h.path() + ".privateKeyFile", file, "is a public key; give the private key file"
                        + (file.endsWith(".pub") ? " (" + file.substring(0, file.length() - 4) + ")" : " (the one without .pub)")));
                return null;
            }
            if (!key.contains("PRIVATE KEY-----")) {
                h.problems().add(Problem.of(h.path() + ".privateKeyFile", file, "is not a private key file (no -----BEGIN ... PRIVATE "
                        + "KEY----- block); give an OpenSSH or PEM private key such as ~/.ssh/id_ed25519"));
                return null;
            }
            return Output.ofSecret(key);
        } catch (IOException | RuntimeException e) {
            h.problems().add(Problem.of(h.path() + ".privateKeyFile", file, "cannot be read on this machine (" + e.getClass().getSimpleName() + ")"));
            return null;
        }
    }

    /** Public key text (an authorized_keys line or a PEM public key) given where a private key belongs. */
    static boolean isPublicKey(String text) {
        String t = text.strip();
        return !t.contains("PRIVATE KEY") && (t.matches("(?s)(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp\\d+|sk-\\S+)\\s+AAAA.*")
                || t.contains("BEGIN PUBLIC KEY") || t.contains("BEGIN SSH2 PUBLIC KEY") || t.contains("BEGIN RSA PUBLIC KEY"));
    }

    private static String expand(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }
}
