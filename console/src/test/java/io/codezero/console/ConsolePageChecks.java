package io.codezero.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the console's pages must show for a declared stack, asserted in a browser: one set of checks for the seeded
 * cluster ({@link ConsoleBrowserTest}) and the live e2e cluster ({@link ConsoleLiveClusterCheck}), so the two cannot
 * drift apart.
 */
final class ConsolePageChecks {
    private final WebDriver browser;
    private final String base;
    private final Declared declared;

    /**
     * @param browser a browser whose session cookie the console already set
     * @param base the console's address, {@code http://127.0.0.1:PORT}
     * @param declared what the stack declares (the plan's objects)
     */
    ConsolePageChecks(WebDriver browser, String base, Declared declared) {
        this.browser = browser;
        this.base = base;
        this.declared = declared;
    }

    void open(String path) {
        browser.get(base + path);
    }

    WebElement row(String table, String app) {
        return browser.findElement(By.cssSelector("#" + table + " tr[data-app='" + app + "']"));
    }

    String badge(String table, String app) {
        return row(table, app).findElement(By.cssSelector(".badge")).getText();
    }

    /** Whether every declared app shows healthy on the current page's apps table. */
    boolean everyAppHealthy() {
        return declared.apps().stream().allMatch(a -> badge("apps", a.name()).equals("healthy"));
    }

    /**
     * The overview (already open): every declared app healthy with its declared replicas ready, git's public route, db
     * without one, the nodes, and the given layers.
     */
    void overviewShowsEveryAppWithItsRouteAndHealth(List<String> layers) {
        assertThat(browser.getTitle()).startsWith("Overview");
        assertThat(browser.getCurrentUrl()).doesNotContain("token");
        for (Declared.App app : declared.apps()) {
            assertThat(badge("apps", app.name())).as(app.name()).isEqualTo("healthy");
            assertThat(row("apps", app.name()).findElement(By.cssSelector(".replicas")).getText()).as(app.name())
                    .isEqualTo(app.replicas() + " / " + app.replicas());
        }
        assertThat(row("apps", "git").findElement(By.cssSelector(".route")).getText()).isEqualTo("https://git.e2e.codezero.localhost/");
        assertThat(row("apps", "git").findElement(By.cssSelector(".visibility")).getText()).isEqualTo("public");
        assertThat(row("apps", "db").findElement(By.cssSelector(".route")).getText()).isEqualTo("none");
        assertThat(browser.findElement(By.id("nodes")).getText()).matches("\\d+ / \\d+");
        assertThat(browser.findElements(By.cssSelector("#layers tr[data-layer]"))).extracting(e -> e.getAttribute("data-layer"))
                .containsAll(layers);
    }

    /** An app's page: its name and health, its pods, its live logs (within {@code logs}), its links out and in. */
    void appPageShowsItsPodsLogsAndLinks(Declared.App app, Duration logs) {
        open("/apps/" + app.name());
        assertThat(browser.findElement(By.id("app-name")).getText()).startsWith(app.name()).contains("healthy");
        assertThat(browser.findElements(By.cssSelector("#pods tr"))).hasSizeGreaterThan(1);
        // the live logs arrive through htmx from the pods/log API
        new WebDriverWait(browser, logs).until(d -> d.findElement(By.id("logs")).findElements(By.tagName("h3")).size() > 0);
        for (Link link : declared.links()) {
            if (link.from().equals(app.name())) {
                assertThat(browser.findElement(By.cssSelector("#links tr.link-out")).getText()).contains(link.to()).contains(link.offer());
            }
            if (link.to().equals(app.name())) {
                assertThat(browser.findElement(By.cssSelector("#links tr.link-in")).getText()).contains(link.from());
            }
        }
    }

    /** git's page (opened here): its route. */
    void gitsRoute() {
        open("/apps/git");
        assertThat(browser.findElement(By.cssSelector("#routes td.route")).getText()).isEqualTo("https://git.e2e.codezero.localhost/");
    }

    /** The map (opened here): every declared app healthy, one arrow per declared link. */
    void mapHasEveryAppAndEveryLink() {
        open("/map");
        for (Declared.App app : declared.apps()) {
            assertThat(browser.findElement(By.cssSelector("#link-map g.node.app[data-app='" + app.name() + "']")).getAttribute("data-health"))
                    .as(app.name()).isEqualTo("healthy");
        }
        assertThat(declared.links()).isNotEmpty();
        for (Link link : declared.links()) {
            assertThat(browser.findElements(By.cssSelector("#link-map line.link[data-from='" + link.from() + "'][data-to='" + link.to() + "']")))
                    .as(link.label()).hasSize(1);
        }
    }

    /** The drift page (opened here): in sync. */
    void driftInSync() {
        open("/drift");
        assertThat(browser.findElements(By.id("in-sync"))).as(browser.findElement(By.tagName("main")).getText()).hasSize(1);
    }

    /** Whether the overview shows an app down with no replica wanted or ready (after a scale to 0). */
    Supplier<Boolean> shownScaledToZero(String app) {
        return () -> badge("apps", app).equals("down") && row("apps", app).findElement(By.cssSelector(".replicas")).getText().equals("0 / 0");
    }

    /** An app scaled to 0 on the drift page (opened here): its declared replicas against 0, and its config line. */
    void scaledToZeroShowsAsDrift(String app) {
        Declared.App declaredApp = declared.apps().stream().filter(a -> a.name().equals(app)).findFirst().orElseThrow();
        open("/drift");
        assertThat(row("drift", app).getText()).contains("replicas: declared " + declaredApp.replicas() + ", live 0").contains("Pulumi.e2e.yaml:")
                .contains(declaredApp.configLine());
    }

    /** An app scaled to 0 on the map (opened here): red. */
    void scaledToZeroIsDownOnTheMap(String app) {
        open("/map");
        assertThat(browser.findElement(By.cssSelector("#link-map g.node.app[data-app='" + app + "']")).getAttribute("data-health")).isEqualTo("down");
    }
}
