package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Free play reacts at once (issue 22, points 3, 5 and 7, and point 11's Start after an edit): a single run takes a new
 * dataset without a Reset, a comparison says why it waits and whose the featured control is, and the charts' text
 * grows in projector mode.
 */
class FreePlayBrowserTest {
    @RegisterExtension
    static final LivePage LIVE = new LivePage();

    private final PageDriver page = LIVE.page();

    @Test
    void start_pressed_right_after_an_edit_trains_the_edit_and_no_pending_preview_replaces_it() throws Exception {
        page.open("?dataset=circle&epochs=3000&speed=20");
        page.waitFor("the preview", d -> "ready".equals(page.element("body").getAttribute("data-status")));
        page.js().executeScript("const select = document.querySelector('#in-dataset'); select.value = 'xor';"
                + " select.dispatchEvent(new Event('change', {bubbles: true}));"
                + " document.querySelector('[data-testid=\"start\"]').click();");   // Start well within the edit's 250 ms
        page.waitFor("the run", d -> "running".equals(page.element("body").getAttribute("data-status")));
        Thread.sleep(1200);
        assertEquals("running", page.element("body").getAttribute("data-status"), "still the run Start started");
        assertTrue(page.epoch() > 3, "it trains: epoch " + page.epoch());
    }

    @Test
    void a_new_dataset_in_a_running_single_run_restarts_it_on_the_new_data_within_a_second() {
        page.open("?dataset=circle&epochs=3000&speed=5");
        page.click("start");
        page.waitFor("ten epochs on the circle", d -> page.epoch() >= 10);
        String before = new CanvasPixels(page).picture("#boundary-canvas");
        // Timed on the page, from the change to the epoch counter going back: not Selenium's round trips.
        page.js().executeScript("""
                const epoch = document.querySelector('[data-testid="epoch"]');
                const before = Number(epoch.textContent);
                const changed = performance.now();
                new MutationObserver((changes, observer) => {
                  if (Number(epoch.textContent) < before) { window.restartedAfter = performance.now() - changed; observer.disconnect(); }
                }).observe(epoch, { childList: true, characterData: true, subtree: true });
                const select = document.querySelector('#in-dataset');
                select.value = 'gauss';
                select.dispatchEvent(new Event('change', { bubbles: true }));""");
        page.waitFor("the run to start again", d -> page.js().executeScript("return window.restartedAfter;") != null);
        double millis = ((Number) page.js().executeScript("return window.restartedAfter;")).doubleValue();
        assertTrue(millis < 1000, "restarted after " + millis + " ms");
        page.waitFor("the run on the new data", d -> "running".equals(page.element("body").getAttribute("data-status")));
        assertEquals("", page.textOf("#pending-note"), "nothing waits for Reset in a single run");
        assertFalse(page.element("[data-setting='dataset']").getAttribute("class").contains("is-pending"));
        assertFalse(before.equals(new CanvasPixels(page).picture("#boundary-canvas")), "the plot shows the new data");
    }

    @Test
    void in_the_l2_lesson_the_featured_control_is_run_as_and_says_so_when_a_equals_b() {
        page.open("?preset=l2-weight-decay&speed=10&seeds=1&epochs=3000");   // still running when the dataset changes
        WebElement l2 = page.element("#lesson-settings [data-setting='l2']");
        page.waitFor("the featured control marked as run A's", d -> l2.getAttribute("class").contains("compared"));
        assertEquals("run A’s (B: 0.1)", page.textOf("#lesson-settings [data-setting='l2'] [data-testid='run-a-tag']"));
        assertEquals("reset", page.textOf("#lesson-settings [data-setting='l2'] .setting-head .badge:last-child"),
                "no LIVE badge on a setting whose edit waits for Reset");
        WebElement box = page.element("#in-l2");
        box.clear();
        box.sendKeys("0.1", Keys.TAB);
        page.waitFor("the A = B warning", d -> page.element("[data-testid='compare-same']").isDisplayed());
        assertTrue(page.textOf("[data-testid='compare-same']").startsWith("A = B: both runs would train l2 = 0.1"));
        box.clear();
        box.sendKeys("0", Keys.TAB);
        page.waitFor("the warning gone once A differs again", d -> page.js().executeScript(
                "return document.querySelector('[data-testid=\"compare-same\"]');") == null);
        page.click("start");
        page.waitFor("the comparison", d -> "running".equals(page.element("body").getAttribute("data-status")));
        new Select(page.element("#in-dataset")).selectByValue("gauss");
        page.waitFor("the comparison's reason to wait", d -> page.textOf("#pending-note").startsWith(
                "Waiting for Reset (a comparison’s two runs restart together, from one start): "));
        assertEquals("running", page.element("body").getAttribute("data-status"), "the comparison trains on meanwhile");
    }

    @Test
    void projector_mode_draws_chart_text_at_least_half_as_large_again() {
        page.open("?dataset=circle");
        page.waitFor("the loss chart", d -> tickFont() > 0);
        double normal = tickFont();
        page.element("#projector").click();
        page.waitFor("larger chart text", d -> tickFont() >= 1.5 * normal);
        page.element("#projector").click();
        page.waitFor("the normal size again", d -> tickFont() == normal);
    }

    private double tickFont() {
        Object size = page.js().executeScript("const c = window.Chart && Chart.getChart(document.querySelector('#loss-chart'));"
                + " return c ? c.scales.y._resolveTickFontOptions(0).size : 0;");
        return ((Number) size).doubleValue();
    }
}
