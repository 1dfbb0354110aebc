package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.gaplab.server.App;
import org.gaplab.server.ServerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Comparing runs, sweeping a setting and taking results away, in a real headless Chromium against the real app.
 * Downloads land in a temporary directory, so the tests read the very files a learner would get.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompareAndSweepBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Javalin app;
    private HeadlessChromium chromium;
    private ChromeDriver driver;
    private String base;
    private Path downloads;

    @BeforeAll
    void startAppAndBrowser() throws IOException {
        Assumptions.assumeTrue(HeadlessChromium.installedBrowser().isPresent(),
                "no Chromium or Chrome installed: browser tests skipped (apt-get install chromium chromium-driver)");
        app = App.create(ServerSettings.parse(new String[] {"--host", "127.0.0.1", "--port", "0", "--workers", "1"},
                Map.of())).start();
        base = "http://127.0.0.1:" + app.port() + "/";
        downloads = Files.createTempDirectory("gaplab-downloads-");
        chromium = HeadlessChromium.start(downloads);
        driver = chromium.driver;
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() throws IOException {
        if (chromium != null) chromium.close();
        if (app != null) app.stop();
        if (downloads != null) {
            try (Stream<Path> files = Files.walk(downloads)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void a_run_saves_every_epoch_as_csv_and_json_and_its_charts_as_png() throws IOException {
        open("?dataset=gauss&epochs=30&speed=0&seed=7&autostart=1");
        waitFor("the run to finish", d -> status().equals("finished"));

        click("download-csv");
        List<String> csv = Files.readAllLines(download("-metrics.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.get(0).startsWith("epoch,trainLoss,validationLoss"), "a header row: " + csv.get(0));
        assertEquals(31, csv.size() - 1, "one row per epoch, 0 to 30");
        assertTrue(csv.get(31).startsWith("30,"), "the last row is epoch 30: " + csv.get(31));

        click("download-json");
        JsonNode json = JSON.readTree(download("-metrics.json").toFile());
        assertEquals(31, json.path("epochs").size(), "every epoch");
        assertEquals(7, json.path("seed").asInt(), "the seed that made it");
        assertEquals("gauss", json.path("config").path("dataset").asText(), "the config that made it");
        assertEquals("finished", json.path("end").path("event").asText());

        element("[data-png='loss-chart']").click();
        byte[] png = Files.readAllBytes(download("-loss.png"));
        assertTrue(png.length > 2000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG picture of the chart");
    }

    @Test
    @Order(50)
    void scratch() throws IOException {
        open("?preset=overfitting&compare=l2:0.01,dropout:0.5,hiddenLayers:16,16");
        shoot(element("#views"), "scratch-compare.png");
        System.out.println("URL " + driver.getCurrentUrl());
        element("[data-testid='mode-sweep']").click();
        shoot(element("#views"), "scratch-sweep.png");
        System.out.println("URL " + driver.getCurrentUrl());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private void open(String query) {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(base + query);
        waitFor("the trainer connection", d -> "open".equals(element("#connection").getAttribute("data-state")));
    }

    private JavascriptExecutor js() {
        return driver;
    }

    private WebElement element(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    private String text(String testId) {
        return element("[data-testid='" + testId + "']").getText().trim();
    }

    /** What the tab on screen trains: ready, running, paused, finished... */
    private String status() {
        return String.valueOf(element("body").getAttribute("data-status"));
    }

    private void click(String testId) {
        WebElement button = element("[data-testid='" + testId + "']");
        waitFor(testId + " to be enabled", d -> button.isEnabled());
        button.click();
    }

    private void waitFor(String what, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100)).withMessage(() -> "waiting for " + what
                + " (status " + status() + ", banner: " + element("#banner").getAttribute("textContent") + ")")
                .ignoring(NumberFormatException.class).until(condition);
    }

    /** The newest finished download whose name ends with {@code suffix}, once Chrome has written it whole. */
    private Path download(String suffix) {
        Path[] found = new Path[1];
        waitFor("a download ending in " + suffix, d -> {
            found[0] = newest(suffix).orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private Optional<Path> newest(String suffix) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .max(Comparator.comparingLong(p -> p.toFile().lastModified()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void shoot(WebElement element, String name) throws IOException {
        js().executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
        Path file = element.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
