package io.codezero.baremetal.install;

import static io.codezero.baremetal.install.Phases.WORK_DIR;

import io.codezero.baremetal.ssh.SshEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 4: refuses a machine that cannot run k3s, with every reason at once and what to do, before anything is written to it.
 */
final class ValidateHost implements Phase {
    private final NodeNames nodeNames;

    /** @param nodeNames the node names claimed in this process; null: not checked across machines */
    ValidateHost(NodeNames nodeNames) {
        this.nodeNames = nodeNames;
    }

    ValidateHost() {
        this(null);
    }

    @Override
    public String title() {
        return "validate host";
    }

    @Override
    public void run(NodeRun run) {
        HostFacts f = run.facts();
        HostChecks c = run.spec().checks();
        List<String> problems = new ArrayList<>();
        if (!f.kernel().startsWith("Linux")) {
            problems.add("k3s needs Linux, found " + f.kernel());
        }
        if (!HostChecks.SUPPORTED_ARCH.contains(f.arch())) {
            problems.add("architecture " + f.arch() + " is not supported (supported: " + String.join(", ", HostChecks.SUPPORTED_ARCH) + ")");
        }
        if (f.memoryMb() < c.minMemoryMb()) {
            problems.add("memory is " + f.memoryMb() + " MiB, at least " + c.minMemoryMb() + " MiB is required for a "
                    + run.spec().role().name().toLowerCase());
        }
        if (f.swapMb() > 0 && !c.allowSwap()) {
            problems.add("swap is on (" + f.swapMb() + " MiB) and checks.allowSwap is false: turn swap off (swapoff -a)");
        }
        if (f.clockSkewSeconds() == null) {
            problems.add("the machine's clock could not be read (date -u +%s printed " + (f.clockReading().isEmpty() ? "nothing"
                    : "'" + f.clockReading() + "'") + ", expected seconds since 1970): fix date on the machine; etcd and certificates need a"
                    + " clock synchronized within " + c.maxClockSkewSeconds() + "s");
        } else if (Math.abs(f.clockSkewSeconds()) > c.maxClockSkewSeconds()) {
            problems.add("clock is " + f.clockSkewSeconds() + "s off from this machine's (at most " + c.maxClockSkewSeconds()
                    + "s allowed; etcd and certificates need synchronized clocks: enable NTP)");
        }
        if (f.foreignK3s()) {
            problems.add(foreignInstall(run));
        } else if (!(f.installed() && f.running())) {
            List<Integer> busy = c.requiredFreePorts().stream().filter(f.listeningPorts()::contains).toList();
            if (!busy.isEmpty()) {
                String ports = busy.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
                problems.add((busy.size() > 1 ? "ports " + ports + " are" : "port " + ports + " is")
                        + " already in use by another program (k3s needs " + c.requiredFreePorts() + " free; find it with: ss -ltnp,"
                        + " or without ss: grep -i ':" + String.format("%04X", busy.get(0)) + " ' /proc/net/tcp /proc/net/tcp6)");
            }
        }
        if (run.spec().airgap() != null) {
            problems.addAll(AirgapArchitecture.mismatches(run.spec().airgap(), f.arch()));
        }
        problems.addAll(nodeNameProblems(run));
        if (!f.foreignK3s() && f.installedRole() != null && f.installedRole() != run.spec().role()) {
            problems.add("k3s is already installed here as " + f.installedRole().name().toLowerCase() + ", but the host is declared "
                    + run.spec().role().name().toLowerCase() + ": uninstall it first (" + f.installedRole().uninstallScript() + ")");
        }
        problems.addAll(initSystemProblems(f));
        if (!problems.isEmpty()) {
            throw new HostValidationException(problems);
        }
    }

