package io.codezero.platform;

import io.codezero.platform.layers.IstioLayer;
import io.codezero.platform.layers.SignInLayer;
import io.codezero.platform.mesh.Route;
import io.codezero.platform.mesh.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the plan tells its reader when private routes have no browser sign-in: the stack is valid and those routes
 * stay closed at the gateway (a DENY policy for requests without a token, see {@code Routes}), which is easy to miss
 * until a browser shows "RBAC: access denied". The note lists them and says what opens them.
 */
public final class ClosedRoutesNote {
    private ClosedRoutesNote() {
    }

    /** The note for this plan, or empty when it has no private route through the gateway or sign-in guards them. */
    public static Optional<String> of(PlatformSettings settings, InstallPlan plan) {
        Optional<IstioLayer> mesh = plan.order().stream().filter(IstioLayer.class::isInstance).map(IstioLayer.class::cast).findFirst();
        if (mesh.isEmpty() || mesh.get().options().signIn().isPresent()) {
            return Optional.empty();
        }
        List<String> closed = new ArrayList<>();
        List<String> consoles = new ArrayList<>();
        for (PlatformComponent component : plan.order()) {
            List<Route> routes = component.routes(settings);
            for (int i = 0; i < routes.size(); i++) {
                Route route = routes.get(i);
                if (route.visibility() == Visibility.PRIVATE) {
                    closed.add(route.url(settings.domainForMessages()) + " (" + component.path() + ")");
                    consoles.add(consoleName(component, routes.size(), i, route));
                }
            }
        }
        if (closed.isEmpty()) {
            return Optional.empty();
        }
        String who = mesh.get().options().auth()
                .map(auth -> "the gateway lets through only requests carrying a bearer token from " + auth.issuer()
                        + " (platform.istio.auth), so no browser can open ")
                .orElse("the gateway refuses every request to ");
        return Optional.of(closed.size() + " private route" + (closed.size() == 1 ? " stays" : "s stay") + " closed without browser sign-in: "
                + who + String.join(", ", closed) + ".\n"
                + "  To open them with browser sign-in, configure codezero:platform." + SignInLayer.CONFIG_KEY
                + " (issuer, clientId, clientSecret set with `pulumi config set --secret --path 'codezero:platform."
                + SignInLayer.CONFIG_KEY + ".clientSecret' ...`, and allowedGroups or allowedEmails"
                + (mesh.get().options().auth().isPresent() ? "; then remove platform.istio.auth" : "")
                + "; docs/platform.md, signIn),\n"
                + "  or in code: SignInLayer signIn = SignInLayer.builder().issuer(..).clientId(..).clientSecret(..).allowedGroups(..).build()"
                + " and IstioLayer.builder().signIn(signIn.externalAuthorization()).\n"
                + "  Or open one on localhost through the Kubernetes API, without the gateway: ./codezero console NAME ("
                + String.join(", ", consoles) + ").");
    }

    /** The name {@code ./codezero console} knows a route by: the stack's console name (an app's, as CodeZeroApp gives it), else its host. */
    static String consoleName(PlatformComponent component, int routes, int index, Route route) {
        if (component instanceof PlatformApp) {
            return routes == 1 ? component.name() : component.name() + "-" + index;
        }
        return route.host() != null ? route.host() : route.path().replaceAll("^/+|/+$", "").replace('/', '-');
    }
}
