package io.codezero.platform.layers;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import io.codezero.core.Versions;
import io.codezero.core.validation.Names;
import io.codezero.core.validation.Problem;
import io.codezero.platform.Capability;
import io.codezero.platform.InstalledLayer;
import io.codezero.platform.LayerContext;
import io.codezero.platform.DeclaredLayer;
import io.codezero.platform.PlatformSettings;
import io.codezero.platform.Requirement;
import io.codezero.platform.helm.ChartRef;
import io.codezero.platform.Input;
import io.codezero.platform.WhenResolved;
import io.codezero.platform.k8s.Meta;
import io.codezero.platform.k8s.PodSecurity;
import io.codezero.platform.mesh.ExternalAuthorization;
import io.codezero.platform.mesh.Mesh;
import io.codezero.platform.mesh.Route;
import io.codezero.platform.mesh.Routes;
import io.codezero.platform.mesh.Visibility;
import io.codezero.platform.secrets.RandomPassword;
import io.codezero.platform.secrets.RandomPasswordArgs;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Browser sign-in at the gateway: oauth2-proxy, asked by the gateway (Istio external authorization) before any
 * request reaches a private route, signs users in with any OpenID Connect issuer (Entra ID, Google, Keycloak, Okta,
 * GitHub through an OIDC bridge...). Its session cookie is set for the platform domain, so one sign-in covers every
 * console and private app. The client secret and the generated cookie secret reach the cluster only as Pulumi secrets
 * inside a Kubernetes Secret the chart reads ({@code config.existingSecret}), never in Helm values.
 */
public final class SignInLayer extends DeclaredLayer<SignInLayer.Options> {
    /** The layer's name. */
    public static final String NAME = "signIn";
    /** The layer's config key, {@code platform.signIn}. */
    public static final String CONFIG_KEY = "signIn";
    /** Where oauth2-proxy runs unless told otherwise. */
    public static final String DEFAULT_NAMESPACE = "codezero-sign-in";
    /** The sign-in callback's host label unless told otherwise. */
    public static final String DEFAULT_AUTH_HOST = "auth";
    /** oauth2-proxy's Helm release and Service. */
    public static final String RELEASE = "oauth2-proxy";
    /** The Secret holding the client id, client secret and cookie secret. */
    public static final String CREDENTIALS_SECRET = "oauth2-proxy-credentials";
    /** oauth2-proxy's callback path, part of the redirect URI registered at the issuer. */
    public static final String CALLBACK_PATH = "/oauth2/callback";
    /** The extension provider of routes that pass the identity headers on. */
    public static final String PROVIDER = "codezero-sign-in";
    /** The extension provider of routes that also pass the user's ID token on. */
    public static final String TOKEN_PROVIDER = "codezero-sign-in-token";
    /** oauth2-proxy's Service port. */
    public static final int SERVICE_PORT = 80;
    /** The header carrying the signed-in user's e-mail address. */
    public static final String USER_HEADER = "X-Auth-Request-Email";
    /** The header carrying the signed-in user's groups. */
    public static final String GROUPS_HEADER = "X-Auth-Request-Groups";
    /** oauth2-proxy takes 16, 24 or 32 bytes for AES; 32 characters of the generated alphabet are 32 bytes. */
    static final int COOKIE_SECRET_LENGTH = 32;
    /** The pinned oauth2-proxy chart. */
    public static final ChartRef CHART = new ChartRef("oauth2-proxy", Versions.Platform.OAUTH2_PROXY_REPO, "oauth2-proxy",
            Versions.Platform.OAUTH2_PROXY);

