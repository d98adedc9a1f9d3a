package io.codezero.baremetal;

import io.codezero.core.target.PhysicalName;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.codezero.baremetal.install.NodeRole;
import io.codezero.baremetal.resources.AgentNode;
import io.codezero.baremetal.resources.AgentNodeArgs;
import io.codezero.baremetal.resources.AirgapArgs;
import io.codezero.baremetal.resources.ConnectionArgs;
import io.codezero.baremetal.resources.JoinToken;
import io.codezero.baremetal.resources.JoinTokenArgs;
import io.codezero.baremetal.resources.ServerNode;
import io.codezero.baremetal.resources.ServerNodeArgs;
import io.codezero.baremetal.ssh.HostKeys;
import io.codezero.core.Versions;
import io.codezero.core.spec.ClusterSpec;
import io.codezero.core.spec.NodePool;
import io.codezero.core.spec.Taint;
import io.codezero.core.target.ClusterTarget;
import io.codezero.core.target.ProvisionedCluster;
import io.codezero.core.target.BundledIngress;
import io.codezero.core.target.CniPaths;
import io.codezero.core.target.MeshDataplanePreference;
import io.codezero.core.target.ScrapableControlPlane;
import io.codezero.core.target.StorageProfile;
import io.codezero.core.target.TargetContext;
import io.codezero.core.target.SpecField;
import io.codezero.core.validation.Cidr;
import io.codezero.core.validation.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Kubernetes (k3s) on machines you own, over SSH. Each machine is a typed resource served by the
 * codezero provider plugin ({@code pulumi-resource-codezero}): the first server initializes the
 * cluster with embedded etcd, other servers and agents join it. Removing a host from the program
 * drains it, uninstalls k3s and removes the node.
 *
 * <p>Storage is k3s's local-path provisioner; Services of type LoadBalancer use k3s's ServiceLB, or
 * MetalLB when address pools are configured.
 */
public final class BareMetalTarget implements ClusterTarget {
    /** The target kind, as {@code codezero:target} names it in config. */
    public static final String KIND = "baremetal";
    /** The config section the target reads, {@code codezero:baremetal}; problem paths start with it. */
    public static final String SECTION = "baremetal";

    private final BareMetalTargetArgs args;
    private final BareMetalLoadBalancer loadBalancer;

    /**
     * The target from its args: {@code new BareMetalTarget(BareMetalTargetArgs.builder().host(...).build())}.
     * @param args the hosts and k3s settings; must not be {@code null}
     */
    public BareMetalTarget(BareMetalTargetArgs args) {
        this.args = Objects.requireNonNull(args, "args");
        // The one default the target applies: ServiceLB, k3s's own.
        this.loadBalancer = Objects.requireNonNullElse(args.loadBalancer(), BareMetalLoadBalancer.serviceLb());
    }

    /**
     * What the target was built from.
     * @return the args given to the constructor
     */
    public BareMetalTargetArgs args() {
        return args;
    }

    /**
     * The earlier builder.
     *
     * @deprecated use {@code new BareMetalTarget(BareMetalTargetArgs.builder()...build())}
     * @return a builder of the earlier shape
     */
    @Deprecated
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads {@code codezero:baremetal}; problems go to the section's problem list (see {@link BareMetalConfig}).
     * @param section the {@code codezero:baremetal} config object
     * @param secrets how secret config values (keys, passwords) are read
     * @return the target
     */
    public static BareMetalTarget fromConfig(io.codezero.core.config.ConfigObject section, BareMetalConfig.SecretLookup secrets) {
        return BareMetalConfig.read(section, secrets);
    }

    /**
     * The machines, in the order given.
     * @return the hosts, servers and agents mixed as listed
     */
    public List<BareMetalHost> hosts() {
        return args.hosts();
    }

