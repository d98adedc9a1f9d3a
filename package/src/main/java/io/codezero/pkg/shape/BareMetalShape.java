package io.codezero.pkg.shape;

import java.util.List;

/** {@code baremetal}: the bare-metal target's settings, read by {@code BareMetalTarget.fromConfig}. */
@Doc("Makes a k3s cluster on your own machines over SSH instead of adopting an existing one. Same keys as `codezero:baremetal` "
        + "(docs/baremetal.md); `credentials` name secret config keys of the calling program (`pulumi config set --secret "
        + "codezero:sshKey`).")
public final class BareMetalShape {
    @Doc("The k3s version, e.g. `v1.34.1+k3s1`; default the one CodeZero pins.")
    String k3sVersion;

    @Doc("The SSH user of every host unless the host names its own (default `root`).")
    String user;

    @Doc("The secret config key (`codezero:<key>`) that holds every host's SSH private key, unless the host names its own.")
    String credentials;

    @Doc("A private key file on the machine running Pulumi, instead of `credentials`.")
    String privateKeyFile;

    @Doc("Accept a host's key on first contact when it names no `hostKey` (default false).")
    Boolean trustOnFirstUse;

    @Doc("The address the Kubernetes API is reached at (a load balancer or virtual IP); default the first server.")
    String apiAddress;

    @Doc("Install k3s from files on the machine running Pulumi instead of from the internet.")
    BareMetalAirgapShape airgap;

    @Doc("A host SSH goes through to reach the machines; it joins no cluster (no role, pool or name).")
    BareMetalHostShape jumpHost;

    @Doc("How LoadBalancer Services get addresses.")
    BareMetalLoadBalancerShape loadBalancer;

    @Doc("Extra arguments for every k3s server.")
    List<String> extraServerArgs;

    @Doc("Agents upgraded at once (default 1).")
    Integer maxUnavailableAgents;

    @Doc("The machines, servers and agents, in order.")
    List<BareMetalHostShape> hosts;

    /** Not constructed: a shape is read by reflection only. */
    private BareMetalShape() {
    }
}