    /**
     * The settings a sign-in layer was built with.
     *
     * @param namespace     where oauth2-proxy runs
     * @param issuer        the OIDC issuer URL (https); may come from another resource
     * @param clientId      the OAuth client registered at the issuer; may come from another resource
     * @param clientSecret  its secret; empty is a problem, never a default
     * @param allowedGroups who may sign in, by the issuer's groups claim
     * @param allowedEmails who may sign in, by e-mail address; with groups as well, a user must satisfy both
     * @param cookieDomain  the session cookie's domain; null: the platform domain, so the cookie reaches every console
     * @param authHost      the host label of the sign-in callback route, {@code https://<authHost>.<domain>/oauth2/callback}
     * @param scopes        the scopes asked for
     * @param groupsClaim   the ID token claim listing the user's groups
     * @param replicas      oauth2-proxy replicas; sessions live in the cookie, so any replica serves any user
     */
    public record Options(String namespace, Input<String> issuer, Input<String> clientId, Optional<Output<String>> clientSecret,
                          List<String> allowedGroups, List<String> allowedEmails, String cookieDomain, String authHost,
                          String scopes, String groupsClaim, int replicas) {
        /**
         * Copies the lists.
         *
         * @param namespace where oauth2-proxy runs
         * @param issuer the OIDC issuer URL (https); may come from another resource
         * @param clientId the OAuth client registered at the issuer; may come from another resource
         * @param clientSecret its secret; empty is a problem, never a default
         * @param allowedGroups who may sign in, by the issuer's groups claim
         * @param allowedEmails who may sign in, by e-mail address; with groups as well, a user must satisfy both
         * @param cookieDomain the session cookie's domain; null: the platform domain, so the cookie reaches every console
         * @param authHost the host label of the sign-in callback route, {@code https://<authHost>.<domain>/oauth2/callback}
         * @param scopes the scopes asked for
         * @param groupsClaim the ID token claim listing the user's groups
         * @param replicas oauth2-proxy replicas; sessions live in the cookie, so any replica serves any user
         * @deprecated a layer is built with its builder ({@code SignInLayer.builder()}); {@code Options} is what
         *             {@code layer.options()} reads back, not a second way to build one
         */
        @Deprecated
        public Options {
            allowedGroups = List.copyOf(allowedGroups);
            allowedEmails = List.copyOf(allowedEmails);
            clientSecret = clientSecret == null ? Optional.empty() : clientSecret;
        }

        @Override
        public String toString() {
            // the client secret is never printed, not even its Output's description
            return "SignInLayer.Options[namespace=" + namespace + ", issuer=" + issuer.describe("<output>") + ", clientId="
                    + clientId.describe("<output>") + ", allowedGroups=" + allowedGroups + ", allowedEmails=" + allowedEmails + "]";
        }
    }

    private SignInLayer(Options options) {
        super(options, NAME, List.of(CHART), List.of(options.namespace()), requires(options), Set.of(Capability.of(SignIn.class)));
    }

    /** Sign-in with an OIDC issuer. Issuer, client id, client secret and allowed groups or e-mails have no defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SignInLayer}. */
    public static final class Builder {
        private String namespace = DEFAULT_NAMESPACE;
        private Input<String> issuer = Input.of((String) null);
        private Input<String> clientId = Input.of((String) null);
        private Output<String> clientSecret;
        private List<String> allowedGroups = List.of();
        private List<String> allowedEmails = List.of();
        private String cookieDomain;
        private String authHost = DEFAULT_AUTH_HOST;
        private String scopes = "openid email profile";
        private String groupsClaim = "groups";
        private int replicas = 2;

        private Builder() {
        }

        /** Where oauth2-proxy runs; default {@value #DEFAULT_NAMESPACE}. */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** The OIDC issuer URL, e.g. https://login.microsoftonline.com/&lt;tenant&gt;/v2.0 or https://accounts.google.com. */
        public Builder issuer(String issuer) {
            this.issuer = Input.of(issuer);
            return this;
        }

        /** The OIDC issuer URL from another resource (an identity provider's output); checked when it resolves. */
        public Builder issuer(Output<String> issuer) {
            this.issuer = Input.of(issuer);
            return this;
        }

        /** The client id of the OAuth application registered at the issuer. */
        public Builder clientId(String clientId) {
            this.clientId = Input.of(clientId);
            return this;
        }

        /** The client id from another resource (the application's registration); checked when it resolves. */
        public Builder clientId(Output<String> clientId) {
            this.clientId = Input.of(clientId);
            return this;
        }

        /** The client secret; made a Pulumi secret here if it was not one. */
        public Builder clientSecret(Output<String> clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /** The client secret as a plain value (from a secret config value); kept a Pulumi secret. */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret == null || clientSecret.isBlank() ? null : Output.ofSecret(clientSecret);
            return this;
        }

        /** Who may sign in, by the issuer's groups claim. */
        public Builder allowedGroups(List<String> allowedGroups) {
            this.allowedGroups = io.codezero.core.validation.Arguments.items(allowedGroups, "SignInLayer.Builder.allowedGroups");
            return this;
        }

        /** Who may sign in, by e-mail address. */
        public Builder allowedEmails(List<String> allowedEmails) {
            this.allowedEmails = io.codezero.core.validation.Arguments.items(allowedEmails, "SignInLayer.Builder.allowedEmails");
            return this;
        }

