package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.gaplab.data.FashionMnist;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * What a learner looks at on an image lesson, in a real headless Chromium: the validation confusion matrix and the
 * misclassified strip follow the training, the bench's sentence about them says what the matrix holds, every word is
 * readable, and the lesson's screen holds its charts at 1280×800 without scrolling.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageLessonBrowserTest {
    /** The image lessons validate on 500 images. */
    private static final int VALIDATION_SIZE = 500;

    @RegisterExtension
    static final LivePage LIVE = new LivePage();

    private final PageDriver page = LIVE.page();

    @Test
    @Order(1)
    void the_confusion_matrix_and_the_misclassified_strip_update_as_the_overfitting_lesson_trains() throws IOException {
        page.openAt("?preset=fashion-overfitting", 1280, 800);
        // Epoch by epoch with Step: the same seed trains the same numbers, so what each epoch shows is fixed.
        page.click("step");
        page.waitFor("the confusion matrix of epoch 1", d -> page.epoch() == 1 && cells().size() == 100 && !strip().isEmpty());
        assertEquals("paused", page.text("status"), "one Step trains epoch 1: the run is paused there, not a preview");
        List<Long> first = cells();
        assertEquals(VALIDATION_SIZE, first.stream().mapToLong(Long::longValue).sum(),
                "the cells count every validation image once: " + first);
        List<String> firstStrip = strip();
        assertTrue(firstStrip.size() <= 12, "at most 12 mistakes: " + firstStrip);
        for (String caption : firstStrip) {
            String[] parts = caption.split(" → ");
            assertEquals(2, parts.length, caption);
            assertTrue(FashionMnist.CLASS_NAMES.contains(parts[0]) && FashionMnist.CLASS_NAMES.contains(parts[1]),
                    "true and predicted classes by the server's names: " + caption);
            assertNotEquals(parts[0], parts[1], "only mistakes: " + caption);
        }
        assertEquals(FashionMnist.CLASS_NAMES.get(3), page.textOf("#confusion tbody tr:nth-child(4) th").substring(2),
                "rows named by the server's class names");
        String firstRows = rows();
        for (int epoch = 2; epoch <= 3; epoch++) {
            int next = epoch;
            page.click("step");
            page.waitFor("epoch " + next, d -> page.epoch() == next);
        }
        page.waitFor("epoch 3 to change the counts and the strip", d -> !cells().equals(first) && !rows().equals(firstRows));
        List<Long> later = cells();
        assertEquals(VALIDATION_SIZE, later.stream().mapToLong(Long::longValue).sum(), "still every validation image");
        Number ink = (Number) page.js().executeScript("""
                const canvas = document.querySelector('#misclassified canvas');
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let dark = 0;
                for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark++;
                return dark;""");
        assertTrue(ink.intValue() > 20, "a misclassified image is drawn, dark ink on white: " + ink);
        page.screenshot("fashion-overfitting-1280x800.png");
        assertEquals(List.of(), page.outsideViewport(List.of("loss-chart", "accuracy-chart", "model-view", "most-confused",
                "misclassified-first", "start"), List.of()), "the lesson's charts and its mistakes fit 1280×800 without scrolling");
        assertEquals(List.of(), clipped(), "the sentence and the first mistakes are whole inside their card");

        // The bench's sentence is the matrix's: its mistakes counted, the pair it gets wrong most named first.
        String said = page.text("most-confused");
        long wrong = 0, most = 0;
        int mostTrue = -1, mostPredicted = -1;
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                long value = later.get(t * 10 + p);
                if (t != p) wrong += value;
                if (t != p && value > most) {
                    most = value;
                    mostTrue = t;
                    mostPredicted = p;
                }
            }
        }
        assertTrue(said.startsWith(wrong + " of " + VALIDATION_SIZE + " wrong. Most often: " + FashionMnist.CLASS_NAMES.get(mostTrue)
                + " taken for " + FashionMnist.CLASS_NAMES.get(mostPredicted) + " (" + most + ")"), "the matrix's largest mistake: " + said);
        double accuracy = Double.parseDouble(page.text("validation-accuracy").replace("%", "")) / 100;
        assertEquals(accuracy, 1 - (double) wrong / VALIDATION_SIZE, 0.0005, "its count agrees with the accuracy tile: " + said);
        List<String> inTab = stripRows("#misclassified"), onBench = firstRows();
        assertEquals(Math.min(6, inTab.size()), onBench.size(), "the bench shows the first six mistakes");
        assertEquals(inTab.subList(0, onBench.size()), onBench, "the same images as the tab's, in the same order");

        // Read back at epoch 1, the sentence and the matrix are epoch 1's, as the tiles are (scrub.js keeps the report).
        page.waitFor("the scrubber of the paused run", d -> page.element("[data-testid='scrub-epoch']").isDisplayed());
        assertEquals("paused", page.text("status"), "three Steps leave a paused run, not a preview");
        page.element("[data-testid='scrub-epoch']").sendKeys(Keys.HOME);
        page.waitFor("epoch 1's tiles", d -> page.epoch() == 1);
        double accuracyThen = Double.parseDouble(page.text("validation-accuracy").replace("%", "")) / 100;
        long wrongThen = Math.round((1 - accuracyThen) * VALIDATION_SIZE);
        assertNotEquals(wrong, wrongThen, "epoch 1 and epoch 3 differ in what they get wrong");
        page.waitFor("epoch 1's mistakes", d -> page.text("most-confused").startsWith(wrongThen + " of " + VALIDATION_SIZE + " wrong."));
        List<Long> cellsThen = cells();
        assertEquals(VALIDATION_SIZE - wrongThen, IntStream.range(0, 10).mapToLong(t -> cellsThen.get(t * 11)).sum(),
                "the matrix's diagonal is epoch 1's right answers");
        page.element("[data-testid='scrub-epoch']").sendKeys(Keys.END);
        long wrongAtEnd = wrong;
        page.waitFor("epoch 3's mistakes again", d -> page.text("most-confused").startsWith(wrongAtEnd + " of "));

        page.click("show-mistakes");
        page.waitFor("the Mistakes tab", d -> page.element("#confusion").isDisplayed());
        assertEquals("true", page.element("#tab-mistakes").getAttribute("aria-selected"));
        assertEquals(List.of(), SmallText.on(page), "every word of an image lesson, bench and Mistakes tab, at 11 px or more");
        page.shoot(page.element("#detail-mistakes"), "fashion-mistakes-tab.png");

        // A course page showing the bench without its tabs (docs/DEPLOY.md's example) gets no link to a hidden tab.
        page.openAt("?preset=fashion-overfitting&show=watch,metrics,curves,model-view", 1280, 800);
        page.click("step");
        page.waitFor("the first mistakes", d -> page.element("#most-confused").isDisplayed());
        assertTrue(!page.element("#show-mistakes").isDisplayed() && !page.element("#show-calibration").isDisplayed(),
                "no link to a tab the page does not show");
        assertEquals(List.of(), page.outsideViewport(List.of("loss-chart", "accuracy-chart", "most-confused", "start"), List.of()),
                "without the settings the bench takes the page's width and fits 1280×800");
        page.screenshot("fashion-overfitting-show-1280x800.png");
    }

    @Test
    @Order(2)
    void the_l2_image_lesson_shows_both_runs_weight_images_and_its_curves_at_1280x800() throws IOException {
        page.openAt("?preset=fashion-l2&speed=3", 1280, 800);
        page.click("start");
        page.waitFor("a few epochs of both runs", d -> Integer.parseInt(page.text("cmp-b-epoch")) >= 5);
        assertEquals(List.of(), page.outsideViewport(List.of("loss-chart", "accuracy-chart", "start"), List.of("l2")),
                "the comparison's curves and its λ₂ fit 1280×800 without scrolling");
        for (String run : List.of("a", "b")) {
            String outside = (String) page.js().executeScript("""
                    const el = document.querySelector('#compare-weights-' + arguments[0]);
                    const r = el.getBoundingClientRect();
                    return r.width > 0 && r.height > 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5
                        ? '' : `${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`;""", run);
            assertEquals("", outside, "run " + run + "'s first-layer weight images are on screen");
        }
        page.screenshot("fashion-l2-1280x800.png");
    }

    @Test
    @Order(3)
    void the_early_stopping_image_lesson_marks_the_stop_and_the_epoch_of_best_accuracy_it_restores() throws IOException {
        page.openAt("?preset=fashion-early-stopping&speed=0", 1280, 800);
        page.click("start");
        for (int tries = 1; ; tries++) {   // two runs of 25 to 40 image epochs: more than one patience on a busy machine
            try {
                page.waitFor("both runs to end", d -> List.of("finished", "early-stopped").contains(page.text("status")));
                break;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (tries == 3) throw e;
            }
        }
        String end = (String) page.js().executeScript("""
                const chart = Chart.getChart(document.querySelector('#compare-accuracy-chart'));
                return chart.options.plugins.markers.lines.map((line) => line.label).join('|');""");
        // Seed 1 (the page's), in float64 on OpenBLAS: B's validation loss is lowest at epoch 5, its validation accuracy
        // highest at epoch 20, and it stops at 25. Read, not assumed: another precision may move the epochs.
        java.util.regex.Matcher best = java.util.regex.Pattern.compile("B best (\\d+)").matcher(end);
        java.util.regex.Matcher stop = java.util.regex.Pattern.compile("B stop (\\d+), restores (\\d+)").matcher(end);
        assertTrue(best.find() && stop.find(), "B's best by loss, its stop and the epoch it restores are marked: " + end);
        int restores = Integer.parseInt(stop.group(2));
        assertEquals(Integer.parseInt(stop.group(1)) - 5, restores, "patience 5: " + end);
        assertNotEquals(Integer.parseInt(best.group(1)), restores, "accuracy's best is not loss's: " + end);
        page.screenshot("fashion-early-stopping-1280x800.png");
        for (String chart : List.of("compare-loss-chart", "compare-accuracy-chart", "compare-evidence-chart")) {
            String clash = (String) page.js().executeScript(MARKER_LABELS_CLASH, chart);
            assertEquals("", clash, chart + ": the best and stop labels overlap nothing and stay inside the plot");
        }
    }

    /**
     * What is wrong with the marker labels a chart drew (chart.$markerLabels, the boxes its plugin filled in): a label
     * missing, over the axis or past the plot, or two labels overlapping; "" when they are all apart and inside.
     */
    private static final String MARKER_LABELS_CLASH = """
            const chart = Chart.getChart(document.getElementById(arguments[0]));
            const drawn = chart.$markerLabels ?? [];
            const area = chart.chartArea;
            if (drawn.length < chart.options.plugins.markers.lines.length) return 'not every marker has its label drawn';
            const wrong = drawn.filter((b) => b.left < area.left || b.right > area.right).map((b) => `${b.label} outside`);
            drawn.forEach((a, i) => drawn.slice(i + 1).forEach((b) => {
              if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) wrong.push(`${a.label} on ${b.label}`);
            }));
            return wrong.join('; ');""";

    /** The confusion matrix's 100 counts, row by row (the per-class accuracy column left out). */
    @SuppressWarnings("unchecked")
    private List<Long> cells() {
        return (List<Long>) page.js().executeScript("""
                return [...document.querySelectorAll('#confusion tbody tr')]
                    .flatMap((row) => [...row.cells].slice(1, -1).map((cell) => Number(cell.textContent)));""");
    }

    /** The misclassified strip's captions. */
    @SuppressWarnings("unchecked")
    private List<String> strip() {
        return (List<String>) page.js().executeScript(
                "return [...document.querySelectorAll('#misclassified figcaption')].map((c) => c.textContent);");
    }

    /** The validation rows the Mistakes tab's strip shows, with what they were taken for. */
    private String rows() {
        return String.join("|", stripRows("#misclassified"));
    }

    /** The same for the first mistakes on the bench. */
    private List<String> firstRows() {
        return stripRows("#misclassified-first");
    }

    @SuppressWarnings("unchecked")
    private List<String> stripRows(String strip) {
        return (List<String>) page.js().executeScript("""
                return [...document.querySelectorAll(arguments[0] + ' figure')]
                    .map((f) => f.dataset.row + ':' + f.querySelector('figcaption').textContent);""", strip);
    }

    /** The bench's sentence and first mistakes, where either reaches outside the model card (which clips). */
    @SuppressWarnings("unchecked")
    private List<String> clipped() {
        return (List<String>) page.js().executeScript("""
                const card = document.querySelector('#data-view').getBoundingClientRect();
                return ['#most-confused', '#misclassified-first'].filter((id) => {
                  const r = document.querySelector(id).getBoundingClientRect();
                  return r.height === 0 || r.top < card.top || r.bottom > card.bottom + 0.5 || r.left < card.left
                      || r.right > card.right + 0.5;
                });""");
    }
}
