package io.codezero.platform.apps;

import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ExecActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.TCPSocketActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import io.codezero.core.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parts of an app's pod that make it pass the {@code restricted} Pod Security level and stay healthy: a
 * non-root user and group, no capabilities, no privilege escalation, RuntimeDefault seccomp, a read-only root file
 * system with empty scratch directories where the software writes, requests and limits, and its probes.
 */
final class HardenedPod {
    private static final Pattern PATH = Pattern.compile("/[a-z0-9._-]+(/[a-z0-9._-]+)*", Pattern.CASE_INSENSITIVE);

    private HardenedPod() {
    }

    static PodSecurityContextArgs podSecurity(AppSpec spec, Optional<Integer> fsGroup) {
        return PodSecurityContextArgs.builder()
                .runAsNonRoot(true)
                .runAsUser((int) spec.runAs().user())
                .runAsGroup((int) spec.runAs().group())
                // Volumes are made writable for the app's group; OnRootMismatch skips the walk when they already are.
                .fsGroup(fsGroup.orElse((int) spec.runAs().group()))
                .fsGroupChangePolicy("OnRootMismatch")
                .seccompProfile(runtimeDefault())
                .build();
    }

    static SecurityContextArgs containerSecurity(AppSpec spec) {
        return SecurityContextArgs.builder()
                .runAsNonRoot(true)
                .runAsUser((int) spec.runAs().user())
                .runAsGroup((int) spec.runAs().group())
                .allowPrivilegeEscalation(false)
                .privileged(false)
                .readOnlyRootFilesystem(true)
                .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                .seccompProfile(runtimeDefault())
                .build();
    }

    static ResourceRequirementsArgs resources(AppSpec spec) {
        return ResourceRequirementsArgs.builder()
                .requests(spec.resources().requestMap())
                .limits(spec.resources().limitMap())
                .build();
    }

    /** One emptyDir per writable path, sized by the container's ephemeral-storage limit. */
    static List<VolumeArgs> scratchVolumes(AppSpec spec) {
        return spec.writablePaths().stream().map(path -> VolumeArgs.builder().name(scratchName(path))
                .emptyDir(EmptyDirVolumeSourceArgs.builder().build()).build()).toList();
    }

    static List<VolumeMountArgs> scratchMounts(AppSpec spec) {
        return spec.writablePaths().stream().map(path -> VolumeMountArgs.builder().name(scratchName(path)).mountPath(path).build()).toList();
    }

    /** {@code /var/run/postgresql} -> {@code scratch-var-run-postgresql}. */
    static String scratchName(String path) {
        String name = "scratch-" + path.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return name.length() <= 63 ? name : name.substring(0, 63).replaceAll("-+$", "");
    }

    static ProbeArgs probe(Probe probe) {
        ProbeArgs.Builder builder = ProbeArgs.builder()
                .initialDelaySeconds(probe.initialDelaySeconds())
                .periodSeconds(probe.periodSeconds())
                .timeoutSeconds(probe.timeoutSeconds())
                .failureThreshold(probe.failureThreshold())
                .successThreshold(1);
        switch (probe.kind()) {
            case HTTP -> builder.httpGet(HTTPGetActionArgs.builder().path(probe.path()).port(probe.port()).build());
            case TCP -> builder.tcpSocket(TCPSocketActionArgs.builder().port(probe.port()).build());
            case EXEC -> builder.exec(ExecActionArgs.builder().command(probe.command()).build());
        }
        return builder.build();
    }

    /** Problems with the user, the writable paths and the resources, reported under {@code at}. */
    static List<Problem> problems(String at, AppSpec spec) {
        List<Problem> problems = new ArrayList<>();
        if (spec.runAs().user() < 1 || spec.runAs().user() > 2147483647L) {
            problems.add(Problem.of(at + ".user", spec.runAs().user(),
                    "must be a non-root user id between 1 and 2147483647 (the namespace's Pod Security level refuses root)"));
        }
        if (spec.runAs().group() < 1 || spec.runAs().group() > 2147483647L) {
            problems.add(Problem.of(at + ".group", spec.runAs().group(), "must be a group id between 1 and 2147483647"));
        }
        List<String> mounts = spec.volumes().stream().map(Volume::mountPath).toList();
        for (int i = 0; i < spec.writablePaths().size(); i++) {
            String path = spec.writablePaths().get(i);
            if (path == null || !PATH.matcher(path).matches() || path.length() > 200) {
                problems.add(Problem.of(at + ".writablePaths[" + i + "]", path,
                        "must be an absolute directory path such as /var/cache/app (letters, digits, '.', '_', '-')"));
            } else if (mounts.contains(path)) {
                problems.add(Problem.of(at + ".writablePaths[" + i + "]", path, "is already a volume's mount path; a volume is writable"));
            } else if (spec.writablePaths().indexOf(path) < i) {
                problems.add(Problem.of(at + ".writablePaths[" + i + "]", path, "is listed twice; list each path once"));
            }
        }
        for (Volume volume : spec.volumes()) {
            String path = volume.mountPath();
            if (path == null || !PATH.matcher(path).matches() || path.length() > 200) {
                problems.add(Problem.of(at + ".volumePath", path, "must be an absolute directory path such as /var/lib/app "
                        + "(letters, digits, '.', '_', '-'), not the root directory"));
            }
        }
        if (spec.workload() instanceof Workload.Image image) {
            image.env().forEach((name, value) -> {
                // Kubernetes takes any printable ASCII name without '=' (relaxed validation, on by default since 1.32)
                if (name == null || name.isEmpty() || !name.matches("[\\x21-\\x3c\\x3e-\\x7e]+")) {
                    problems.add(Problem.of(at + ".env." + name, name, "is not an environment variable name Kubernetes accepts: "
                            + "printable ASCII without spaces or '=', e.g. LOG_LEVEL"));
                }
            });
            if (ISTIO_PORTS.contains(image.port())) {
                problems.add(Problem.of(at + ".port", image.port(), "is a port Istio's proxy listens on in every meshed pod "
                        + "(15000, 15001, 15004, 15006, 15008, 15009, 15020, 15021, 15053, 15090); choose another"));
            }
        }
        problems.addAll(spec.resources().problems(at + ".resources"));
        return problems;
    }

    /** Ports Istio's sidecar proxy binds in the pod (Istio's "Ports used by Istio"). */
    private static final java.util.Set<Integer> ISTIO_PORTS = java.util.Set.of(15000, 15001, 15004, 15006, 15008, 15009, 15020, 15021, 15053, 15090);

    private static SeccompProfileArgs runtimeDefault() {
        return SeccompProfileArgs.builder().type("RuntimeDefault").build();
    }
}
