package org.gaplab.view;

import static j2html.TagCreator.a;
import static j2html.TagCreator.body;
import static j2html.TagCreator.button;
import static j2html.TagCreator.code;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.fieldset;
import static j2html.TagCreator.form;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.head;
import static j2html.TagCreator.header;
import static j2html.TagCreator.html;
import static j2html.TagCreator.iframe;
import static j2html.TagCreator.img;
import static j2html.TagCreator.input;
import static j2html.TagCreator.label;
import static j2html.TagCreator.legend;
import static j2html.TagCreator.li;
import static j2html.TagCreator.link;
import static j2html.TagCreator.main;
import static j2html.TagCreator.meta;
import static j2html.TagCreator.option;
import static j2html.TagCreator.output;
import static j2html.TagCreator.p;
import static j2html.TagCreator.script;
import static j2html.TagCreator.section;
import static j2html.TagCreator.select;
import static j2html.TagCreator.span;
import static j2html.TagCreator.textarea;
import static j2html.TagCreator.title;
import static j2html.TagCreator.ul;

import j2html.tags.DomContent;
import j2html.tags.specialized.DialogTag;
import java.util.List;
import org.gaplab.lessons.Lesson;
import org.gaplab.lessons.Lessons;

/**
 * {@code /lessons}: the gallery for course authors. Every lesson (ours and the operator's) as a card with its title, its
 * claims' sentences, a picture of its real run and three actions (open, class experiment, embed); and the embed
 * builder, a dialog with a live preview whose choices (sizes, cards, autostart) are rendered here from Java's lists.
 * A lesson's text carries its own language and direction; the page's labels stay English.
 */
public final class LessonGallery {
    /** The frame sizes the builder offers: width × height, or a width of 0 for the host's full width at that height. */
    public record Size(String name, int width, int height) { }

    public static final List<Size> SIZES = List.of(new Size("800 × 500", 800, 500), new Size("960 × 640", 960, 640),
            new Size("full width × 640", 0, 640));

    /**
     * What a host that sandboxes its frames must allow: scripts, the frame's own origin (its scripts are modules and its
     * socket checks the origin; an opaque origin gets neither) and popups for "Open full page". The frame is another
     * site's, so allow-same-origin gives it nothing of the host's.
     */
    public static final String SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

    private LessonGallery() { }

    public static String page() {
        return "<!DOCTYPE html>\n" + html(
                head(meta().withCharset("utf-8"),
                        meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                        title("GapLab lessons"),
                        link().withRel("icon").withHref("favicon.svg").withType("image/svg+xml"),
                        link().withRel("stylesheet").withHref("css/gaplab.css"),
                        link().withRel("stylesheet").withHref("css/gallery.css")),
                body(
                        header(h1("GapLab lessons"),
                                p(span("Every lesson this server offers, with what it claims and a run of it. Write your own: "),
                                        a("the lesson file format").withHref("lessons/schema.json"),
                                        span(" (docs/LESSONS.md), checked with "), code("gaplab lesson check FILE"), span(".")),
                                a("← the playground").withHref("./")),
                        main(each(Lessons.all(), LessonGallery::card)).withClass("gallery").attr("data-testid", "gallery"),
                        builder(),
                        script().withType("module").withSrc("js/gallery.js"))
        ).withLang("en").render();
    }

    private static DomContent card(Lesson lesson) {
        String lang = lesson.language();
        String dir = lesson.direction();
        return section(
                h2(lesson.title()).attr("lang", lang).attr("dir", dir),
                p(lesson.claim()).withClass("topic").attr("lang", lang).attr("dir", dir),
                Lessons.isBuiltIn(lesson) ? null : p("Added by this server's operator").withClass("author-badge"),
                lesson.view() != null
                        ? p("Opens a view of its own, drawn live: nothing to train.").withClass("picture-note")
                        : img().withSrc("lessons/" + lesson.id() + "/picture.svg").attr("loading", "lazy")
                                .attr("width", "320").attr("height", "170")
                                .withAlt("Loss of this lesson's run on its first seed").withClass("picture"),
                lesson.claims().isEmpty() ? p(String.join(" ", lesson.watch())).withClass("claims").attr("lang", lang).attr("dir", dir)
                        : ul(each(lesson.claims(), claim -> li(claim.says()))).withClass("claims").attr("lang", lang).attr("dir", dir),
                div(a("Open").withHref("./?preset=" + lesson.id()).withClass("button-link"),
                        lesson.view() != null ? null
                                : a("Class experiment").withHref("class/new?preset=" + lesson.id()).withClass("button-link"),
                        button("Embed…").withType("button").withClass("embed-open").attr("data-testid", "embed-" + lesson.id()))
                        .withClass("actions"))
                .withClass("lesson-card").withId("lesson-" + lesson.id())
                .attr("data-id", lesson.id()).attr("data-title", lesson.title())
                .attr("data-cards", String.join(",", lesson.cards()));
    }

    /** The embed builder: one dialog for every card, filled by gallery.js from the card it was opened from. */
    private static DomContent builder() {
        DialogTag dialog = new DialogTag();
        return dialog.withId("embed-builder").attr("aria-labelledby", "embed-title").attr("data-sandbox", SANDBOX).with(
                form(
                        h3("Embed ").withId("embed-title").with(span().withId("embed-lesson")),
                        div(label("Size").attr("for", "embed-size"),
                                select(each(SIZES, size -> option(size.name()).withValue(size.width() + "x" + size.height())))
                                        .withId("embed-size"),
                                label("height").attr("for", "embed-height"),
                                input().withType("number").withId("embed-height").attr("min", "300").attr("max", "2000")
                                        .withValue("640")).withClass("embed-row"),
                        fieldset(legend("Cards to show (none ticked: the whole bench)"),
                                each(Lesson.CARDS, card -> label(input().withType("checkbox").withValue(card)
                                        .withClass("embed-card"), span(card)))).withClass("embed-cards"),
                        label(input().withType("checkbox").withId("embed-autostart"),
                                span("Start training when the frame opens (else a click starts it)")),
                        label("Snippet").attr("for", "embed-snippet"),
                        textarea().withId("embed-snippet").attr("readonly", "").attr("rows", "4")
                                .attr("data-testid", "embed-snippet"),
                        div(button("Copy").withType("button").withId("embed-copy"),
                                output().withId("embed-copied").attr("aria-live", "polite"),
                                button("Close").withType("button").withId("embed-close")).withClass("embed-row"),
                        p("Preview, at the chosen size:"),
                        div(iframe().withId("embed-preview").attr("title", "Preview of the embedded lesson"))
                                .withClass("embed-preview-box"))
                        .attr("method", "dialog"));
    }
}
