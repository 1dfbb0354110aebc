package org.gaplab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaplab.lessons.Lesson;
import org.gaplab.lessons.Lessons;
import org.junit.jupiter.api.Test;

/** The gallery lists the lessons the menu and the class form list, each with what it claims and its three actions. */
class LessonGalleryTest {
    private static final String GALLERY = LessonGallery.page();

    @Test
    void the_gallery_the_menu_and_the_class_form_list_the_same_lessons() {
        List<String> ids = Lessons.all().stream().map(Lesson::id).toList();
        assertEquals(ids, all(GALLERY, "<section class=\"lesson-card\" id=\"lesson-([a-z0-9-]+)\""));
        assertEquals(ids, all(Pages.playground(false), "<option value=\"([a-z0-9-]+)\" data-claim="));
        assertEquals(Lessons.all().stream().filter(l -> l.view() == null).map(Lesson::id).toList(),
                all(presetSelect(ClassPages.newClass(null, Map.of())), "<option value=\"([a-z0-9-]+)\""), "a view trains nothing to vary");
    }

    @Test
    void each_card_shows_its_claims_and_opens_embeds_and_starts_a_class() {
        for (Lesson lesson : Lessons.all()) {
            String card = GALLERY.substring(GALLERY.indexOf("id=\"lesson-" + lesson.id() + "\""));
            card = card.substring(0, card.indexOf("</section>"));
            for (var claim : lesson.claims()) assertTrue(card.contains(escaped(claim.says())), lesson.id() + ": " + claim.says());
            assertTrue(card.contains("href=\"./?preset=" + lesson.id() + "\""), lesson.id() + " opens");
            assertTrue(card.contains("data-testid=\"embed-" + lesson.id() + "\""), lesson.id() + " embeds");
            assertEquals(lesson.view() == null, card.contains("href=\"class/new?preset=" + lesson.id() + "\""), lesson.id());
            assertEquals(lesson.view() == null, card.contains("src=\"lessons/" + lesson.id() + "/picture.svg\""), lesson.id());
        }
    }

    @Test
    void the_builder_offers_every_card_and_size_from_java_and_the_sandbox_a_host_must_grant() {
        for (String card : Lesson.CARDS) assertTrue(GALLERY.contains("value=\"" + card + "\" class=\"embed-card\""), card);
        for (LessonGallery.Size size : LessonGallery.SIZES) {
            assertTrue(GALLERY.contains("<option value=\"" + size.width() + "x" + size.height() + "\">" + size.name()), size.name());
        }
        assertTrue(GALLERY.contains("data-sandbox=\"" + LessonGallery.SANDBOX + "\""));
    }

    private static String presetSelect(String html) {
        String from = html.substring(html.indexOf("name=\"preset\""));
        return from.substring(0, from.indexOf("</select>"));
    }

    private static List<String> all(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) if (!found.contains(m.group(1))) found.add(m.group(1));
        return found;
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("'", "&#x27;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
