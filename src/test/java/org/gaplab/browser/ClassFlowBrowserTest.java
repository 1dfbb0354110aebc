package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A class run as a teacher runs it (issue 22, points 1, 2 and 6): six learners on choosing-lambda's eight-value grid,
 * one of them joining by the room code; who gets which value, what the teacher and a learner on a phone see, the
 * teacher's pause holding Start, and the end said for good on the learner's page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassFlowBrowserTest {
    /** The lesson's grid of eight λ₂ values; short runs of one seed, so points count (a fifth of the epochs) within seconds. */
    private static final String CLASS = "class/new?preset=choosing-lambda&epochs=40&seeds=1";

    @RegisterExtension
    static final LivePage LIVE = new LivePage();

    private final ChromeDriver driver = LIVE.driver();
    private final PageDriver page = LIVE.page();

    @AfterEach
    void closeEveryTabButOne() {
        page.closeEveryTabButOne();
    }

    @Test
    @Order(1)
    void six_learners_on_eight_values_get_both_ends_first_and_the_class_pauses_and_ends_as_the_teacher_says() throws Exception {
        driver.switchTo().defaultContent();
        page.viewport(1920, 1080);
        driver.get(LIVE.base() + CLASS);
        page.element("form.class-form button[type='submit']").click();
        page.waitFor("the teacher's page to connect", d -> "open".equals(page.element("#connection").getAttribute("data-state")));
        String teacher = driver.getWindowHandle();
        assertTrue(page.text("class-grid-note").startsWith("The grid has 8 values: 8 learners run each once"),
                "before anyone joins, the teacher reads how many learners the grid needs: " + page.text("class-grid-note"));
        String code = page.text("class-room-code");
        assertTrue(code.matches("[A-Z2-9]{6}"), code);
        assertTrue(page.textOf("#class-join-page").endsWith("/join"), page.textOf("#class-join-page"));
        String join = page.attribute("[data-testid='class-join-link']", "href");

        List<String> learners = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            driver.switchTo().newWindow(WindowType.TAB);
            learners.add(driver.getWindowHandle());
            if (i < 5) {
                driver.get(join);
            } else {   // the last learner types the room code at /join, in lower case, as a phone would
                driver.get(LIVE.base() + "join");
                page.element("#code").sendKeys(code.toLowerCase());
                page.element("form.class-form button[type='submit']").click();
            }
            page.waitFor("learner " + (i + 1) + "'s value", d -> !page.text("class-value").isEmpty());
            if (i < 3) page.click("start");
            if (i == 2) {
                driver.switchTo().window(teacher);
                page.waitFor("three learners on the chart's values", d -> learnersPerValue().stream().mapToInt(n -> n).sum() == 3);
                assertEquals(List.of(1, 0, 0, 1, 0, 0, 0, 1), learnersPerValue(), "three learners: both ends and the middle");
                assertEquals(5, driver.findElements(By.cssSelector("[data-testid='class-coverage-value'].unrun")).size(),
                        "the values nobody runs are marked");
                driver.switchTo().window(learners.get(i));
            }
        }
        String learner = driver.getWindowHandle();
        assertTrue(driver.getCurrentUrl().contains("class="), "the code led to the join link: " + driver.getCurrentUrl());
        assertEquals("choosing-lambda", page.element("#preset").getDomProperty("value"), "the lesson's name, not Free play");
        assertTrue(page.text("class-question").matches("Which .* gives the lowest validation loss\\? Your l2 = [0-9.e-]+: press Start, "
                + "then watch where your dot lands on the class chart\\."), page.text("class-question"));

        driver.switchTo().window(teacher);
        page.waitFor("six learners on the chart's values", d -> learnersPerValue().stream().mapToInt(n -> n).sum() == 6);
        assertEquals(List.of(1, 1, 1, 1, 0, 1, 0, 1), learnersPerValue(), "six learners: ends, middle, then each gap halved");
        assertTrue(page.textOf("[data-testid='class-coverage-value'][data-learners='0']").endsWith("not run"));
        page.waitFor("the three runs' points to count", d -> page.text("class-best").startsWith("Best so far"));
        page.screenshot("class-flow-teacher-1920x1080.png");

        page.click("class-pause");
        driver.switchTo().window(learner);
        page.waitFor("Start held while the teacher pauses", d -> !page.element("[data-testid='start']").isEnabled()
                && !page.element("#reset").isEnabled());
        assertTrue(page.element("[data-testid='start']").getAttribute("title").contains("paused the class"));
        driver.switchTo().window(teacher);
        page.click("class-pause");
        driver.switchTo().window(learner);
        page.waitFor("Start free again once the teacher resumes", d -> page.element("[data-testid='start']").isEnabled());

        page.viewport(390, 844);
        WebElement card = page.element("#class-card");
        WebElement curves = page.element("#curves");
        assertTrue(card.getRect().getY() < curves.getRect().getY(), "on a phone the class card comes before the curves");
        page.screenshot("class-flow-learner-phone.png");
        page.viewport(1920, 1080);

        driver.switchTo().window(teacher);
        page.click("class-end");
        page.click("class-end");
        page.waitFor("the teacher's page to show the end", d -> page.element("body").getAttribute("class").contains("ended"));
        assertFalse(page.element("[data-testid='class-qr']").isDisplayed(), "no QR code after the end");
        assertFalse(page.element("[data-testid='class-room-code']").isDisplayed(), "no room code after the end");
        assertFalse(page.textOf("#class-ends").contains("ends by itself"), page.textOf("#class-ends"));

        driver.switchTo().window(learner);
        page.waitFor("the learner told the class ended", d -> page.element("[data-testid='class-over']").isDisplayed());
        page.click("start");
        page.waitFor("the learner's run after the class", d -> "running".equals(page.element("body").getAttribute("data-status")));
        Thread.sleep(1000);
        assertTrue(page.element("#banner").isDisplayed() && page.textOf("#banner").startsWith("Your class has ended (teacher)"),
                "a later Start and started keep the banner: " + page.textOf("#banner"));
        assertTrue(page.element("[data-testid='class-over']").isDisplayed());
        page.screenshot("class-ended-learner-1920x1080.png");
        // The third card, back after the class: its histogram's title whole, not cut at the picture's edge.
        String cut = (String) page.js().executeScript("""
                const shown = [...document.querySelectorAll('#sparsity canvas[data-title-right]')].filter((c) => c.checkVisibility());
                if (!shown.length) return 'no histogram title measured';
                return shown.filter((c) => Number(c.dataset.titleRight) > c.width).map((c) => c.getAttribute('aria-label')).join('; ');""");
        assertEquals("", cut, "histogram titles fit their picture");
        assertTrue(page.element("#weight-size-histograms canvas").isDisplayed(), "the weight-size card shows its histogram");
    }

    @Test
    @Order(2)
    void a_link_to_a_class_this_server_does_not_have_says_so_for_good_and_the_page_trains_as_the_playground() throws Exception {
        page.open("?class=abcdefghijklmnopqrstuv");
        page.waitFor("the page to say the link joins no class", d -> page.element("[data-testid='class-over']").isDisplayed());
        assertTrue(page.textOf("[data-testid='class-over']").startsWith("This link joins no class: there is no class"),
                page.textOf("[data-testid='class-over']"));
        page.click("start");
        page.waitFor("the run", d -> "running".equals(page.element("body").getAttribute("data-status")));
        Thread.sleep(500);
        assertTrue(page.textOf("#banner").startsWith("This link joins no class"), page.textOf("#banner"));
    }

    /** Last: it stops the app, as a deploy drains an instance, and starts another on the same port. */
    @Test
    @Order(3)
    void when_the_server_holding_the_class_drains_teacher_and_learner_are_told_the_class_ended_and_it_stays_said() {
        driver.switchTo().defaultContent();
        page.viewport(1280, 900);
        driver.get(LIVE.base() + "class/new?param=l2&values=0.001,0.1&dataset=circle&epochs=3000");
        page.element("form.class-form button[type='submit']").click();
        page.waitFor("the teacher's first chart", d -> learnersPerValue().size() == 2);
        String teacher = driver.getWindowHandle();
        String join = page.attribute("[data-testid='class-join-link']", "href");
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(join);
        page.waitFor("the learner's value", d -> !page.text("class-value").isEmpty());
        page.click("start");
        page.waitFor("the learner's run", d -> "running".equals(page.element("body").getAttribute("data-status")));
        String learner = driver.getWindowHandle();

        LIVE.stopApp();
        LIVE.startAgain();
        page.waitFor("the learner told the class ended", d -> page.element("[data-testid='class-over']").isDisplayed());
        assertTrue(page.textOf("[data-testid='class-over']").startsWith("Your class has ended (shutdown)"),
                page.textOf("[data-testid='class-over']"));
        page.waitFor("the learner's page back on the new server", d -> "open".equals(page.element("#connection").getAttribute("data-state")));
        assertTrue(page.textOf("#banner").contains("Your class has ended (shutdown)") || page.textOf("#banner").contains("Reconnected"),
                page.textOf("#banner"));
        driver.switchTo().window(teacher);
        page.waitFor("the teacher told the class ended", d -> page.element("body").getAttribute("class").contains("ended"));
        page.waitFor("the teacher's page back on the new server", d -> "open".equals(page.element("#connection").getAttribute("data-state")));
        assertTrue(page.textOf("#banner").startsWith("The class has ended (shutdown)"),
                "the end is not replaced by a 'no such class' error on reconnecting: " + page.textOf("#banner"));
        assertFalse(page.element("[data-testid='class-qr']").isDisplayed());
        driver.switchTo().window(learner);
    }

    /** How many learners the teacher's chart lists on each value, in value order. */
    @SuppressWarnings("unchecked")
    private List<Integer> learnersPerValue() {
        List<Object> counts = (List<Object>) page.js().executeScript("return [...document.querySelectorAll("
                + "'[data-testid=\"class-coverage-value\"]')].map((chip) => Number(chip.dataset.learners));");
        return counts.stream().map(n -> ((Number) n).intValue()).toList();
    }

}
