package org.gaplab.view;

import static j2html.TagCreator.canvas;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.input;
import static j2html.TagCreator.label;
import static j2html.TagCreator.ol;
import static j2html.TagCreator.option;
import static j2html.TagCreator.output;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.select;
import static j2html.TagCreator.span;
import static j2html.TagCreator.table;

import j2html.tags.DomContent;
import j2html.tags.Tag;
import j2html.tags.specialized.DivTag;
import java.util.List;
import java.util.stream.Collectors;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.SweepValues;
import org.gaplab.training.Sweep;

/**
 * The Sweep tab: which setting over which values (every plan and limit rendered from the server's own), then the
 * validation curve, the data every value trains on and sparsity against the value; each value's run one click away.
 */
final class SweepPanel {
    private SweepPanel() { }

    static DomContent panel() {
        return div(
                form(),
                div(div(curves(), data(), sparsity()).withClass("bench-row")).withClass("bench").attr("data-bench", "sweep"),
                ModePanels.details("sweep", List.of(
                        new ModePanels.Tab("sweep-runs", "Each value’s run", runs()))))
                .withId("sweep-panel").attr("role", "tabpanel").attr("aria-labelledby", "mode-sweep").attr("hidden", "");
    }

    /** The form; each setting's option carries its plan (SweepValues.plans), "auto" leaves the choice to the server. */
    private static DomContent form() {
        return div(
                field("Sweep", "sweep-param", select(
                        option("auto: " + SweepValues.DEFAULT_PARAMETER_RULE).withValue(""),
                        each(Sweep.PARAMETERS, SweepPanel::plannedOption))
                        .attr("data-testid", "sweep-param")),
                field("Values by", "sweep-search", select(option("log grid").withValue("grid"),
                        option("random search (log-uniform)").withValue("random"),
                        option("a list").withValue("values"))),
                field("From", "sweep-from", input().withType("text").withClass("number-box")
                        .attr("inputmode", "decimal")).withClass("field range-field"),
                field("To", "sweep-to", input().withType("text").withClass("number-box")
                        .attr("inputmode", "decimal")).withClass("field range-field"),
                field("How many", "sweep-count", input().withType("number").withClass("number-box")
                        .attr("min", "2").attr("max", String.valueOf(Command.MAX_SWEEP_VALUES)).attr("step", "1"))
                        .withClass("field range-field"),
                field("Values", "sweep-values", input().withType("text").withClass("list-box wide-box")
                        .attr("inputmode", "decimal")).withClass("field values-field"),
                p("Same seed for every value: the same data and initial weights (with several seeds, seed i's runs "
                        + "share seed i's). The best value has the lowest validation loss; test is shown, never used to pick.")
                        .withClass("note sweep-note"))
                .withClass("sweep-bar sweep-form").attr("data-max-values", Command.MAX_SWEEP_VALUES);
    }

    private static DomContent plannedOption(String parameter) {
        org.gaplab.settings.SweepPlan plan = SweepValues.plans().get(parameter);
        var option = option(Labels.setting(parameter)).withValue(parameter).attr("data-search", plan.search());
        if (plan.search().equals("grid")) {
            return option.attr("data-from", Controls.plain(plan.from())).attr("data-to", Controls.plain(plan.to()))
                    .attr("data-count", plan.count());
        }
        return option.attr("data-values", plan.values().stream().map(Controls::plain).collect(Collectors.joining(",")));
    }

    private static DivTag field(String title, String id, Tag<?> control) {
        return div(label(title).attr("for", id), control.withId(id)).withClass("field");
    }

