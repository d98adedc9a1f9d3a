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

    public BareMetalHost {
        // Nothing is defaulted here: a missing user or port 0 is reported by BareMetalTarget.validate, never rewritten.
        Objects.requireNonNull(role, "role");
        privateKey = privateKey == null ? null : privateKey.asSecret();
        password = password == null ? null : password.asSecret();
        sudoPassword = sudoPassword == null ? null : sudoPassword.asSecret();
    }

    public static BareMetalHost server(String address, String hostKey, Output<String> privateKey) {
        return new BareMetalHost(null, address, 22, "root", NodeRole.SERVER, hostKey, false, privateKey, null, null, null, address);
    }

    public static BareMetalHost agent(String address, String hostKey, Output<String> privateKey) {
        return new BareMetalHost(null, address, 22, "root", NodeRole.AGENT, hostKey, false, privateKey, null, null, null, address);
    }

    public BareMetalHost named(String nodeName) {
        return new BareMetalHost(nodeName, address, port, user, role, hostKey, trustOnFirstUse, privateKey, password, sudoPassword, pool, source);
    }

    public BareMetalHost inPool(String poolName) {
        return new BareMetalHost(name, address, port, user, role, hostKey, trustOnFirstUse, privateKey, password, sudoPassword, poolName, source);
    }

    /** The resource name suffix: the node name, or the address made name-safe. */
    public String resourceSuffix() {
        String base = name != null ? name : String.valueOf(address).toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return port == 22 || name != null ? base : base + "-" + port;
    }

    public String endpoint() {
        return address + ":" + port;
    }
}
