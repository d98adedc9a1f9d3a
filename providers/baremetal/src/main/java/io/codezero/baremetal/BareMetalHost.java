package io.codezero.baremetal;

import com.pulumi.core.Output;
import io.codezero.baremetal.install.NodeRole;
import java.util.Objects;

/**
 * One machine of a bare-metal cluster, as the program declares it. Credentials are Pulumi secrets
 * resolved when the host is read from config (a secret config key, or a key file).
 *
 * @param name      the Kubernetes node name (and the resource name); null means derived from the address
 * @param hostKey   pinned host key (ssh-keyscan output or SHA256 fingerprint); null only with trustOnFirstUse
 * @param pool      the cluster spec node pool whose labels and taints this machine gets; may be null
 * @param source    where the host was declared, e.g. {@code codezero:baremetal.hosts[2]}, for messages
 */
public record BareMetalHost(
        String name,
        String address,
        int port,
        String user,
        NodeRole role,
        String hostKey,
        boolean trustOnFirstUse,
        Output<String> privateKey,
        Output<String> password,
        Output<String> sudoPassword,
        String pool,
        String source) {

    /**
     * Marks the credentials secret; nothing else is defaulted or checked here.
     * @param name the Kubernetes node name, or {@code null} for the machine's hostname
     * @param address the machine's IP address or DNS name
     * @param port the SSH port (1 to 65535)
     * @param user the login user: root or a user with sudo
     * @param role server (control plane) or agent
     * @param hostKey the pinned host key, or {@code null} only with {@code trustOnFirstUse}
     * @param trustOnFirstUse whether the first host key seen is accepted and pinned
     * @param privateKey the SSH private key, or {@code null}
     * @param password the login password, or {@code null}
     * @param sudoPassword the sudo password of a non-root user, or {@code null}
     * @param pool the spec node pool whose labels and taints it gets, or {@code null}
     * @param source where it was declared, for messages
     */
    public BareMetalHost {
        // Nothing is defaulted here: a missing user or port 0 is reported by BareMetalTarget.validate, never rewritten.
        Objects.requireNonNull(role, "role");
        privateKey = privateKey == null ? null : privateKey.asSecret();
        password = password == null ? null : password.asSecret();
        sudoPassword = sudoPassword == null ? null : sudoPassword.asSecret();
    }

    /**
     * A server reached as root on port 22; add the pinned key and credentials with the {@code with...}
     * methods, e.g. {@code BareMetalHost.server("10.0.0.10").withHostKey(key).withPrivateKey(sshKey)}.
     * @param address the machine's IP address or DNS name
     * @return a server with no host key and no credentials yet
     */
    public static BareMetalHost server(String address) {
        return new BareMetalHost(null, address, 22, "root", NodeRole.SERVER, null, false, null, null, null, null, address);
    }

    /**
     * An agent reached as root on port 22; see {@link #server(String)}.
     * @param address the machine's IP address or DNS name
     * @return an agent with no host key and no credentials yet
     */
    public static BareMetalHost agent(String address) {
        return new BareMetalHost(null, address, 22, "root", NodeRole.AGENT, null, false, null, null, null, null, address);
    }

    /**
     * The login user: root, or a user with sudo (give {@link #withSudoPassword} unless sudo needs no password).
     * @param login the user name
     * @return a copy with that user
     */
    public BareMetalHost withUser(String login) {
        return new BareMetalHost(name, address, port, login, role, hostKey, trustOnFirstUse, privateKey, password, sudoPassword, pool, source);
    }

    /**
     * The SSH port, when sshd does not listen on 22.
     * @param sshPort 1 to 65535
     * @return a copy with that port
     */
    public BareMetalHost withPort(int sshPort) {
        return new BareMetalHost(name, address, sshPort, user, role, hostKey, trustOnFirstUse, privateKey, password, sudoPassword, pool, source);
    }

    /**
     * The pinned host key: a line of {@code ssh-keyscan -t ed25519 <address>}, a known_hosts line or a {@code SHA256:} fingerprint.
     * @param pinnedKey the key or fingerprint
     * @return a copy with that host key
     */
    public BareMetalHost withHostKey(String pinnedKey) {
        return new BareMetalHost(name, address, port, user, role, pinnedKey, trustOnFirstUse, privateKey, password, sudoPassword, pool, source);
    }

    /**
     * Accepts the first host key seen and pins it from then on (not recommended; prefer {@link #withHostKey}).
     * @return a copy that trusts the first key seen
     */
    public BareMetalHost trustingOnFirstUse() {
        return new BareMetalHost(name, address, port, user, role, hostKey, true, privateKey, password, sudoPassword, pool, source);
    }

    /**
     * The private key (OpenSSH or PEM), e.g. {@code ctx.config().requireSecret("sshKey")}; kept a secret.
     * @param key the key's text, not a path
     * @return a copy with that key
     */
    public BareMetalHost withPrivateKey(Output<String> key) {
        return new BareMetalHost(name, address, port, user, role, hostKey, trustOnFirstUse, key, password, sudoPassword, pool, source);
    }

    /**
     * A login password instead of (or besides) a key; kept a secret.
     * @param loginPassword the user's password
     * @return a copy with that password
     */
    public BareMetalHost withPassword(Output<String> loginPassword) {
        return new BareMetalHost(name, address, port, user, role, hostKey, trustOnFirstUse, privateKey, loginPassword, sudoPassword, pool, source);
    }

    /**
     * The sudo password of a non-root user (sent on stdin); kept a secret.
     * @param sudo the password sudo asks for
     * @return a copy with that sudo password
     */
    public BareMetalHost withSudoPassword(Output<String> sudo) {
        return new BareMetalHost(name, address, port, user, role, hostKey, trustOnFirstUse, privateKey, password, sudo, pool, source);
    }

    /** Whether this host was read from {@code codezero:baremetal} (its messages then name config keys). */
    boolean fromConfig() {
        return source != null && source.startsWith(BareMetalTarget.SECTION + ".");
    }

    /**
     * A server reached as root on port 22 with a pinned key and a private key.
     * @param address the machine's IP address or DNS name
     * @param hostKey the pinned host key or fingerprint
     * @param privateKey the SSH private key's text
     * @return the server
     */
    public static BareMetalHost server(String address, String hostKey, Output<String> privateKey) {
        return new BareMetalHost(null, address, 22, "root", NodeRole.SERVER, hostKey, false, privateKey, null, null, null, address);
    }

    /**
     * An agent reached as root on port 22 with a pinned key and a private key.
     * @param address the machine's IP address or DNS name
     * @param hostKey the pinned host key or fingerprint
     * @param privateKey the SSH private key's text
     * @return the agent
     */
    public static BareMetalHost agent(String address, String hostKey, Output<String> privateKey) {
        return new BareMetalHost(null, address, 22, "root", NodeRole.AGENT, hostKey, false, privateKey, null, null, null, address);
    }

    /**
     * The Kubernetes node name (and resource name); by default the machine's hostname.
     * @param nodeName a Kubernetes node name (lower-case DNS label)
     * @return a copy with that name
     */
    public BareMetalHost named(String nodeName) {
        return new BareMetalHost(nodeName, address, port, user, role, hostKey, trustOnFirstUse, privateKey, password, sudoPassword, pool, source);
    }

    /**
     * The cluster spec's node pool whose labels and taints this machine gets.
     * @param poolName a pool name of the cluster spec
     * @return a copy in that pool
     */
    public BareMetalHost inPool(String poolName) {
        return new BareMetalHost(name, address, port, user, role, hostKey, trustOnFirstUse, privateKey, password, sudoPassword, poolName, source);
    }

    /**
     * The resource name suffix: the node name, or the address made name-safe.
     * @return the suffix; the port is appended when it is not 22 and no name was given
     */
    public String resourceSuffix() {
        String base = name != null ? name : String.valueOf(address).toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return port == 22 || name != null ? base : base + "-" + port;
    }

    /**
     * {@code address:port}.
     * @return the address and SSH port, e.g. {@code 10.0.0.10:22}
     */
    public String endpoint() {
        return address + ":" + port;
    }
}
