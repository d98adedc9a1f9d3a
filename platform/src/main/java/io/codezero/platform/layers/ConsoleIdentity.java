package io.codezero.platform.layers;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBinding;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.Resource;
import io.codezero.platform.LayerContext;
import io.codezero.platform.k8s.Meta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the consoles know who is using them. With browser sign-in, Headlamp signs in with the same issuer (users then
 * act with their own Kubernetes rights, which needs the API server to accept the issuer's tokens), Grafana trusts the
 * gateway's identity header, and Kiali takes the user's ID token the gateway forwards. Without it, {@code codezero
 * console} hands out short-lived tokens of the service accounts made here, one per access level.
 */
public final class ConsoleIdentity {
    /** The access levels {@code codezero console --access} offers, by the ClusterRole each service account is bound to. */
    public static final Map<String, String> ACCESS_ROLES = accessRoles();
    /** The access level {@code ./codezero console} uses when none is asked for. */
    public static final String DEFAULT_ACCESS = "view";
    /** The Secret holding Headlamp's OIDC settings. */
    public static final String HEADLAMP_OIDC_SECRET = "headlamp-oidc";
    /** Headlamp's OIDC callback path. */
    public static final String HEADLAMP_CALLBACK_PATH = "/oidc-callback";

    private ConsoleIdentity() {
    }

    private static Map<String, String> accessRoles() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("view", "view");
        roles.put("edit", "edit");
        return java.util.Collections.unmodifiableMap(roles);
    }

    /** The service account whose tokens {@code codezero console} issues for an access level. */
    public static String serviceAccount(String access) {
        return "codezero-console-" + access;
    }

    /**
     * One service account per access level, bound to Kubernetes' aggregated {@code view} or {@code edit} ClusterRole.
     * They hold no token: a token exists only when someone with the stack's kubeconfig asks the TokenRequest API for one.
     */
    public static void consoleServiceAccounts(LayerContext c, String namespace, String component, Resource after) {
        ACCESS_ROLES.forEach((access, role) -> {
            String name = serviceAccount(access);
            ServiceAccount account = new ServiceAccount(c.name("gui-console-" + access), ServiceAccountArgs.builder()
                    .metadata(Meta.of(name, namespace, component))
                    .automountServiceAccountToken(false)
                    .build(), c.options(after));
            new ClusterRoleBinding(c.name("gui-console-" + access + "-binding"), ClusterRoleBindingArgs.builder()
                    .metadata(Meta.of(name, null, component))
                    .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("ClusterRole").name(role).build())
                    .subjects(List.of(SubjectArgs.builder().kind("ServiceAccount").name(name).namespace(namespace).build()))
                    .build(), c.options(account));
        });
    }

    /**
     * Headlamp's OIDC settings as a Secret its chart reads ({@code config.oidc.externalSecret}), so the client secret is
     * never a Helm value. Returns the values to merge into Headlamp's {@code config}.
     */
    public static Map<String, Object> headlampOidc(LayerContext c, SignIn signIn, String namespace, Output<String> headlampUrl, String component,
                                                   Resource after, List<Resource> waitFor) {
        Output<Map<String, String>> data = Output.tuple(signIn.clientSecret(), signIn.clientId(), signIn.issuer(), headlampUrl).applyValue(t -> {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("OIDC_CLIENT_ID", t.t2);
            env.put("OIDC_CLIENT_SECRET", t.t1);
            env.put("OIDC_ISSUER_URL", t.t3);
            env.put("OIDC_SCOPES", signIn.scopes());
            // the chart passes no callback flag with an external secret; Headlamp reads its config from HEADLAMP_CONFIG_* too
            env.put("HEADLAMP_CONFIG_OIDC_CALLBACK_URL", t.t4 + HEADLAMP_CALLBACK_PATH);
            return env;
        });
        Secret secret = new Secret(c.name("gui-headlamp-oidc"), SecretArgs.builder()
                .metadata(Meta.of(HEADLAMP_OIDC_SECRET, namespace, component))
                .stringData(data.asSecret())
                .build(), c.options(after));
        waitFor.add(secret);
        return Map.of(
                "secret", Map.of("create", false),
                "externalSecret", Map.of("enabled", true, "name", HEADLAMP_OIDC_SECRET, "hasScopes", true));
    }

    /**
     * Grafana's {@code auth.proxy}: the gateway's sign-in sets the e-mail header on every request to Grafana's private
     * route (and replaces any the client sent), and Grafana signs that user in, creating them as a Viewer the first time.
     */
    public static Map<String, Object> grafanaAuthProxy(SignIn signIn) {
        Map<String, Object> proxy = new LinkedHashMap<>();
        proxy.put("enabled", true);
        proxy.put("header_name", signIn.userHeader());
        proxy.put("header_property", "email");
        proxy.put("auto_sign_up", true);
        proxy.put("enable_login_token", false);
        return proxy;
    }
}
