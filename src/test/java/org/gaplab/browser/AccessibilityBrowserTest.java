package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;

/**
 * The page while it trains, for a keyboard and a screen reader (issue 22, point 11): live regions speak events, not
 * frames, and the lesson menu loads a lesson when one is picked, not on every arrow key.
 */
class AccessibilityBrowserTest {
    @RegisterExtension
    static final LivePage LIVE = LivePage.withDownloads();

    private final PageDriver page = LIVE.page();

    @Test
    void a_training_run_and_a_comparison_announce_a_few_events_a_second_not_every_frame() {
        page.js().executeScript("return 1;");
        LIVE.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(20));
        for (String query : List.of("?dataset=circle&epochs=5000&speed=0", "?preset=dropout&seeds=1&epochs=3000&speed=0")) {
            page.open(query);
            page.click("start");
            page.waitFor("it to train", d -> "running".equals(page.element("body").getAttribute("data-status")));
            int before = epochOnScreen();
            @SuppressWarnings("unchecked")
            List<Object> counted = (List<Object>) page.js().executeAsyncScript(AccessibilityScripts.COUNT_ANNOUNCEMENTS);
            long announcements = ((Number) counted.get(0)).longValue();
            assertTrue(announcements <= 8, query + ": " + announcements + " announcements in 4 s: " + counted.get(1));
            assertTrue(epochOnScreen() > before, "it trained meanwhile: from epoch " + before + " to " + epochOnScreen());
            assertFalse(page.textOf("[data-testid='announcer']").isEmpty(), "the events were said: training started, the best epoch");
        }
    }

    /**
     * Axe on every kind of page, settled and while it trains, in one browser, one page after the other: the playground
     * (free play), a comparison lesson, a sweep lesson, an embed, the teacher's page and a learner's. Every serious or
     * critical violation is listed, with the page and the moment it was found.
     */
    @Test
    void axe_finds_nothing_serious_on_any_page_settled_or_training() {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String query : List.of("?dataset=circle&epochs=4000&speed=5", "?preset=dropout&seeds=1&epochs=400&speed=5",
                "?preset=choosing-lambda&seeds=1&speed=0", "embed?preset=overfitting&epochs=4000&speed=5")) {
            page.open(query);
            page.click("start");
            page.waitFor("it to train", d -> "running".equals(status()));
            found.put(query + " (training)", Axe.seriousViolations(LIVE.driver()));
            page.element("#pause").click();   // a run at rest, its charts and verdicts drawn
            page.waitFor("it to rest", d -> !"running".equals(status()));
            found.put(query + " (" + status() + ")", Axe.seriousViolations(LIVE.driver()));
        }
        classPages(found);
        found.values().removeIf(List::isEmpty);
        assertTrue(found.isEmpty(), "serious or critical violations by page:\n" + String.join("\n", found.entrySet().stream()
                .map(e -> e.getKey() + ":\n  " + String.join("\n  ", e.getValue())).toList()));
    }

    /** The teacher's page and a learner's, before the learner starts and while the learner's run trains. */
    private void classPages(Map<String, List<String>> found) {
        var driver = LIVE.driver();
        String join = openClass();
        String teacher = driver.getWindowHandle();
        found.put("teacher (waiting)", Axe.seriousViolations(driver));
        try {
            driver.switchTo().newWindow(WindowType.TAB);
            driver.get(join + "&nick=Ada");
            page.waitFor("the learner's assignment", d -> !page.text("class-value").isEmpty());
            found.put("learner (seated)", Axe.seriousViolations(driver));
            page.click("start");
            page.waitFor("the learner's run", d -> "running".equals(status()));
            found.put("learner (training)", Axe.seriousViolations(driver));
            driver.switchTo().window(teacher);
            page.waitFor("the learner's point", d -> !driver.findElements(
                    org.openqa.selenium.By.cssSelector("[data-testid='class-point']")).isEmpty());
            found.put("teacher (a learner training)", Axe.seriousViolations(driver));
        } finally {
            page.closeEveryTabButOne();
        }
    }

    /** A teacher creates a class (its form filled in by the link) in this tab; returns the learners' join link. */
    private String openClass() {
        var driver = LIVE.driver();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        driver.get(LIVE.base() + "class/new?param=l2&values=0.0001,0.001,0.01&dataset=circle&trainSize=100&epochs=4000");
        page.element("form.class-form button[type='submit']").click();
        page.waitFor("the teacher's page to connect", d -> "open".equals(page.element("#connection").getAttribute("data-state")));
        var joinLink = page.element("[data-testid='class-join-link']");
        page.waitFor("the join link", d -> joinLink.getAttribute("href").contains("?class="));
        return joinLink.getAttribute("href");
    }

    /**
     * Focus never falls to the page's body: removing one of run B's changes moves it to the next change, then to
     * "Change…"; a learner's control that the teacher's lock disables hands it to the class's status line.
     */
    @Test
    void focus_stays_near_a_removed_change_and_a_control_the_teacher_locks() throws java.io.IOException {
        page.open("?preset=overfitting&compare=l2:0.01,dropout:0.5");
        page.element("#compare-changes [aria-label^='Remove the change of'] ").sendKeys(Keys.ENTER);
        page.waitFor("one change left", d -> d.findElements(org.openqa.selenium.By.cssSelector("#compare-changes button.remove")).size() == 1);
        assertEquals(page.attribute("#compare-changes button.remove", "aria-label"), focused("aria-label"), "the next change's ✕");
        LIVE.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        page.waitFor("no change left", d -> d.findElements(org.openqa.selenium.By.cssSelector("#compare-changes button.remove")).isEmpty());
        assertEquals("compare-more", focused("id"), "then \"Change…\"");

        var driver = LIVE.driver();
        String join = openClass();
        String teacher = driver.getWindowHandle();
        try {
            driver.switchTo().newWindow(WindowType.TAB);
            String learner = driver.getWindowHandle();
            driver.get(join + "&nick=Ada");
            page.waitFor("the learner's assignment", d -> !page.text("class-value").isEmpty());
            page.element("#in-learningRate").click();
            assertEquals("in-learningRate", focused("id"));
            driver.switchTo().window(teacher);
            page.element("#class-lock").click();
            driver.switchTo().window(learner);
            page.waitFor("the lock to reach the learner", d -> !page.element("#in-learningRate").isEnabled());
            assertEquals("class-state", focused("id"), "the status line that says the settings are locked: "
                    + page.textOf("#class-state"));
            assertTrue(page.textOf("#class-state").contains("locked"), page.textOf("#class-state"));
            page.screenshot("a11y-learner-locked.png");
        } finally {
            page.closeEveryTabButOne();
        }
    }

    /**
     * The network diagram of a 32-unit net: out of the reading order (one sentence says the architecture), at most 16
     * units a layer drawn, and its lines kept from frame to frame while their weights change.
     */
    @Test
    void the_network_diagram_is_one_sentence_to_a_screen_reader_capped_and_not_rebuilt_each_frame() throws java.io.IOException {
        page.open("?hiddenLayers=32,32&epochs=5000&speed=10");
        page.detail("network");
        page.click("start");
        page.waitFor("a few epochs drawn", d -> page.epoch() > 3
                && !d.findElements(org.openqa.selenium.By.cssSelector("#network-diagram line")).isEmpty());
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) page.js().executeScript(AccessibilityScripts.READ_DIAGRAM);
        assertEquals(2 * 16 + 16 * 16 + 16 * 1, ((Number) drawn.get("lines")).intValue(), "16 units a layer drawn: " + drawn);
        assertTrue(drawn.get("titles").toString().contains("hidden 1: first 16 of 32"), drawn.get("titles").toString());
        assertEquals("The network: input 2 inputs, hidden 1 32 units, hidden 2 32 units, output 1 unit; the drawing shows "
                + "the first 16 units of a wider layer.", drawn.get("said"), "all a screen reader finds in the diagram");
        int epoch = page.epoch();
        page.waitFor("more epochs, with other weights", d -> page.epoch() > epoch + 5 && !drawn.get("look").equals(
                page.js().executeScript("const l = document.querySelector('#network-diagram line');"
                        + " return l.getAttribute('stroke-width') + ' ' + l.getAttribute('stroke-opacity');")));
        assertEquals("yes", page.attribute("#network-diagram line", "data-kept"), "the same line, its weight updated");
        page.shoot(page.element("#network"), "a11y-network-32x32.png");
    }

    /**
     * Not by colour alone, at 125 % zoom (a 1024 × 640 page is 1280 × 800 at 125 %): every curve chart keeps its legend,
     * training is dashed and validation solid and the legends say so, A and B differ by marker shape, and a number
     * box's border stands 3:1 against the card it sits on.
     */
    @Test
    void lines_differ_by_stroke_and_marker_and_legends_stay_at_125_percent_zoom() throws java.io.IOException {
        page.openAt("?dataset=circle&epochs=4000&speed=20&autostart=1", 1024, 640);
        page.waitFor("a few epochs", d -> page.epoch() > 5);
        Map<String, Object> run = legend("#loss-chart");
        assertEquals(List.of("train", "validation", "test", "penalty"), run.get("items"), "" + run);
        assertEquals(List.of("dashed", "solid", "dashed", "dashed"), run.get("strokes"), "train dashed, validation solid");
        assertTrue(((Number) run.get("height")).doubleValue() > 8 && Boolean.TRUE.equals(run.get("inside")), "the legend is drawn whole: " + run);
        assertEquals("Training dashed, validation solid, test dash-dot, penalty dotted.", page.textOf("[data-testid='run-stroke-key']"));
        page.screenshot("a11y-run-1024x640.png");
        String border = (String) page.js().executeScript("return getComputedStyle(document.querySelector('#in-l2')).borderTopColor;");
        double contrast = AccessibilityScripts.contrast(border, "rgb(255, 255, 255)");
        assertTrue(contrast >= 3, "the L2 box's border " + border + " against white: " + contrast);

        page.openAt("?preset=overfitting&seeds=1&epochs=4000&speed=20&compare=l2:0.01&autostart=1", 1024, 640);
        page.waitFor("both runs a few epochs in", d -> page.number("cmp-a-epoch") > 20);
        for (String chart : List.of("#compare-loss-chart", "#compare-accuracy-chart")) {
            Map<String, Object> pair = legend(chart);
            assertEquals(List.of("A train (●)", "A validation (●)", "B train (▲)", "B validation (▲)"), pair.get("items"), chart + ": " + pair);
            assertEquals(List.of("dashed", "solid", "dashed", "solid"), pair.get("strokes"), chart + ": train dashed, validation solid");
            assertTrue(((Number) pair.get("height")).doubleValue() > 8 && Boolean.TRUE.equals(pair.get("inside")),
                    chart + "'s legend is drawn whole: " + pair);
            assertEquals(List.of("circle", "circle", "triangle", "triangle"), pair.get("markers"), chart + "'s marker shapes");
            assertTrue(((Number) pair.get("marked")).intValue() >= 4, chart + ": markers drawn on the lines: " + pair);
        }
        assertTrue(page.textOf("#compare-curves .legend-note").startsWith("Solid: validation; dashed: training. Markers: A ● (circles), "
                + "B ▲ (triangles)."), page.textOf("#compare-curves .legend-note"));
        page.screenshot("a11y-compare-1024x640.png");
    }

    /** A chart's legend as drawn: its entries, its height, its lines' marker styles and how many markers show. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> legend(String canvas) {
        return (Map<String, Object>) page.js().executeScript(AccessibilityScripts.LEGEND, canvas);
    }

    private String focused(String attribute) {
        return LIVE.driver().switchTo().activeElement().getAttribute(attribute);
    }

    private String status() {
        return page.element("body").getAttribute("data-status");
    }

    /**
     * The loss chart's one-sentence summary says where validation loss was lowest and where both curves ended, with the
     * numbers of the metrics file the page saves (every epoch's values, not the summary's own input), and its table
     * view is a real, bounded table with the final epoch's values.
     */
    @Test
    void the_loss_chart_says_in_a_sentence_and_a_table_what_its_curves_did() throws Exception {
        page.open("?dataset=circle&noise=0.3&trainSize=60&hiddenLayers=16&epochs=150&speed=0&seed=3&autostart=1");
        page.waitFor("the run to finish", d -> "finished".equals(status()));
        String describedBy = page.attribute("#loss-chart", "aria-describedby");
        assertTrue(describedBy != null && !describedBy.isBlank(), "the chart names its description");
        page.waitFor("the summary to reach the last epoch", d -> page.textOf("#" + describedBy).contains("epoch 150"));
        String summary = page.textOf("#" + describedBy);

        JsonNode epochs = new ObjectMapper().readTree(downloaded("download-json", "-metrics.json").toFile()).path("epochs");
        JsonNode best = epochs.get(0);
        for (JsonNode e : epochs) if (e.path("validationLoss").asDouble() < best.path("validationLoss").asDouble()) best = e;
        JsonNode last = epochs.get(epochs.size() - 1);
        assertEquals(150, last.path("epoch").asInt());
        String lowest = threeFigures(best.path("validationLoss").asDouble()) + " at epoch " + best.path("epoch").asInt();
        assertTrue(summary.contains("alidation loss fell to " + lowest + ", then rose to "
                + threeFigures(last.path("validationLoss").asDouble()) + " at epoch 150")
                || summary.contains("alidation loss kept falling to " + lowest), "summary: " + summary + "; lowest " + lowest);
        assertTrue(summary.contains("train loss") && summary.contains(threeFigures(last.path("trainLoss").asDouble()) + " at epoch 150"),
                "the train loss it ended at, " + last.path("trainLoss") + ": " + summary);

        String sparsity = page.attribute("#sparsity-chart", "aria-describedby");
        try {
            page.waitFor("the sparsity chart's sentence", d -> sparsity != null && page.textOf("#" + sparsity).contains("up to epoch 150"));   // no weight is 0 here
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the sparsity chart says: " + (sparsity == null ? null : page.textOf("#" + sparsity)), e);
        }
        assertEquals("0.0%", page.text("zero-fraction"), "the tile agrees: no weight exactly 0");

        page.click("loss-chart-table-toggle");
        @SuppressWarnings("unchecked")
        List<List<String>> rows = (List<List<String>>) page.js().executeScript("return [...document.querySelectorAll("
                + "'#loss-chart-table tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent));");
        assertTrue(rows.size() >= 10 && rows.size() <= 25, "a bounded table: " + rows.size() + " rows");
        assertEquals(List.of("150", threeFigures(last.path("validationLoss").asDouble()), threeFigures(last.path("trainLoss").asDouble())),
                rows.get(rows.size() - 1).subList(0, 3), "its last row is the last epoch's");
        assertFalse(page.element("#loss-chart-table").getAttribute("hidden") != null, "the table is shown");
        assertFalse(page.element("#loss-chart").isDisplayed(), "in the chart's place");
        page.shoot(page.element("#curves"), "a11y-loss-table.png");
        page.click("loss-chart-table-toggle");
        assertTrue(page.element("#loss-chart").isDisplayed(), "the chart is back");
    }

    /** A log slider says the value it stands for ("Training examples 200"), not its position on the ladder. */
    @Test
    void a_log_slider_announces_its_real_value_not_its_position() {
        page.open("?trainSize=200&l2=0.0014");
        String examples = page.attribute("input[aria-controls='in-trainSize']", "aria-valuetext");
        assertEquals("Training examples 200", examples, "position " + page.attribute("input[aria-controls='in-trainSize']", "value"));
        assertEquals("L2 strength λ₂ 0.0014", page.attribute("input[aria-controls='in-l2']", "aria-valuetext"));
        page.element("input[aria-controls='in-l2']").sendKeys(Keys.ARROW_RIGHT);
        page.waitFor("the box to follow the slider", d -> !"0.0014".equals(page.element("#in-l2").getDomProperty("value")));
        assertEquals("L2 strength λ₂ " + page.element("#in-l2").getDomProperty("value"),
                page.attribute("input[aria-controls='in-l2']", "aria-valuetext"));
    }

    /** A loss as the page prints it (format.js loss): 3 significant figures. */
    private static String threeFigures(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(3, java.math.RoundingMode.HALF_UP)).toPlainString();
    }

    /** Presses a download button and returns the file it saved (the folder emptied first). */
    private java.nio.file.Path downloaded(String testId, String suffix) throws java.io.IOException {
        try (var old = java.nio.file.Files.list(LIVE.downloads())) {
            for (var file : old.toList()) java.nio.file.Files.delete(file);
        }
        page.click(testId);
        java.nio.file.Path[] found = new java.nio.file.Path[1];
        page.waitFor("a download ending in " + suffix, d -> {
            try (var files = java.nio.file.Files.list(LIVE.downloads())) {
                found[0] = files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
                return found[0] != null && found[0].toFile().length() > 0;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        return found[0];
    }

    /** The epoch of the run or of the comparison's run A, whichever trains. */
    private int epochOnScreen() {
        return Math.max(page.number("epoch"), page.number("cmp-a-epoch"));
    }

    @Test
    void an_arrow_key_in_the_lesson_menu_browses_and_enter_loads_the_lesson() {
        page.open("?dataset=xor");
        page.element("#preset").sendKeys(Keys.ARROW_DOWN);
        page.waitFor("the menu on its next lesson", d -> !page.element("#preset").getAttribute("value").isEmpty());
        String browsed = page.element("#preset").getAttribute("value");
        assertEquals("xor", page.element("#in-dataset").getAttribute("value"), "the learner's settings are untouched");
        assertFalse(LIVE.driver().getCurrentUrl().contains("preset="), "no lesson loaded while browsing");
        page.element("#preset").sendKeys(Keys.ENTER);
        page.waitFor("the lesson to load", d -> LIVE.driver().getCurrentUrl().contains("preset=" + browsed));
        assertFalse(page.element("#watch").getAttribute("hidden") != null, "its hints are shown");
    }
}