    /**
     * How LoadBalancer Services get addresses (ServiceLB unless configured).
     * @return the load balancer choice
     */
    public BareMetalLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * The k3s release for the spec: the configured one, else the one pinned for the spec's Kubernetes minor.
     * @param spec the cluster spec, whose {@code kubernetesVersion} picks the pinned release
     * @return a k3s release tag such as {@code v1.33.5+k3s1}
     */
    public String k3sVersionFor(ClusterSpec spec) {
        return args.k3sVersion() != null ? args.k3sVersion() : Versions.BareMetal.K3S_BY_KUBERNETES_MINOR.get(spec.kubernetesVersion());
    }

    @Override
    public List<Problem> validate(ClusterSpec spec) {
        List<Problem> problems = new ArrayList<>();
        if (args.hosts().isEmpty()) {
            problems.add(Problem.of(SECTION + ".hosts", null, "list at least one machine with role: server"));
            return problems;
        }
        List<BareMetalHost> servers = args.hosts().stream().filter(h -> h.role() == NodeRole.SERVER).toList();
        if (servers.isEmpty()) {
            problems.add(Problem.of(SECTION + ".hosts", args.hosts().size() + " agents", "needs at least one host with role: server (the first one initializes the cluster)"));
        } else if (servers.size() % 2 == 0) {
            problems.add(Problem.of(SECTION + ".hosts", servers.size() + " servers", "use an odd number of servers (1, 3 or 5): embedded etcd needs a majority,"
                    + " so " + servers.size() + " servers survive no more failures than " + (servers.size() - 1)));
        }
        Map<String, String> seenAddress = new HashMap<>();
        Map<String, String> seenName = new HashMap<>();
        for (BareMetalHost h : args.hosts()) {
            String where = h.source();
            if (!checkConnection(h, where, problems)) {
                continue;
            }
            String previous = seenAddress.putIfAbsent(h.endpoint(), where);
            if (previous != null) {
                problems.add(Problem.of(where + ".address", h.endpoint(), "is also used by " + previous + ": each machine can be listed once"));
            }
            String previousName = seenName.putIfAbsent(h.resourceSuffix(), where);
            if (previousName != null && previous == null) {
                problems.add(Problem.of(where + ".name", h.resourceSuffix(), "is also the name of " + previousName + ": node names must be unique"));
            }
            if (h.name() != null && !h.name().matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
                problems.add(Problem.of(where + ".name", h.name(), "must be a lower-case DNS label (letters, digits, '-'), at most 63 characters"));
            }
            if (h.pool() != null && spec.nodePoolsOrDefault().stream().noneMatch(p -> h.pool().equals(p.name()))) {
                problems.add(Problem.of(where + ".pool", h.pool(), "is not a node pool of the cluster; pools: "
                        + String.join(", ", spec.nodePoolsOrDefault().stream().map(NodePool::name).toList())));
            }
        }
        for (int i = 0; i < spec.nodePools().size(); i++) {
            NodePool pool = spec.nodePools().get(i);
            if (args.hosts().stream().noneMatch(h -> pool.name() != null && pool.name().equals(h.pool()))) {
                problems.add(Problem.of("nodePools[" + i + "].name", pool.name(), "has no machine: no host of " + SECTION
                        + ".hosts names pool: " + pool.name() + "; add the pool to its hosts, or remove the pool"));
            }
            if (pool.spot()) {
                problems.add(Problem.of("nodePools[" + i + "].spot", true, "means cloud spot capacity, which machines you own do not have; remove spot"));
            }
        }
        if (args.jumpHost() != null) {
            String where = args.jumpHost().source() == null ? SECTION + ".jumpHost" : args.jumpHost().source();
            checkConnection(args.jumpHost(), where, problems);
            if (args.jumpHost().hostKey() == null && args.jumpHost().trustOnFirstUse()) {
                problems.add(Problem.of(where + ".hostKey", null, "pin the jump host's SSH host key (ssh-keyscan -t ed25519 "
                        + args.jumpHost().address() + ", checked out of band): trust on first use is not offered for a jump host, whose key"
                        + " would be recorded nowhere and so never pinned"));
            }
        }
        checkAddresses(spec, problems);
        for (int i = 0; i < args.extraServerArgs().size(); i++) {
            String arg = args.extraServerArgs().get(i);
            for (String owned : List.of("--token", "--server", "--cluster-init", "--node-name", "--cluster-cidr", "--service-cidr")) {
                if (arg != null && (arg.equals(owned) || arg.startsWith(owned + "="))) {
                    problems.add(Problem.of(SECTION + ".extraServerArgs[" + i + "]", arg, "is set by CodeZero"
                            + (owned.endsWith("cidr") ? " from cluster.network (podCidr, serviceCidr)" : " (token, join address, node name)")
                            + ": remove it"));
                }
            }
        }
        String version = k3sVersionFor(spec);
        if (version == null) {
            problems.add(Problem.of(SECTION + ".k3sVersion", null, "no k3s release is pinned for Kubernetes " + spec.kubernetesVersion()
                    + "; pinned: " + Versions.BareMetal.K3S_BY_KUBERNETES_MINOR + ", or set k3sVersion"));
        } else if (!version.matches("v\\d+\\.\\d+\\.\\d+\\+k3s\\d+")) {
            problems.add(Problem.of(SECTION + ".k3sVersion", version, "must be a k3s release tag such as v1.34.1+k3s1"));
        } else if (!version.startsWith("v" + spec.kubernetesVersion() + ".")) {
            problems.add(Problem.of(SECTION + ".k3sVersion", version, "is not a release of Kubernetes " + spec.kubernetesVersion()
                    + " (cluster.kubernetesVersion); make them agree"));
        }
        if ((args.airgapBinary() == null) != (args.airgapInstallScript() == null)) {
            problems.add(Problem.of(SECTION + ".airgap", args.airgapBinary() == null ? "installScript only" : "k3sBinary only",
                    "give both k3sBinary and installScript (from the k3s release page)"));
        }
        for (Path p : new Path[] {args.airgapBinary(), args.airgapInstallScript(), args.airgapImages()}) {
            if (p != null && !Files.isRegularFile(p)) {
                problems.add(Problem.of(SECTION + ".airgap", p, "does not exist or is not a file on this machine"));
            }
        }
        if (args.maxUnavailableAgents() != null && args.maxUnavailableAgents() < 1) {
            problems.add(Problem.of(SECTION + ".maxUnavailableAgents", args.maxUnavailableAgents(), "must be at least 1 (agents drained and restarted at once during an upgrade)"));
        }
        if (loadBalancer.kind() == BareMetalLoadBalancer.Kind.METALLB && loadBalancer.publicAddresses().isEmpty()) {
            problems.add(Problem.of(SECTION + ".loadBalancer.addresses", null, "MetalLB needs an address pool you own, e.g. [\"192.168.1.240-192.168.1.250\"]"));
        }
        return mergeCodeCredentials(problems);
    }

