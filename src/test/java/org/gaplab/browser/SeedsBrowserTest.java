package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

/**
 * Runs over several seeds in a real headless Chromium against the real app: the bands the charts drew (read from
 * what Chart.js laid out on the canvas, not from what the page handed it), the server's verdicts with their count of
 * seeds, the seed picker changing the model view, the reliability diagrams, and a sweep's bias² and variance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedsBrowserTest {
    @RegisterExtension
    static final LivePage LIVE = new LivePage();

    private PageDriver page;
    private CanvasPixels pixels;

    @BeforeAll
    void connect() {
        page = LIVE.page();
        pixels = new CanvasPixels(page);
    }

    @Test
    @Order(1)
    void the_l2_lesson_over_5_seeds_draws_bands_on_both_charts_and_names_the_count_of_seeds() throws IOException {
        page.openAt("?preset=l2-weight-decay&seeds=5&epochs=60&speed=0", 1280, 800);
        page.click("start");
        page.waitFor("the comparison to finish", d -> status().equals("finished"));
        page.waitFor("a verdict over the 5 seeds", d -> page.textOf("#compare-verdict").contains("of 5 seeds"));
        for (String chart : List.of("#compare-loss-chart", "#compare-accuracy-chart")) {
            Map<String, Object> band = drawnBand(chart, "A validation min–max over seeds");
            assertTrue(((Number) band.get("points")).intValue() >= 50, chart + ": a band point per epoch: " + band);
            assertTrue(((Number) band.get("tallest")).doubleValue() > 2, chart + ": the band has height on screen: " + band);
            assertEquals(Boolean.TRUE, band.get("inside"), chart + ": the median lies inside the band: " + band);
            assertEquals(Boolean.TRUE, band.get("shown"), chart + ": the band is drawn: " + band);
            assertTrue(((Number) drawnBand(chart, "B validation min–max over seeds").get("tallest")).doubleValue() > 2,
                    chart + ": run B has its band too");
        }
        String verdicts = page.textOf("#compare-verdict");
        assertTrue(verdicts.matches("(?s).*(holds|can’t tell|few seeds).*"), "each verdict shows its status: " + verdicts);
        assertTrue(verdicts.contains("on the validation split") || verdicts.contains("on the test split"),
                "each verdict names its split: " + verdicts);
        assertEquals("5", page.attribute("#compare-table", "data-seeds"), "the table gives medians over 5 seeds");
        assertTrue(page.textOf("[data-testid='cmp-b-best']").contains(" – "), "and each one's range: "
                + page.textOf("[data-testid='cmp-b-best']"));
        page.screenshot("lesson-l2-weight-decay-seeds-1280x800.png");
        page.shoot(page.element("#compare-numbers"), "lesson-l2-weight-decay-seeds-verdicts.png");
    }

    @Test
    @Order(2)
    void picking_another_seed_changes_the_model_view() throws IOException {
        // Still the finished 5-seed comparison of the test before: its pictures are seed 1's.
        assertTrue(page.element("#compare-seed").isDisplayed(), "the seed picker shows beside the pictures");
        page.waitFor("seed 1's weight pictures", d -> pixels.inkPixels("#compare-weights-b") > 500);
        String before = pixels.picture("#compare-weights-b");
        new Select(page.element("#compare-seed")).selectByIndex(2);
        page.waitFor("seed 3's pictures from the server", d -> !pixels.picture("#compare-weights-b").equals(before));
        assertTrue(pixels.inkPixels("#compare-weights-b") > 500, "a picture, not a blank");
        assertEquals("2", page.element("#compare-seed").getAttribute("value"));
        page.shoot(page.element("#compare-pictures"), "lesson-l2-weight-decay-seed-3-pictures.png");
    }

    @Test
    @Order(3)
    void a_run_over_seeds_draws_reliability_diagrams_now_and_at_its_best_epoch_and_its_picker_moves_the_boundary()
            throws IOException {
        page.openAt("?preset=overfitting&seeds=3&epochs=150&speed=0", 1280, 800);
        page.click("start");
        page.waitFor("the run to finish", d -> status().equals("finished"));
        page.waitFor("the bands of the run's loss chart", d -> Integer.parseInt(
                String.valueOf(page.attribute("#loss-chart", "data-band-points"))) >= 100);
        assertTrue(((Number) drawnBand("#loss-chart", "validation min–max over seeds").get("tallest")).doubleValue() > 2);
        page.waitFor("the reliability diagram's bins", d -> Integer.parseInt(
                String.valueOf(page.attribute("[data-calibration='now']", "data-bins"))) >= 2);
        assertTrue(Integer.parseInt(page.attribute("[data-calibration='best']", "data-bins")) >= 2,
                "the best epoch's diagram has bins too");
        assertTrue(pixels.inkPixels("[data-calibration='now']") > 2000, "bars are drawn");
        assertTrue(page.textOf("#calibration").contains("ECE"), page.textOf("#calibration"));
        assertFalse(page.textOf("#run-verdict").isEmpty(), "the server's verdict on the run shows");

        String before = pixels.picture("#boundary-canvas");
        new Select(page.element("#run-seed")).selectByIndex(1);
        page.waitFor("seed 2's boundary", d -> !pixels.picture("#boundary-canvas").equals(before));
        page.screenshot("lesson-overfitting-seeds-1280x800.png");
        page.element("#show-calibration").click();
        page.waitFor("the calibration tab, opened from the curves", d -> page.element("#detail-calibration").isDisplayed());
        page.shoot(page.element("#calibration"), "reliability-overfitting-seeds.png");
    }

    @Test
    @Order(4)
    void a_sweep_over_3_seeds_plots_bias_and_variance_and_overlays_each_seeds_boundary() throws IOException {
        page.openAt("?dataset=circle&noise=0.25&trainSize=60&hiddenLayers=16&seeds=3&epochs=40&speed=0"
                + "&sweep=l2:grid:0.0001:1:4", 1280, 800);
        page.click("start");
        page.waitFor("the sweep to end", d -> status().equals("finished"));
        page.waitFor("bias² and variance of every value",
                d -> "4".equals(page.attribute("#sweep-bias-variance-chart", "data-points")));
        Map<String, Object> variance = drawnBand("#sweep-bias-variance-chart", "variance over seeds");
        assertEquals(4, ((Number) variance.get("points")).intValue(), "one point per value: " + variance);
        page.waitFor("each seed's boundary over the data", d -> "3".equals(page.attribute("#sweep-data-canvas", "data-boundaries")));
        assertNotEquals("", page.textOf("#sweep-verdict"), "the sweep's verdicts");
        page.screenshot("sweep-seeds-bias-variance-1280x800.png");
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void a_verdict_is_printed_as_the_server_says_it_with_its_status_and_never_as_markup() throws IOException {
        page.openAt("", 1280, 800);
        String rule = page.textOf("#hint-in-seeds");
        assertTrue(rule.contains("own training sample and initial weights") && rule.contains("4 of 5, 8 of 10"),
                "the seeds control says what a seed is and the rule, both from Java: " + rule);
        // A verdict for a B that wins on 3 of 5 paired seeds, written as the server's frames write it (with markup in its
        // sentence, which must reach the page as text).
        org.gaplab.verdicts.Verdict verdict = new org.gaplab.verdicts.Verdict("generalizes",
                org.gaplab.verdicts.Verdict.Status.CANT_TELL,
                "Can't tell from 5 seeds that <b>B</b> generalizes better: it holds on 3 (by 0.01 to 0.02).", "test", true,
                3, 5, 4, List.of(-0.01, -0.02, 0.01, -0.015, 0.02));
        String written = org.gaplab.protocol.Json.write(org.gaplab.protocol.EpochFrames.verdicts(List.of(verdict)));
        Map<String, Object> shown = (Map<String, Object>) page.js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const verdicts = JSON.parse(arguments[0]);
                import('./js/verdict-list.js').then(({ VerdictList }) => {
                  const list = document.createElement('ul');
                  new VerdictList(list).render(verdicts);
                  done({ status: list.querySelector('.verdict-status').textContent,
                    text: list.textContent, elements: list.querySelectorAll('b').length,
                    split: list.querySelector('.verdict-split').textContent });
                });""", written);
        assertEquals("can’t tell", shown.get("status"), "the badge words the status as the server does");
        assertTrue(String.valueOf(shown.get("text")).contains("<b>B</b> generalizes better: it holds on 3"), "as text: " + shown);
        assertEquals(0L, shown.get("elements"), "no markup reaches the DOM");
        assertEquals("on the test split · epoch chosen on validation", shown.get("split"));
        page.shoot(page.element(".setting[data-setting='seeds']"), "seeds-control-rule.png");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private String status() {
        return String.valueOf(page.element("body").getAttribute("data-status"));
    }

    /**
     * What Chart.js laid out for the dataset with this label, read from its elements' pixel positions: how many points,
     * the tallest gap on screen between it and the dataset before it (a band's upper edge against its lower edge),
     * whether the median line (the dataset the band belongs to) lies between the two, and whether it is visible.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> drawnBand(String canvas, String label) {
        return (Map<String, Object>) page.js().executeScript("""
                const chart = Chart.getChart(document.querySelector(arguments[0]));
                const sets = chart.data.datasets;
                const i = sets.findIndex((s) => s.label === arguments[1]);
                if (i < 0) return { points: 0, tallest: 0, inside: false, shown: false, labels: sets.map((s) => s.label) };
                const high = chart.getDatasetMeta(i).data;
                const low = i > 0 ? chart.getDatasetMeta(i - 1).data : [];
                let tallest = 0;
                high.forEach((p, k) => { if (low[k]) tallest = Math.max(tallest, low[k].y - p.y); });
                const name = arguments[1].replace(' min–max over seeds', '');
                const m = sets.findIndex((s) => s.label === name);
                let inside = m >= 0 && high.length > 0;
                if (m >= 0) chart.getDatasetMeta(m).data.forEach((p, k) => {
                  if (high[k] && low[k] && (p.y < high[k].y - 0.5 || p.y > low[k].y + 0.5)) inside = false;
                });
                return { points: high.length, tallest, inside, shown: chart.isDatasetVisible(i) };""", canvas, label);
    }
}
