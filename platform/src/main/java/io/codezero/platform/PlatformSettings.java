package io.codezero.platform;

import com.pulumi.core.Output;
import io.codezero.core.target.Exposure;
import io.codezero.core.validation.Names;
import io.codezero.core.validation.Problem;
import io.codezero.platform.helm.ChartSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Platform-wide choices shared by every layer and app: the domain apps are served under, the namespace of CodeZero's
 * own services, the system gateway's exposure and where charts come from.
 *
 * <p>The domain may be a plain value, checked before anything is registered, or an {@link Output} of another resource
 * (a DNS zone, a stack reference), checked when it resolves: a bad value then fails the resources that use it with the
 * same message a plain value gets. Build with {@link #builder()}; {@link #defaults()} takes every default.
 */
public final class PlatformSettings {
    /** The domain when none is given: {@code <app>.codezero.localhost} resolves to the local machine. */
    public static final String DEFAULT_DOMAIN = "codezero.localhost";
    /** The namespace of CodeZero's own services when none is given. */
    public static final String DEFAULT_SYSTEM_NAMESPACE = "codezero-system";
    /** Kubernetes' own namespaces: never created, owned or deleted by CodeZero. */
    public static final Set<String> KUBERNETES_NAMESPACES = Set.of("default", "kube-system", "kube-public", "kube-node-lease");
    /** Where problems with the domain are reported. */
    static final String DOMAIN_PATH = "platform.domain";

    private final String plainDomain;
    private final Output<String> domain;
    private final String systemNamespace;
    private final Exposure gatewayExposure;
    private final ChartSource chartSources;

    private PlatformSettings(Builder b) {
        this.plainDomain = b.domainOutput == null ? Objects.requireNonNullElse(b.domain, DEFAULT_DOMAIN) : null;
        this.domain = b.domainOutput == null ? Output.of(plainDomain) : WhenResolved.check(b.domainOutput, PlatformSettings::domainProblems);
        this.systemNamespace = Objects.requireNonNullElse(b.systemNamespace, DEFAULT_SYSTEM_NAMESPACE);
        this.gatewayExposure = b.gatewayExposure;
        this.chartSources = Objects.requireNonNullElse(b.chartSources, ChartSource.remote());
    }

    /** Settings with every default: domain {@value #DEFAULT_DOMAIN}, the target's gateway exposure, the pinned chart repositories. */
    public static PlatformSettings defaults() {
        return builder().build();
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.domain = plainDomain;
        b.domainOutput = plainDomain == null ? domain : null;
        b.systemNamespace = systemNamespace;
        b.gatewayExposure = gatewayExposure;
        b.chartSources = chartSources;
        return b;
    }

    /** The same settings with another (plain) domain. */
    public PlatformSettings withDomain(String domain) {
        return toBuilder().domain(domain).build();
    }

    /** The same settings with a domain another resource gives, checked when it resolves. */
    public PlatformSettings withDomain(Output<String> domain) {
        return toBuilder().domain(domain).build();
    }

    /** The same settings with another gateway exposure. */
    public PlatformSettings withGatewayExposure(Exposure exposure) {
        return toBuilder().gatewayExposure(exposure).build();
    }

    /**
     * The cluster domain; apps are served at {@code <app>.<domain>}. Known in the plan when given as a plain value;
     * a domain from another resource resolves at deploy time (and is checked then).
     */
    public Output<String> domain() {
        return domain;
    }

    /** The domain when it was given as a plain value; empty when it comes from another resource. */
    public Optional<String> knownDomain() {
        return Optional.ofNullable(plainDomain);
    }

    /** The domain for messages and notes: its value when known, else {@code <domain>}. */
    public String domainForMessages() {
        return plainDomain != null ? plainDomain : "<domain>";
    }

    /** Where CodeZero's own services live. */
    public String systemNamespace() {
        return systemNamespace;
    }

    /** Whether the system gateway faces the internet or only the private network; null means the target's default. */
    public Exposure gatewayExposure() {
        return gatewayExposure;
    }

    /** Where each chart comes from: the pinned repositories, or local chart directories by chart key. */
    public ChartSource chartSources() {
        return chartSources;
    }

    /** Problems with the domain (when given as a plain value) and the system namespace, with the paths config uses. */
    public List<Problem> validate() {
        List<Problem> problems = new ArrayList<>();
        if (plainDomain != null) {
            problems.addAll(domainProblems(plainDomain));
        }
        Names.whyNotDnsLabel(systemNamespace, 63).ifPresent(why -> problems.add(Problem.of("platform.systemNamespace", systemNamespace, why)));
        if (KUBERNETES_NAMESPACES.contains(systemNamespace)) {
            problems.add(Problem.of("platform.systemNamespace", systemNamespace,
                    "is Kubernetes' own namespace; CodeZero's services need one of their own (the default is " + DEFAULT_SYSTEM_NAMESPACE + ")"));
        }
        return problems;
    }

    /** Why a domain cannot serve apps at {@code <app>.<domain>}. */
    static List<Problem> domainProblems(String domain) {
        List<Problem> problems = new ArrayList<>();
        Names.whyNotDnsName(domain).ifPresentOrElse(why -> problems.add(Problem.of(DOMAIN_PATH, domain, why)), () -> {
            if (domain.substring(domain.lastIndexOf('.') + 1).matches("\\d+")) {
                problems.add(Problem.of(DOMAIN_PATH, domain, "ends in a number, so it is an IP address or a number rather than a "
                        + "domain; apps are served at <app>." + domain + ", which needs a DNS name such as apps.example.com"));
            }
        });
        return problems;
    }

    @Override
    public String toString() {
        return "PlatformSettings[domain=" + domainForMessages() + ", systemNamespace=" + systemNamespace + ", gatewayExposure="
                + gatewayExposure + "]";
    }

    /** Builds {@link PlatformSettings}; every setting has a default. */
    public static final class Builder {
        private String domain;
        private Output<String> domainOutput;
        private String systemNamespace;
        private Exposure gatewayExposure;
        private ChartSource chartSources;

        private Builder() {
        }

        /** The cluster domain, e.g. {@code apps.example.com}; null: {@value #DEFAULT_DOMAIN}. */
        public Builder domain(String domain) {
            this.domain = domain;
            this.domainOutput = null;
            return this;
        }

        /** A domain another resource gives (a DNS zone's name, a stack reference's output); checked when it resolves. */
        public Builder domain(Output<String> domain) {
            this.domainOutput = io.codezero.core.validation.Arguments.given(domain, "PlatformSettings.Builder.domain");
            this.domain = null;
            return this;
        }

        /** Where CodeZero's own services live; null: {@value #DEFAULT_SYSTEM_NAMESPACE}. */
        public Builder systemNamespace(String systemNamespace) {
            this.systemNamespace = systemNamespace;
            return this;
        }

        /** Internet-facing or internal system gateway; null: the target's default. */
        public Builder gatewayExposure(Exposure gatewayExposure) {
            this.gatewayExposure = gatewayExposure;
            return this;
        }

        /** Local chart directories or archives by chart key ({@code platform.chartSources}), for air-gapped installs. */
        public Builder chartSources(ChartSource chartSources) {
            this.chartSources = chartSources;
            return this;
        }

        /** The settings. */
        public PlatformSettings build() {
            return new PlatformSettings(this);
        }
    }
}
