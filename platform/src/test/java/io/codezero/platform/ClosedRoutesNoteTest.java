package io.codezero.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.plan.OfflinePlan;
import io.codezero.core.plan.OfflineRun;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 1: without a configured sign-in the private routes stay closed, as before, and the plan says which
 * ones and what to configure. Each case installs the platform as the stack does and reads the notes the plan prints.
 */
class ClosedRoutesNoteTest {
    static final String DOMAIN = "codezero.localhost";

    static List<String> notesOf(Map<String, Object> platform) {
        OfflinePlan.clearNotes();
        OfflineRun run = FakeCluster.plan(platform);
        assertThat(run.succeeded()).as(run.failure()).isTrue();
        return OfflinePlan.notes();
    }

    @Test
    void withoutSignInThePlanNamesEveryClosedRouteAndWhatOpensIt() {
        List<String> notes = notesOf(SignInTest.platform(null));
        assertThat(notes).hasSize(1);
        String note = notes.get(0);
        assertThat(note).startsWith("5 private routes stay closed without browser sign-in: the gateway refuses every request to ")
                .contains("https://grafana." + DOMAIN + "/ (platform.dashboards)")
                .contains("https://headlamp." + DOMAIN + "/ (platform.gui)")
                .contains("https://kiali." + DOMAIN + "/ (platform.gui)")
                .contains("https://adminer." + DOMAIN + "/ (platform.apps[adminer])")
                .contains("https://" + DOMAIN + "/files (platform.apps[files])")
                // the public route is open and not listed
                .doesNotContain("git." + DOMAIN)
                .contains("configure codezero:platform.signIn (issuer, clientId, clientSecret set with "
                        + "`pulumi config set --secret --path 'codezero:platform.signIn.clientSecret' ...`, and allowedGroups or allowedEmails")
                .contains("SignInLayer.builder().issuer(..).clientId(..).clientSecret(..).allowedGroups(..).build()")
                .contains("IstioLayer.builder().signIn(signIn.externalAuthorization())")
                .contains("./codezero console NAME (grafana, headlamp, kiali, adminer, files)")
                .doesNotContain("istio.auth");
    }

    @Test
    void withSignInThereIsNoNote() {
        assertThat(notesOf(SignInTest.platform(SignInTest.signIn()))).isEmpty();
    }

    @Test
    void withoutPrivateRoutesThereIsNoNote() {
        Map<String, Object> platform = ExampleConfig.full();
        platform.put("gui", new HashMap<>(Map.of("route", "none")));
        platform.put("dashboards", new HashMap<>(Map.of("storage", "2Gi", "route", "none")));
        assertThat(notesOf(platform)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void withOnlyAnIdentityProvidersTokensTheNoteSaysBrowsersCannotOpenThem() {
        Map<String, Object> platform = ExampleConfig.full();
        Map<String, Object> istio = new HashMap<>((Map<String, Object>) platform.get("istio"));
        istio.put("auth", Map.of("issuer", "https://login.example.com/realms/dev", "jwksUri", "https://login.example.com/realms/dev/certs",
                "audiences", List.of("codezero")));
        platform.put("istio", istio);
        List<String> notes = notesOf(platform);
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0))
                .contains("the gateway lets through only requests carrying a bearer token from https://login.example.com/realms/dev "
                        + "(platform.istio.auth), so no browser can open https://grafana.")
                .contains("; then remove platform.istio.auth");
    }
}