        /** The session cookie's domain; default: the platform domain. */
        public Builder cookieDomain(String cookieDomain) {
            this.cookieDomain = cookieDomain;
            return this;
        }

        /** The host label of the sign-in callback route; default {@value #DEFAULT_AUTH_HOST}. */
        public Builder authHost(String authHost) {
            this.authHost = authHost;
            return this;
        }

        /** The scopes asked for, space separated; default "openid email profile". */
        public Builder scopes(String scopes) {
            this.scopes = scopes;
            return this;
        }

        /** The ID token claim listing the user's groups; default "groups". */
        public Builder groupsClaim(String groupsClaim) {
            this.groupsClaim = groupsClaim;
            return this;
        }

        /** oauth2-proxy replicas; default 2. */
        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        /** The layer; its options are checked with the stack's, before anything is registered. */
        public SignInLayer build() {
            return new SignInLayer(new Options(namespace, issuer, clientId, Optional.ofNullable(clientSecret), allowedGroups, allowedEmails,
                    cookieDomain, authHost, scopes, groupsClaim, replicas));
        }
    }

    /** What the Istio layer must be told ({@code IstioLayer.builder().signIn(...)}): the extension providers for this service. */
    public ExternalAuthorization externalAuthorization() {
        return externalAuthorization(options().namespace());
    }

    /** What Istio must be told of a sign-in service running in {@code namespace}. */
    public static ExternalAuthorization externalAuthorization(String namespace) {
        return new ExternalAuthorization(PROVIDER, TOKEN_PROVIDER, RELEASE + "." + namespace + ".svc.cluster.local", SERVICE_PORT);
    }

    private static List<Requirement> requires(Options options) {
        return List.of(
                Requirement.needs(Mesh.class, "platform." + NAME, "sign-in happens at the mesh's gateway; add the istio layer (platform.istio: {})"),
                Requirement.needs(ExternalAuthorization.class, "platform.istio",
                        "the gateway must know the sign-in service: with config, enabling platform.istio does it; in code, "
                                + "IstioLayer.builder().signIn(signInLayer.externalAuthorization())"));
    }

    /** The callback route; public, because a browser arrives there from the issuer before it has a session. */
    @Override
    public List<Route> routes(PlatformSettings settings) {
        return options().authHost() == null ? List.of() : List.of(Route.host(options().authHost(), Visibility.PUBLIC));
    }

    /** The session cookie's domain: the one set, else the platform domain. */
    public Output<String> cookieDomain(PlatformSettings settings) {
        if (options().cookieDomain() == null) {
            return settings.domain();
        }
        // a domain known only at deploy time is compared with the cookie's domain when it resolves
        return settings.knownDomain().isPresent() ? Output.of(options().cookieDomain())
                : WhenResolved.check(settings.domain(), domain -> cookieDomainProblems(options().cookieDomain(), domain))
                        .applyValue(domain -> options().cookieDomain());
    }

    private List<Problem> cookieDomainProblems(String cookieDomain, String domain) {
        return whyNotCookieDomain(cookieDomain, domain).map(why -> List.of(Problem.of(path() + ".cookieDomain", cookieDomain, why))).orElse(List.of());
    }

    private List<Problem> issuerProblems(String issuer) {
        return whyNotIssuer(issuer).map(why -> List.of(Problem.of(path() + ".issuer", issuer, why))).orElse(List.of());
    }

    private List<Problem> clientIdProblems(String clientId, String domain) {
        if (clientId == null || clientId.isBlank()) {
            return List.of(Problem.of(path() + ".clientId", clientId, "is required: the client id of the OAuth application "
                    + "registered at the issuer, with redirect URI https://" + options().authHost() + "." + domain + CALLBACK_PATH));
        }
        return List.of();
    }

