package org.gaplab.view;

import static j2html.TagCreator.button;
import static j2html.TagCreator.canvas;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.label;
import static j2html.TagCreator.option;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.select;
import static j2html.TagCreator.span;
import static j2html.TagCreator.table;
import static j2html.TagCreator.ul;

import j2html.tags.DomContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaplab.lessons.Evidence;
import org.gaplab.protocol.Json;

/**
 * The Compare tab: run B's changes in one line, then A and B side by side on the bench (both runs' curves, both
 * pictures, the numbers a claim is judged by and what they say), the setup and the weight histograms one click away.
 */
final class ComparePanel {
    private ComparePanel() { }

    static DomContent panel() {
        return div(
                changesBar(),
                div(div(curves(), pictures(), numbers()).withClass("bench-row")).withClass("bench").attr("data-bench", "compare"),
                ModePanels.details("compare", List.of(
                        new ModePanels.Tab("compare-setup", "Run B’s changes", setup()),
                        new ModePanels.Tab("compare-weights", "Weights, A and B", weights()),
                        new ModePanels.Tab("compare-init", "Activations and gradients, A and B", initialization()),
                        new ModePanels.Tab("compare-calibration", "Calibration, A and B", calibration()))))
                .withId("compare-panel").attr("role", "tabpanel").attr("aria-labelledby", "mode-compare").attr("hidden", "");
    }

    /** B's changes, editable where the learner watches: the lesson's own control when it is a comparison. */
    private static DomContent changesBar() {
        return div(
                span("Run B = run A with").withClass("compare-label").attr("title", "Run A: the settings at the left"),
                button("Change…").withType("button").withId("compare-more").attr("aria-controls", "detail-compare-setup")
                        .attr("title", "Quick changes, or any other setting for run B"),
                ul().withId("compare-changes").withClass("changes").attr("aria-label", "Run B's changes"))
                .withClass("compare-bar");
    }

    private static DomContent curves() {
        return section(
                h2("Loss and accuracy, A and B").withId("compare-curves-title").withClass("sr-only"),
                Pages.chartHead("Data loss, A and B", "compare-loss-chart", "A/B loss"),
                Pages.chartBox("compare-loss-chart", "Loss of runs A and B over epochs", "loss-chart", "grow"),
                Pages.chartHead("Accuracy, A and B", "compare-accuracy-chart", "A/B accuracy"),
                Pages.chartBox("compare-accuracy-chart", "Accuracy of runs A and B over epochs", "accuracy-chart", "grow"),
                p(span("Solid").withClass("key-solid"), span(": validation; "), span("dashed").withClass("key-dashed"),
                        span(": training. "), span("Blue wash").withClass("key-gap-a"), span(": A’s gap; "),
                        span().withClass("key-gap-b").attr("aria-hidden", "true"), span("orange hatch"), span(": B’s gap."),
                        span(" Over several seeds: medians, each run’s min–max band, and in thin black the seed chosen beside the pictures.").withClass("seeds-key").attr("hidden", ""))
                        .withClass("legend-note"),
                Pages.trainNote("compare-train-note"))
                .withId("compare-curves").withClass("card bench-curves").attr("aria-labelledby", "compare-curves-title");
    }

    /** Both runs' pictures, and both runs' exact zeros over time. */
    private static DomContent pictures() {
        return section(
                div(h2("What each model sees").withId("compare-pictures-title"), Pages.seedPicker("compare-seed"))
                        .withClass("chart-head"),
                div(picture("a", "Run A"), picture("b", "Run B")).withClass("side-by-side"),
                p().withId("compare-pictures-note").withClass("caption"),
                div(div(canvas().withId("compare-augmented").attr("role", "img")
                                .attr("aria-label", "What run B's augmentation makes of one training example")).withClass("strip"),
                        p().withId("compare-augmented-caption").withClass("caption"))
                        .withId("compare-augmented-view").attr("hidden", ""),
                evidence())
                .withId("compare-pictures").withClass("card bench-model").attr("data-testid", "model-view")
                .attr("aria-labelledby", "compare-pictures-title");
    }

    /**
     * The lesson's evidence (its file's {@code evidence}), A and B: one chart whose title and axis the page takes from
     * here for each kind, and, for the weight norm, both runs' weights on one axis.
     */
    private static DomContent evidence() {
        Map<String, Map<String, String>> kinds = new LinkedHashMap<>();
        for (Evidence e : Evidence.values()) kinds.put(e.configName(), Map.of("title", e.title(), "axis", e.axis()));
        return div(
                div(h3(Evidence.SPARSITY.title()).withId("compare-evidence-title"),
                        Pages.pngButton("compare-evidence-chart", "A/B evidence")).withClass("chart-head"),
                Pages.chartBox("compare-evidence-chart", Evidence.SPARSITY.title(), "evidence-chart", "grow"),
                div().withId("compare-evidence-histogram").withClass("histograms").attr("hidden", ""),
                p().withId("compare-evidence-summary").withClass("caption").attr("data-testid", "evidence-summary"))
                .withId("compare-evidence").attr("data-evidence", Evidence.SPARSITY.configName())
                .attr("data-kinds", Json.write(kinds));
    }

