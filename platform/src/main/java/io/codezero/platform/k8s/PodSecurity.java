package io.codezero.platform.k8s;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Pod Security Standards level, enforced by the API server's built-in Pod Security Admission on a namespace
 * through its labels. Every namespace CodeZero creates declares the strictest level its workloads pass, so a later
 * change cannot run a pod there that breaks it.
 */
public enum PodSecurity {
    /** No restrictions: node agents that need host namespaces, host paths or privileged containers. */
    PRIVILEGED,
    /** No known privilege escalation: no host namespaces or paths, no added capabilities beyond the default set. */
    BASELINE,
    /** Hardened: non-root, no capabilities, no privilege escalation, a seccomp profile, only safe volume types. */
    RESTRICTED;

    /** The namespace label whose level the API server enforces: a pod that breaks it is refused. */
    public static final String ENFORCE = "pod-security.kubernetes.io/enforce";
    /** The namespace label whose level the API server warns about to the client. */
    public static final String WARN = "pod-security.kubernetes.io/warn";
    /** The namespace label whose level the API server records in its audit log. */
    public static final String AUDIT = "pod-security.kubernetes.io/audit";

    /** The label value: privileged, baseline or restricted. */
    public String level() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Enforce this level; warn about and audit the same, so what `kubectl apply` and the audit log report is exactly
     * what would be refused. The version is the API server's own ("latest", the default when the label is absent).
     */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ENFORCE, level());
        labels.put(WARN, level());
        labels.put(AUDIT, level());
        return labels;
    }
}
