package io.codezero.baremetal.install;

import java.util.LinkedHashMap;
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
        String configHash) {

    public boolean installed() {
        return installedVersion != null;
    }

    /** The shell script that prints the facts as key=value lines. Runs as root. */
    static final String SCRIPT = String.join("\n",
            "echo \"hostname=$(hostname)\"",
            "if [ -r /etc/os-release ]; then . /etc/os-release; fi; echo \"os=${ID:-unknown} ${VERSION_ID:-}\"",
            "echo \"kernel=$(uname -s) $(uname -r)\"",
            "echo \"arch=$(uname -m)\"",
            "echo \"memKb=$(awk '/^MemTotal:/{print $2}' /proc/meminfo)\"",
            "echo \"swapKb=$(awk '/^SwapTotal:/{print $2}' /proc/meminfo)\"",
            "echo \"time=$(date -u +%s)\"",
            "if [ -d /run/systemd/system ]; then echo init=systemd; elif [ -x /sbin/openrc-run ] || command -v openrc >/dev/null 2>&1; then echo init=openrc; else echo init=none; fi",
            "echo \"ports=$( (ss -Hltn 2>/dev/null || netstat -ltn 2>/dev/null | tail -n +3) | awk '{print $4}' | sed 's/.*://' | sort -un | tr '\\n' ',')\"",
            "if [ -x /usr/local/bin/k3s ]; then echo \"k3sVersion=$(/usr/local/bin/k3s --version 2>/dev/null | head -1 | awk '{print $3}')\"; fi",
            "if pgrep -f '[k]3s (server|agent)' >/dev/null 2>&1; then echo running=true; else echo running=false; fi",
            "if [ -x /usr/local/bin/k3s-uninstall.sh ]; then echo role=server; elif [ -x /usr/local/bin/k3s-agent-uninstall.sh ]; then echo role=agent; fi",
            "echo \"configHash=$(cat /var/lib/codezero/k3s-config.sha256 2>/dev/null)\"",
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
        for (String p : values.getOrDefault("ports", "").split(",")) {
            if (p.matches("\\d{1,5}")) {
                ports.add(Integer.parseInt(p));
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
                values.getOrDefault("configHash", ""));
    }

    private static long parseLong(String s, long fallback) {
        try {
            return s == null ? fallback : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
