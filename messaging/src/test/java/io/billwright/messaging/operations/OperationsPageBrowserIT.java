package io.billwright.messaging.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.billwright.events.testing.TestMessages;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.messaging.topology.Topology;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operations page in a real headless Chromium against the running service: a viewer signs in, filters
 * the exceptions and asks for a release; an admin signs in, replays a parked message and approves the
 * viewer's request. With the system property {@code billwright.screenshot} set to a path, it saves a
 * screenshot of the exceptions list there (the README's).
 */
class OperationsPageBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    private static Topology topology;
    private static TestInfrastructure.Database database;
    private static ServiceHarness service;
    private static WebDriver browser;
    private static String other;

    @BeforeAll
    static void start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("This test needs Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
        topology = new Topology(TestInfrastructure.newNamespace());
        database = TestInfrastructure.get().newPostgresSchema();
        service = ServiceHarness.start(topology, database, Map.of(
                "billwright.admin.username", "ops", "billwright.admin.password", "page-admin-secret",
                "billwright.operations.users", "vera:page-viewer-secret:viewer",
                "billwright.operations.gauge-refresh", "500ms"));
        SELENIUM.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1440,900", "--hide-scrollbars", "--force-device-scale-factor=1");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
        try (TestBroker broker = new TestBroker()) {
            broker.deleteNamespace(topology);
        }
    }

    @Test
    void aViewerAsksAndAnAdminReplaysAndApproves() throws Exception {
        String contract = TestMessages.uniqueContractId();
        String parkedId = "page-bad-" + contract;
        try (TestBroker broker = new TestBroker()) {
            broker.publish(topology, TestMessages.timeEntry(contract, "TE-1", LocalDate.of(2026, 1, 5), "8", "APPROVED"));
            broker.publish(topology, TestMessages.timeEntry(contract, "TE-2", LocalDate.of(2026, 1, 6), "4", "APPROVED"));
            // a second contract with expenses waiting for their receipts: something to show beside the first
            other = TestMessages.uniqueContractId();
            TestMessages.Msg otherContract = TestMessages.contract(other, "SAP_S4HANA");
            broker.publish(topology, new TestMessages.Msg(otherContract.routingKey(), otherContract.id(),
                    otherContract.body().replace("\"erpTarget\"", "\"expensePolicy\":{\"billableCategories\":"
                            + "[\"TRAVEL\"],\"receiptThreshold\":\"75.00\"},\"erpTarget\"")));
            for (String[] expense : new String[][] {{"EX-1", "420.00"}, {"EX-2", "1250.00"}, {"EX-3", "86.40"}}) {
                TestMessages.Msg message = TestMessages.expense(other, expense[0], expense[1], "EUR");
                broker.publish(topology, new TestMessages.Msg(message.routingKey(), message.id(),
                        message.body().replace("\"receipt\":true", "\"receipt\":false")));
            }
            broker.publish(topology.inboundExchange(), "timeentry.recorded.v1",
                    "{\"broken\": ".getBytes(StandardCharsets.UTF_8), parkedId, Map.of("partitionkey", contract));
        }
        Sql.awaitCount(database, "select count(*) from decision_log where contract_id = '" + contract + "'",
                n -> n == 2, Duration.ofSeconds(20));

        signIn("vera", "page-viewer-secret");
        assertThat(browser.findElement(By.id("roles")).getText()).isEqualTo("viewer");
        tab("exceptions");
        waitFor(By.cssSelector("#exception-table tr[data-item='TE-2']"));
        screenshot();
        WebElement filter = browser.findElement(By.id("filter-contract"));
        filter.sendKeys(contract);
        browser.findElement(By.id("apply-filters")).click();
        // the unfiltered list is on screen already: wait for the filtered one to replace it
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#exception-table tbody tr"), 2));
        assertThat(browser.findElements(By.cssSelector("#exception-table tbody tr[data-contract='" + contract + "']")))
                .as("filtered to the contract").hasSize(2);
        filter.clear();
        filter.sendKeys(other);
        browser.findElement(By.id("apply-filters")).click();
        waitFor(By.cssSelector("#exception-table tr[data-item='EX-2'][data-contract='" + other + "']"));
        browser.findElement(By.cssSelector("#exception-table tr[data-item='EX-2'] .request-release")).click();
        browser.findElement(By.id("request-reason")).sendKeys("signed timesheet received by email");
        browser.findElement(By.id("request-submit")).click();
        waitForText(By.id("message"), "Asked for approval");
        tab("parked");
        waitFor(By.cssSelector("#parked-table tr[data-message='" + parkedId + "']"));
        assertThat(browser.findElement(By.id("replay-selected")).isDisplayed()).as("a viewer cannot replay").isFalse();
        tab("approvals");
        waitFor(By.cssSelector("#approval-table tr[data-request]"));
        assertThat(browser.findElements(By.cssSelector("#approval-table .approve")))
                .as("the viewer who asked cannot approve").isEmpty();
        browser.findElement(By.id("logout")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));

        signIn("ops", "page-admin-secret");
        tab("parked");
        waitFor(By.cssSelector("#parked-table tr[data-message='" + parkedId + "'] .parked-pick")).click();
        browser.findElement(By.id("replay-selected")).click();
        waitForText(By.id("message"), "Replayed 1");
        tab("approvals");
        WebElement row = waitFor(By.cssSelector("#approval-table tr[data-request]"));
        String requestId = row.getAttribute("data-request");
        row.findElement(By.cssSelector(".approve")).click();
        waitForText(By.cssSelector("#approval-table tr[data-request='" + requestId + "'] .request-status"), "APPROVED");

        assertThat(Sql.awaitCount(database, "select count(*) from event_log where message_id = 'manual-" + requestId + "'",
                n -> n == 1, Duration.ofSeconds(20))).as("the approved release reached the engine's event log").isEqualTo(1);
        assertThat(Sql.awaitCount(database, "select count(*) from decision_log where contract_id = '" + other
                + "' and item_id = 'EX-2' and status = 'ELIGIBLE' and rules like '%finance released%'", n -> n == 1,
                Duration.ofSeconds(20))).as("the engine released the expense, naming its manual rule").isEqualTo(1);
        assertThat(Sql.text(database, "select requested_by || '>' || decided_by from manual_decision where request_id = '"
                + requestId + "'")).isEqualTo("vera>ops");
        assertThat(Sql.awaitCount(database, "select count(*) from ops_audit where action = 'REPLAY_DEAD_LETTER' and "
                + "actor = 'ops' and subject = '" + parkedId + "'", n -> n == 1, Duration.ofSeconds(5))).isEqualTo(1);
    }

    private static void signIn(String user, String password) {
        browser.get("http://127.0.0.1:" + service.httpPort() + "/ops/");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.attributeToBe(By.tagName("body"),
                "data-ready", "true"));
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo(user);
    }

    private static void tab(String name) {
        browser.findElement(By.cssSelector("#tabs button[data-tab='" + name + "']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id(name)));
    }

    private static WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private static void waitForText(By locator, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    private static void screenshot() throws Exception {
        String target = System.getProperty("billwright.screenshot");
        if (target != null && !target.isBlank()) {
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), Path.of(target), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
