package org.gaplab.view;

import static j2html.TagCreator.a;
import static j2html.TagCreator.body;
import static j2html.TagCreator.button;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.form;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.head;
import static j2html.TagCreator.header;
import static j2html.TagCreator.html;
import static j2html.TagCreator.img;
import static j2html.TagCreator.input;
import static j2html.TagCreator.label;
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
import static j2html.TagCreator.title;

import j2html.tags.DomContent;
import java.util.List;
import java.util.Map;
import org.gaplab.lessons.Lesson;
import org.gaplab.lessons.Lessons;
import org.gaplab.protocol.ClassPlan;

/**
 * The pages of a class experiment that are not the playground: the teacher's page (join link, QR code, the class
 * chart in large type for a projector, the table of learners and the teacher's controls), the form that starts a
 * class, and the answer for an ended or unknown class. They live under {@code class/}, so every URL in them starts
 * with {@code ../} and stays relative (GapLab works under a proxy's path prefix).
 */
public final class ClassPages {
    private ClassPages() { }

    /** What the teacher's page shows of the class it was made for. */
    /** {@code plainHttp}: the page came over HTTP to another machine, so the teacher key crossed the network in clear. */
    /** {@code roomCode}: the short code typed at {@code /join}; {@code valueCount}: how many values the class splits. */
    public record Teacher(String id, String param, String lesson, int maxLearners, long endsAtMillis, boolean plainHttp,
                          String roomCode, int valueCount) { }

    public static String teacher(Teacher t) {
        String lessonTitle = t.lesson() == null ? null : Lessons.find(t.lesson()).map(Lesson::title).orElse(t.lesson());
        String what = Labels.setting(t.param()) + " (" + t.param() + ")";
        return page("GapLab class: " + what, "teacher",
                header(logo(), h1(span("Class experiment: "), span(what).withClass("class-param")),
                        lessonTitle == null ? null : span(lessonTitle).withClass("class-lesson"),
                        output("connecting…").withId("connection").withClass("connection").attr("role", "status")
                                .attr("data-state", "connecting")).withClass("top teacher-top"),
                div().withId("banner").withClass("banner").attr("role", "alert").attr("hidden", ""),
                t.plainHttp() ? p("This page came over plain HTTP: the teacher key that controls this class crossed the "
                        + "network unencrypted, readable by anyone on the classroom's Wi-Fi. Ask whoever runs GapLab to serve "
                        + "it over HTTPS (docs/DEPLOY.md, Threat model).").withClass("banner").attr("data-kind", "error")
                        .attr("data-testid", "plain-http") : null,
                main(
                        section(h2("Join"),
                                p(a("…").withId("class-join-link").attr("data-testid", "class-join-link").withClass("join-link"))
                                        .withClass("join-gone"),
                                p(span("or open "), span("…/join").withId("class-join-page").withClass("join-page"),
                                        span(" and type the room code ")).withClass("room-code-line join-gone"),
                                p(t.roomCode()).withId("class-room-code").attr("data-testid", "class-room-code")
                                        .withClass("room-code join-gone").attr("aria-label", "Room code " + String.join(" ", t.roomCode().split(""))),
                                img().withId("class-qr").attr("data-testid", "class-qr").withClass("join-qr join-gone")
                                        .withAlt("QR code of the join link"),
                                p(button("Copy link").withType("button").withId("class-copy"),
                                        output().withId("class-copy-status").attr("aria-live", "polite")).withClass("join-gone"),
                                p(output("0").withId("class-count").attr("data-testid", "class-count").withClass("class-count"),
                                        span(" of " + t.maxLearners() + " learners")).withClass("count-line"),
                                p(gridNeeds(t.valueCount())).withId("class-grid-note").attr("data-testid", "class-grid-note")
                                        .withClass("note"),
                                p().withId("class-ends").withClass("note"))
                                .withClass("card join-card").attr("aria-label", "How learners join"),
                        section(div(h2("Class chart"), span(span().withId("class-best").attr("data-testid", "class-best"),
                                                span().withId("class-edge").withClass("best-edge").attr("data-testid", "class-edge"))
                                                .withClass("best-badge").attr("aria-live", "polite"),
                                        ClassPanel.metricPicker("class-metric")).withClass("chart-head"),
                                ClassPanel.chart("class-chart", "class-points"),
                                ClassPanel.coverage("class-chart"),
                                ClassPanel.legend())
                                .withClass("card class-chart-card").attr("aria-label", "Class chart"),
                        section(h2("Teacher’s controls"), controls()).withClass("card class-controls-card"),
                        section(h2("Learners"), ClassPanel.table("class-table", true))
                                .withClass("card class-table-card").attr("aria-label", "Learners"))
                        .withClass("teacher-grid").attr("data-class", t.id()).attr("data-param", t.param())
                        .attr("data-ends-at", t.endsAtMillis())
                        .attr("data-class-gone", String.join(" ", org.gaplab.protocol.Command.CLASS_GONE)));
    }