    /**
     * How CodeZero logs into a machine (or the jump host): address, port, user, pinned key, credentials.
     * Returns false when the address is unusable (later checks that need it are skipped).
     */
    private static boolean checkConnection(BareMetalHost h, String where, List<Problem> problems) {
        Optional<String> badAddress = Addresses.whyNotAHost(h.address());
        if (badAddress.isPresent()) {
            problems.add(Problem.of(where + ".address", h.address(), h.address() == null ? "is required: the machine's IP address or DNS name"
                    : badAddress.get()));
        }
        if (h.port() < 1 || h.port() > 65535) {
            problems.add(Problem.of(where + ".port", h.port(), "must be from 1 to 65535 (SSH listens on 22 unless you moved it)"));
        }
        if (h.user() == null || h.user().isBlank()) {
            problems.add(Problem.of(where + ".user", h.user(), "give the login user: root, or a user with sudo (with sudoPasswordCredentials"
                    + " if sudo asks for a password); it is never assumed"));
        } else if (!h.user().matches("[a-zA-Z0-9_][-a-zA-Z0-9_.]{0,31}\\$?")) {
            problems.add(Problem.of(where + ".user", h.user(), "is not a login name (letters, digits, '_', '-', '.')"));
        }
        String hostKeyProblem = h.hostKey() == null ? null : HostKeys.problem(h.hostKey());
        if (h.hostKey() == null && !h.trustOnFirstUse()) {
            problems.add(Problem.of(where + ".hostKey", null, "pin the machine's SSH host key (ssh-keyscan -t ed25519 "
                    + (badAddress.isPresent() ? "<address>" : h.address()) + ", checked out of band)" + (h.fromConfig()
                            ? ", or set trustOnFirstUse: true to accept the first key seen"
                            : ": .withHostKey(\"ssh-ed25519 AAAA...\"), or .trustingOnFirstUse() to accept the first key seen")));
        } else if (hostKeyProblem != null) {
            problems.add(Problem.of(where + ".hostKey", h.hostKey(), hostKeyProblem));
        }
        if (h.privateKey() == null && h.password() == null) {
            problems.add(Problem.of(where + ".credentials", null, h.fromConfig()
                    ? "give credentials (the name of a secret config key holding a private key), privateKeyFile, or passwordCredentials"
                    : CODE_CREDENTIALS));
        }
        return badAddress.isEmpty();
    }

