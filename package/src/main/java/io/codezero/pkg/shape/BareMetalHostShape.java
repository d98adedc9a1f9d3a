package io.codezero.pkg.shape;

/** {@code baremetal.hosts[]} and {@code baremetal.jumpHost}. */
@Doc("A machine reached over SSH.")
public final class BareMetalHostShape {
    @Doc("Its address (IP or DNS name). Required.")
    String address;

    @Doc("Its SSH port (default 22).")
    Integer port;

    @Doc("Its SSH user; default the section's `user`.")
    String user;

    @Doc("Its SSH host key (`ssh-ed25519 AAAA...`), checked on every connection.")
    String hostKey;

    @Doc("Accept its key on first contact; default the section's.")
    Boolean trustOnFirstUse;

    @Doc("The secret config key holding its SSH private key; default the section's.")
    String credentials;

    @Doc("A private key file for it, instead of `credentials`.")
    String privateKeyFile;

    @Doc("The secret config key holding its SSH password.")
    String passwordCredentials;

    @Doc("The secret config key holding its sudo password.")
    String sudoPasswordCredentials;

    @Doc("Its Kubernetes node name; default derived from the address.")
    String name;

    @Doc("The node pool (of `cluster.nodePools`) an agent belongs to.")
    String pool;

    @Doc("`server` or `agent` (default).")
    String role;

    /** Not constructed: a shape is read by reflection only. */
    private BareMetalHostShape() {
    }
}