    /**
     * How many learners the grid needs, said before anyone joins: one per value shows the whole curve, two per value
     * give each value a median; with fewer, values go out ends first (ClassPlan.coverageOrder), so the U still shows.
     */
    static String gridNeeds(int values) {
        return "The grid has " + values + " values: " + values + " learners run each once, " + 2 * values
                + " run each twice (a median per value). With fewer, values go out both ends first, then the middle; "
                + "the chart marks values nobody has run.";
    }

    /** The page a learner types a room code on ({@code /join}); {@code error} says what went wrong with {@code code}. */
    public static String join(String error, String code) {
        return page("", "GapLab: join a class", "class-join",
                header(a(span("Gap").withClass("logo-gap"), span("Lab").withClass("logo-lab")).withHref("./").withClass("logo"),
                        h1("Join a class")).withClass("top teacher-top"),
                main(section(
                        error == null ? null : p(error).withClass("banner").attr("data-kind", "error").attr("role", "alert")
                                .attr("data-testid", "join-error"),
                        form(div(label("Room code (on your teacher’s screen)").attr("for", "code"),
                                        input().withType("text").withName("code").withId("code").withValue(code)
                                                .attr("autocomplete", "off").attr("autocapitalize", "characters")
                                                .attr("maxlength", 20).attr("spellcheck", "false").withClass("room-code-box")
                                                .isRequired().attr("autofocus", "")).withClass("field"),
                                button("Join").withType("submit").withClass("primary"))
                                .withAction("join").withMethod("get").withClass("class-form"))
                        .withClass("card")));
    }

    private static DomContent controls() {
        return div(
                button("Pause every run").withType("button").withId("class-pause").attr("data-testid", "class-pause")
                        .attr("aria-pressed", "false"),
                button("Restart every run").withType("button").withId("class-restart").attr("data-testid", "class-restart")
                        .attr("title", "Every learner's run again from epoch 0 (it starts the runs not yet started)"),
                button("Lock learners’ settings").withType("button").withId("class-lock").attr("data-testid", "class-lock")
                        .attr("aria-pressed", "false").attr("title", "Learners can change nothing but the pace"),
                button("Show chart to learners").withType("button").withId("class-reveal").attr("data-testid", "class-reveal")
                        .attr("aria-pressed", "false"),
                button("Results CSV").withType("button").withId("class-csv").attr("data-testid", "class-csv"),
                button("Results JSON").withType("button").withId("class-json").attr("data-testid", "class-json"),
                button("End the class").withType("button").withId("class-end").attr("data-testid", "class-end")
                        .withClass("danger"))
                .withClass("class-controls").attr("role", "group").attr("aria-label", "Teacher's controls");
    }

