package io.codezero.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.codezero.core.testing.TestPrerequisites;
import io.codezero.stacks.console.KubeApi;
import io.codezero.stacks.console.Kubeconfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console in headless Chromium against the LIVE e2e cluster after the e2e stack's full {@code pulumi up}
 * (e2e/run.sh, step "console in a browser"), not against seeded objects as {@link ConsoleBrowserTest} does: what the
 * real engine deployed (Helm releases, apps on kwok nodes) is what the pages must show. Every page loads; every app of
 * the e2e stack shows its route and health; the map has every declared link; scaling one app's Deployment to 0 on the
 * cluster shows it down and as drift. The Deployment is scaled back and awaited, so the run's later no-change preview
 * sees the cluster as the up left it.
 *
 * <p>Runs only when asked ({@code -Dcodezero.excludedGroups=none -Dtest=ConsoleLiveClusterCheck}) with
 * {@code -Dcodezero.console.kubeconfig=FILE} (its current context is the live cluster's), optionally
 * {@code -Dcodezero.console.stackFile} (the stack's Pulumi.e2e.yaml) and {@code -Dcodezero.console.shots=DIR}
 * (screenshots; printed).
 */
@Tag("live-cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleLiveClusterCheck {
    static final String SCALED = "db";
    static Path kubeconfig;
    static Path shots;
    static Declared declared;
    static ConsoleServer server;
    static WebDriver browser;
    static ConsolePageChecks checks;

    @BeforeAll
    static void start() throws Exception {
        TestPrerequisites.require(Files.isExecutable(ConsoleBrowserTest.CHROMIUM) && Files.isExecutable(ConsoleBrowserTest.CHROMEDRIVER),
                "headless Chromium: apt-get install chromium chromium-driver (.ci/run installs them)");
        String file = System.getProperty("codezero.console.kubeconfig");
        assertThat(file).as("-Dcodezero.console.kubeconfig: the live cluster's kubeconfig (e2e/run.sh passes it)").isNotBlank();
        kubeconfig = Path.of(file).toAbsolutePath();
        shots = Path.of(System.getProperty("codezero.console.shots", "target/console-live-screenshots")).toAbsolutePath();
        Path stackFile = Path.of(System.getProperty("codezero.console.stackFile", TestCluster.EXAMPLE.resolve("Pulumi.e2e.yaml").toString()));
        // what the program declares for the stack: the plan's objects (what `./codezero plan --objects-out` writes)
        Path objects = TestCluster.writeObjects(TestCluster.planned("e2e"), shots.resolve("objects.yaml"));
        declared = Declared.read(objects, Optional.of(stackFile));
        assertThat(declared.apps()).as("the e2e stack's apps").isNotEmpty();
        Kubeconfig config = Kubeconfig.parse(Files.readString(kubeconfig), kubeconfig.getParent());
        KubeApi api = new KubeApi(config);
        api.get("/version");
        server = new ConsoleServer(api, config.server().toString(), declared, 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ConsoleBrowserTest.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1300", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(ConsoleBrowserTest.CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(shots);
        System.out.println("console screenshots (live e2e cluster): " + shots);
        browser.get(server.url());  // spends the token: the session cookie from here on
        checks = new ConsolePageChecks(browser, "http://127.0.0.1:" + server.port(), declared);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (declared != null) {
                // back to what the program declares, and ready, before the run's no-change preview
                int replicas = declared.apps().stream().filter(a -> a.name().equals(SCALED)).findFirst().map(Declared.App::replicas).orElse(1);
                kubectl("scale", "deployment/" + SCALED, "-n", namespace(SCALED), "--replicas=" + replicas);
                kubectl("rollout", "status", "deployment/" + SCALED, "-n", namespace(SCALED), "--timeout=180s");
            }
        } finally {
            if (browser != null) {
                browser.quit();
            }
            if (server != null) {
                server.close();
            }
        }
    }

    static String namespace(String app) {
        return declared.apps().stream().filter(a -> a.name().equals(app)).findFirst().orElseThrow().namespace();
    }

    static String kubectl(String... args) throws Exception {
        Path bin = TestCluster.BIN.resolve("kubectl");
        List<String> command = new ArrayList<>(List.of(Files.isExecutable(bin) ? bin.toString() : "kubectl", "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }

    static void shot(String name) throws Exception {
        Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    static void open(String path) {
        checks.open(path);
    }

    /** Reloads a page until what it shows is true (the live cluster's controllers act within seconds). */
    static void eventually(String path, Supplier<Boolean> shown, String what) throws Exception {
        for (int i = 0; i < 240; i++) {
            open(path);
            try {
                if (shown.get()) {
                    return;
                }
            } catch (org.openqa.selenium.NoSuchElementException e) {
                // not on the page yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(what + " never showed on " + path + ":\n" + browser.findElement(By.tagName("main")).getText());
    }

    @Test
    @Order(1)
    void theOverviewShowsEveryAppOfTheLiveStackWithItsRouteAndHealth() throws Exception {
        // the up waited for the apps, but a pod may still be settling on its kwok node
        eventually("/", checks::everyAppHealthy, "every app healthy");
        checks.overviewShowsEveryAppWithItsRouteAndHealth(List.of("istio", "metrics", "logs", "dashboards", "gui", "certificates"));
        System.out.println("live overview:\n" + browser.findElement(By.tagName("main")).getText());
        shot("overview");
    }

    @Test
    @Order(2)
    void everyAppsPageLoadsWithItsRouteAndLinks() throws Exception {
        for (Declared.App app : declared.apps()) {
            checks.appPageShowsItsPodsLogsAndLinks(app, Duration.ofSeconds(30));
            shot("app-" + app.name());
        }
        checks.gitsRoute();
    }

    @Test
    @Order(3)
    void theMapHasEveryAppAndEveryLink() throws Exception {
        checks.mapHasEveryAppAndEveryLink();
        shot("map");
    }

    @Test
    @Order(4)
    void theDriftPageAgreesWithTheStackJustDeployed() throws Exception {
        checks.driftInSync();
        shot("drift-in-sync");
    }

    @Test
    @Order(5)
    void aDeploymentScaledToZeroOnTheLiveClusterShowsAsDownAndAsDrift() throws Exception {
        kubectl("scale", "deployment/" + SCALED, "-n", namespace(SCALED), "--replicas=0");
        eventually("/", checks.shownScaledToZero(SCALED), SCALED + " down, no pod ready");
        shot("overview-db-down");
        checks.scaledToZeroShowsAsDrift(SCALED);
        shot("drift-db-scaled-down");
        checks.scaledToZeroIsDownOnTheMap(SCALED);
        shot("map-db-down");
    }
}