    private static final String CODE_CREDENTIALS = "give the host a private key, e.g. .withPrivateKey(ctx.config().requireSecret(\"sshKey\"))"
            + " after `pulumi config set --secret sshKey -- \"$(cat ~/.ssh/id_ed25519)\"`, or a password with .withPassword(...)";

    /** Hosts built in code that all lack credentials get one problem naming them, not the same advice once per host. */
    private static List<Problem> mergeCodeCredentials(List<Problem> problems) {
        List<Problem> missing = problems.stream().filter(p -> CODE_CREDENTIALS.equals(p.message())).toList();
        if (missing.size() < 2) {
            return problems;
        }
        List<Problem> merged = new ArrayList<>(problems);
        merged.removeAll(missing);
        String hostsWithout = missing.stream().map(p -> p.field().replaceFirst("\\.credentials$", "")).collect(java.util.stream.Collectors.joining(", "));
        merged.add(Problem.of(SECTION + ".hosts", hostsWithout, missing.size() + " hosts have no credentials: " + CODE_CREDENTIALS
                + " (the same key for each)"));
        return merged;
    }

    /** The API address, MetalLB pools and the pod and service ranges against each other and the machines. */
    private void checkAddresses(ClusterSpec spec, List<Problem> problems) {
        Map<Long, String> agentAddresses = new HashMap<>();
        Map<Long, String> nodeAddresses = new HashMap<>();
        for (BareMetalHost h : args.hosts()) {
            Long ip = Addresses.ipv4(h.address());
            if (ip != null) {
                nodeAddresses.putIfAbsent(ip, h.source());
                if (h.role() == NodeRole.AGENT) {
                    agentAddresses.putIfAbsent(ip, h.source());
                }
            }
        }
        if (args.apiAddress() != null) {
            Optional<String> bad = Addresses.whyNotAHost(args.apiAddress());
            Long ip = Addresses.ipv4(args.apiAddress());
            if (bad.isPresent()) {
                problems.add(Problem.of(SECTION + ".apiAddress", args.apiAddress(), bad.get() + "; the API address is a VIP or DNS name in front of the servers"));
            } else if ((ip != null && ip >>> 24 == 127) || args.apiAddress().equals("::1") || args.apiAddress().equalsIgnoreCase("localhost")) {
                problems.add(Problem.of(SECTION + ".apiAddress", args.apiAddress(), "is a loopback address, which on every machine means that "
                        + "machine itself; the API address is a VIP or DNS name in front of the servers that agents and kubectl reach"));
            } else if (ip != null && agentAddresses.containsKey(ip)) {
                problems.add(Problem.of(SECTION + ".apiAddress", args.apiAddress(), "is the address of an agent (" + agentAddresses.get(ip)
                        + "), which serves no API: use a server's address, a VIP or a DNS name in front of the servers"));
            }
        }
        if (loadBalancer.kind() == BareMetalLoadBalancer.Kind.METALLB) {
            List<Addresses.Range> taken = new ArrayList<>();
            List<String> takenBy = new ArrayList<>();
            Map<String, List<String>> pools = new java.util.LinkedHashMap<>();
            pools.put("addresses", loadBalancer.publicAddresses());
            pools.put("internalAddresses", loadBalancer.internalAddresses());
            for (Map.Entry<String, List<String>> pool : pools.entrySet()) {
                for (int i = 0; i < pool.getValue().size(); i++) {
                    String entry = pool.getValue().get(i);
                    String where = SECTION + ".loadBalancer." + pool.getKey() + "[" + i + "]";
                    Optional<String> bad = Addresses.whyNotAPoolEntry(entry);
                    if (bad.isPresent()) {
                        problems.add(Problem.of(where, entry, bad.get()));
                        continue;
                    }
                    Addresses.Range range = Addresses.range(entry);
                    if (range == null) {
                        continue;
                    }
                    nodeAddresses.forEach((ip, host) -> {
                        if (range.contains(ip)) {
                            problems.add(Problem.of(where, entry, "contains the address of " + host + ": MetalLB would hand it to a"
                                    + " Service; use addresses no machine has"));
                        }
                    });
                    Long api = Addresses.ipv4(args.apiAddress());
                    if (api != null && range.contains(api) && !nodeAddresses.containsKey(api)) {
                        problems.add(Problem.of(where, entry, "contains apiAddress " + args.apiAddress() + ": keep the API's address out of the pool"));
                    }
                    for (int t = 0; t < taken.size(); t++) {
                        if (taken.get(t).overlaps(range)) {
                            problems.add(Problem.of(where, entry, "overlaps " + takenBy.get(t) + ": pools and their entries must not share addresses"));
                        }
                    }
                    taken.add(range);
                    takenBy.add(where);
                }
            }
        }
        Map<String, Cidr> ranges = new java.util.LinkedHashMap<>();
        if (SpecField.POD_CIDR.isSetIn(spec)) {
            ranges.put("network.podCidr", Cidr.parse(spec.network().podCidr()).orElse(null));
        }
        if (SpecField.SERVICE_CIDR.isSetIn(spec)) {
            ranges.put("network.serviceCidr", Cidr.parse(spec.network().serviceCidr()).orElse(null));
        }
        ranges.forEach((field, cidr) -> {
            if (cidr == null) {
                return;
            }
            nodeAddresses.forEach((ip, host) -> {
                if (cidr.network() <= ip && ip <= cidr.lastAddress()) {
                    problems.add(Problem.of(field, cidr, "contains the address of " + host + ": pods and services need a range the"
                            + " machines' network does not use"));
                }
            });
        });
    }

