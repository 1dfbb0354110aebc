package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * The page while it trains, for a keyboard and a screen reader (issue 22, point 11): live regions speak events, not
 * frames, and the lesson menu loads a lesson when one is picked, not on every arrow key.
 */
class AccessibilityBrowserTest {
    @RegisterExtension
    static final LivePage LIVE = new LivePage();

    private final PageDriver page = LIVE.page();

    /**
     * Counts, over a few seconds, how often the text of a live region changes: every element a screen reader would
     * read out on a change (aria-live polite or assertive, role status, alert or log, and an output, which is a status
     * by default) unless it says aria-live="off". One count per region per batch of changes.
     */
    private static final String COUNT_ANNOUNCEMENTS = """
            const done = arguments[arguments.length - 1];
            const live = (el) => {
              for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
                const said = e.getAttribute('aria-live');
                if (said) return said === 'off' ? null : e;
                const role = e.getAttribute('role');
                if (['status', 'alert', 'log'].includes(role) || e.tagName === 'OUTPUT') return e;
              }
              return null;
            };
            let count = 0;
            const said = [];
            const observer = new MutationObserver((changes) => {
              const regions = new Set(changes.map((c) => live(c.target.nodeType === 1 ? c.target : c.target.parentElement)).filter(Boolean));
              count += regions.size;
              for (const r of regions) said.push((r.id || r.tagName) + ': ' + r.textContent.trim().slice(0, 60));
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            setTimeout(() => { observer.disconnect(); done([count, said.slice(0, 12).join(' | ')]); }, 4000);
            """;

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
            List<Object> counted = (List<Object>) page.js().executeAsyncScript(COUNT_ANNOUNCEMENTS);
            long announcements = ((Number) counted.get(0)).longValue();
            assertTrue(announcements <= 8, query + ": " + announcements + " announcements in 4 s: " + counted.get(1));
            assertTrue(epochOnScreen() > before, "it trained meanwhile: from epoch " + before + " to " + epochOnScreen());
            assertFalse(page.textOf("[data-testid='announcer']").isEmpty(), "the events were said: training started, the best epoch");
        }
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
