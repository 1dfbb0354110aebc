package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.gaplab.data.DataSpec;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The lab bench in a real headless Chromium: what a learner sees without scrolling at 1280×800 for the default page
 * and every lesson while it trains, the data before Start, each hidden unit's picture, the embed in a 960×640 iframe,
 * a phone, and what pictures draw (read back from their canvas pixels). Screenshots of each go to target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BenchBrowserTest {
    /** What must be on the first screen, as data-testid values (a comparison's evidence chart: its lesson's evidence). */
    private static final List<String> BENCH = List.of("loss-chart", "accuracy-chart", "model-view", "zero-fraction",
            "sparsity-chart", "start");
    /** A single run without L1 shows the weights' size where a table of zeros would say nothing. */
    private static final List<String> RUN_BENCH = List.of("loss-chart", "accuracy-chart", "model-view", "weight-norm",
            "weight-norm-chart", "start");
    private static final List<String> COMPARE_BENCH = List.of("loss-chart", "accuracy-chart", "model-view", "zero-fraction",
            "evidence-chart", "start");
    /** How long a lesson trains (at full speed) before its screenshot, unless it ends sooner. */
    private static final long LESSON_MILLIS = 1_000;

    @RegisterExtension
    static final LivePage LIVE = new LivePage();

    private ChromeDriver driver;
    private PageDriver page;
    private CanvasPixels pixels;
    private String base;

    @BeforeAll
    void connect() {
        base = LIVE.base();
        driver = LIVE.driver();
        page = LIVE.page();
        pixels = new CanvasPixels(page);
    }

    @Test
    @Order(1)
    void before_start_the_model_view_shows_the_data() {
        page.openAt("?preset=overfitting", 1280, 800);
        assertTrue(!page.element("#first-run").isDisplayed(), "a lesson needs no pointer to the lessons");
        page.openAt("", 1280, 800);
        assertTrue(page.element("#first-run").isDisplayed(), "free play points a first visitor to the lessons");
        page.click("first-run-dismiss");
        assertTrue(!page.element("#first-run").isDisplayed(), "dismissed");
        page.openAt("", 1280, 800);
        assertTrue(!page.element("#first-run").isDisplayed(), "and remembered");
        page.waitFor("the data before Start", d -> pixels.pointPixels("#boundary-canvas") > 200);
        assertEquals("ready", page.text("status"), "nothing has trained");
        assertEquals("0", page.text("epoch"));
        assertEquals("400", page.element("#boundary-canvas").getAttribute("data-points"), "200 train and 200 test points");

        page.openAt("?dataset=shapes&hiddenLayers=16", 1280, 800);
        page.waitFor("the first layer's weights before Start", d -> pixels.inkPixels("#weight-images") > 1000);
        assertEquals("ready", page.text("status"));
    }

    @Test
    @Order(2)
    void the_bench_fits_1280x800_for_the_default_page_and_every_lesson_while_it_trains() throws IOException {
        List<String> lessons = new ArrayList<>(List.of(""));
        java.util.Set<String> comparisons = new java.util.HashSet<>();
        java.util.Set<String> sweeps = new java.util.HashSet<>();
        java.util.Set<String> aboutSparsity = new java.util.HashSet<>();
        for (WebElement option : new Select(pageAt("", 1280, 800).element("#preset")).getOptions()) {
            // a lesson with a view of its own (the landscape) trains nothing: LandscapeBrowserTest's
            if (!option.getAttribute("value").isEmpty() && option.getAttribute("data-view") == null) {
                lessons.add(option.getAttribute("value"));
                if (option.getAttribute("data-compare") != null) comparisons.add(option.getAttribute("value"));
                if (option.getAttribute("data-sweep") != null) sweeps.add(option.getAttribute("value"));
                if ("sparsity".equals(option.getAttribute("data-evidence"))) aboutSparsity.add(option.getAttribute("value"));
            }
        }
        assertTrue(lessons.size() > 10, "the lessons are read from the page: " + lessons);
        List<Executable> checks = new ArrayList<>();
        for (String lesson : lessons) {
            // one seed each: the layout of a lesson over several seeds is SeedsBrowserTest's
            page.openAt(lesson.isEmpty() ? "?speed=0" : "?preset=" + lesson + "&speed=0&seeds=1", 1280, 800);
            page.waitFor(lesson + "'s data before Start", d -> pixels.modelViewInk() > 0);
            long started = System.currentTimeMillis();
            page.click("start");
            page.waitFor(lesson + " to train", d -> !List.of("ready", "paused").contains(status()));
            List<String> outside = page.outsideViewport(comparisons.contains(lesson) ? COMPARE_BENCH
                    : sweeps.contains(lesson) ? BENCH : RUN_BENCH, focus(lesson));
            String name = lesson.isEmpty() ? "free-play" : lesson;
            checks.add(() -> assertEquals(List.of(), outside, name + ": parts of the bench outside 1280×800 while training"));
            BenchChecks.whileTraining(page, lesson, name, comparisons.contains(lesson), aboutSparsity.contains(lesson), checks);
            page.waitFor(lesson + " to train a while", d -> System.currentTimeMillis() - started > LESSON_MILLIS
                    || List.of("finished", "early-stopped", "diverged", "error").contains(status()));
            page.screenshot("lesson-" + name + "-1280x800.png");
            BenchChecks.afterTraining(page, name, checks);
        }
        assertAll(checks);
    }

    @Test
    @Order(3)
    void a_2d_run_with_hidden_layers_6_and_4_shows_ten_neuron_pictures_that_change_as_it_trains() {
        page.openAt("?hiddenLayers=6,4&speed=20", 1280, 800);
        page.waitFor("the neurons before Start", d -> neurons().size() == 10);
        List<String> expected = new ArrayList<>();
        IntStream.range(0, 6).forEach(u -> expected.add("neuron-0-" + u));
        IntStream.range(0, 4).forEach(u -> expected.add("neuron-1-" + u));
        assertEquals(expected, neurons(), "layer-unit ids from 0");
        String before = pixels.picture("[data-testid='neuron-0-0']");
        assertTrue(pixels.inkPixels("[data-testid='neuron-0-0']") > 50, "a unit's picture is drawn");
        page.click("start");
        page.waitFor("the unit's picture to change", d -> page.number("epoch") >= 10
                && !pixels.picture("[data-testid='neuron-0-0']").equals(before));
        assertEquals(10, neurons().size());

        // α = 3 on the circle set: the training loss jumps up and down, and one line says why.
        page.openAt("?learningRate=3&speed=0", 1280, 800);
        page.click("start");
        page.waitFor("the swing hint or the end", d -> page.element("#swing-hint").isDisplayed() || status().equals("finished"));
        assertTrue(page.textOf("#swing-hint").contains("learning rate (α = 3) is likely too large"),
                "a learning rate that makes the loss swing gets a hint: " + page.textOf("#swing-hint"));
    }

    @Test
    @Order(4)
    void subgradient_weights_near_zero_are_drawn_faint_never_blank_and_clipped_zeros_blank() throws IOException {
        page.openAt("?preset=l1-subgradient&speed=0&seeds=1", 1280, 800);   // one seed: the table's counts are its own
        page.click("start");
        page.waitFor("both runs to finish, so the pictures hold still", d -> status().equals("finished"));
        assertTrue(percentOf("cmp-b-near") > 20, "B's weights hover near 0: " + page.text("cmp-b-near"));
        long zerosOfB = countIn("cmp-b-exactly");
        long zerosOfA = countIn("cmp-a-exactly");
        long blankOfB = pixels.blankCells("#compare-weights-b");
        long blankOfA = pixels.blankCells("#compare-weights-a");
        assertEquals(0, zerosOfB, "subgradient L1 leaves no exact zero");
        assertEquals(0, blankOfB, "so no cell of B's picture is blank, though " + page.text("cmp-b-near") + " are near 0");
        assertTrue(blankOfA > 0 && blankOfA <= zerosOfA, "A's clipped zeros are blank: " + blankOfA + " of its " + zerosOfA);
        page.shoot(page.element("#compare-pictures"), "l1-clip-vs-subgradient-pictures.png");
    }

    @Test
    @Order(5)
    void the_network_draws_small_weights_as_links_and_only_exact_zeros_dotted() {
        page.openAt("?dataset=noisy-features&trainSize=200&hiddenLayers=16&learningRate=0.1&l1=0.02&l1Mode=subgradient&speed=0",
                1280, 800);
        page.click("start");
        page.waitFor("the run to finish, so the diagram holds still", d -> status().equals("finished"));
        page.waitFor("the last frame drawn", d -> page.number("epoch") == 300);
        @SuppressWarnings("unchecked")
        Map<String, Long> links = (Map<String, Long>) page.js().executeScript("""
                const lines = [...document.querySelectorAll('#network-diagram line')];
                const value = (l) => Number(l.querySelector('title').textContent.split('w = ')[1]);
                return { dotted: lines.filter((l) => l.dataset.zero).length,
                         tiny: lines.filter((l) => !l.dataset.zero && Math.abs(value(l)) < 1e-3
                           && Number(l.getAttribute('stroke-width')) > 0.5).length };""");
        assertEquals(0L, links.get("dotted"), "no weight is exactly 0 under subgradient L1");
        assertTrue(links.get("tiny") > 10, "weights below 10⁻³ are drawn as thin solid links: " + links);
    }

    @Test
    @Order(6)
    void the_l1_embed_shows_its_zero_fraction_and_sparsity_chart_in_a_960x640_iframe() throws IOException {
        String embed = base + "embed?preset=l1-sparsity&speed=0&autostart=1&seeds=1";
        try (OtherOrigin course = new OtherOrigin(embed, 960, 640)) {
            page.openAt("", 1280, 800);
            driver.get(course.url());
            driver.switchTo().frame(page.element("#gaplab"));
            page.element("#frame-consent").click();   // any site may frame it (the default *): a click starts it
            page.waitFor("the embedded comparison to train", d -> page.number("cmp-a-epoch") >= 5);
            List<String> outside = page.outsideViewport(
                    List.of("zero-fraction", "evidence-chart", "loss-chart", "model-view"), List.of());
            assertEquals(List.of(), outside, "inside the 960×640 frame");
            List<String> overlaps = page.overlappingCards();
            assertEquals(List.of(), overlaps, "the bench's parts do not overlap");
            // Ended, the scrubber sits beside the buttons: reading the run back moves nothing out of the frame.
            page.waitFor("the comparison to end", d -> page.text("cmp-a-status").equals("finished")
                    && page.text("cmp-b-status").equals("finished")
                    && page.element("[data-testid='scrub-epoch']").isDisplayed());
            page.element("[data-testid='scrub-epoch']").sendKeys(Keys.HOME, Keys.ARROW_RIGHT);
            assertEquals("Epoch 2 of 300", page.element("[data-testid='scrub-epoch']").getAttribute("aria-valuetext"));
            assertEquals(List.of(), page.outsideViewport(List.of("zero-fraction", "evidence-chart", "loss-chart", "model-view",
                    "scrub-epoch"), List.of()), "ended and read back at epoch 2, inside the 960×640 frame");
            driver.switchTo().defaultContent();
            page.screenshot("embed-l1-sparsity-960x640.png");
        }
    }

    @Test
    @Order(7)
    void a_phone_gets_no_sideways_scroll_and_a_way_to_the_settings() throws IOException {
        page.openAt("?preset=l2-weight-decay", 390, 844);
        page.waitFor("the data", d -> pixels.modelViewInk() > 0);
        long width = (Long) page.js().executeScript("return document.documentElement.scrollWidth;");
        assertTrue(width <= 390, "scrollWidth " + width + " ≤ 390");
        WebElement link = page.element("#to-settings");
        assertTrue(link.isDisplayed() && link.getRect().getY() < 844, "the Settings link is on the first screen");
        page.screenshot("phone-390x844.png");
        link.click();
        page.waitFor("the settings at the top of the screen", d -> Math.abs((Long) page.js().executeScript(
                "return Math.round(document.querySelector('#controls').getBoundingClientRect().top);")) < 100);
    }

    @Test
    @Order(8)
    void each_dataset_shows_the_settings_java_says_it_reads_and_hides_the_rest() {
        page.openAt("", 1280, 800);
        BenchChecks.headerMenusAndNotes(page);
        Select dataset = new Select(page.element("#in-dataset"));
        List<Executable> checks = new ArrayList<>();
        for (String name : DataSpec.DATASET.choices()) {
            dataset.selectByValue(name);
            for (Setting setting : ConfigSchema.all()) {
                List<String> readers = DataSpec.readBy(setting.name());
                if (readers == null) continue;
                boolean shown = page.element("[data-setting='" + setting.name() + "']").isDisplayed();
                checks.add(() -> assertEquals(readers.contains(name), shown, setting.name() + " with dataset " + name));
            }
        }
        assertAll(checks);
    }

    @Test
    @Order(9)
    void projector_mode_keeps_the_bench_and_enlarges_it() throws IOException {
        page.openAt("?preset=dropout&projector=1", 1280, 800);
        page.waitFor("the data", d -> pixels.modelViewInk() > 0);
        assertTrue(!page.element("#controls").isDisplayed(), "the bench only");
        String size = (String) page.js().executeScript("return getComputedStyle(document.documentElement).fontSize;");
        assertEquals("19px", size, "large type");
        // Its chart text is ×1.75: the plot inside each curve chart keeps at least 120 px for the lines.
        long plot = (Long) page.js().executeScript("""
                return Math.min(...['compare-loss-chart', 'compare-accuracy-chart'].map((id) => {
                  const area = Chart.getChart(document.getElementById(id)).chartArea;
                  return Math.round(area.bottom - area.top);
                }));""");
        assertTrue(plot >= 120, "the curves' plots keep their height in projector mode: " + plot + " px");
        page.screenshot("projector-1280x800.png");
        // The lesson's evidence beside the pictures: a plot a room can read at 1280×800 (24 px while the PNG buttons and
        // the note under the pictures took its room), and 120 px like every chart on a 1080p projector.
        page.openAt("?preset=l1-sparsity&projector=1", 1280, 800);
        page.waitFor("the data", d -> pixels.modelViewInk() > 0);
        String shortest = BenchChecks.shortestPlot(page);
        assertTrue(shortest.endsWith("compare-evidence-chart") && BenchChecks.plotOf(shortest) >= 75,
                "the exact zeros' plot on a 1280×800 projector: " + shortest);
        page.openAt("?preset=l1-sparsity&projector=1", 1920, 1080);
        page.waitFor("the data", d -> pixels.modelViewInk() > 0);
        shortest = BenchChecks.shortestPlot(page);
        assertTrue(BenchChecks.plotOf(shortest) >= 120, "the shortest plot on a 1080p projector: " + shortest);
        page.screenshot("projector-1920x1080.png");
    }


    @Test
    @Order(10)
    void a_bad_link_is_told_at_once_compare_starts_empty_and_a_copied_link_does_not_autostart() {
        page.openAt("?l2=5&learningRate=99&bogus=1&hide=nothing&speed=-3&autostart=1", 1280, 800);
        String banner = page.textOf("#banner");
        for (String problem : List.of("bogus", "hide=nothing", "l2: 5 is not allowed; allowed: a number in [0, 1]",
                "learningRate: 99 is not allowed; allowed: a number in [1e-6, 10]",
                "speed: -3 is not allowed; allowed: epochs per second, a number in [0, 1000]")) {
            assertTrue(banner.contains(problem), "the banner names " + problem + ": " + banner);
        }
        assertTrue(page.element("#error-in-l2").isDisplayed() && page.element("#error-in-learningRate").isDisplayed()
                        && page.element("#error-speed").isDisplayed(),
                "each refused value is marked beside its field");
        assertEquals("ready", page.text("status"), "autostart does not train refused settings");

        page.openAt("?preset=overfitting&autostart=1", 1280, 800);
        page.js().executeScript("window.copied = null; navigator.clipboard.writeText = (text) => { window.copied = text; "
                + "return Promise.resolve(); };");
        page.element("#copy-link").click();
        page.waitFor("the copied link", d -> page.js().executeScript("return window.copied;") != null);
        String copied = (String) page.js().executeScript("return window.copied;");
        assertTrue(copied.contains("preset=overfitting") && !copied.contains("autostart"), copied);
        page.element("#share-autostart").click();
        page.element("#copy-link").click();
        page.waitFor("the link that starts on open", d -> String.valueOf(page.js().executeScript("return window.copied;"))
                .contains("autostart=1"));

        page.openAt("", 1280, 800);
        page.element("#mode-compare").click();
        assertEquals(0, page.element("#compare-changes").findElements(org.openqa.selenium.By.tagName("li")).size(),
                "Compare opens with no change");
        page.element("[data-quick='l2']").click();
        page.element("[data-quick='dropout']").click();
        assertEquals(List.of("dropout"), page.element("#compare-changes").findElements(org.openqa.selenium.By.tagName("li"))
                .stream().map(li -> li.getAttribute("data-key")).toList(), "a quick change replaces the previous one");
        Object favicon = page.js().executeAsyncScript(
                "const done = arguments[0]; fetch('favicon.ico').then((r) => done(r.status)).catch(() => done(-1));");
        assertEquals(200L, favicon, "/favicon.ico is served");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private PageDriver pageAt(String query, int width, int height) {
        page.openAt(query, width, height);
        return page;
    }

    private List<String> focus(String lesson) {
        if (lesson.isEmpty()) return List.of();
        String keys = page.element("#preset option[value='" + lesson + "']").getAttribute("data-focus");
        return keys == null || keys.isEmpty() ? List.of() : List.of(keys.split(","));
    }

    private String status() {
        return String.valueOf(page.element("body").getAttribute("data-status"));
    }

    @SuppressWarnings("unchecked")
    private List<String> neurons() {
        return (List<String>) page.js().executeScript(
                "return [...document.querySelectorAll('[data-testid^=\"neuron-\"]')].map((c) => c.dataset.testid);");
    }

    /** "94.1% (1,505)" -> 1505. */
    private long countIn(String testId) {
        String text = page.text(testId);
        return Long.parseLong(text.substring(text.indexOf('(') + 1, text.indexOf(')')).replace(",", ""));
    }

    /** "44.2% (ε 0.004)" -> 44.2. */
    private double percentOf(String testId) {
        String text = page.text(testId);
        return text.contains("%") ? Double.parseDouble(text.substring(0, text.indexOf('%'))) : -1;
    }
}
