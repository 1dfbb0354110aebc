package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        driver.get(LIVE.base() + "class/new?param=l2&values=0.0001,0.001,0.01&dataset=circle&trainSize=100&epochs=4000");
        page.element("form.class-form button[type='submit']").click();
        page.waitFor("the teacher's page to connect", d -> "open".equals(page.element("#connection").getAttribute("data-state")));
        var joinLink = page.element("[data-testid='class-join-link']");
        page.waitFor("the join link", d -> joinLink.getAttribute("href").contains("?class="));
        String join = joinLink.getAttribute("href");
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

    private String status() {
        return page.element("body").getAttribute("data-status");
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