    /**
     * The form of {@code class/new}: a lesson or the config the link carries (kept as hidden fields), the setting to
     * vary and its values; {@code query} fills it in again after a refusal, which {@code error} names.
     */
    public static String newClass(String error, Map<String, String> query) {
        String preset = query.getOrDefault("preset", "");
        String param = query.getOrDefault("param", "");
        String values = query.getOrDefault("values", "");
        List<Map.Entry<String, String>> carried = query.entrySet().stream()
                .filter(e -> !List.of("preset", "param", "values", "grid", "class").contains(e.getKey())).toList();
        return page("GapLab: start a class experiment", "class-form",
                header(logo(), h1("Start a class experiment")).withClass("top teacher-top"),
                main(section(
                        p("Every learner trains the same config with one value of the setting you vary; the class chart "
                                + "shows validation loss at each learner's best epoch against the value."),
                        error == null ? null : p(error).withClass("banner").attr("data-kind", "error").attr("role", "alert"),
                        form(
                                div(label("Lesson").attr("for", "preset"), select(option("none: the settings of the link").withValue(""),
                                        each(Lessons.all().stream().filter(l -> l.view() == null).toList(), l -> option(l.title()).withValue(l.id()).withCondSelected(l.id().equals(preset))))
                                        .withName("preset").withId("preset")).withClass("field"),
                                div(label("Setting to vary").attr("for", "param"), select(option("the lesson’s sweep").withValue(""),
                                        each(ClassPlan.PARAMETERS, p -> option(Labels.setting(p) + " (" + p + ")").withValue(p)
                                                .withCondSelected(p.equals(param))))
                                        .withName("param").withId("param")).withClass("field"),
                                div(label("Values (comma separated; empty: the setting’s usual ones)").attr("for", "values"),
                                        input().withType("text").withName("values").withId("values").withValue(values)
                                                .withClass("wide-box")).withClass("field"),
                                query.containsKey("grid") ? input().withType("hidden").withName("grid").withValue(query.get("grid")) : null,
                                each(carried, e -> input().withType("hidden").withName(e.getKey()).withValue(e.getValue())),
                                carried.isEmpty() ? null : p("The link's settings come along: " + String.join(", ",
                                        carried.stream().map(e -> e.getKey() + "=" + e.getValue()).toList()) + ".").withClass("note"),
                                button("Create the class").withType("submit").withClass("primary"))
                                .withAction("new").withMethod("post").withClass("class-form"),
                        p("Any config key may be added to the link too, as on the playground: "
                                + "class/new?param=l2&values=0.0001,0.01,0.1,1&dataset=spiral.").withClass("note"))
                        .withClass("card")));
    }

    /** A page for a class link that leads nowhere (ended, unknown). */
    public static String notice(String heading, String text) {
        return page("GapLab: " + heading, "class-notice",
                header(logo(), h1(heading)).withClass("top teacher-top"),
                main(section(p(text).attr("data-testid", "class-notice"),
                        p(a("Open the playground").withHref("../"), span(" · "), a("Start a new class").withHref("new")))
                        .withClass("card")));
    }

    private static DomContent logo() {
        return a(span("Gap").withClass("logo-gap"), span("Lab").withClass("logo-lab")).withHref("../").withClass("logo");
    }

    private static String page(String title, String kind, DomContent... content) {
        return page("../", title, kind, content);
    }

    /** {@code base}: the way from the page to the app's root ("../" under {@code class/}). */
    private static String page(String base, String title, String kind, DomContent... content) {
        boolean teacher = kind.equals("teacher");
        return "<!DOCTYPE html>\n" + html(
                head(meta().withCharset("utf-8"),
                        meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                        title(title),
                        link().withRel("icon").withHref(base + "favicon.svg").withType("image/svg+xml"),
                        link().withRel("stylesheet").withHref(base + "css/gaplab.css"),
                        link().withRel("stylesheet").withHref(base + "css/class.css"),
                        link().withRel("stylesheet").withHref(base + "css/access.css")),
                body(each(java.util.Arrays.stream(content).filter(java.util.Objects::nonNull).toList(), c -> c),   // a part may be absent
                        teacher ? script().withSrc("../" + Pages.CHART_JS) : null,
                        teacher ? script().withType("module").withSrc("../js/teacher.js") : null)
                        .withClass(kind))
                .withLang("en").render();
    }
}
