package org.gaplab.view;

import static j2html.TagCreator.a;
import static j2html.TagCreator.aside;
import static j2html.TagCreator.body;
import static j2html.TagCreator.button;
import static j2html.TagCreator.details;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.footer;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.head;
import static j2html.TagCreator.header;
import static j2html.TagCreator.html;
import static j2html.TagCreator.label;
import static j2html.TagCreator.li;
import static j2html.TagCreator.link;
import static j2html.TagCreator.main;
import static j2html.TagCreator.meta;
import static j2html.TagCreator.noscript;
import static j2html.TagCreator.option;
import static j2html.TagCreator.output;
import static j2html.TagCreator.p;
import static j2html.TagCreator.script;
import static j2html.TagCreator.section;
import static j2html.TagCreator.select;
import static j2html.TagCreator.span;
import static j2html.TagCreator.strong;
import static j2html.TagCreator.summary;
import static j2html.TagCreator.title;
import static j2html.TagCreator.ul;

import j2html.tags.DomContent;
import java.util.List;
import org.gaplab.data.PointPattern;
import org.gaplab.lessons.Lesson;
import org.gaplab.lessons.Lessons;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.Json;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.gaplab.training.ConfigValues;

/**
 * The pages the server renders: a lab bench. The header picks a lesson; the settings sit at the left with the
 * lesson's own at the top; the transport bar, the curves, the picture of what the model sees and the sparsity
 * readout fill one screen; everything else is one click away in tabs below. Every URL in them is relative, so the
 * app works behind a reverse proxy under a path prefix; every script, style and font comes from the app itself, and
 * no script is inline (the page runs under {@code script-src 'self'}).
 */
public final class Pages {
    /** The Chart.js WebJar the build depends on (pom.xml's chartjs.version). */
    static final String CHART_JS = "webjars/chart.js/4.5.1/dist/chart.umd.min.js";

    private Pages() { }

    /** The playground page (embed: the compact variant for iframes), starting as soon as it connects. */
    public static String playground(boolean embed) {
        return playground(embed, false);
    }

    /**
     * The playground page; with {@code clickToStart}, a framed copy connects (so previews, trains or joins a class)
     * only after a click inside the frame: any site may frame it, and a hidden frame must not use its visitors.
     */
    public static String playground(boolean embed, boolean clickToStart) {
        return "<!DOCTYPE html>\n" + html(
                head(meta().withCharset("utf-8"),
                        meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                        meta().withName("color-scheme").withContent("light"),
                        title(embed ? "GapLab (embedded)" : "GapLab: watch a network overfit, and what regularization does"),
                        link().withRel("icon").withHref("favicon.svg").withType("image/svg+xml"),
                        link().withRel("stylesheet").withHref("css/gaplab.css"),
                        link().withRel("stylesheet").withHref("css/bench.css"),
                        link().withRel("stylesheet").withHref("css/class.css"),
                        link().withRel("stylesheet").withHref("css/landscape.css"),
                        link().withRel("stylesheet").withHref("css/access.css")),
                body(
                        a("Skip to the charts").withHref("#views").withClass("skip"),
                        top(embed),
                        clickToStart ? button("Start GapLab here").withType("button").withId("frame-consent")
                                .withClass("frame-consent").attr("hidden", "hidden")
                                .attr("title", "This page is embedded by another site: nothing trains until you click")
                                : null,
                        sandboxNote(),
                        div(settings(), views()).withClass("layout"),
                        conventions(),
                        script().withSrc("js/sandbox-note.js"),
                        script().withSrc(CHART_JS),
                        script().withType("module").withSrc("js/app.js"))
                        .withClass(embed ? "embed" : "full").attr("data-embed", embed)
                        .attr("data-plane-extent", Setting.plain(PointPattern.EXTENT))   // the square 2-D sets live in
                        .condAttr(clickToStart, "data-click-to-start", "framed")
        ).withLang("en").render();
    }