    private static DomContent curves() {
        return section(
                div(h2("Validation curve").withId("sweep-curves-title"), span().withId("sweep-best")
                        .withClass("best-badge").attr("data-testid", "sweep-best").attr("aria-live", "polite"))
                        .withClass("chart-head"),
                Pages.chartHead("Final accuracy", "sweep-accuracy-chart", "sweep accuracy"),
                Pages.chartBox("sweep-accuracy-chart", "Final accuracy against the swept value", "accuracy-chart", "grow"),
                Pages.chartHead("Final data loss", "sweep-loss-chart", "sweep loss"),
                Pages.chartBox("sweep-loss-chart", "Final loss against the swept value", "loss-chart", "grow"),
                p().withId("sweep-caption").withClass("caption").attr("aria-live", "polite"),
                Pages.verdicts("sweep-verdict"),
                p(span("Filled").withClass("key-solid"), span(": ended; "),
                        span("hollow").withClass("key-dashed"), span(": still training. "),
                        span("Dotted").withClass("key-best"),
                        span(": lowest validation loss.")).withClass("legend-note"))
                .withId("sweep-curves").withClass("card bench-curves").attr("aria-labelledby", "sweep-curves-title");
    }

    private static DomContent data() {
        return section(
                h2("The data every value trains on").withId("sweep-data-title"),
                div(canvas().withId("sweep-data-canvas").attr("width", "480").attr("height", "480")
                        .attr("role", "img").attr("aria-labelledby", "sweep-data-title")).withClass("square")
                        .withId("sweep-data-points"),
                div(canvas().withId("sweep-weights-canvas").attr("width", "480").attr("height", "240")
                        .attr("role", "img").attr("aria-labelledby", "sweep-data-title")).withClass("image-grid")
                        .withId("sweep-data-weights").attr("hidden", ""),
                p().withId("sweep-data-caption").withClass("caption"),
                biasVariance())
                .withId("sweep-data").withClass("card bench-model").attr("data-testid", "model-view")
                .attr("aria-labelledby", "sweep-data-title");
    }

    /**
     * With several seeds: the validation error of the predicted probability split into bias² and variance across the
     * seeds' models, against the value, and each seed's decision boundary of one value drawn over the others.
     */
    private static DomContent biasVariance() {
        return div(
                div(h3("Bias², variance"),
                        span(label("Boundaries at").attr("for", "sweep-boundary-value"),
                                select().withId("sweep-boundary-value")).withClass("seed-picker"))
                        .withClass("chart-head"),
                div(canvas().withId("sweep-bias-variance-chart").attr("role", "img")
                        .attr("aria-label", "Bias squared and variance of the validation predictions against the swept value")
                        .attr("data-testid", "bias-variance-chart")).withClass("chart-box grow"),
                p(span("Solid").withClass("key-solid"), span(": bias² (with the noise), left axis; "),
                        span("dashed").withClass("key-dashed"), span(": variance across the seeds’ models, right axis; "
                        + "grey: their sum. E[(p̂ − y)²] = (E p̂ − y)² + Var p̂ on the validation points."))
                        .withClass("caption"))
                .withId("sweep-bias-variance").withClass("bias-variance").attr("hidden", "");
    }

    private static DomContent sparsity() {
        return section(
                h2("Sparsity and weight norm against the value").withId("sweep-sparsity-title"),
                div(span("Best value’s weights exactly 0: ").withClass("metric-label"),
                        output("–").withId("sweep-zero").attr("data-testid", "zero-fraction").withClass("metric-value").attr("aria-live", "off"))
                        .withClass("sweep-zero"),
                Pages.chartHead("Weights exactly 0 and ‖w‖₂", "sweep-weights-chart", "sweep sparsity and norm"),
                Pages.chartBox("sweep-weights-chart", "Exact-zero fraction and weight norm against the swept value",
                        "sparsity-chart", "grow"))
                .withId("sweep-sparsity").withClass("card bench-sparsity").attr("aria-labelledby", "sweep-sparsity-title");
    }

    private static DomContent runs() {
        return section(
                h2("Each value’s run").withId("sweep-runs-title"),
                div(
                        div(h3("Progress"), ol().withId("sweep-progress").withClass("sweep-progress")
                                .attr("aria-label", "Progress of each value's run")).withClass("half"),
                        div(div(table().withId("sweep-table").withClass("numbers-table")).withClass("table-scroll")
                                .attr("role", "region").attr("aria-label", "Each value's final numbers").attr("tabindex", "0"))
                                .withClass("half"))
                        .withClass("sweep-runs"))
                .withClass("card").attr("aria-labelledby", "sweep-runs-title");
    }
}