    /** One run's decision boundary (2-D sets) or first-layer weight pictures (every other set). */
    private static DomContent picture(String run, String title) {
        return div(
                h3(title).withId("compare-picture-title-" + run).withClass("run-" + run),
                div(canvas().withId("compare-boundary-" + run).attr("width", "320").attr("height", "320")
                        .attr("role", "img").attr("aria-labelledby", "compare-picture-title-" + run)).withClass("square boundary-box"),
                div(canvas().withId("compare-weights-" + run).attr("role", "img")
                        .attr("aria-labelledby", "compare-picture-title-" + run)).withClass("image-grid"),
                p().withId("compare-boundary-caption-" + run).withClass("caption"))
                .withClass("picture").attr("data-run", run);
    }

    /** The numbers each claim is judged by, for A and B, and what they say. */
    private static DomContent numbers() {
        return section(
                h2("The numbers that decide").withId("compare-numbers-title"),
                div(table().withId("compare-table").withClass("numbers-table compare-table")).withClass("table-scroll"),
                Pages.verdicts("compare-verdict"))
                .withId("compare-numbers").withClass("card bench-sparsity").attr("aria-labelledby", "compare-numbers-title")
                .attr("tabindex", "0");   // it scrolls: a keyboard must reach what is below
    }

    private static DomContent setup() {
        return section(
                h2("Run B is run A with these changes").withId("compare-setup-title"),
                p("Run A uses the settings at the left. Both runs share the seed, the data split and (when the "
                        + "layers match) the initial weights, and train in lockstep, epoch by epoch. Over several seeds "
                        + "the pairs stay paired: A and B of seed i share its training sample and starting weights.")
                        .withClass("note"),
                div(span("Quick changes (each replaces the others):").withClass("quick-label"), each(QuickChanges.TOGGLES, QuickChanges::toggleButton))
                        .withClass("quick").attr("role", "group").attr("aria-label", "Quick changes for run B"),
                div(label("Change another setting").attr("for", "compare-key"),
                        select(each(ModePanels.comparable(), s -> option(Labels.setting(s.name())).withValue(s.name())))
                                .withId("compare-key"),
                        button("Add").withType("button").withId("compare-add"))
                        .withClass("add-change"),
                p().withId("compare-edits").withClass("note").attr("hidden", ""),
                h3("What differs, as the server runs it"),
                p().withId("compare-differences").withClass("differences").attr("data-testid", "compare-differences")
                        .attr("aria-live", "polite"))
                .withId("compare-setup").withClass("card compare-setup").attr("aria-labelledby", "compare-setup-title");
    }

    /** Each layer's activations on the probe batch and the data loss's gradient norm, for both runs. */
    private static DomContent initialization() {
        return section(
                h2("Activations and gradients, A and B").withId("compare-init-title"),
                h3("Activation histogram per hidden layer (probe batch), overlaid"),
                div().withId("compare-activations").withClass("histograms"),
                div(table().withId("compare-init-table").withClass("numbers-table")).withClass("table-scroll"),
                p("‖∂L̄/∂W‖: the gradient of the mean data loss alone, on a fixed probe batch (no penalty, no dropout).")
                        .withClass("caption"))
                .withClass("card").attr("aria-labelledby", "compare-init-title");
    }

    /** Each run's reliability diagrams on the validation split, now and at its best epoch (the seed shown). */
    private static DomContent calibration() {
        return section(
                h2("Calibration, A and B: confidence against accuracy (validation)").withId("compare-calibration-title"),
                reliability("a", "Run A"),
                reliability("b", "Run B"),
                p("Bars under the dashed diagonal: surer than right (overconfident). The red tick is each bin's mean "
                        + "confidence; ECE = Σ (n_b/n)·|accuracy_b − confidence_b|. The seed shown beside the pictures.")
                        .withClass("note"))
                .withClass("card").attr("aria-labelledby", "compare-calibration-title");
    }

    private static DomContent reliability(String run, String title) {
        return div(h3(title).withClass("run-" + run),
                div(canvas().attr("data-calibration", "now").attr("role", "img"),
                        canvas().attr("data-calibration", "best").attr("role", "img")).withClass("reliability-pair"),
                p().withClass("caption reliability-caption"))
                .withId("compare-calibration-" + run).withClass("reliability");
    }

    private static DomContent weights() {
        return section(
                h2("Weights, A and B").withId("compare-weights-title"),
                h3("Histogram per layer, overlaid"),
                div().withId("compare-histograms").withClass("histograms"))
                .withClass("card").attr("aria-labelledby", "compare-weights-title");
    }
}
