package io.codezero.baremetal.install;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What "gather facts" found on a machine.
 *
 * @param clockSkewSeconds the machine's clock minus ours; null when the clock could not be read
 * @param clockReading     what the machine printed for its clock (for the message when it is not a number)
 */
public record HostFacts(
        String hostname,
        String os,
        String kernel,
        String arch,
        long memoryMb,
        long swapMb,
        String initSystem,
        Long clockSkewSeconds,
        String clockReading,
        Set<Integer> listeningPorts,
        String installedVersion,
        boolean running,
        NodeRole installedRole,
        String configHash,
        boolean installedByCodeZero,
        List<String> k3sTraces,
        Set<String> addresses,
        String binDir) {

    public HostFacts {
        k3sTraces = List.copyOf(k3sTraces == null ? List.of() : k3sTraces);
        addresses = Set.copyOf(addresses == null ? Set.of() : addresses);
        binDir = binDir == null || binDir.isBlank() ? DEFAULT_BIN_DIR : binDir;
    }

    /** Where k3s goes unless /usr is read-only (Flatcar, CoreOS): then, like the official script, {@value #FALLBACK_BIN_DIR}. */
    public static final String DEFAULT_BIN_DIR = "/usr/local/bin";
    /** The official install script's fallback for a read-only /usr. */
    public static final String FALLBACK_BIN_DIR = "/opt/bin";

    public boolean installed() {
        return installedVersion != null;
    }

    /**
     * k3s is on the machine (a binary, an uninstall script, a server's data or a running process) but
     * neither CodeZero's configuration record nor its install marker is: someone else installed it.
     */
    public boolean foreignK3s() {
        return !installedByCodeZero && !k3sTraces.isEmpty();
    }

    /** Running k3s processes, found by reading /proc: minimal hosts have no procps (pgrep, ps). */
    static final String K3S_RUNNING = "for f in /proc/[0-9]*/cmdline; do tr '\\000' ' ' < \"$f\" 2>/dev/null; echo; done"
            + " | grep -Eq '(^|/|[[:space:]])[k]3s (server|agent)'";

    /** The marker written just before CodeZero runs the install script: this k3s is ours. */
    /** The init-system fact of a machine that has systemctl but does not run systemd (a container, a chroot). */
    static final String SYSTEMCTL_WITHOUT_SYSTEMD = "systemctl-without-systemd";
    static final String OWNER_MARKER = Phases.WORK_DIR + "/k3s-owner";

    /** The shell script that prints the facts as key=value lines. Runs as root. */
    static final String SCRIPT = String.join("\n",
            "echo \"hostname=$(hostname)\"",
            "if [ -r /etc/os-release ]; then . /etc/os-release; fi; echo \"os=${ID:-unknown} ${VERSION_ID:-}\"",
            "echo \"kernel=$(uname -s) $(uname -r)\"",
            "echo \"arch=$(uname -m)\"",
            "echo \"memKb=$(awk '/^MemTotal:/{print $2}' /proc/meminfo)\"",
            "echo \"swapKb=$(awk '/^SwapTotal:/{print $2}' /proc/meminfo)\"",
            "echo \"time=$(date -u +%s)\"",
            // systemd counts only when it runs (as PID 1 it creates /run/systemd/system); a systemctl without it is told apart,
            // because k3s's install script takes systemctl at its word, writes a unit and fails to start k3s.
            "if [ -d /run/systemd/system ]; then echo init=systemd; elif [ -x /sbin/openrc-run ] || command -v openrc >/dev/null 2>&1; then echo init=openrc;"
                    + " elif command -v systemctl >/dev/null 2>&1; then echo init=" + SYSTEMCTL_WITHOUT_SYSTEMD + "; else echo init=none; fi",
            // Listening TCP sockets straight from the kernel (state 0A), in hex: ss, netstat and ip are often missing.
            "echo \"listenHex=$(awk 'FNR>1 && $4==\"0A\" {n=split($2,a,\":\"); print a[n]}' /proc/net/tcp /proc/net/tcp6 2>/dev/null | sort -u | tr '\\n' ',')\"",
            // The machine's own addresses (IPv4 from the kernel's routing trie, IPv6 from if_inet6), to tell Nodes apart.
            "echo \"ipv4=$(awk '/\\|--/{ip=$2} /\\/32 host LOCAL/{print ip}' /proc/net/fib_trie 2>/dev/null | sort -u | tr '\\n' ',')\"",
            "echo \"ipv6=$(awk '{print $1}' /proc/net/if_inet6 2>/dev/null | tr '\\n' ',')\"",
            // Where k3s is or would go: /usr/local/bin, or /opt/bin when k3s is there or /usr/local/bin cannot be written.
            "if [ -x /opt/bin/k3s ] && [ ! -x /usr/local/bin/k3s ]; then B=/opt/bin; elif ( d=/usr/local/bin; [ -d \"$d\" ] || d=/usr/local;"
                    + " t=\"$d/.codezero-w.$$\"; : > \"$t\" && rm -f \"$t\" ) 2>/dev/null; then B=/usr/local/bin; else B=/opt/bin; fi; echo \"binDir=$B\"",
            "if [ -x \"$B/k3s\" ]; then echo \"k3sVersion=$(\"$B/k3s\" --version 2>/dev/null | head -1 | awk '{print $3}')\"; fi",
            "if " + K3S_RUNNING + "; then echo running=true; else echo running=false; fi",
            "if [ -x \"$B/k3s-uninstall.sh\" ]; then echo role=server; elif [ -x \"$B/k3s-agent-uninstall.sh\" ]; then echo role=agent; fi",
            "echo \"configHash=$(cat /var/lib/codezero/k3s-config.sha256 2>/dev/null)\"",
            "if [ -s /var/lib/codezero/k3s-config.sha256 ] || [ -e " + OWNER_MARKER + " ]; then echo owned=true; fi",
            // Every sign of a k3s, wherever an installer may have put it.
            "t=''; for p in /usr/local/bin/k3s /usr/bin/k3s /opt/bin/k3s /usr/local/bin/k3s-uninstall.sh /usr/local/bin/k3s-agent-uninstall.sh"
                    + " /etc/systemd/system/k3s.service /etc/systemd/system/k3s-agent.service /var/lib/rancher/k3s/server/token; do"
                    + " [ -e \"$p\" ] && t=\"$t$p,\"; done; if " + K3S_RUNNING + "; then t=\"${t}a running k3s process,\"; fi; echo \"traces=$t\"",
            "");

    static HostFacts parse(String output, long localEpochSeconds) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        Set<Integer> ports = new TreeSet<>();
        for (String p : values.getOrDefault("listenHex", "").split(",")) {
            if (p.matches("[0-9A-Fa-f]{1,4}")) {
                ports.add(Integer.parseInt(p, 16));
            }
        }
        Set<String> addresses = new TreeSet<>();
        for (String a : values.getOrDefault("ipv4", "").split(",")) {
            if (a.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !a.startsWith("127.")) {
                addresses.add(a);
            }
        }
        for (String a : values.getOrDefault("ipv6", "").split(",")) {
            if (a.matches("[0-9a-fA-F]{32}")) {
                addresses.add(ipv6(a));
            }
        }
        List<String> traces = new ArrayList<>();
        for (String t : values.getOrDefault("traces", "").split(",")) {
            if (!t.isBlank()) {
                traces.add(t.trim());
            }
        }
        String version = values.get("k3sVersion");
        String role = values.get("role");
        String time = values.getOrDefault("time", "");
        Long skew = time.matches("\\d{1,12}") ? Long.parseLong(time) - localEpochSeconds : null;
        return new HostFacts(
                values.getOrDefault("hostname", ""),
                values.getOrDefault("os", "unknown"),
                values.getOrDefault("kernel", ""),
                values.getOrDefault("arch", ""),
                parseLong(values.get("memKb"), 0) / 1024,
                parseLong(values.get("swapKb"), 0) / 1024,
                values.getOrDefault("init", "none"),
                skew,
                time,
                ports,
                version == null || version.isBlank() ? null : version,
                "true".equals(values.get("running")),
                role == null ? null : NodeRole.valueOf(role.toUpperCase()),
                values.getOrDefault("configHash", ""),
                "true".equals(values.get("owned")),
                traces,
                addresses,
                values.get("binDir"));
    }

    /** 32 hex digits from /proc/net/if_inet6, as Java prints the address (compare with {@link #sameAddress}). */
    private static String ipv6(String hex) {
        try {
            return java.net.InetAddress.getByAddress(java.util.HexFormat.of().parseHex(hex)).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return hex;
        }
    }

    /** Whether two address literals name the same address (IPv6 has several spellings); never resolves names. */
    static boolean sameAddress(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        if (!a.contains(":") || !b.contains(":")) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(a.replaceAll("^\\[|\\]$", "")).equals(java.net.InetAddress.getByName(b.replaceAll("^\\[|\\]$", "")));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static long parseLong(String s, long fallback) {
        try {
            return s == null ? fallback : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
