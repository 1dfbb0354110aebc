package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * "Why L1 gives zeros, seen": from an L1 lesson's "why?" link, dragging λ past the threshold the server computed makes
 * the marked weight read exactly 0 and the sentence say so; L2's path never reaches 0; everything fits 1280×800.
 */
class LandscapeBrowserTest {
    @RegisterExtension
    static final LivePage LIVE = LivePage.checkingRequests();

    @Test
    void dragging_lambda_past_l1s_threshold_zeroes_the_marked_weight_and_l2_never_does() throws Exception {
        PageDriver page = LIVE.page();
        page.openAt("?preset=l1-subgradient", 1280, 800);
        WebElement why = page.element("#why-link");
        page.waitFor("the why? link", d -> why.isDisplayed());
        assertTrue(why.getAttribute("href").contains("l1=0.03") && why.getAttribute("href").contains("learningRate=0.3"),
                why.getAttribute("href"));
        why.click();
        page.waitFor("the landscape with the lesson's λ₁", d -> "0.03".equals(page.attribute("#landscape-panel", "data-drawn-l1")));
        double threshold = threshold(page);
        int marked = Integer.parseInt(page.attribute("#landscape-panel", "data-marked"));
        String weight = marked == 0 ? "landscape-w1" : "landscape-w2";
        String name = marked == 0 ? "w₁" : "w₂";
        assertTrue(Double.parseDouble(page.attribute("[data-testid=" + weight + "]", "data-value")) != 0.0,
                "below the threshold " + threshold + " the marked weight is not 0");
        assertTrue(page.text("landscape-minimum-sentence").contains("neither weight is 0"), page.text("landscape-minimum-sentence"));

        double past = drag(page, LIVE.driver(), 1.25 * threshold);
        assertTrue(past > threshold, "dragged to " + past + ", past " + threshold);
        page.waitFor("the minimum at the dragged λ", d -> String.valueOf(past).equals(page.attribute("#landscape-panel", "data-drawn-l1")));
        assertEquals("0", page.attribute("[data-testid=" + weight + "]", "data-value"), page.text("landscape-minimum-sentence")
                + " / " + page.text("landscape-path-sentence") + " / λ " + past + " / " + LIVE.driver().getCurrentUrl());
        assertEquals("0 (exactly)", page.text(weight));
        assertTrue(page.text("landscape-minimum-sentence").contains(name + " is exactly 0"), page.text("landscape-minimum-sentence"));
        assertTrue(page.text("landscape-path-sentence").contains("L1 sets " + name + " to exactly 0 from λ₁ = "),
                page.text("landscape-path-sentence"));
        assertTrue(page.text("landscape-steps-sentence").contains("clip at zero holds it at exactly 0"),
                page.text("landscape-steps-sentence"));
        assertTrue(LIVE.driver().getCurrentUrl().contains("l1=" + past), LIVE.driver().getCurrentUrl());
        assertTrue(page.attribute("#landscape-back", "href").contains("preset=l1-subgradient&l1=" + past),
                page.attribute("#landscape-back", "href"));

        @SuppressWarnings("unchecked")
        List<Number> l2Weights = (List<Number>) page.js().executeScript("""
                const chart = Chart.getChart(document.getElementById('landscape-l2-path'));
                return chart.data.datasets.flatMap((d) => d.data.map((p) => p.y));""");
        assertTrue(l2Weights.size() > 100, "both weights along L2's path: " + l2Weights.size());
        assertTrue(l2Weights.stream().noneMatch(w -> w.doubleValue() == 0.0), "L2's path never has a zero weight");

        new Actions(LIVE.driver()).dragAndDropBy(page.element("#landscape-plot"), 0, 0).perform();   // a start where it was clicked
        page.waitFor("the start in the address", d -> LIVE.driver().getCurrentUrl().contains("start="));
        String dragged = LIVE.driver().getCurrentUrl().replaceAll(".*start=([^&]+).*", "$1");
        page.element("#landscape-plot").sendKeys(org.openqa.selenium.Keys.ARROW_UP);        // the keyboard moves it too
        page.waitFor("the start moved by a key", d -> !LIVE.driver().getCurrentUrl().contains("start=" + dragged));
        page.waitFor("the drawing of the new start", d -> page.text("landscape-steps-sentence").contains("exactly 0"));
        assertEquals(List.of(), page.outsideViewport(List.of("landscape-plot", "landscape-lambda", "landscape-w1",
                "landscape-w2", "landscape-minimum-sentence", "landscape-l1-path", "landscape-l2-path",
                "landscape-path-sentence", "landscape-legend", "landscape-steps-chart", "landscape-steps-sentence"), List.of()), "the whole picture on one 1280×800 screen");
        page.screenshot("landscape-1280x800.png");

        page.element("#landscape-penalty").sendKeys("L2");
        page.waitFor("the L2 minimum", d -> page.text("landscape-minimum-sentence").contains("zeroes neither"));
        assertTrue(!"0".equals(page.attribute("[data-testid=landscape-w1]", "data-value"))
                && !"0".equals(page.attribute("[data-testid=landscape-w2]", "data-value")), "L2 zeroes no weight");
        page.screenshot("landscape-l2-1280x800.png");
    }

    @Test
    void the_landscape_is_embeddable_like_any_lesson() throws Exception {
        PageDriver page = LIVE.page();
        page.openAt("embed?preset=why-l1-zeros", 1280, 800);
        page.waitFor("the embedded landscape", d -> page.attribute("#landscape-panel", "data-drawn-l1") != null);
        assertEquals("0.2", page.attribute("#landscape-panel", "data-drawn-l1"), "the lesson's own λ₁");
        assertTrue(page.text("landscape-minimum-sentence").contains("is exactly 0"), page.text("landscape-minimum-sentence"));
        page.screenshot("landscape-embed-1280x800.png");
    }

    private static double threshold(PageDriver page) {
        String[] zeroFrom = page.attribute("#landscape-panel", "data-zero-from").split(",");
        int marked = Integer.parseInt(page.attribute("#landscape-panel", "data-marked"));
        return Double.parseDouble(zeroFrom[marked]);
    }

    /** Drags the λ slider's thumb to about `target` (the track's pixels decide exactly where) and returns λ then. */
    private static double drag(PageDriver page, org.openqa.selenium.WebDriver driver, double target) {
        WebElement slider = page.element("#landscape-lambda");
        double min = Double.parseDouble(slider.getAttribute("min"));
        double max = Double.parseDouble(slider.getAttribute("max"));
        double now = Double.parseDouble(slider.getAttribute("value"));
        int width = slider.getSize().getWidth();
        int from = (int) Math.round((now - min) / (max - min) * (width - 16)) + 8 - width / 2;   // thumb ≈ 16 px
        int to = (int) Math.round((target - min) / (max - min) * (width - 16)) + 8 - width / 2;
        new Actions(driver).moveToElement(slider, from, 0).clickAndHold().moveByOffset((to - from) / 2, 0)
                .moveByOffset(to - from - (to - from) / 2, 0).release().perform();
        return Double.parseDouble(slider.getDomProperty("value"));
    }
}