    /**
     * k3s runs as a service of systemd or OpenRC; its install script stops without one ("Can not find systemd or
     * openrc to use as a process supervisor"), and with a systemctl but no running systemd it writes a unit it
     * cannot start. Refused here, before the binary, the scripts or the config hash are written.
     */
    static List<String> initSystemProblems(HostFacts f) {
        String pid1 = "; `ps -p 1 -o comm=` (or `cat /proc/1/comm`) shows what runs as PID 1";
        if ("none".equals(f.initSystem())) {
            return List.of("the machine has no init system k3s can run under (neither systemd nor OpenRC): k3s's install script"
                    + " needs one to run k3s as a service; use a machine or VM that boots with systemd or OpenRC (a container or chroot"
                    + " usually has neither)" + pid1);
        }
        if (HostFacts.SYSTEMCTL_WITHOUT_SYSTEMD.equals(f.initSystem())) {
            return List.of("systemctl is installed but systemd is not running (/run/systemd/system is missing, so systemd is not PID 1):"
                    + " k3s's install script would write /etc/systemd/system/k3s.service and fail to start k3s; boot the machine with"
                    + " systemd as its init (or use OpenRC)" + pid1);
        }
        return List.of();
    }

    /**
     * A node name belongs to one machine. Machines cloned from one image often share a hostname: the
     * second one's kubelet would take over the first one's Node (k3s refuses it only after the install).
     * Checked against the machines of this run and the Nodes the cluster already has.
     */
    private List<String> nodeNameProblems(NodeRun run) {
        List<String> problems = new ArrayList<>();
        String name = run.nodeName();
        if (name == null) {
            return problems;
        }
        String fix = "give this host its own node name (`name` in codezero:baremetal.hosts[], BareMetalHost.named(...) in code)"
                + " or change its hostname (hostnamectl set-hostname <name>)";
        String origin = run.spec().nodeName() != null ? "" : " (this machine's hostname is " + run.facts().hostname() + ")";
        if (nodeNames != null) {
            SshEndpoint first = run.spec().firstServer();
            String cluster = first.host() + ":" + first.port();
            String machine = run.spec().endpoint().describe();
            NodeNames.Claim claim = nodeNames.claim(cluster, name, machine);
            if (claim == null) {
                problems.add("node name '" + name + "'" + origin + " is also the node name of " + nodeNames.holder(cluster, name)
                        + " in this run: two machines with one name would share one Node; " + fix);
            } else {
                run.nameClaim(claim);
            }
        }
        if (run.hasSeparateControlPlane()) {
            Optional<Kubectl.NodeStatus> node = Kubectl.node(run.controlPlane(), name);
            if (node.isPresent() && !run.isThisMachine(node.get())) {
                problems.add("node name '" + name + "'" + origin + " is taken: the cluster's Node '" + name + "' is another machine (address "
                        + node.get().internalIp() + "; this machine's: " + String.join(", ", run.facts().addresses()) + "), and k3s"
                        + " refuses a second node of the same name; " + fix);
            }
        }
        return problems;
    }

    private static String foreignInstall(NodeRun run) {
        HostFacts f = run.facts();
        String host = run.spec().endpoint().host();
        String sudo = run.spec().endpoint().isRoot() ? "" : "sudo ";
        return "k3s " + (f.installedVersion() != null ? f.installedVersion() + " " : "") + "is already on this machine and was not installed"
                + " by CodeZero (found: " + String.join(", ", f.k3sTraces()) + "). CodeZero does not take over a k3s it did not install:"
                + " it would restart it with its own settings and token, without a drain, and destroy would delete its data. Either"
                + " uninstall it (" + sudo + (f.installedRole() != null ? f.installedRole().uninstallScript() : "k3s-uninstall.sh")
                + ") and run again, or adopt it explicitly, accepting that CodeZero reinstalls it with its settings: ssh "
                + run.spec().endpoint().user() + "@" + host + " '" + sudo + "mkdir -p " + WORK_DIR + " && " + sudo + "touch "
                + HostFacts.OWNER_MARKER + "'";
    }
}
