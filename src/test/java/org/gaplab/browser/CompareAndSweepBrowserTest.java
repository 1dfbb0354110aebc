package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Comparing runs, sweeping a setting and taking results away, in a real headless Chromium against the real app.
 * Downloads land in a temporary directory, so the tests read the very files a learner would get.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompareAndSweepBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LivePage LIVE = LivePage.withDownloads();

    private ChromeDriver driver;
    private PageDriver page;
    private String base;
    private Path downloads;

    @BeforeAll
    void connect() {
        base = LIVE.base();
        driver = LIVE.driver();
        page = LIVE.page();
        downloads = LIVE.downloads();
    }

    @Test
    @Order(1)
    void a_run_saves_every_epoch_as_csv_and_json_and_its_charts_as_png() throws IOException {
        page.open("?dataset=gauss&epochs=30&speed=60&seed=7&autostart=1");   // paced: several frames, so earlier pictures are kept
        page.waitFor("the run to finish", d -> status().equals("finished"));

        List<String> csv = Files.readAllLines(save("download-csv", "-metrics.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.get(0).startsWith("epoch,trainLoss,validationLoss"), "a header row: " + csv.get(0));
        assertEquals(31, csv.size() - 1, "one row per epoch, 0 to 30");
        assertTrue(csv.get(31).startsWith("30,"), "the last row is epoch 30: " + csv.get(31));

        JsonNode json = JSON.readTree(save("download-json", "-metrics.json").toFile());
        assertEquals(31, json.path("epochs").size(), "every epoch");
        assertEquals(7, json.path("seed").asInt(), "the seed that made it");
        assertEquals("gauss", json.path("config").path("dataset").asText(), "the config that made it");
        assertEquals("finished", json.path("end").path("event").asText());
        a_finished_run_reads_back_epoch_by_epoch(json.path("epochs"));

        byte[] png = Files.readAllBytes(save("[data-png='loss-chart']", "-loss.png"));
        assertTrue(png.length > 2000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG picture of the chart");
        int width = java.nio.ByteBuffer.wrap(png, 16, 4).getInt();               // IHDR: width, big-endian
        long shown = (Long) page.js().executeScript("return document.querySelector('#loss-chart').clientWidth;");
        assertEquals(2 * shown, width, "drawn again at twice its on-screen width");
    }

    @Test
    @Order(2)
    void a_finished_run_saves_its_weights_with_the_config_and_seed() throws IOException {
        page.open("?dataset=gauss&hiddenLayers=4&epochs=5&speed=0&seed=11&autostart=1");
        page.waitFor("the run to finish", d -> status().equals("finished"));
        JsonNode model = JSON.readTree(save("download-weights", "-weights.json").toFile());
        assertEquals("gaplab-model", model.path("format").asText());
        assertEquals(11, model.path("seed").asInt());
        assertEquals(5, model.path("epoch").asInt());
        assertEquals("[4]", model.path("config").path("hiddenLayers").toString());
        assertEquals(2 * 4, model.path("layers").path(0).path("weights").size(), "2 inputs × 4 units");
    }

    @Test
    @Order(3)
    void a_comparison_trains_both_runs_in_lockstep_and_says_what_differs() throws IOException {
        page.open("?preset=overfitting&epochs=2000&speed=40&seeds=1&compare=l2:0.01");   // long enough never to finish before the pause
        assertEquals("true", page.element("#mode-compare").getAttribute("aria-selected"), "compare= opens the comparison");
        page.click("start");
        page.waitFor("both runs' curves to have points", d -> points("A") >= 5 && points("B") >= 5);
        int a = points("A");
        int b = points("B");
        page.waitFor("both curves to gain points", d -> points("A") >= a + 20 && points("B") >= b + 20);
        assertEquals("A: l2 = 0 · B: l2 = 0.01", page.text("compare-differences"));
        page.waitFor("a gap to open", d -> points("A") >= 160);
        page.click("pause");
        page.waitFor("the pause", d -> status().equals("paused"));
        // The last frame may still be drawing when "paused" shows: wait for it rather than read A and B across it.
        page.waitFor("lockstep: both runs at the same epoch", d -> page.text("cmp-a-epoch").equals(page.text("cmp-b-epoch")));
        RoundedValues.assertThreeFigures(page, "cmp-b-best");
        RoundedValues.assertThreeFigures(page, "cmp-a-gap");
        assertEquals(3, page.element("#compare-histograms").findElements(By.tagName("figure")).size(), "one overlay per layer");
        assertTrue(page.element("#compare-boundary-a").isDisplayed() && page.element("#compare-boundary-b").isDisplayed(),
                "both boundaries side by side");
        assertTrue(driver.getCurrentUrl().contains("compare=l2:0.01"), "the URL holds the comparison: " + driver.getCurrentUrl());

        List<String> csv = Files.readAllLines(save("download-csv", "-metrics.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.get(0).startsWith("run,epoch,"), csv.get(0));
        assertTrue(csv.stream().anyMatch(line -> line.startsWith("A,0,")) && csv.stream().anyMatch(line -> line.startsWith("B,0,")),
                "both runs' epochs, from epoch 0");

        Path weights = save("download-weights", "-weights.json");
        page.waitFor("run B's weights too", d -> weights.getParent().toFile().list((dir, name) -> name.endsWith("-weights.json")).length == 2);
        for (String run : List.of("A", "B")) {
            try (Stream<Path> files = Files.list(downloads)) {
                Path file = files.filter(p -> p.getFileName().toString().contains("-" + run + "-epoch-")).findFirst().orElseThrow();
                JsonNode model = JSON.readTree(file.toFile());
                assertEquals(run.equals("A") ? 0.0 : 0.01, model.path("config").path("l2").asDouble(), run + "'s own config");
            }
        }

        driver.manage().window().setSize(new Dimension(1280, 720));
        page.waitFor("the curves to keep their height at 1280×720, beside the numbers and verdicts",
                d -> TrainingViewsBrowserTest.lowestChart(page, "compare-loss-chart", "compare-accuracy-chart") >= 140);
        driver.manage().window().setSize(new Dimension(1280, 2250));
        page.shoot(page.element("#views"), "20-compare-l2-vs-none-overfitting.png");
        assertEquals(List.of(), SmallText.on(page), "every word on a comparison at 11 px or more");

        // A paused comparison reads back epoch by epoch; Resume shows the live state again.
        String pictureB = new CanvasPixels(page).picture("#compare-boundary-b");
        page.element("[data-testid='scrub-epoch']").sendKeys(Keys.HOME, Keys.chord(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT,
                Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT));
        page.waitFor("the A/B table at epoch 10", d -> page.text("cmp-a-epoch").equals("10") && page.text("cmp-b-epoch").equals("10"));
        assertTrue(!pictureB.equals(new CanvasPixels(page).picture("#compare-boundary-b")), "B's picture from an earlier epoch");
        page.shoot(page.element("#views"), "23-compare-scrubbed-at-epoch-10.png");

        page.click("pause");
        page.waitFor("Resume to leave scrub mode", d -> !page.element("#scrubber").isDisplayed()
                && Integer.parseInt(page.text("cmp-a-epoch")) > 160);
        WebElement l2OfB = page.element("#compare-changes [data-key='l2'] input");
        l2OfB.clear();
        l2OfB.sendKeys("0.02", Keys.TAB);
        page.waitFor("the live change of run B's λ", d -> page.text("compare-differences").equals("A: l2 = 0 · B: l2 = 0.02"));
        assertEquals("", page.element("#pending-note").getText(), "B's value of a compared key changes live, without a reset");

        WebElement rate = page.element("#in-learningRate");
        rate.clear();
        rate.sendKeys("0.05", Keys.TAB);
        page.waitFor("run A's config to take the shared change", d -> "".equals(page.element("#pending-note").getText()));
        WebElement l2OfA = page.element("#in-l2");
        l2OfA.clear();
        l2OfA.sendKeys("0.001", Keys.TAB);
        page.waitFor("A's value of the compared key to wait for Reset (an update would land on B)",
                d -> page.element("#pending-note").getText().contains("l2"));
    }

    @Test
    @Order(4)
    void a_comparison_url_restores_it_and_an_embedded_comparison_trains() throws IOException {
        page.open("?preset=overfitting&compare=l2:0.01,dropout:0.5");
        assertEquals(List.of("l2", "dropout"), page.element("#compare-changes").findElements(By.tagName("li")).stream()
                .map(li -> li.getAttribute("data-key")).toList());
        assertEquals("0.01", page.element("#compare-changes [data-key='l2'] input").getAttribute("value"));
        assertEquals("0.5", page.element("#compare-changes [data-key='dropout'] input").getAttribute("value"));
        assertEquals("true", page.element("[data-quick='dropout']").getAttribute("aria-pressed"));
        WebElement tab = page.element("#mode-compare");
        tab.sendKeys(Keys.ARROW_RIGHT);
        assertEquals("true", page.element("#mode-sweep").getAttribute("aria-selected"), "arrow keys move between tabs");
        assertTrue(page.element("#sweep-panel").isDisplayed() && !page.element("#compare-panel").isDisplayed());

        page.open("?preset=overfitting&epochs=5000&speed=20");
        page.click("start");
        page.waitFor("a run", d -> status().equals("running"));
        WebElement l2 = page.element("#in-l2");
        l2.clear();
        l2.sendKeys("0.03", Keys.TAB);
        page.element("#mode-compare").click();
        assertEquals(List.of("l2"), page.element("#compare-changes").findElements(By.tagName("li")).stream()
                .map(li -> li.getAttribute("data-key")).toList(), "the edit since the run becomes B's change");
        assertEquals("0.03", page.element("#compare-changes [data-key='l2'] input").getAttribute("value"));
        assertEquals("0", page.element("#in-l2").getAttribute("value"), "A is the run as it started");
        assertTrue(driver.getCurrentUrl().contains("compare=l2:0.03"), driver.getCurrentUrl());

        page.open("embed?preset=overfitting&epochs=30&speed=0&compare=l2:0.01,dropout:0.5&autostart=1");
        page.waitFor("the embedded comparison to finish", d -> status().equals("finished"));
        assertEquals("A: l2 = 0, dropout = 0 · B: l2 = 0.01, dropout = 0.5", page.text("compare-differences"));
        assertEquals("30", page.text("cmp-a-epoch"));
        assertEquals("30", page.text("cmp-b-epoch"));
        driver.manage().window().setSize(new Dimension(900, 1400));
        page.shoot(page.element("body"), "22-compare-embedded.png");

        // A finished comparison reads back too: the A/B table and both pictures at epoch 10.
        String pictureA = new CanvasPixels(page).picture("#compare-boundary-a");
        page.element("[data-testid='scrub-epoch']").sendKeys(Keys.HOME, Keys.chord(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT,
                Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT));
        page.waitFor("the A/B table at epoch 10", d -> page.text("cmp-a-epoch").equals("10") && page.text("cmp-b-epoch").equals("10"));
        assertTrue(page.text("scrub-picture").matches("pictures? from epoch \\d+.*"), page.text("scrub-picture"));
        assertTrue(!pictureA.equals(new CanvasPixels(page).picture("#compare-boundary-a")), "A's picture from an earlier epoch");
        assertTrue(page.text("evidence-summary").contains(", epoch 10: A "), "the evidence's sentence at epoch 10 too: "
                + page.text("evidence-summary"));
    }

    @Test
    @Order(5)
    void a_sweep_plots_one_point_per_value_and_marks_the_best_on_validation() throws IOException {
        page.open("?preset=choosing-lambda&speed=0&autostart=1&seeds=1");   // one seed: the sweep over seeds is SeedsBrowserTest's
        assertEquals("true", page.element("#mode-sweep").getAttribute("aria-selected"), "a sweep lesson opens the sweep");
        page.waitFor("the progress of every value", d -> page.element("#sweep-progress").findElements(By.tagName("li")).size() == 8);
        page.waitFor("the sweep to end", d -> status().equals("finished"));
        WebElement plot = page.element("#sweep-accuracy-chart");
        assertEquals("8", plot.getAttribute("data-points"), "one point per value");
        assertEquals("8", plot.getAttribute("data-final"), "every run ended");
        assertEquals("Best l2 = 0.072", page.textOf("[data-testid='sweep-best']"), "3 significant figures on screen");
        assertTrue(page.element("[data-testid='sweep-best']").getAttribute("title").startsWith("l2 = 0.0719686"),
                "the exact value in its tooltip");
        Number hidden = (Number) page.js().executeScript("const box = document.querySelector('#sweep-table').parentElement;"
                + "return box.offsetParent === null ? -1 : box.scrollWidth - box.clientWidth;");
        assertEquals(0, hidden.intValue(), "each value's table is whole at 1280 px, no column scrolled out of sight");
        assertTrue(page.element("#sweep-caption").getText().contains("never used to pick"), page.element("#sweep-caption").getText());
        assertEquals("l2", page.element("#sweep-param").getAttribute("value"), "the lesson's sweep: λ₂ on a log grid");
        assertEquals("0.0001", page.element("#sweep-from").getAttribute("value"));

        List<String> csv = Files.readAllLines(save("download-csv", "-table.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.get(0).startsWith("param,value,best,trainLoss,validationLoss"), csv.get(0));
        assertEquals(8, csv.size() - 1, "one row per value");
        assertEquals(1, csv.stream().filter(line -> line.startsWith("l2,") && line.split(",")[2].equals("true")).count(),
                "exactly one best value");

        driver.manage().window().setSize(new Dimension(1280, 1750));
        page.shoot(page.element("#views"), "21-sweep-l2-validation-curve.png");
    }

    /**
     * Issue 22 point 10: scrubbing the finished run to epoch 3 shows epoch 3's numbers as the downloaded metrics have
     * them, marks epoch 3 on the loss chart, and draws an earlier picture; Start leaves scrub mode.
     */
    private void a_finished_run_reads_back_epoch_by_epoch(JsonNode epochs) throws IOException {
        WebElement scrubber = page.element("[data-testid='scrub-epoch']");
        assertTrue(scrubber.isDisplayed(), "a finished run shows the scrubber");
        assertEquals("Epoch 30 of 30", page.text("scrub-label"));
        String finalPicture = new CanvasPixels(page).picture("#boundary-canvas");
        scrubber.sendKeys(Keys.HOME, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        page.waitFor("the tiles at epoch 3", d -> page.text("epoch").equals("3"));
        assertEquals("Epoch 3 of 30", scrubber.getAttribute("aria-valuetext"));
        JsonNode third = epochs.get(3);
        assertEquals(3, third.path("epoch").asInt());
        for (String[] tile : new String[][] {{"train-loss", "trainLoss"}, {"validation-loss", "validationLoss"}}) {
            double expected = third.path(tile[1]).asDouble();
            double last = epochs.get(30).path(tile[1]).asDouble();
            assertTrue(Math.abs(last - expected) > 0.1 * expected, tile[1] + " moved between epochs 3 and 30, so the check can tell");
            String text = page.text(tile[0]);
            // As exact as the tile's rounding: half a unit in its last digit.
            int decimals = text.contains(".") ? text.length() - text.indexOf('.') - 1 : 0;
            double shown = Double.parseDouble(text);
            assertTrue(Math.abs(shown - expected) <= 0.5 * Math.pow(10, -decimals) + 1e-12, tile[0] + " shows epoch 3's " + expected + ": " + text);
        }
        assertTrue(markerPixels(3) > 0.6, "the loss chart marks epoch 3: " + markerPixels(3));
        assertTrue(markerPixels(20) < 0.05, "and only there: " + markerPixels(20));
        assertTrue(page.text("scrub-picture").matches("picture from epoch \\d+"), page.text("scrub-picture"));
        assertTrue(!finalPicture.equals(new CanvasPixels(page).picture("#boundary-canvas")), "an earlier model's picture");
        assertTrue(page.textOf("#boundary-caption").startsWith("Picture from epoch "), page.textOf("#boundary-caption"));
        page.shoot(page.element("#views"), "24-run-scrubbed-at-epoch-3.png");

        page.click("start");
        page.waitFor("the new run to finish", d -> status().equals("finished") && page.text("epoch").equals("30"));
        assertEquals("Epoch 30 of 30", page.text("scrub-label"), "Start left scrub mode");
        assertTrue(markerPixels(3) < 0.05, "no marker at the live state: " + markerPixels(3));
    }

    /** The share of the loss chart's plot height drawn in the scrub marker's colour in the column of `epoch`. */
    private double markerPixels(int epoch) {
        return ((Number) page.js().executeScript("""
                const chart = Chart.getChart(document.querySelector('#loss-chart'));
                const ratio = chart.currentDevicePixelRatio;
                const x = Math.round(chart.scales.x.getPixelForValue(arguments[0]) * ratio);
                const top = Math.ceil(chart.chartArea.top * ratio), bottom = Math.floor(chart.chartArea.bottom * ratio);
                const d = chart.ctx.getImageData(x - 1, top, 3, bottom - top).data;
                let rows = 0;
                for (let y = 0; y < bottom - top; y++) {
                  let hit = false;
                  for (let i = 0; i < 3; i++) {
                    const o = 4 * (y * 3 + i);
                    if (Math.abs(d[o] - 94) < 12 && Math.abs(d[o + 1] - 60) < 12 && Math.abs(d[o + 2] - 153) < 12) hit = true;
                  }
                  if (hit) rows++;
                }
                return rows / (bottom - top);""", epoch)).doubleValue();
    }

    private int points(String run) {
        String value = page.element("#compare-loss-chart").getAttribute("data-points-" + run.toLowerCase());
        return value == null ? 0 : Integer.parseInt(value);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** What the tab on screen trains: ready, running, paused, finished... */
    private String status() {
        return String.valueOf(page.element("body").getAttribute("data-status"));
    }

    /**
     * Clicks a button (a test id, or a CSS selector) and returns the file it downloads, once Chrome has written it
     * whole. The folder is emptied first, so an older file of the same name cannot answer.
     */
    private Path save(String button, String suffix) throws IOException {
        try (Stream<Path> old = Files.list(downloads)) {
            for (Path file : old.toList()) Files.delete(file);
        }
        WebElement element = page.element(button.startsWith("[") ? button : "[data-testid='" + button + "']");
        page.waitFor(button + " to be enabled", d -> element.isEnabled());
        element.click();
        Path[] found = new Path[1];
        page.waitFor("a download ending in " + suffix, d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                found[0] = files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
                return found[0] != null && found[0].toFile().length() > 0;
            } catch (IOException e) {
                return false;
            }
        });
        return found[0];
    }

}