    /**
     * Pools give hosts their labels and taints; the pod and service ranges go to k3s (when the spec
     * sets them; otherwise k3s keeps its own 10.42.0.0/16 and 10.43.0.0/16). The machines' own
     * network and the cloud-only settings are not ours.
     */
    @Override
    public java.util.Set<SpecField> honours() {
        // The pod and service ranges become k3s's --cluster-cidr / --service-cidr on every server.
        return java.util.EnumSet.of(SpecField.NODE_POOLS, SpecField.POD_CIDR, SpecField.SERVICE_CIDR);
    }

    /** A machine runs one k3s: two stacks of a program listing the same SSH endpoint would install over each other. */
    @Override
    public java.util.Set<PhysicalName> physicalNames(ClusterSpec spec) {
        java.util.Set<PhysicalName> names = new java.util.HashSet<>();
        args.hosts().forEach(h -> names.add(new PhysicalName("SSH machines", "machine", h.endpoint(), h.source() + ".address", h.address())));
        return java.util.Set.copyOf(names);
    }

    @Override
    public ProvisionedCluster provision(ClusterSpec spec, TargetContext context) {
        String version = k3sVersionFor(spec);
        BareMetalCluster cluster = new BareMetalCluster(context.stackName(), context.parent());
        CustomResourceOptions inCluster = CustomResourceOptions.builder().parent(cluster).build();
        List<BareMetalHost> servers = args.hosts().stream().filter(h -> h.role() == NodeRole.SERVER).toList();
        BareMetalHost first = servers.get(0);
        String api = args.apiAddress() != null ? args.apiAddress() : first.address();
        AirgapArgs airgap = args.airgapBinary() == null ? null : AirgapArgs.of(args.airgapBinary().toString(), args.airgapInstallScript().toString(),
                args.airgapImages() == null ? null : args.airgapImages().toString());
        List<String> sans = new ArrayList<>(List.of(api));
        servers.stream().map(BareMetalHost::address).filter(a -> !sans.contains(a)).forEach(sans::add);

        ConnectionArgs controlPlane = connection(first);
        // The join token is known before the first server installs (the one given, else a JoinToken the provider
        // settles once), so no join waits for the first server's outputs: every other machine connects, checks,
        // locks and uploads beside it, and the provider holds the join itself until the first server's API answers.
        Output<String> token = args.joinToken() != null ? args.joinToken()
                : new JoinToken(context.name("join-token"), JoinTokenArgs.builder().firstServer(controlPlane).build(), inCluster).value();
        ServerNode init = new ServerNode(context.name(first.resourceSuffix()), ServerNodeArgs.builder()
                .connection(controlPlane).k3sVersion(version).nodeName(first.name()).clusterInit(true)
                .tlsSans(sans).kubeconfigServer(api).extraArgs(serverArgs(spec, first)).airgap(airgap).token(token).build(), inCluster);
        Output<String> serverUrl = Output.of("https://" + bracket(api) + ":6443");
        List<Resource> nodes = new ArrayList<>(List.of(init));
        // Rolling order, for creates and for every update that restarts k3s: each server after the
        // previous one (never two etcd members down at once). The provider lets at most maxUnavailable
        // agents drain at once.
        Resource previous = init;
        for (BareMetalHost h : servers.subList(1, servers.size())) {
            previous = new ServerNode(context.name(h.resourceSuffix()), ServerNodeArgs.builder()
                    .connection(connection(h)).k3sVersion(version).nodeName(h.name()).serverUrl(serverUrl)
                    .token(token).controlPlane(controlPlane).tlsSans(sans)
                    .extraArgs(serverArgs(spec, h)).airgap(airgap).build(),
                    CustomResourceOptions.builder().parent(cluster).dependsOn(previous).build());
            nodes.add(previous);
        }
        // Agents do not depend on the servers: they join as soon as the first server's API answers, and the
        // provider upgrades them only once every server runs the new version (kubelets never newer than the API).
        List<BareMetalHost> agents = args.hosts().stream().filter(x -> x.role() == NodeRole.AGENT).toList();
        int maxUnavailable = maxUnavailableAgents(agents.size());
        for (BareMetalHost h : agents) {
            nodes.add(new AgentNode(context.name(h.resourceSuffix()), AgentNodeArgs.builder()
                    .connection(connection(h)).k3sVersion(version).nodeName(h.name()).serverUrl(serverUrl)
                    .token(token).controlPlane(controlPlane).extraArgs(poolArgs(spec, h))
                    .airgap(airgap).maxUnavailable(maxUnavailable).build(), inCluster));
        }
        cluster.finish(serverUrl);
        List<ServerNode> serverNodes = nodes.stream().filter(ServerNode.class::isInstance).map(ServerNode.class::cast).toList();
        List<AgentNode> agentNodes = nodes.stream().filter(AgentNode.class::isInstance).map(AgentNode.class::cast).toList();
        List<Output<String>> names = new ArrayList<>();
        serverNodes.forEach(n -> names.add(n.resolvedNodeName()));
        agentNodes.forEach(n -> names.add(n.resolvedNodeName()));
        BareMetalClusterHandles handles = new BareMetalClusterHandles(Output.of(spec.name()), serverUrl, serverNodes, agentNodes,
                Output.all(names), token);
        Output<String> kubeconfig = init.kubeconfig().asSecret();
        Provider provider = new Provider(context.name("k8s"), ProviderArgs.builder().kubeconfig(kubeconfig).build(),
                CustomResourceOptions.builder().parent(cluster).dependsOn(nodes).build());
        List<Resource> readiness = new ArrayList<>(nodes);
        readiness.addAll(MetalLb.install(context.stackName(), loadBalancer, provider, cluster));
        return new ProvisionedCluster(spec.name(), kubeconfig, provider, StorageProfile.single("local-path"),
                loadBalancer.capabilities(), readiness)
                .withFact(MeshDataplanePreference.class, new MeshDataplanePreference(true,
                        "CodeZero installs k3s and its CNI itself, and small machines gain most from no proxy per pod"))
                .withFact(CniPaths.class, K3sFacts.CNI_PATHS)
                .withFact(BundledIngress.class, K3sFacts.TRAEFIK)
                .withFact(ScrapableControlPlane.class, K3sFacts.CONTROL_PLANE)
                .withHandles(handles);
    }