    /**
     * What a host that sandboxes this frame too tightly must allow, said inside the frame: hidden unless sandbox-note.js
     * finds an opaque origin; shown by the browser itself ({@code noscript}) when the sandbox forbids scripts.
     */
    private static DomContent sandboxNote() {
        String text = "This lesson cannot run in this frame: the page that embeds it sandboxes it without "
                + "allow-same-origin (or without allow-scripts), so the browser blocks its scripts and its connection to "
                + "GapLab. The page's author should write sandbox=\"" + LessonGallery.SANDBOX + "\" on the iframe (or "
                + "leave sandbox out). GapLab is another site to that page, so this gives it nothing of the page's own.";
        return div(p(text).withId("sandbox-note").withClass("sandbox-note").attr("role", "alert").attr("hidden", "")
                        .attr("data-testid", "sandbox-note"),
                noscript(p(text).withClass("sandbox-note")));
    }

    private static DomContent top(boolean embed) {
        return header(
                div(span("Gap").withClass("logo-gap"), span("Lab").withClass("logo-lab")).withClass("logo"),
                embed ? null : span("watch a network overfit, and what regularization does about it").withClass("tagline"),
                div(label("Lesson").attr("for", "preset"), presets()).withClass("lesson-picker"),
                a("Settings ↓").withHref("#controls").withId("to-settings").withClass("to-settings"),
                embed ? null : a("Class experiment").withHref("class/new").withId("class-new").withClass("button-link")
                        .attr("data-testid", "class-new")
                        .attr("title", "Start a class experiment from these settings: every learner trains one value"),
                button("Projector").withType("button").withId("projector").attr("aria-pressed", "false")
                        .attr("title", "Large type and the bench only, for a teacher’s screen"),
                div(button("Copy link").withType("button").withId("copy-link")
                                .attr("title", "Copy a link that restores every setting"),
                        label(j2html.TagCreator.input().withType("checkbox").withId("share-autostart")
                                        .attr("aria-label", "The copied link starts training when opened"), span("starts on open"))
                                .withClass("share-autostart").attr("title", "The copied link starts training as soon as it opens"),
                        output().withId("copy-status").attr("aria-live", "polite")).withClass("share"),
                downloads(),
                a("Open full page ↗").withId("open-full").withHref("./").attr("target", "_blank").attr("rel", "noopener")
                        .withClass(embed ? "open-full" : "open-full hidden-full"),
                output("connecting…").withId("connection").withClass("connection").attr("role", "status")
                        .attr("data-state", "connecting"))
                .withClass("top");
    }

    private static DomContent presets() {
        return select(
                option("Free play").withValue(""),
                each(Lessons.all(), Pages::presetOption))
                .withId("preset").attr("data-testid", "preset");
    }

    private static DomContent presetOption(Lesson lesson) {
        return option(lesson.title()).withValue(lesson.id())
                .attr("data-claim", lesson.claim())
                .attr("data-watch-1", lesson.watch().get(0))
                .attr("data-watch-2", lesson.watch().get(1))
                .attr("data-config", Json.write(ConfigValues.toMap(lesson.config())))
                .condAttr(lesson.compare() != null, "data-compare", lesson.compare())
                .condAttr(lesson.sweep() != null, "data-sweep", lesson.sweep())
                .attr("data-focus", String.join(",", lesson.focus()))
                .condAttr(!lesson.cards().isEmpty(), "data-cards", String.join(",", lesson.cards()))
                .condAttr(lesson.evidence() != null, "data-evidence", lesson.evidence() == null ? null : lesson.evidence().configName())
                .condAttr(lesson.view() != null, "data-view", lesson.view())
                .condAttr(lesson.view() == null && lesson.focus().contains("l1"), "data-why", Lessons.WHY_L1_ZEROS.id())
                .attr("lang", lesson.language()).attr("dir", lesson.direction());   // its text, in its own language
    }

