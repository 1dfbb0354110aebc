package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * A learner without a mouse: every step here is a key press sent to whatever has focus, never a click on an element,
 * so a control that Tab cannot reach or a key cannot operate fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyboardBrowserTest {
    /** More than the page's focus stops, so a walk that never finds its target ends. */
    private static final int MAX_TABS = 400;

    /**
     * Every element the Tab key can reach in the tab on screen, with no accessible name: a name from aria-labelledby,
     * aria-label, an associated label, or (buttons, links, summaries) its own text. Names are what a screen reader says.
     */
    private static final String UNNAMED = """
            const focusable = 'a[href], button, input, select, textarea, summary, [tabindex]';
            const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
            const text = (el) => (el?.textContent ?? '').trim();
            const name = (el) => {
              const by = el.getAttribute('aria-labelledby');
              if (by) return by.split(/\\s+/).map((id) => text(document.getElementById(id))).join(' ').trim();
              if (el.getAttribute('aria-label')?.trim()) return el.getAttribute('aria-label').trim();
              const labels = [...(el.labels ?? [])].map(text).join(' ').trim();
              if (labels) return labels;
              return ['A', 'BUTTON', 'SUMMARY'].includes(el.tagName) ? text(el) : '';
            };
            const reachable = [...document.querySelectorAll(focusable)].filter((el) => el.tabIndex >= 0 && !el.disabled && shown(el));
            return { reachable: reachable.length, unnamed: reachable.filter((el) => !name(el))
              .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className} role=${el.getAttribute("role")} controls=${el.getAttribute("aria-controls")}`) };
            """;

    @RegisterExtension
    static final LivePage LIVE = new LivePage();

    private ChromeDriver driver;
    private PageDriver page;
    private String base;

    @BeforeAll
    void connect() {
        base = LIVE.base();
        driver = LIVE.driver();
        page = LIVE.page();
    }

    @Test
    void a_learner_can_change_a_setting_start_and_pause_with_the_keyboard_alone() {
        page.open("?speed=10");
        tabTo("the L2 slider", "input[type=range][aria-controls='in-l2']");
        keys(Keys.TAB);
        assertEquals("in-l2", driver.switchTo().activeElement().getAttribute("id"), "Tab goes from a slider to its number box");
        shiftTab();
        assertEquals("in-l2", driver.switchTo().activeElement().getAttribute("aria-controls"), "Shift+Tab goes back");
        String before = value("#in-l2");
        keys(Keys.ARROW_RIGHT);
        page.waitFor("the slider to change the L2 number box and the URL",
                d -> !value("#in-l2").equals(before) && d.getCurrentUrl().contains("l2="));
        assertNotEquals("0", value("#in-l2"));

        tabTo("Start", "#start");
        keys(Keys.ENTER);
        page.waitFor("Enter on Start to train past epoch 2", d -> epoch() >= 2);
        assertEquals("running", status());

        tabTo("Pause", "#pause");
        keys(Keys.SPACE);
        page.waitFor("Space on Pause to pause", d -> "paused".equals(status()));
        int paused = epoch();
        sleep(600);
        assertEquals(paused, epoch(), "a paused run stays at its epoch");
        assertTrue(driver.getCurrentUrl().contains("l2="), "the URL still holds the edited setting");
    }

    @Test
    void every_control_tab_reaches_has_an_accessible_name_in_every_tab() {
        page.open("");
        for (String mode : List.of("run", "compare", "sweep")) {
            tabTo("the " + mode + " tab or the selected tab", "[role=tab][aria-selected=true]");
            // The tabs pattern: the arrow keys move between tabs, and the chosen one alone is in the tab order.
            while (!mode.equals(driver.switchTo().activeElement().getAttribute("data-mode"))) keys(Keys.ARROW_RIGHT);
            page.waitFor("the " + mode + " panel", d -> mode.equals(d.findElement(By.cssSelector("[role=tab][aria-selected=true]"))
                    .getAttribute("data-mode")));
            Map<?, ?> found = (Map<?, ?>) driver.executeScript(UNNAMED);
            assertTrue(((Number) found.get("reachable")).intValue() > 20, "the check saw the page's controls: " + found);
            assertEquals(List.of(), found.get("unnamed"), "controls without a name in the " + mode + " tab");
        }
    }

    /** Presses Tab until the element matching css has focus, and fails if it never gets it. */
    private void tabTo(String what, String css) {
        for (int i = 0; i < MAX_TABS; i++) {
            if (Boolean.TRUE.equals(driver.executeScript("return document.activeElement.matches(arguments[0]);", css))) return;
            keys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + what + " (" + css + ")");
    }

    private void shiftTab() {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    private void keys(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    private String value(String css) {
        return driver.findElement(By.cssSelector(css)).getAttribute("value");
    }

    private int epoch() {
        return Integer.parseInt(driver.findElement(By.cssSelector("[data-testid='epoch']")).getText().trim());
    }

    private String status() {
        return driver.findElement(By.cssSelector("[data-testid='status']")).getText().trim();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
