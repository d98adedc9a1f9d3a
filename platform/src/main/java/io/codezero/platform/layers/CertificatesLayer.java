package io.codezero.platform.layers;

import java.util.Set;
import io.codezero.platform.Capability;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.resources.Resource;
import io.codezero.core.Versions;
import io.codezero.core.validation.Problem;
import io.codezero.platform.InstalledLayer;
import io.codezero.platform.LayerContext;
import io.codezero.platform.DeclaredLayer;
import io.codezero.platform.PlatformSettings;
import io.codezero.platform.helm.ChartRef;
import io.codezero.platform.k8s.KubernetesObject;
import io.codezero.platform.k8s.Meta;
import io.codezero.platform.k8s.PodSecurity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * cert-manager with one cluster issuer: a self-signed CA for development (the default; browsers
 * will warn) or ACME (Let's Encrypt by default) with HTTP-01 through the Istio gateway.
 */
public final class CertificatesLayer extends DeclaredLayer<CertificatesLayer.Options> {
    /** The layer's name and config key. */
    public static final String NAME = "certificates";
    /** Where cert-manager runs. */
    public static final String NAMESPACE = "cert-manager";
    /** The ClusterIssuer of the development CA. */
    public static final String CA_ISSUER = "codezero-ca";
    /** The ClusterIssuer of the ACME account. */
    public static final String ACME_ISSUER = "codezero-acme";
    /** Let's Encrypt's production ACME directory, the default server. */
    public static final String LETSENCRYPT = "https://acme-v02.api.letsencrypt.org/directory";
    /** The pinned cert-manager chart. */
    public static final ChartRef CERT_MANAGER = new ChartRef("cert-manager", Versions.Platform.JETSTACK_REPO, "cert-manager",
            Versions.Platform.CERT_MANAGER);
    private static final String API = "cert-manager.io/v1";

    /**
     * The settings a certificates layer was built with.
     *
     * @param acme the ACME account; empty: a self-signed development CA
     */
    public record Options(Optional<Acme> acme) {
        /**
         * The settings as given.
         *
         * @param acme the ACME account; empty: a self-signed development CA
         * @deprecated a layer is built with its builder ({@code CertificatesLayer.builder()}); {@code Options} is what
         *             {@code layer.options()} reads back, not a second way to build one
         */
        @Deprecated
        public Options {
        }
    }

    /**
     * An ACME account.
     *
     * @param email  where the CA writes about expiring certificates
     * @param server the ACME directory URL
     */
    public record Acme(String email, String server) {
    }

    private CertificatesLayer(Options options) {
        super(options, NAME, List.of(CERT_MANAGER), List.of(NAMESPACE), List.of(), Set.of(Capability.of(Issuer.class)));
    }

    /** cert-manager with a development CA (the default) or an ACME issuer. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CertificatesLayer}; without {@link #acme} it issues from a self-signed development CA. */
    public static final class Builder {
        private Acme acme;

        private Builder() {
        }

        /** An ACME account at Let's Encrypt with this e-mail address. */
        public Builder acme(String email) {
            return acme(new Acme(email, LETSENCRYPT));
        }

        /** An ACME account at any ACME directory; null: the self-signed development CA. */
        public Builder acme(Acme acme) {
            this.acme = acme;
            return this;
        }

        /** The self-signed development CA (the default; browsers warn). */
        public Builder selfSigned() {
            this.acme = null;
            return this;
        }

        /** The layer; its options are checked with the stack's, before anything is registered. */
        public CertificatesLayer build() {
            return new CertificatesLayer(new Options(Optional.ofNullable(acme)));
        }
    }

    @Override
    public List<Problem> validate(PlatformSettings settings) {
        List<Problem> problems = new ArrayList<>();
        options().acme().ifPresent(acme -> {
            if (acme.email() == null || !acme.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add(Problem.of("platform.certificates.acme.email", acme.email(), "must be an e-mail address for the ACME account"));
            }
            io.codezero.core.validation.Urls.whyNotHttps(acme.server(), "an ACME directory URL").ifPresent(why ->
                    problems.add(Problem.of("platform.certificates.acme.server", acme.server(), why)));
        });
        return problems;
    }

    @Override
    public InstalledLayer install(LayerContext context) {
        // restricted: the chart runs every cert-manager pod non-root, without capabilities, with RuntimeDefault seccomp.
        Namespace ns = context.namespace("cert-manager-namespace", NAMESPACE, PodSecurity.RESTRICTED, Map.of());

        Map<String, Object> values = new LinkedHashMap<>();
        // crds.keep: uninstalling the chart must not delete every Certificate in the cluster with its CRD.
        values.put("crds", Map.of("enabled", true, "keep", true));
        values.put("resources", IstioLayer.requests("50m", "128Mi"));
        values.put("webhook", Map.of("resources", IstioLayer.requests("20m", "64Mi")));
        values.put("cainjector", Map.of("resources", IstioLayer.requests("20m", "128Mi")));
        Release release = context.release("cert-manager", CERT_MANAGER, "cert-manager", NAMESPACE, values, 600, ns);

        Issuer issuer;
        if (options().acme().isPresent()) {
            Acme acme = options().acme().get();
            KubernetesObject acmeIssuer = KubernetesObject.of(context.name("cert-manager-acme-issuer"), API, "ClusterIssuer", Meta.of(ACME_ISSUER, null, NAME),
                    Map.of("acme", Map.of("email", acme.email(), "server", acme.server(),
                            "privateKeySecretRef", Map.of("name", "codezero-acme-account"),
                            "solvers", List.of(Map.of("http01", Map.of("ingress", Map.of("ingressClassName", Issuer.HTTP01_INGRESS_CLASS)))))),
                    context.options(release));
            issuer = new Issuer(ACME_ISSUER, List.of(release, acmeIssuer), false, Optional.of(Issuer.HTTP01_INGRESS_CLASS));
        } else {
            KubernetesObject selfSigned = KubernetesObject.of(context.name("cert-manager-selfsigned-issuer"), API, "ClusterIssuer",
                    Meta.of("codezero-selfsigned", null, NAME), Map.of("selfSigned", Map.of()), context.options(release));
            KubernetesObject ca = KubernetesObject.of(context.name("cert-manager-dev-ca"), API, "Certificate", Meta.of(CA_ISSUER, NAMESPACE, NAME),
                    Map.of("isCA", true, "commonName", "CodeZero development CA", "secretName", CA_ISSUER, "duration", "87600h",
                            "privateKey", Map.of("algorithm", "ECDSA", "size", 256),
                            "issuerRef", Map.of("name", "codezero-selfsigned", "kind", "ClusterIssuer", "group", "cert-manager.io")),
                    context.options(release, selfSigned));
            KubernetesObject caIssuer = KubernetesObject.of(context.name("cert-manager-ca-issuer"), API, "ClusterIssuer", Meta.of(CA_ISSUER, null, NAME),
                    Map.of("ca", Map.of("secretName", CA_ISSUER)), context.options(release, ca));
            issuer = new Issuer(CA_ISSUER, List.<Resource>of(release, caIssuer), true);
        }
        return InstalledLayer.of(NAME, issuer.ready()).withFact(Issuer.class, issuer);
    }
}