    /**
     * The settings sidebar: the lesson's own settings first (the page moves them there), then one collapsible group
     * per schema group, every control rendered from its Setting.
     */
    private static DomContent settings() {
        return aside(
                h2("Settings").withClass("sr-only"),
                section(h2("This lesson’s settings").withId("lesson-settings-title"),
                        div().withId("lesson-settings-list").withClass("settings"),
                        p("Everything else is in the groups below.").withClass("note"))
                        .withId("lesson-settings").withClass("lesson-group").attr("aria-labelledby", "lesson-settings-title")
                        .attr("hidden", ""),
                each(ConfigSchema.GROUPS, group -> {
                    String slug = Labels.slug(group.title());
                    return details(
                            summary(group.title()),
                            div(each(group.settings(), Controls::setting),
                                    slug.equals("data") ? div(
                                            button("New data").withType("button").withId("regenerate")
                                                    .attr("title", "A new seed: new data, new initial weights, then a fresh run"))
                                            .withClass("group-actions") : null).withClass("settings"))
                            .withClass("group").withId("group-" + slug).attr("data-group", slug).attr("open", "");
                }))
                .withId("controls").withClass("controls").attr("aria-label", "Settings").attr("tabindex", "-1")
                // The config's nested objects and the flag that switches each on, so state.js nests as Java does.
                .attr("data-nested", Json.write(ConfigSchema.nestedObjects()));
    }

    private static DomContent views() {
        return main(
                div(ModePanels.tabs(), transport()).withClass("control-bar"),
                div().withId("banner").withClass("banner").attr("role", "alert").attr("hidden", ""),
                // the one region that speaks while a run trains: events, not frames (announcer.js)
                div().withId("announcer").withClass("sr-only").attr("role", "status").attr("aria-live", "polite")
                        .attr("aria-atomic", "true").attr("data-testid", "announcer"),
                // first-run.js shows it in free play until dismissed (remembered in this browser)
                div(span("New here? The Lesson menu holds guided experiments, each saying what to watch."),
                        button("Show the lessons").withType("button").withId("first-run-lessons").withClass("link-button"),
                        button("Got it").withType("button").withId("first-run-dismiss").attr("data-testid", "first-run-dismiss"))
                        .withId("first-run").withClass("first-run").attr("data-testid", "first-run").attr("hidden", ""),
                div(strong("What to watch"), p().withId("watch-1"), p().withId("watch-2"),
                        a("Why does L1 give exact zeros? See it on two weights →").withId("why-link").withClass("why-link")
                                .withHref("./").attr("data-testid", "why-link").attr("hidden", ""))
                        .withId("watch").withClass("watch").attr("hidden", ""),
                RunPanel.panel(),
                ComparePanel.panel(),
                SweepPanel.panel(),
                LandscapePanel.panel())
                .withId("views").withClass("views").attr("tabindex", "-1");
    }

    private static DomContent transport() {
        return section(
                h2("Training").withClass("sr-only"),
                button("Start").withType("button").withId("start").attr("data-testid", "start").withClass("primary"),
                button("Pause").withType("button").withId("pause").attr("data-testid", "pause").attr("disabled", ""),
                button("Step").withType("button").withId("step").attr("data-testid", "step")
                        .attr("title", "Train exactly one epoch, then stay paused"),
                button("Reset").withType("button").withId("reset").attr("data-testid", "reset")
                        .attr("title", "Rebuild the run from the settings shown, paused at epoch 0"),
                div(label("Speed").attr("for", "speed"),
                        select(option("auto").withValue("").attr("selected", ""), option("1 epoch/s").withValue("1"), option("3 epochs/s").withValue("3"),
                                option("10 epochs/s").withValue("10"), option("30 epochs/s").withValue("30"),
                                option("100 epochs/s").withValue("100"), option("full speed").withValue("0"))
                                .withId("speed").attr("data-max", Setting.plain(Command.MAX_SPEED))
                                .attr("data-allowed", Command.SPEED_ALLOWED).attr("aria-describedby", "error-speed"),
                        span().withId("error-speed").withClass("error").attr("hidden", ""))
                        .withClass("speed"),
                output().withId("progress").withClass("progress").attr("aria-live", "off"),   // changes with every frame
                output().withId("pending-note").withClass("pending-note").attr("aria-live", "polite"))
                .withClass("transport").attr("aria-label", "Training controls");
    }

    /** Taking results away: metrics as CSV and JSON from the epochs the page received, the weights from the server. */
    private static DomContent downloads() {
        return div(span("Save").withClass("downloads-label").withId("downloads-label"),
                button("CSV").withType("button").attr("data-download", "csv").attr("data-testid", "download-csv")
                        .attr("aria-label", "Metrics CSV")
                        .attr("title", "Every epoch's numbers as a table (one row per epoch)"),
                button("JSON").withType("button").attr("data-download", "json").attr("data-testid", "download-json")
                        .attr("aria-label", "Metrics JSON")
                        .attr("title", "Every epoch's numbers with the config and seed that made them"),
                button("Weights").withType("button").attr("data-download", "weights").attr("data-testid", "download-weights")
                        .attr("aria-label", "Weights JSON"))
                .withClass("downloads").attr("role", "group").attr("aria-labelledby", "downloads-label");
    }