    /** The configured bound, else one at a time up to 19 agents and a tenth of them beyond. */
    int maxUnavailableAgents(int agents) {
        return args.maxUnavailableAgents() != null ? args.maxUnavailableAgents() : Math.max(1, agents / 10);
    }

    private ConnectionArgs connection(BareMetalHost h) {
        ConnectionArgs.Builder c = ConnectionArgs.builder().host(h.address()).port(h.port()).user(h.user())
                .hostKey(h.hostKey()).privateKey(h.privateKey()).password(h.password()).sudoPassword(h.sudoPassword());
        if (h.trustOnFirstUse()) {
            c.trustOnFirstUse(true);
        }
        if (args.jumpHost() != null) {
            c.jumpHost(ConnectionArgs.builder().host(args.jumpHost().address()).port(args.jumpHost().port()).user(args.jumpHost().user())
                    .hostKey(args.jumpHost().hostKey()).privateKey(args.jumpHost().privateKey()).password(args.jumpHost().password()).build());
        }
        return c.build();
    }

    private List<String> serverArgs(ClusterSpec spec, BareMetalHost h) {
        List<String> flags = new ArrayList<>(args.extraServerArgs());
        if (!flags.contains(K3sFacts.DISABLE_TRAEFIK)) {
            flags.add(K3sFacts.DISABLE_TRAEFIK);
        }
        if (SpecField.POD_CIDR.isSetIn(spec)) {
            flags.add("--cluster-cidr=" + spec.network().podCidr());
        }
        if (SpecField.SERVICE_CIDR.isSetIn(spec)) {
            flags.add("--service-cidr=" + spec.network().serviceCidr());
        }
        if (loadBalancer.kind() == BareMetalLoadBalancer.Kind.METALLB) {
            flags.add("--disable=servicelb");
        }
        flags.addAll(poolArgs(spec, h));
        return flags;
    }