    @Override
    public List<Problem> validate(PlatformSettings settings) {
        List<Problem> problems = new ArrayList<>();
        String at = path();
        problems.addAll(options().issuer().problems(this::issuerProblems));
        problems.addAll(options().clientId().problems(id -> clientIdProblems(id, settings.domainForMessages())));
        if (options().clientSecret().isEmpty()) {
            problems.add(Problem.of(at + ".clientSecret", null, "is required; set it as a secret: pulumi config set --secret --path "
                    + "'codezero:platform.signIn.clientSecret' <secret> (in code: SignInLayer.builder().clientSecret(Output.ofSecret(...)))"));
        }
        if (options().allowedGroups().isEmpty() && options().allowedEmails().isEmpty()) {
            problems.add(Problem.of(at + ".allowedGroups", "[]", "name who may sign in: allowedGroups (the issuer's groups claim) "
                    + "or allowedEmails, or both; an issuer's whole directory is never let in by default"));
        }
        checkEntries(at + ".allowedGroups", options().allowedGroups(), false, problems);
        checkEntries(at + ".allowedEmails", options().allowedEmails(), true, problems);
        String cookieDomain = options().cookieDomain() != null ? options().cookieDomain() : settings.knownDomain().orElse(null);
        settings.knownDomain().ifPresent(domain -> problems.addAll(cookieDomainProblems(cookieDomain, domain)));
        if (options().authHost() == null) {
            problems.add(Problem.of(at + ".authHost", null, "is required: the host label of the sign-in callback, e.g. " + DEFAULT_AUTH_HOST));
        } else {
            Names.whyNotDnsLabel(options().authHost(), 63).ifPresent(why -> problems.add(Problem.of(at + ".authHost", options().authHost(), why)));
        }
        if (options().scopes() == null || !List.of(options().scopes().split(" ")).contains("openid")) {
            problems.add(Problem.of(at + ".scopes", options().scopes(), "must include openid (space separated, e.g. \"openid email profile\")"));
        }
        if (options().replicas() < 1 || options().replicas() > 10) {
            problems.add(Problem.of(at + ".replicas", options().replicas(), "must be between 1 and 10"));
        }
        return problems;
    }

    /** Why an issuer URL cannot be used: tokens must come over TLS from a named host, and the issuer is compared exactly. */
    static Optional<String> whyNotIssuer(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return Optional.of("is required: the OIDC issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0, "
                    + "https://accounts.google.com or https://keycloak.example.com/realms/<realm>");
        }
        URI uri;
        try {
            uri = new URI(issuer);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        if (!"https".equals(uri.getScheme())) {
            return Optional.of("must be an https:// URL; sign-in tokens are never fetched over plain http");
        }
        if (uri.getHost() == null) {
            return Optional.of("must name a host, e.g. https://accounts.google.com");
        }
        Optional<String> host = io.codezero.core.validation.Urls.whyNotHost(uri, "an OIDC issuer URL");
        if (host.isPresent()) {
            return host;
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            return Optional.of("must have no query or fragment; it is compared with the tokens' iss claim exactly");
        }
        return Optional.empty();
    }

    /** The cookie must be sent to every console at {@code <host>.<domain>}, so its domain is the platform domain or a parent of it. */
    static Optional<String> whyNotCookieDomain(String cookieDomain, String domain) {
        String d = cookieDomain.startsWith(".") ? cookieDomain.substring(1) : cookieDomain;
        if (!d.contains(".")) {
            return Optional.of("must have at least two labels; browsers refuse cookies for a top-level domain");
        }
        if (!(domain.equals(d) || domain.endsWith("." + d))) {
            return Optional.of("does not cover the consoles at <name>." + domain + ", so one sign-in would not reach them; use "
                    + domain + " (the default) or a parent domain of it");
        }
        return Optional.empty();
    }

