package io.aegisops.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import io.restassured.specification.RequestSpecification;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.aegisops.e2e.Stack.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The war room in a real browser (headless Chromium from Debian, driven through the system chromedriver): three
 * people sign in through the login form (an operator, an approver, a viewer) and see each other under their
 * signed-in names; a fault button clicked by the operator opens an incident that all see appear and then resolve; an
 * incident waiting for a human is resolved by the approver approving it on the page, while the operator and the
 * viewer are shown no Approve button; a decision forged from the viewer's own session is refused with 403. The
 * target is the Compose buggy-app, the one the dashboard's fault buttons drive: the two cases spend two of its
 * three restarts per 15 minutes, so they run on a fresh stack (./aegisops test) or 15 minutes apart.
 * Screenshots of every stage go to target/screenshots/.
 */
class DashboardIT {

    private static final Duration PAGE = Duration.ofSeconds(30);
    private static final Duration HEAL = Duration.ofSeconds(180);
    private static final String TARGET = System.getProperty("aegis.e2e.dashboard-target", "buggy-app");
    private static final Path SHOTS = Path.of("target", "screenshots");
    /** alice injects faults (operator), bob decides (approver), vera only looks (viewer). */
    private static final Stack.Credentials OPERATOR = Stack.userWithRole("operator");
    private static final Stack.Credentials APPROVER = Stack.userWithRole("approver");
    private static final Stack.Credentials VIEWER = Stack.userWithRole("viewer");
    private static final String ALICE = OPERATOR.name();
    private static final String BOB = APPROVER.name();
    private static final String VERA = VIEWER.name();

    private static WebDriver alice;
    private static WebDriver bob;
    private static WebDriver vera;

    private Instant since;
    private String testName;

    @BeforeAll
    static void openTwoBrowsers() throws IOException {
        Files.createDirectories(SHOTS);
        // The parent pom points TMPDIR and HOME under target/, which Maven does not create; chromedriver puts
        // each browser's profile in TMPDIR and fails with "cannot create temp dir" without it.
        for (String dir : new String[]{System.getenv("TMPDIR"), System.getenv("HOME"), System.getProperty("java.io.tmpdir")}) {
            if (dir != null && !dir.isBlank()) {
                Files.createDirectories(Path.of(dir));
            }
        }
        requireRestartsLeft(2);
        alice = browser();
        bob = browser();
        vera = browser();
        signIn(alice, OPERATOR);
        signIn(bob, APPROVER);
        signIn(vera, VIEWER);
    }

    @AfterAll
    static void closeBrowsers() {
        for (WebDriver driver : new WebDriver[]{alice, bob, vera}) {
            if (driver != null) {
                driver.quit();
            }
        }
    }

    @BeforeEach
    void startFromAHealthyApp(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        BuggyApp.healthyAndFaultFree();
        Incidents.resolveOpen(TARGET);
        since = Instant.now();
    }

    @Test
    void shouldShowEveryoneInPresenceUnderTheirSignedInNames() {
        for (WebDriver page : List.of(alice, bob, vera)) {
            await("every name on a page").atMost(PAGE).ignoreExceptions().until(() ->
                    !page.findElements(presence(ALICE)).isEmpty() && !page.findElements(presence(BOB)).isEmpty()
                            && !page.findElements(presence(VERA)).isEmpty());
        }
        assertThat(bob.findElement(By.id("signed-in")).getText()).isEqualTo("signed in as " + BOB + " (approver)");
        screenshot(alice, "presence-alice");
        screenshot(bob, "presence-bob");
    }

