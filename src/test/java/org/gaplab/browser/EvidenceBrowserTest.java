package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gaplab.protocol.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The comparison's evidence chart follows the lesson (issue 22, point 4): what is drawn is the lesson's quantity for A
 * and B, number for number as the WebSocket frames carried it (read from Chromium's network log), not a flat line of
 * exact zeros. And a small frame teaches with it (point 8): an 800×500 embed is a compact card of the curves, the
 * evidence and a verdict.
 */
class EvidenceBrowserTest {
    @RegisterExtension
    static final LivePage LIVE = new LivePage();

    private final PageDriver page = LIVE.page();

    @Test
    void the_l2_lesson_draws_the_weight_norm_of_a_and_b_from_the_frames_and_bs_ends_below_as() throws Exception {
        page.open("?preset=l2-weight-decay&seeds=1&epochs=40&speed=0");
        LIVE.driver().manage().logs().get(LogType.PERFORMANCE);   // what earlier tests received is not this run's
        page.click("start");
        page.waitFor("both runs to finish", d -> "finished".equals(page.element("body").getAttribute("data-status")));
        Map<String, TreeMap<Integer, Double>> sent = framesOf("l2Norm");
        assertEquals("weight-norm", page.attribute("#compare-evidence", "data-evidence"));
        assertTrue(page.textOf("#compare-evidence-title").startsWith("‖w‖₂"), page.textOf("#compare-evidence-title"));
        Map<String, TreeMap<Integer, Double>> drawn = drawn();
        for (String run : List.of("a", "b")) sameAsSent(run, sent.get(run), drawn.get(run), 40);
        double lastA = drawn.get("a").lastEntry().getValue();
        double lastB = drawn.get("b").lastEntry().getValue();
        assertTrue(lastB < 0.5 * lastA, "B's ‖w‖₂ ends under half of A's: A " + lastA + ", B " + lastB);
        assertEquals(drawn.get("a").firstEntry().getValue(), drawn.get("b").firstEntry().getValue(),
                "both start from the same weights");
        assertTrue(page.element("#compare-evidence-histogram").isDisplayed(), "both runs' weights on one axis");
        assertTrue(page.textOf("[data-testid='evidence-summary']").startsWith("‖w‖₂, epoch 40: A "),
                page.textOf("[data-testid='evidence-summary']"));
        page.shoot(page.element("#compare-pictures"), "evidence-l2.png");
    }

    @Test
    void a_comparison_without_a_lesson_or_l1_draws_the_gap_not_a_line_of_zeros() throws Exception {
        page.open("?dataset=circle&noise=0.3&epochs=30&speed=0&compare=dropout:0.5");
        LIVE.driver().manage().logs().get(LogType.PERFORMANCE);
        page.click("start");
        page.waitFor("both runs to finish", d -> "finished".equals(page.element("body").getAttribute("data-status")));
        Map<String, TreeMap<Integer, Double>> sent = framesOf("gap");
        assertEquals("gap", page.attribute("#compare-evidence", "data-evidence"));
        Map<String, TreeMap<Integer, Double>> drawn = drawn();
        for (String run : List.of("a", "b")) sameAsSent(run, sent.get(run), drawn.get(run), 30);
        assertFalse(page.element("#compare-evidence-histogram").isDisplayed(), "the weights' histogram is the L2 lesson's");
    }

    @Test
    void the_l1_lesson_in_an_800x500_frame_of_another_site_shows_its_sparsity_evidence_and_verdict_unscrolled() throws Exception {
        String embed = LIVE.base() + "embed?preset=l1-sparsity&speed=0&autostart=1&seeds=1&epochs=60";
        try (OtherOrigin course = new OtherOrigin(embed, 800, 500)) {
            page.openAt("", 1280, 800);
            LIVE.driver().get(course.url());
            LIVE.driver().switchTo().frame(page.element("#gaplab"));
            page.element("#frame-consent").click();   // any site may frame it (the default *): a click starts it
            page.waitFor("a verdict", d -> !page.textOf("#compare-verdict").isEmpty() && page.number("cmp-a-epoch") >= 40);
            assertEquals("sparsity", page.attribute("#compare-evidence", "data-evidence"));
            assertTrue(page.element("body").getAttribute("class").contains("compact"), "the compact card in a small frame");
            assertEquals(List.of(), page.outsideViewport(List.of("loss-chart", "evidence-chart", "compare-verdict"), List.of()),
                    "the curves, the exact zeros and the verdict inside the 800×500 frame, unscrolled");
            assertFalse(page.element("#preset").isDisplayed(), "no lesson menu in an embed that did not ask for one");
            assertFalse(page.element(".modes").isDisplayed(), "no mode tabs either");
            double zerosB = ((Number) page.js().executeScript("const d = Chart.getChart(document.querySelector("
                    + "'#compare-evidence-chart')).data.datasets[1].data; return d[d.length - 1].y;")).doubleValue();
            assertTrue(zerosB > 0.5, "B's exact zeros drawn: " + zerosB);
            LIVE.driver().switchTo().defaultContent();
            page.screenshot("embed-l1-sparsity-800x500.png");
        }
    }

    /**
     * The line has every epoch to {@code last}, and each epoch the network log caught (the log may miss a frame that
     * came in while it was being read) is drawn at exactly the value the frame carried.
     */
    private static void sameAsSent(String run, TreeMap<Integer, Double> sent, TreeMap<Integer, Double> drawn, int last) {
        assertEquals(last + 1, drawn.size(), "run " + run + "'s line has epochs 0–" + last + ": " + drawn.keySet());
        assertTrue(sent.size() >= last / 2, "the log caught run " + run + "'s frames: " + sent.keySet());
        for (Map.Entry<Integer, Double> frame : sent.entrySet()) {
            assertEquals(frame.getValue(), drawn.get(frame.getKey()), "run " + run + ", epoch " + frame.getKey());
        }
    }

    /** Each run's values of {@code key} by epoch, as the page's socket received them. */
    private static Map<String, TreeMap<Integer, Double>> framesOf(String key) throws Exception {
        Map<String, TreeMap<Integer, Double>> runs = Map.of("a", new TreeMap<>(), "b", new TreeMap<>());
        for (LogEntry entry : LIVE.driver().manage().logs().get(LogType.PERFORMANCE)) {
            if (!entry.getMessage().contains("Network.webSocketFrameReceived")) continue;
            JsonNode params = Json.mapper().readTree(entry.getMessage()).path("message").path("params");
            String payload = params.path("response").path("payloadData").asText();
            if (!payload.startsWith("{\"type\":\"compare-epoch\"")) continue;
            JsonNode frame = Json.mapper().readTree(payload);
            for (String run : List.of("a", "b")) {
                for (JsonNode scalars : frame.path(run).path("epochs")) {
                    runs.get(run).put(scalars.path("epoch").asInt(), scalars.path(key).asDouble());
                }
            }
        }
        return runs;
    }

    /** The evidence chart's A and B lines, as Chart.js holds them. */
    @SuppressWarnings("unchecked")
    private Map<String, TreeMap<Integer, Double>> drawn() {
        List<List<List<Number>>> lines = (List<List<List<Number>>>) page.js().executeScript(
                "const c = Chart.getChart(document.querySelector('#compare-evidence-chart'));"
                + " return c.data.datasets.slice(0, 2).map((d) => d.data.map((p) => [p.x, p.y]));");
        Map<String, TreeMap<Integer, Double>> runs = Map.of("a", new TreeMap<>(), "b", new TreeMap<>());
        for (int i = 0; i < 2; i++) {
            for (List<Number> point : lines.get(i)) runs.get(i == 0 ? "a" : "b").put(point.get(0).intValue(), point.get(1).doubleValue());
        }
        return runs;
    }
}
