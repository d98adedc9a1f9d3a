package io.codezero.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.testing.TestPrerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console in a real browser: headless Chromium (Debian's chromium and chromium-driver) driven through WebDriver,
 * against a real kube-apiserver seeded with examples/minikube's e2e plan (kwok makes the pods ready). Every page loads
 * and shows every app of the e2e stack with its route, links and health; the map has every link; a scaled-down
 * Deployment shows as down and as drift, a deleted one as missing. Screenshots of each page go to
 * console/target/console-screenshots (printed).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target/console-screenshots").toAbsolutePath();
    static TestCluster cluster;
    static List<Map<String, Object>> objects;
    static Declared declared;
    static ConsoleServer server;
    static WebDriver browser;
    static ConsolePageChecks checks;

    @BeforeAll
    static void start() throws Exception {
        TestPrerequisites.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless Chromium: apt-get install chromium chromium-driver (.ci/run installs them)");
        cluster = TestCluster.get();
        objects = TestCluster.planned("e2e");
        cluster.seed(objects);
        cluster.awaitAppsReady(objects);
        declared = Declared.read(TestCluster.writeObjects(objects, Path.of("target/console-browser/objects.yaml")),
                Optional.of(TestCluster.EXAMPLE.resolve("Pulumi.e2e.yaml")));
        server = new ConsoleServer(cluster.admin, "https://127.0.0.1:" + cluster.env.get("E2E_APISERVER_PORT"), declared, 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1300", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SHOTS);
        System.out.println("console screenshots: " + SHOTS);
        browser.get(server.url());  // spends the token: the session cookie from here on
        checks = new ConsolePageChecks(browser, "http://127.0.0.1:" + server.port(), declared);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (cluster != null && objects != null) {
            // as the program declares it again, for any later test in this JVM
            cluster.kubectl("scale", "deployment/db", "-n", "db", "--replicas=1");
            cluster.seed(objects);
            cluster.awaitAppsReady(objects);
        }
    }

    static void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    static String open(String path) {
        browser.get("http://127.0.0.1:" + server.port() + path);
        return browser.getPageSource();
    }

    static WebElement row(String table, String app) {
        return checks.row(table, app);
    }

    /** Reloads a page until what it shows is true (the controllers act within seconds). */
    static void eventually(String path, Supplier<Boolean> shown, String what) throws Exception {
        for (int i = 0; i < 120; i++) {
            open(path);
            if (shown.get()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(what + " never showed on " + path + ":\n" + browser.findElement(By.tagName("main")).getText());
    }

    @Test
    @Order(1)
    void theOverviewShowsEveryAppOfTheE2eStackWithItsRouteAndHealth() throws Exception {
        open("/");
        checks.overviewShowsEveryAppWithItsRouteAndHealth(List.of("istio", "metrics", "logs", "dashboards", "gui", "signIn", "certificates"));
        shot("overview");
    }

    @Test
    @Order(2)
    void everyAppsPageShowsItsRouteLinksWorkloadsAndLogs() throws Exception {
        for (Declared.App app : declared.apps()) {
            // kwok runs no kubelet: the logs show the API server's answer
            checks.appPageShowsItsPodsLogsAndLinks(app, Duration.ofSeconds(20));
            assertThat(browser.findElement(By.id("app-summary")).getText()).contains(app.configLine());
            shot("app-" + app.name());
        }
        checks.gitsRoute();
        assertThat(browser.findElement(By.id("volumes")).getText()).contains("git-data");
    }

    @Test
    @Order(3)
    void theMapHasEveryAppAndEveryLink() throws Exception {
        checks.mapHasEveryAppAndEveryLink();
        assertThat(browser.findElements(By.cssSelector("#link-map line.route[data-app='git']"))).hasSize(1);
        shot("map");
    }

    @Test
    @Order(4)
    void theDriftPageAgreesWithAFreshlyDeployedStack() throws Exception {
        checks.driftInSync();
        shot("drift-in-sync");
    }

    @Test
    @Order(5)
    void aScaledDownDeploymentShowsAsDownAndAsDrift() throws Exception {
        cluster.kubectl("scale", "deployment/db", "-n", "db", "--replicas=0");
        eventually("/", checks.shownScaledToZero("db"), "db down, no pod ready");
        checks.scaledToZeroShowsAsDrift("db");
        checks.scaledToZeroIsDownOnTheMap("db");
        shot("map-db-down");
    }

    @Test
    @Order(6)
    void aDeletedDeploymentShowsAsMissing() throws Exception {
        cluster.kubectl("delete", "deployment/cache", "-n", "cache", "--wait=false");
        eventually("/", () -> row("apps", "cache").findElement(By.cssSelector(".badge")).getText().equals("missing"), "cache missing");
        shot("overview-db-down-cache-missing");
        open("/drift");
        assertThat(row("drift", "cache").getText()).contains("declared, but no Deployment of it runs");
        shot("drift");
        open("/apps/cache");
        assertThat(browser.findElement(By.id("app-name")).getText()).contains("missing");
    }
}