    @Test
    void shouldHideWhatAViewerCannotDoAndRefuseItsForgedPost() {
        assertThat(vera.findElement(By.id("signed-in")).getText()).isEqualTo("signed in as " + VERA + " (viewer)");
        await("the fault card on vera's page").atMost(PAGE).ignoreExceptions().until(() -> vera.findElement(
                By.cssSelector("[data-testid='service-card-" + TARGET + "'] [data-testid='faults']")).isDisplayed());
        await("the fault buttons on alice's page").atMost(PAGE).ignoreExceptions()
                .until(() -> alice.findElement(faultButton("memory")).isDisplayed());
        assertThat(vera.findElements(faultButton("memory"))).as("fault buttons for a viewer").isEmpty();
        assertThat(vera.findElements(By.cssSelector("[data-testid='fault-reset']"))).isEmpty();
        assertThat(vera.findElements(By.cssSelector("[data-testid='approve']"))).as("Approve for a viewer").isEmpty();
        assertThat(vera.findElement(By.id("ask-form")).isDisplayed()).as("Ask AegisOps for a viewer").isFalse();
        screenshot(vera, "viewer");

        // What a viewer could still try without the button: the same POST the page would send, from her session.
        String decision = forgedPost(vera, "api/approvals/" + UUID.randomUUID() + "/decision",
                "{\"decision\":\"APPROVE\",\"reason\":\"forged\"}");
        assertThat(decision).startsWith("403 ").contains("approver");
        String fault = forgedPost(vera, "api/faults/memory", "{\"value\":1}");
        assertThat(fault).startsWith("403 ").contains("operator");
    }

    @Test
    void shouldShowAFaultOnBothPagesUntilItIsHealed() {
        click(alice, faultButton("memory"));

        String incidentId = awaitIncidentOpened();
        for (WebDriver page : List.of(alice, bob)) {
            await("the incident on " + name(page) + "'s page").atMost(PAGE).ignoreExceptions()
                    .until(() -> page.findElement(incident(incidentId)).isDisplayed());
        }
        screenshot(bob, "incident-appeared");
        click(bob, By.cssSelector("[data-testid='incident-" + incidentId + "'] button"));

        for (WebDriver page : List.of(alice, bob)) {
            awaitStatus(page, incidentId, "RESOLVED");
        }
        screenshot(alice, "incident-resolved-alice");
        screenshot(bob, "incident-resolved-bob");
        assertThat(activity(bob)).anyMatch(line -> line.contains(ALICE) && line.contains("injected the memory fault"));
    }

    @Test
    void shouldResolveAPendingIncidentApprovedFromThePage() {
        click(alice, faultButton("latency"));

        String incidentId = awaitIncidentOpened();
        By approval = By.cssSelector("[data-testid='approval-" + incidentId + "']");
        await("the approval on bob's page").atMost(HEAL).ignoreExceptions()
                .until(() -> bob.findElement(approval).isDisplayed());
        screenshot(bob, "approval-pending");
        for (WebDriver page : List.of(alice, vera)) {
            await("the approval on " + name(page) + "'s page").atMost(PAGE).ignoreExceptions()
                    .until(() -> page.findElement(approval).isDisplayed());
            assertThat(page.findElement(approval).findElements(By.cssSelector("[data-testid='approve']")))
                    .as("Approve on %s's page", name(page)).isEmpty();
            assertThat(page.findElement(approval).findElement(By.cssSelector("[data-testid='decide-needs-approver']"))
                    .isDisplayed()).isTrue();
        }
        screenshot(vera, "approval-pending-viewer");

        bob.findElement(approval).findElement(By.cssSelector("[data-testid='decision-text']"))
                .sendKeys("lock confirmed in the war room");
        click(bob, By.cssSelector("[data-testid='approval-" + incidentId + "'] [data-testid='approve']"));

        for (WebDriver page : List.of(alice, bob)) {
            awaitStatus(page, incidentId, "RESOLVED");
        }
        await("the approval leaves the pending list").atMost(PAGE)
                .until(() -> alice.findElements(approval).isEmpty());
        screenshot(alice, "approved-and-resolved");
        assertThat(activity(alice)).anyMatch(line -> line.contains(BOB) && line.contains("approved"));
        assertThat(asViewer(Stack.MONITOR).get("/api/incidents/{id}", incidentId).then().extract()
                .<String>path("incident.status")).isEqualTo("RESOLVED");
    }

    // ---------- helpers ----------

