package io.billwright.simulations.report;

import static io.billwright.simulations.fixtures.ComparisonTestData.comparison;
import static io.billwright.simulations.fixtures.ComparisonTestData.line;
import static io.billwright.simulations.fixtures.ComparisonTestData.net;
import static io.billwright.simulations.fixtures.ComparisonTestData.row;
import static io.billwright.simulations.fixtures.ComparisonTestData.side;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.Dimension;
import io.billwright.simulations.compare.LineChange;
import io.billwright.simulations.fixtures.ComparisonTestData;
import java.io.File;
import java.math.BigDecimal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): the charts
 * are laid out with visible bars and the filter box narrows the changed lines as one types. With the system
 * property {@code billwright.screenshot} set to a path, it also saves a full-page screenshot of the sample.
 */
class HtmlReportBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> CHARTS = List.of("by-customer", "by-billing-model", "held-by-reason", "monthly");

    /** Kept, so that the level holds: without it Selenium warns that it has no DevTools binding for this Chromium. */
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    private static WebDriver browser;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("This test needs Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
        SELENIUM.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--window-size=1440,1000", "--hide-scrollbars", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void drawsEveryChartWithVisibleBarsForEachCurrency() throws IOException {
        open(ComparisonTestData.sample());

        for (String currency : List.of("EUR", "USD")) {
            for (String chart : CHARTS) {
                String selector = "section[data-currency='" + currency + "'] svg.chart[data-chart='" + chart + "']";
                List<WebElement> bars = browser.findElements(By.cssSelector(selector + " rect.bar"));
                assertThat(bars).as("bars of %s", selector).isNotEmpty();
                for (WebElement bar : bars) {
                    Map<String, Object> box = box(bar);
                    assertThat(((Number) box.get("width")).doubleValue()).as("width of a bar in %s", selector)
                            .isPositive();
                    assertThat(((Number) box.get("height")).doubleValue()).as("height of a bar in %s", selector)
                            .isPositive();
                    assertThat(bar.findElement(By.tagName("title")).getAttribute("textContent"))
                            .as("tooltip of a bar in %s", selector).endsWith(" " + currency);
                }
            }
        }
        assertThat(browser.findElement(By.cssSelector("svg.chart[data-chart='by-customer']")).getSize().getWidth())
                .as("a chart's rendered width").isGreaterThan(400);
    }

    @Test
    void filteringNarrowsTheLinesAsOneTypes() throws IOException {
        Comparison sample = ComparisonTestData.sample();
        open(sample);
        long northwind = sample.changes().stream()
                .filter(line -> line.customer().equals(ComparisonTestData.NORTHWIND)).count();
        assertThat(northwind).isBetween(1L, 29L);
        assertThat(rows()).hasSize(30);
        assertThat(count()).isEqualTo("30 of 30 lines");

        WebElement filter = browser.findElement(By.id("filter"));
        filter.sendKeys("NORTHwind \"cons");

        assertThat(count()).isEqualTo(northwind + " of 30 lines");
        assertThat(rows()).hasSize((int) northwind)
                .allSatisfy(row -> assertThat(row.getText()).containsIgnoringCase("northwind \"consulting\""));

        filter.sendKeys("ZZZ");
        assertThat(rows()).isEmpty();
        assertThat(count()).isEqualTo("0 of 30 lines");
        assertThat(browser.findElement(By.id("none")).isDisplayed()).isTrue();

        filter.clear();
        filter.sendKeys("budget_cap");
        long budget = sample.changes().stream().filter(line -> line.candidate().reason().equals("BUDGET_CAP_REACHED"))
                .count();
        assertThat(rows()).hasSize((int) budget);
        assertThat(count()).isEqualTo(budget + " of 30 lines");
    }

    @Test
    void showsLargeListsFiveHundredRowsAtATime() throws IOException {
        List<LineChange> lines = new ArrayList<>();
        for (int i = 0; i < 1_203; i++) {
            lines.add(line("CTR-" + i, "Customer " + (i % 7), "ITEM-" + i, "EUR", side("HELD", "R", "0.00", "a"),
                    side("ELIGIBLE", "", i + ".00", "b")));
        }
        open(comparison(List.of(row(Dimension.TOTAL, "All", "EUR", net("0.00"), net("1.00"))), lines));

        assertThat(rows()).hasSize(500);
        assertThat(count()).isEqualTo("1203 of 1203 lines");
        browser.findElement(By.id("more")).click();
        assertThat(rows()).hasSize(1000);
        browser.findElement(By.id("more")).click();
        assertThat(rows()).hasSize(1203);
        assertThat(browser.findElement(By.id("more")).isDisplayed()).isFalse();
    }

    @Test
    void sortsByDeltaWhenItsHeadingIsClicked() throws IOException {
        open(ComparisonTestData.sample());
        WebElement delta = browser.findElement(By.cssSelector("#lines-table th[data-col='10']"));

        delta.click();
        String smallest = rows().get(0).findElements(By.tagName("td")).get(10).getText();
        delta.click();
        String largest = rows().get(0).findElements(By.tagName("td")).get(10).getText();

        assertThat(delta.getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(smallest).startsWith("-");
        assertThat(largest).startsWith("+");
        assertThat(new BigDecimal(largest.replace(",", ""))).isGreaterThan(new BigDecimal(smallest.replace(",", "")));
    }

    @Test
    void savesAScreenshotOfTheSampleWhenAsked() throws IOException {
        String target = System.getProperty("billwright.screenshot", "");
        if (target.isBlank()) {
            return; // only on demand: the picture in the docs is regenerated by hand
        }
        open(ComparisonTestData.sample(), ComparisonTestData.sampleBrief());
        Object height = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight;");
        org.openqa.selenium.Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1440, ((Number) height).intValue() + 40));
        try {
            File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Path file = Path.of(target).toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.copy(png.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(file)).isPositive();
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    private static void open(Comparison comparison) throws IOException {
        open(comparison, SimulationBrief.NONE);
    }

    private static void open(Comparison comparison, SimulationBrief brief) throws IOException {
        Path file = Files.createTempFile(dir, "report", ".html");
        try (var out = Files.newBufferedWriter(file)) {
            HtmlReport.write(comparison, brief, out);
        }
        browser.get(file.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> !driver.findElement(By.id("count")).getText().isEmpty());
    }

    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#lines-table tbody tr"));
    }

    private static String count() {
        return browser.findElement(By.id("count")).getText();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> box(WebElement element) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
                "var r = arguments[0].getBoundingClientRect(); return {width: r.width, height: r.height};", element);
    }
}