    /** A small button that saves the chart drawn on {@code canvasId} as a PNG picture. */
    static DomContent pngButton(String canvasId, String what) {
        return button("PNG").withType("button").withClass("png").attr("data-png", canvasId)
                .attr("aria-label", "Save the " + what + " chart as a PNG picture").attr("title", "Save as PNG");
    }

    /** A chart's heading with its PNG button. */
    static DomContent chartHead(String title, String canvasId, String what) {
        return div(h3(title), pngButton(canvasId, what)).withClass("chart-head");
    }

    /** A chart's canvas in a box that the layout sizes; {@code testId} marks the bench's charts for the tests. */
    static DomContent chartBox(String id, String label, String testId, String size) {
        return div(j2html.TagCreator.canvas().withId(id).attr("role", "img").attr("aria-label", label)
                .condAttr(testId != null, "data-testid", testId))
                .withClass("chart-box " + size);
    }

    private static DomContent conventions() {
        return footer(
                h2("Conventions used here"),
                ul(
                        li("Three splits: train is fitted; validation decides (early stopping, choosing λ); test is only reported."),
                        li("Objective: J = L̄ + (λ₂/2)·Σw² + λ₁·Σ|w|, with L̄ the mean data loss of the batch. Articles scale λ differently (λ/2n, λ/m, 2λ); these numbers use exactly this formula."),
                        li("Under plain SGD the L2 term is a multiplicative decay: w ← (1 − αλ₂)·w − α·∂L̄/∂w. With momentum or Adam the L2 gradient λ₂w goes through the velocity or the adaptive step, so it is not decoupled weight decay (SGD vs SGDW, Adam vs AdamW)."),
                        li("Biases are not penalized unless “Penalize biases too” is on."),
                        li("Dropout p is the probability of dropping a unit (Srivastava et al. write p for keeping one). Dropout is inverted: kept units are scaled by 1/(1 − p) while training; inference uses the whole network, unscaled."),
                        li("Training loss and accuracy are measured on the un-augmented training set with dropout off, after each epoch, like validation and test."),
                        li("Exactly 0 means w == 0.0, in the numbers and in the pictures: a small weight is drawn faint, never blank.")))
                .withClass("conventions");
    }

    /** For tests: the group slugs the page renders, the names {@code hide=} accepts besides setting names. */
    static List<String> groupSlugs() {
        return ConfigSchema.GROUPS.stream().map(g -> Labels.slug(g.title())).toList();
    }

    /** Under the curves when dropout or augmentation is on: what the training numbers are measured on. */
    static DomContent trainNote(String id) {
        return p("Training loss and accuracy are measured on the un-augmented training set with dropout off, like "
                + "validation: dropout and augmentation act only inside the training steps.")
                .withId(id).withClass("legend-note train-note").attr("hidden", "");
    }

    /**
     * Where the server's verdicts appear (org.gaplab.verdicts decides them; the page only prints them): one item each,
     * with its status, the split it is measured on and whether an epoch chosen on validation is part of it.
     */
    static DomContent verdicts(String id) {
        // quiet: verdicts are redrawn with every frame; announcer.js says when one changes
        return ul().withId(id).withClass("verdict verdict-list").attr("data-testid", id).attr("aria-live", "off")
                .attr("aria-label", "What the seeds say");
    }

    /** Which seed's model the picture shows; hidden while one seed trains. Sends view-seed. */
    static DomContent seedPicker(String id) {
        return span(label("Seed").attr("for", id), select().withId(id).attr("data-testid", id))
                .withClass("seed-picker").attr("hidden", "")
                .attr("title", "Whose model the pictures show, and whose curves the charts pick out");
    }

    /** Shared by the panels: an h2 with an id, for aria-labelledby. */
    static DomContent heading(String text, String id) {
        return h2(text).withId(id);
    }
}