    private static WebDriver browser() {
        File driver = new File(System.getProperty("aegis.e2e.chromedriver", "/usr/bin/chromedriver"));
        String chromium = System.getProperty("aegis.e2e.chromium", "/usr/bin/chromium");
        if (!driver.canExecute() || !new File(chromium).canExecute()) {
            throw new IllegalStateException("headless Chromium is missing (" + chromium + ", " + driver
                    + "): install Debian's chromium and chromium-driver (deploy/lib/browser.sh ensure_browser, "
                    + "or apt-get install -y chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver)
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    private static void signIn(WebDriver page, Stack.Credentials who) {
        page.get(Stack.DASHBOARD);
        await(who.name() + " sees the login form").atMost(PAGE).ignoreExceptions()
                .until(() -> page.findElement(By.id("login-username")).isDisplayed());
        page.findElement(By.id("login-username")).sendKeys(who.name());
        page.findElement(By.id("login-password")).sendKeys(who.password());
        page.findElement(By.id("login-button")).click();
        await(who.name() + " is live").atMost(PAGE).ignoreExceptions().until(() -> "live".equals(
                page.findElement(By.id("connection-status")).getAttribute("data-state")));
        assertThat(page.findElement(By.id("signed-in")).getText()).startsWith("signed in as " + who.name() + " (");
    }

    /** A POST sent by the page's own script with the browser's session cookie: "status body". */
    private static String forgedPost(WebDriver page, String path, String json) {
        Object answer = ((JavascriptExecutor) page).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: arguments[1] })
                  .then((r) => r.text().then((t) => done(r.status + ' ' + t)))
                  .catch((e) => done('failed ' + e));""", path, json);
        return String.valueOf(answer);
    }

    /** The services' APIs ask who is calling: the checks here read as the stack's viewer. */
    private static RequestSpecification asViewer(String baseUrl) {
        return at(baseUrl).header("Authorization", "Bearer " + VIEWER.token());
    }

    /** Fails at once, with the reason, when the target's budget cannot pay for the restarts these cases cause. */
    private static void requireRestartsLeft(int needed) {
        List<Map<String, Object>> containers = asViewer(Stack.REMEDIATION).queryParam("target", TARGET)
                .get("/api/containers").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(containers).as("containers of " + TARGET + " known to remediation-service").isNotEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> budget = (Map<String, Object>) containers.get(0).get("restartBudget");
        assertThat(((Number) budget.get("left")).intValue())
                .as("restarts left in %s's budget %s (next one free at %s): the browser cases need %d; run them on "
                        + "a fresh stack (./aegisops test) or after the window", TARGET, budget.get("budget"),
                        budget.get("nextFreeAt"), needed)
                .isGreaterThanOrEqualTo(needed);
    }

    private String awaitIncidentOpened() {
        await(TARGET + " incident opened").atMost(HEAL).pollInterval(Duration.ofMillis(500))
                .until(() -> !Incidents.openedSince(TARGET, since).isEmpty());
        return (String) Incidents.openedSince(TARGET, since).get(0).get("id");
    }

    private void awaitStatus(WebDriver page, String incidentId, String status) {
        try {
            await(incidentId + " " + status + " on " + name(page) + "'s page").atMost(HEAL)
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> status.equals(page.findElement(incident(incidentId)).getAttribute("data-status")));
        } catch (RuntimeException | AssertionError e) {
            screenshot(page, "failed-waiting-for-" + status);
            throw e;
        }
    }

    private static List<String> activity(WebDriver page) {
        return page.findElements(By.cssSelector("[data-testid='activity-entry']")).stream()
                .map(WebElement::getText).toList();
    }

    private static void click(WebDriver page, By what) {
        await("clickable " + what).atMost(PAGE).ignoreExceptions().until(() -> {
            WebElement element = page.findElement(what);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private static By faultButton(String kind) {
        return By.cssSelector("[data-testid='service-card-" + TARGET + "'] [data-testid='fault-" + kind + "']");
    }

    private static By incident(String id) {
        return By.cssSelector("[data-testid='incident-" + id + "']");
    }

    private static By presence(String name) {
        return By.cssSelector("[data-testid='presence-user'][data-user='" + name + "']");
    }

    private static String name(WebDriver page) {
        return page == alice ? ALICE : page == bob ? BOB : VERA;
    }

    private void screenshot(WebDriver page, String stage) {
        Path file = SHOTS.resolve(testName + "-" + stage + ".png");
        try {
            Files.copy(((TakesScreenshot) page).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save " + file, e);
        } catch (RuntimeException e) {
            // A failed screenshot must not hide the real outcome of the case.
        }
    }
}
