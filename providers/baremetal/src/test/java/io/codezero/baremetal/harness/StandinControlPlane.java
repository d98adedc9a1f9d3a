package io.codezero.baremetal.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real control plane the stand-in k3s runs when a harness machine has one: etcd, kube-apiserver,
 * kube-controller-manager, kube-scheduler, kwok (with its stages) and kubectl, as built by
 * e2e/toolchain.sh ({@code ~/.cache/codezero-e2e/bin} or {@code CODEZERO_E2E_BIN}). The harness
 * bind-mounts them, read-only in effect, at {@link #MOUNT_POINT} inside each machine, before its sshd starts:
 * the stand-in script finds them there and serves the Kubernetes API instead of its line protocol.
 * Bind mounts and not copies: 402 MB per machine would otherwise land in every machine's overlay.
 */
public final class StandinControlPlane {
    public static final Path BIN = Path.of(System.getenv().getOrDefault("CODEZERO_E2E_BIN",
            System.getProperty("user.home") + "/.cache/codezero-e2e/bin"));
    /** Where the stand-in script looks (its {@code CP_BIN}). */
    public static final String MOUNT_POINT = "/opt/codezero-standin/bin";
    static final List<String> FILES = List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kwok",
            "kwok-stages.yaml", "kubectl");

    private StandinControlPlane() {
    }

    /** Null when every binary is there, else what is missing and how to build it. */
    public static String unavailableReason() {
        List<String> missing = new ArrayList<>();
        for (String f : FILES) {
            if (!Files.isReadable(BIN.resolve(f))) {
                missing.add(f);
            }
        }
        return missing.isEmpty() ? null : "no " + String.join(", ", missing) + " in " + BIN + " (build them with e2e/toolchain.sh)";
    }

    /** The toolchain's kubectl against a stand-in cluster; fails with kubectl's own message when it fails. */
    public static String kubectl(Path kubeconfig, String... args) {
        List<String> command = new ArrayList<>(List.of(BIN.resolve("kubectl").toString(), "--kubeconfig", kubeconfig.toString(),
                "--request-timeout=30s"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] err = p.getErrorStream().readAllBytes();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("kubectl timed out: " + String.join(" ", args));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("kubectl " + String.join(" ", args) + " failed (" + p.exitValue() + "): "
                        + new String(err, java.nio.charset.StandardCharsets.UTF_8) + out);
            }
            return out.trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Shell lines (run before the chroot) that bind-mount the binaries into the machine's root {@code merged}. */
    static List<String> mountLines(String merged) {
        List<String> lines = new ArrayList<>();
        String dir = merged + MOUNT_POINT;
        lines.add("mkdir -p " + dir);
        for (String f : FILES) {
            Path real;
            try {
                real = BIN.resolve(f).toRealPath();
            } catch (IOException e) {
                throw new IllegalStateException("control-plane binary " + f + " missing: " + unavailableReason(), e);
            }
            lines.add("touch " + dir + "/" + f);
            lines.add("mount --bind " + real + " " + dir + "/" + f);
        }
        return lines;
    }
}