    private static void checkEntries(String at, List<String> entries, boolean emails, List<Problem> problems) {
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            if (entry == null || entry.isBlank()) {
                problems.add(Problem.of(at + "[" + i + "]", entry, "must not be empty"));
            } else if (emails && !entry.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add(Problem.of(at + "[" + i + "]", entry, "must be an e-mail address such as ada@example.com"));
            } else if (entry.contains(",") || entry.contains("\n")) {
                problems.add(Problem.of(at + "[" + i + "]", entry, "must not contain commas or line breaks"));
            }
        }
    }

    @Override
    public InstalledLayer install(LayerContext context) {
        List<Problem> problems = validate(context.settings());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).toString());
        }
        Mesh mesh = context.fact(Mesh.class).orElseThrow();
        ExternalAuthorization told = context.fact(ExternalAuthorization.class).orElseThrow();
        if (!told.equals(externalAuthorization())) {
            throw new IllegalArgumentException("platform.istio was told of the sign-in service " + told.service()
                    + " but the sign-in layer runs as " + externalAuthorization().service()
                    + "; build Istio with IstioLayer.builder().signIn(signInLayer.externalAuthorization())");
        }
        String ns = options().namespace();
        Output<String> issuer = options().issuer().checked(this::issuerProblems);
        Output<String> clientId = options().clientId().checked(id -> clientIdProblems(id, context.settings().domainForMessages()));
        // baseline: the chart's own containers pass restricted, but an injected sidecar carries no seccomp profile of its own
        Namespace namespace = context.systemNamespace("sign-in-namespace", ns, PodSecurity.BASELINE);

        RandomPassword cookieSecret = new RandomPassword(context.name("sign-in-cookie-secret"), RandomPasswordArgs.of(COOKIE_SECRET_LENGTH),
                context.foreignOptions());
        Output<String> clientSecret = options().clientSecret().orElseThrow().asSecret();
        Output<Map<String, String>> credentials = Output.tuple(clientSecret, cookieSecret.result(), clientId)
                .applyValue(t -> Map.of("client-id", t.t3, "client-secret", t.t1, "cookie-secret", t.t2));
        Secret secret = new Secret(context.name("sign-in-credentials"), SecretArgs.builder()
                .metadata(Meta.of(CREDENTIALS_SECRET, ns, NAME))
                .stringData(credentials.asSecret())
                .build(), context.options(namespace));

        Output<String> authUrl = context.settings().domain().applyValue(domain -> "https://" + options().authHost() + "." + domain);
        Release release = context.release("sign-in-oauth2-proxy", CHART, RELEASE, ns, values(context.settings(), issuer), 600, namespace, secret);
        context.expose("sign-in", ns, RELEASE, SERVICE_PORT, Route.host(options().authHost(), Visibility.PUBLIC), false, namespace);

        SignIn fact = new SignIn(issuer, clientId, clientSecret, options().scopes(), authUrl, USER_HEADER, GROUPS_HEADER);
        return InstalledLayer.of(NAME, List.of(release)).withFact(SignIn.class, fact);
    }

    /** The chart's values: no secret among them (they come from {@link #CREDENTIALS_SECRET}). */
    Map<String, Object> values(PlatformSettings settings, Output<String> issuer) {
        Output<String> cookieDomain = cookieDomain(settings).applyValue(d -> d.startsWith(".") ? d : "." + d);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("existingSecret", CREDENTIALS_SECRET);
        config.put("cookieName", "_codezero_sign_in");
        // Allowed e-mail addresses come from the access list below; without one, any address the issuer vouches for
        // passes the e-mail check and the allowed groups decide.
        config.put("emailDomains", options().allowedEmails().isEmpty() ? List.of("*") : List.of());
        // The gateway only asks "may this request pass?": a signed-in request is answered 200 with the identity headers.
        config.put("upstreams", List.of("static://200"));

        // Outputs inside the values resolve at deploy time (a domain or issuer from another resource) and stay unknown in a preview
        List<Object> args = new ArrayList<>();
        args.add("--provider=oidc");
        args.add(issuer.applyValue(i -> "--oidc-issuer-url=" + i));
        args.add(settings.domain().applyValue(domain -> "--redirect-url=https://" + options().authHost() + "." + domain + CALLBACK_PATH));
        args.add("--scope=" + options().scopes());
        args.add("--oidc-groups-claim=" + options().groupsClaim());
        args.add(cookieDomain.applyValue(d -> "--cookie-domain=" + d));
        // after sign-in the browser returns to the console it came from, on any host of the platform domain only
        args.add(cookieDomain.applyValue(d -> "--whitelist-domain=" + d));
        args.add("--cookie-secure=true");
        args.add("--cookie-samesite=lax");
        args.add("--reverse-proxy=true");
        args.add("--set-xauthrequest=true");
        args.add("--set-authorization-header=true");
        args.add("--skip-provider-button=true");
        // API clients may send the issuer's ID token as a bearer token instead of a browser session
        args.add("--skip-jwt-bearer-tokens=true");
        options().allowedGroups().forEach(g -> args.add("--allowed-group=" + g));

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fullnameOverride", RELEASE);
        values.put("config", config);
        values.put("extraArgs", args);
        if (!options().allowedEmails().isEmpty()) {
            values.put("authenticatedEmailsFile", Map.of("enabled", true, "persistence", "configmap",
                    "restricted_access", String.join("\n", options().allowedEmails())));
        }
        values.put("replicaCount", options().replicas());
        values.put("service", Map.of("type", "ClusterIP", "portNumber", SERVICE_PORT));
        values.put("resources", IstioLayer.requests("20m", "64Mi"));
        values.put("sessionStorage", Map.of("type", "cookie"));
        return values;
    }
}
