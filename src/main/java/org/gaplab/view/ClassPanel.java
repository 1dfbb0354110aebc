package org.gaplab.view;

import static j2html.TagCreator.canvas;
import static j2html.TagCreator.details;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.input;
import static j2html.TagCreator.label;
import static j2html.TagCreator.li;
import static j2html.TagCreator.option;
import static j2html.TagCreator.output;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.select;
import static j2html.TagCreator.span;
import static j2html.TagCreator.summary;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.tr;
import static j2html.TagCreator.ul;

import j2html.tags.DomContent;
import java.util.List;
import org.gaplab.protocol.ClassPlan;
import org.gaplab.protocol.Command;

/**
 * The class chart's parts, shared by the teacher's page and the learner's class card beside their run: the chart
 * (Chart.js draws the axes, the class medians and the training losses; every learner's point is one element over it,
 * so a point can be counted, read and highlighted), the choice of loss or accuracy, its legend, and the learner table.
 */
final class ClassPanel {
    /** What the chart can plot: the point's key for validation and for training, the axis title, how numbers read. */
    private record Metric(String value, String label, String validation, String train, String title, String format) { }

    private static final List<Metric> METRICS = List.of(
            new Metric("loss", "validation loss", "validationLoss", "trainLoss", "data loss at best epoch", "loss"),
            new Metric("accuracy", "validation accuracy", "validationAccuracy", "trainAccuracy", "accuracy at best epoch", "percent"));

    /** A column of the learner table: the point's key it shows (the page formats it) and its heading. */
    private record Column(String key, String title) { }

    private static final List<Column> COLUMNS = List.of(new Column("nickname", "Learner"), new Column("value", "Value"),
            new Column("seed", "Seed"), new Column("status", "Status"), new Column("epoch", "Epoch"),
            new Column("bestEpoch", "Best epoch"), new Column("trainLoss", "Train loss"),
            new Column("validationLoss", "Validation loss"), new Column("trainAccuracy", "Train acc."),
            new Column("validationAccuracy", "Validation acc."), new Column("changed", "Own settings"));

    private ClassPanel() { }

    /** The learner's card, in the run's bench; shown only on a page that joined a class. */
    static DomContent card() {
        return section(
                div(h2("Your class").withId("class-card-title"),
                        output().withId("class-you").attr("data-testid", "class-value").withClass("class-you")).withClass("chart-head"),
                p().withId("class-over").withClass("class-over").attr("data-testid", "class-over").attr("hidden", ""),
                p().withId("class-question").withClass("class-question").attr("data-testid", "class-question").attr("hidden", ""),
                p().withId("class-state").withClass("class-state").attr("aria-live", "polite"),
                div(label("Your name").attr("for", "class-nickname"),
                        input().withType("text").withId("class-nickname").attr("maxlength", Command.NICKNAME_LENGTH)
                                .attr("autocomplete", "nickname"),
                        metricPicker("class-metric")).withClass("class-card-bar"),
                div(chart("class-chart", "class-points"), coverage("class-chart"), legend(),
                        details(summary("Learners"), table("class-table")).withClass("class-learners"))
                        .withId("class-shown").withClass("class-shown"),
                p("Your teacher will show the class chart here.").withId("class-hidden-note").withClass("note").attr("hidden", ""),
                // The names of the settings a class may vary, for the learner's value and the chart's axis.
                ul(each(ClassPlan.PARAMETERS, p -> li(Labels.setting(p)).attr("data-param", p))).withId("class-param-labels")
                        .attr("hidden", ""))
                .withId("class-card").withClass("card bench-class").attr("aria-labelledby", "class-card-title").attr("hidden", "")
                .attr("data-no-seat", String.join(" ", Command.NO_SEAT)).attr("data-class-gone", String.join(" ", Command.CLASS_GONE));
    }

    /** Loss or accuracy on the chart's y axis. */
    static DomContent metricPicker(String id) {
        return span(label("Show").attr("for", id),
                select(each(METRICS, m -> option(m.label()).withValue(m.value()).attr("data-validation", m.validation())
                                .attr("data-train", m.train()).attr("data-title", m.title()).attr("data-format", m.format())))
                        .withId(id).attr("data-testid", id))
                .withClass("class-metric");
    }

    /** The chart: a canvas and, over it, one element per learner's point. */
    static DomContent chart(String canvasId, String pointsId) {
        return div(canvas().withId(canvasId).attr("role", "img")
                        .attr("aria-label", "Each learner's validation result at their best epoch against their value"),
                div().withId(pointsId).withClass("class-points").attr("role", "list").attr("aria-label", "Learners' points"))
                .withClass("chart-box grow class-chart-box");
    }

    /** Under the chart: each value with its learners, "not run" where none (the page fills it). */
    static DomContent coverage(String canvasId) {
        return ul().withId(canvasId + "-coverage").withClass("class-coverage").attr("aria-label", "Learners on each value");
    }

    static DomContent legend() {
        return p(span("●").withClass("key-point"), span(" each learner’s validation number at their best epoch (hollow: still "
                        + "at epoch 0); "), span("○").withClass("key-train"), span(" their training number there; "),
                span("●").withClass("key-left"), span(" grey: a learner who left (their point stays); "),
                span("┆").withClass("key-unrun"), span(" a value nobody has run yet; "),
                span("■").withClass("key-own-settings"), span(" a learner who changed other settings (drawn, left out of "
                        + "the median); "),
                span("line").withClass("key-median"), span(": the class median per value; "),
                span("◆").withClass("key-best-value"), span(" the best value (lowest median validation loss; test is never used)."))
                .withClass("legend-note class-legend");
    }

    /** The learner table: its heading row here, a row per learner filled in by the page. */
    static DomContent table(String id) {
        return table(id, false);
    }

    /** The table; on the teacher's page ({@code teacher}) with a last column to rename or remove a learner. */
    static DomContent table(String id, boolean teacher) {
        return div(j2html.TagCreator.table(thead(tr(each(COLUMNS, c -> th(c.title()).attr("scope", "col")
                                .attr("data-column", c.key())),
                                teacher ? th("Teacher").attr("scope", "col").attr("data-column", "actions") : null)), tbody())
                        .withId(id).withClass("numbers-table class-table")).withClass("table-scroll")
                .attr("role", "region").attr("aria-label", "Every learner's numbers");
    }
}
