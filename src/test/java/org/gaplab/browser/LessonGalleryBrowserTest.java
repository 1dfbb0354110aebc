package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.gaplab.lessons.LessonShelf;
import org.gaplab.lessons.Lessons;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The gallery a course author starts from, its embed builder, and embeds as hosts really frame them: the builder's
 * snippet pasted into a page on another origin shows the lesson's claim charts inside the chosen size without
 * scrolling; a frame sandboxed with only allow-scripts says inside itself what the host must allow, and one with the
 * builder's sandbox trains.
 */
class LessonGalleryBrowserTest {
    @RegisterExtension
    static final LivePage LIVE = new LivePage();

    private final PageDriver page = LIVE.page();

    @Test
    void the_builders_snippet_on_another_origin_shows_the_l1_claim_charts_inside_960x640() throws IOException {
        ChromeDriver driver = LIVE.driver();
        driver.switchTo().defaultContent();
        page.viewport(1280, 900);
        driver.get(LIVE.base() + "lessons");
        WebElement card = page.element("#lesson-l1-sparsity");
        assertTrue(card.findElements(By.cssSelector("li")).size() >= 5, "the card lists the lesson's claims");
        // Its picture is of a real run (drawn on first request: AuthorLessonsTest fetches one; not waited for here).
        assertTrue(card.findElement(By.cssSelector("img.picture")).getAttribute("src").endsWith("/lessons/l1-sparsity/picture.svg"));
        page.click("embed-l1-sparsity");
        page.waitFor("the builder", d -> page.element("#embed-builder").isDisplayed());
        new Select(page.element("#embed-size")).selectByValue("960x640");
        page.element("#embed-autostart").click();
        String snippet = page.element("#embed-snippet").getAttribute("value");
        assertTrue(snippet.contains("width=\"960\" height=\"640\""), snippet);
        assertTrue(snippet.contains("preset=l1-sparsity") && snippet.contains("autostart=1"), snippet);
        assertTrue(snippet.contains("sandbox=\"allow-scripts allow-same-origin"), snippet);
        assertTrue(page.element("#embed-preview").getAttribute("src").contains("preset=l1-sparsity"), "the live preview");
        assertEquals("960px", page.element("#embed-preview").getCssValue("width"), "the preview at the chosen size");
        page.element("#embed-copy").click();
        page.waitFor("the copy", d -> page.element("#embed-copied").getText().equals("Snippet copied"));

        String fast = snippet.replace("autostart=1", "autostart=1&speed=0&seeds=1");
        try (OtherOrigin course = OtherOrigin.withBody(fast.replace("<iframe ", "<iframe id=\"gaplab\" "))) {
            driver.get(course.url());
            driver.switchTo().frame(page.element("#gaplab"));
            page.element("#frame-consent").click();   // any site may frame it (the default *): a click starts it
            page.waitFor("the embedded comparison to train", d -> page.number("cmp-a-epoch") >= 5);
            List<String> outside = page.outsideViewport(List.of("zero-fraction", "evidence-chart", "loss-chart"), List.of());
            assertEquals(List.of(), outside, "the claim's charts inside the 960×640 frame, unscrolled");
            driver.switchTo().defaultContent();
            page.screenshot("gallery-snippet-l1-sparsity-960x640.png");
        }
    }

    @Test
    void a_frame_sandboxed_with_only_allow_scripts_says_what_the_host_must_allow() throws IOException {
        ChromeDriver driver = LIVE.driver();
        try (OtherOrigin course = framedOnAnotherOrigin("allow-scripts", "embed?preset=l1-sparsity&autostart=1")) {
            page.waitFor("the sandbox note", d -> page.element("#sandbox-note").isDisplayed());
            String note = page.element("#sandbox-note").getText();
            assertTrue(note.contains("sandbox=\"allow-scripts allow-same-origin allow-popups"), note);
            assertEquals("blocked by the frame’s sandbox", page.element("#connection").getText());
            driver.switchTo().defaultContent();
            page.screenshot("embed-sandboxed-allow-scripts.png");
        }
    }

    @Test
    void a_frame_with_the_builders_sandbox_trains() throws IOException {
        ChromeDriver driver = LIVE.driver();
        try (OtherOrigin course = framedOnAnotherOrigin(org.gaplab.view.LessonGallery.SANDBOX,
                "embed?preset=l1-sparsity&autostart=1&speed=0&seeds=1")) {
            page.element("#frame-consent").click();
            page.waitFor("the sandboxed comparison to train", d -> page.number("cmp-a-epoch") >= 5);
            assertTrue(!page.element("#sandbox-note").isDisplayed(), "no note where the sandbox allows enough");
            driver.switchTo().defaultContent();
        }
    }

    @Test
    void an_authors_right_to_left_lesson_shows_as_written_and_its_embed_shows_its_cards(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rtl.json"), """
                {"id": "gap-ar", "title": "الفجوة بين التدريب والتحقق", "topic": "overfitting", "language": "ar", "kind": "run",
                 "config": {"dataset": "circle", "trainSize": 60, "noise": 0.5, "epochs": 5},
                 "watch": ["راقب خسارة التحقق.", "الفجوة تتسع."], "cards": ["watch", "curves"]}
                """);
        Lessons.install(LessonShelf.load(dir, false));
        try {
            page.open("embed?preset=gap-ar");
            WebElement first = page.element("#watch-1");
            assertEquals("راقب خسارة التحقق.", first.getText(), "its text as written");
            assertEquals("rtl", first.getAttribute("dir"));
            assertEquals("ar", first.getAttribute("lang"));
            assertTrue(page.element(".bench-curves").isDisplayed(), "a card it names");
            assertTrue(!page.element(".bench-sparsity").isDisplayed(), "a card it does not name, in an embed without show=");
            page.screenshot("embed-rtl-lesson.png");
        } finally {
            Lessons.install(LessonShelf.EMPTY);
        }
    }

    /**
     * A course page on another origin that frames {@code path} of the app at 960×640 with this {@code sandbox}, opened,
     * with the driver switched into the frame.
     */
    private OtherOrigin framedOnAnotherOrigin(String sandbox, String path) throws IOException {
        String frame = "<iframe id=\"gaplab\" sandbox=\"" + sandbox + "\" width=\"960\" height=\"640\" src=\""
                + LIVE.base() + path + "\"></iframe>";
        OtherOrigin course = OtherOrigin.withBody(frame);
        try {
            LIVE.driver().get(course.url());
            LIVE.driver().switchTo().frame(page.element("#gaplab"));
            return course;
        } catch (RuntimeException e) {
            course.close();
            throw e;
        }
    }
}