    /** Labels and taints of the host's node pool, as k3s flags. */
    private static List<String> poolArgs(ClusterSpec spec, BareMetalHost h) {
        List<String> args = new ArrayList<>();
        if (h.pool() == null) {
            return args;
        }
        NodePool pool = spec.nodePoolsOrDefault().stream().filter(p -> h.pool().equals(p.name())).findFirst().orElse(null);
        if (pool == null) {
            return args;
        }
        args.add("--node-label=codezero.io/pool=" + pool.name());
        pool.labels().forEach((k, v) -> args.add("--node-label=" + k + "=" + v));
        for (Taint t : pool.taints()) {
            args.add("--node-taint=" + t.key() + (t.value() == null || t.value().isEmpty() ? "" : "=" + t.value()) + ":" + t.effect());
        }
        return args;
    }

    private static String bracket(String address) {
        return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    }

    /**
     * The earlier shape, kept working: the same setters as {@link BareMetalTargetArgs.Builder}.
     *
     * @deprecated use {@code new BareMetalTarget(BareMetalTargetArgs.builder()...build())}, like the other targets
     */
    @Deprecated
    public static final class Builder {
        private final BareMetalTargetArgs.Builder args = BareMetalTargetArgs.builder();

        private Builder() {
        }

        /**
         * See {@link BareMetalTargetArgs.Builder#host}.
         * @param host the machine
         * @return this builder
         */
        public Builder host(BareMetalHost host) { args.host(host); return this; }
        /**
         * See {@link BareMetalTargetArgs.Builder#hosts}.
         * @param all the machines
         * @return this builder
         */
        public Builder hosts(List<BareMetalHost> all) { args.hosts(all); return this; }
        /**
         * See {@link BareMetalTargetArgs.Builder#k3sVersion}.
         * @param v a k3s release tag
         * @return this builder
         */
        public Builder k3sVersion(String v) { args.k3sVersion(v); return this; }
        /**
         * See {@link BareMetalTargetArgs.Builder#airgap}.
         * @param k3sBinary the k3s binary
         * @param installScript the install script
         * @return this builder
         */
        public Builder airgap(Path k3sBinary, Path installScript) { args.airgap(k3sBinary, installScript); return this; }
        /**
         * See {@link BareMetalTargetArgs.Builder#airgapImages}.
         * @param images the images tarball
         * @return this builder
         */
        public Builder airgapImages(Path images) { args.airgapImages(images); return this; }
        /**
         * See {@link BareMetalTargetArgs.Builder#apiAddress}.
         * @param v a VIP or DNS name
         * @return this builder
         */
        public Builder apiAddress(String v) { args.apiAddress(v); return this; }
        /**
         * See {@link BareMetalTargetArgs.Builder#jumpHost}.
         * @param v the jump host
         * @return this builder
         */
        public Builder jumpHost(BareMetalHost v) { args.jumpHost(v); return this; }
        /**
         * See {@link BareMetalTargetArgs.Builder#loadBalancer}.
         * @param v the load balancer choice
         * @return this builder
         */
        public Builder loadBalancer(BareMetalLoadBalancer v) { args.loadBalancer(v); return this; }
        /**
         * See {@link BareMetalTargetArgs.Builder#extraServerArgs}.
         * @param v k3s server flags
         * @return this builder
         */
        public Builder extraServerArgs(List<String> v) { args.extraServerArgs(v); return this; }
        /**
         * See {@link BareMetalTargetArgs.Builder#maxUnavailableAgents}.
         * @param v the agent count
         * @return this builder
         */
        public Builder maxUnavailableAgents(Integer v) { args.maxUnavailableAgents(v); return this; }
        /**
         * See {@link BareMetalTargetArgs.Builder#joinToken}.
         * @param v the token, kept a secret
         * @return this builder
         */
        public Builder joinToken(Output<String> v) { args.joinToken(v); return this; }

        /**
         * The target.
         * @return the target
         */
        public BareMetalTarget build() {
            return new BareMetalTarget(args.build());
        }
    }
}
