package org.gaplab.view;

import static j2html.TagCreator.button;
import static j2html.TagCreator.canvas;
import static j2html.TagCreator.code;
import static j2html.TagCreator.div;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.label;
import static j2html.TagCreator.output;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.select;
import static j2html.TagCreator.span;
import static j2html.TagCreator.table;
import static j2html.TagCreator.ul;

import j2html.tags.DomContent;
import j2html.tags.specialized.DivTag;
import j2html.tags.specialized.SpanTag;
import java.util.List;

/**
 * The One-run tab: the bench (current numbers, curves, what the model sees, sparsity counted) and, one click away,
 * the network with each unit's picture, the weight distributions, initialization, the objective and the data extras.
 */
final class RunPanel {
    private RunPanel() { }

    static DomContent panel() {
        return div(
                div(metrics(), div(curves(), modelView(), sparsity(), ClassPanel.card()).withClass("bench-row")).withClass("bench").attr("data-bench", "run"),
                ModePanels.details("run", List.of(
                        new ModePanels.Tab("network", "Network and neurons", network()),
                        new ModePanels.Tab("calibration", "Calibration", calibration()),
                        new ModePanels.Tab("mistakes", "Mistakes", mistakesInFull()),
                        new ModePanels.Tab("weights", "Weight distributions", weights()),
                        new ModePanels.Tab("init", "Initialization", initialization()),
                        new ModePanels.Tab("objective", "Objective", objective()),
                        new ModePanels.Tab("data-extra", "Data", dataExtras()))))
                .withId("run-panel").attr("role", "tabpanel").attr("aria-labelledby", "mode-run");
    }

    private static DomContent metrics() {
        return section(
                h2("Current numbers").withClass("sr-only"),
                metric("Epoch", "epoch", "0", "", "epoch-of"),
                metric("Status", "status", "ready", "", null),
                metric("Train loss", "train-loss", "–", "train", null),
                metric("Validation loss", "validation-loss", "–", "validation", null),
                metric("Test loss", "test-loss", "–", "test", null),
                metric("Gap: val − train", "gap", "–", "gap", null),
                metric("Train accuracy", "train-accuracy", "–", "train", null),
                metric("Validation accuracy", "validation-accuracy", "–", "validation", null),
                metric("Test accuracy", "test-accuracy", "–", "test", null),
                metric("Weights = 0", "zero-fraction", "–", "zero", "zero-count"),
                // the weights' size where sparsity says nothing (no L1 on, a lesson not about it): run-view.js picks
                metric("Weights ‖w‖₂", "weight-norm", "–", "norm", null).attr("hidden", ""))
                .withClass("metrics").attr("aria-label", "Current numbers");
    }

    private static DivTag metric(String label, String testId, String initial, String swatch, String subId) {
        return div(
                span(span().withClass("swatch " + swatch).attr("aria-hidden", "true"), span(label)).withClass("metric-label"),
                // an <output> is a live region: quiet, since it changes with every frame (announcer.js says the events)
                output(initial).withId("m-" + testId).attr("data-testid", testId).withClass("metric-value").attr("aria-live", "off"),
                subId == null ? span().withClass("metric-sub") : span().withId("m-" + subId).withClass("metric-sub"))
                .withClass("metric").attr("data-metric", testId);
    }

    private static DomContent curves() {
        return section(
                h2("Loss and accuracy").withId("curves-title").withClass("sr-only"),
                Pages.chartHead("Data loss (penalty apart)", "loss-chart", "loss"),
                Pages.chartBox("loss-chart", "Loss over epochs", "loss-chart", "grow"),
                p().withId("loss-caption").withClass("caption").attr("aria-live", "off"),
                Pages.chartHead("Accuracy", "accuracy-chart", "accuracy"),
                Pages.chartBox("accuracy-chart", "Accuracy over epochs", "accuracy-chart", "grow"),
                p().withId("accuracy-caption").withClass("caption"),
                p(span("Shaded").withClass("key-gap"), span(": the gap, validation − training. "),
                        span("Dotted").withClass("key-best"), span(": best validation epoch. "),
                        span("Solid").withClass("key-stop"), span(": early stop."),
                        span(" Over several seeds: the median, the min–max band (and the middle half, from 5 seeds), and in thin "
                                + "black the seed chosen beside the model. ")
                                .withClass("seeds-key").attr("hidden", ""),
                        button("Calibration").withType("button").withId("show-calibration").withClass("link-button detail-link")
                                .attr("aria-controls", "detail-calibration")
                                .attr("title", "Confidence against accuracy: is a rising validation loss overconfidence?"))
                        .withClass("legend-note"),
                Pages.trainNote("run-train-note"),
                p().withId("swing-hint").withClass("note swing-hint").attr("data-testid", "swing-hint").attr("hidden", ""),
                Pages.verdicts("run-verdict"))
                .withId("curves").withClass("card bench-curves").attr("aria-labelledby", "curves-title");
    }

    /** The decision boundary with the data for 2-D sets, the first layer's weight pictures for every other set. */
    private static DomContent modelView() {
        return section(
                div(h2("What the model sees").withId("data-title"), Pages.seedPicker("run-seed"))
                        .withClass("chart-head"),
                div(
                        div(canvas().withId("boundary-canvas").attr("width", "480").attr("height", "480")
                                .attr("role", "img").attr("aria-labelledby", "data-title")).withClass("square"),
                        p(span("●").withClass("dot train"), span(" train  "), span("○").withClass("dot test"),
                                span(" test  · colour: predicted class, paler where unsure")).withClass("caption"),
                        p().withId("boundary-caption").withClass("caption"),
                        div(canvas().withId("neuron-strip").attr("role", "img")
                                        .attr("aria-label", "Each hidden unit's output over the plane"),
                                p().withId("neuron-strip-caption").withClass("caption"))
                                .withId("neuron-strip-view").withClass("neuron-strip").attr("hidden", ""))
                        .withId("boundary-view").withClass("view-2d"),
                div(
                        div(canvas().withId("weight-images").attr("role", "img").attr("aria-labelledby", "data-title"))
                                .withClass("image-grid"),
                        p().withId("weight-images-caption").withClass("caption"),
                        p("Orange: positive weight, blue: negative, white: exactly 0; a small weight is drawn faint, never white.")
                                .withClass("caption"),
                        mistakes())
                        .withId("weight-images-view").withClass("view-image").attr("hidden", ""),
                p().withId("dataset-note").withClass("note"))
                .withId("data-view").withClass("card bench-model").attr("data-testid", "model-view")
                .attr("aria-labelledby", "data-title");
    }

    /**
     * What an image classifier gets wrong on validation data, at a size the bench has room for: the pairs of classes
     * it confuses most and its first mistakes. The whole matrix is the Mistakes tab's (one click, the link below).
     */
    private static DomContent mistakes() {
        return div(
                h3("Mistakes on validation images").withId("mistakes-title"),
                p().withId("most-confused").withClass("caption").attr("data-testid", "most-confused"),
                div().withId("misclassified-first").withClass("misclassified").attr("data-testid", "misclassified-first")
                        .attr("role", "group").attr("aria-labelledby", "mistakes-title"),
                button("Whole confusion matrix (Mistakes tab)").withType("button").withId("show-mistakes")
                        .attr("data-testid", "show-mistakes").withClass("link-button detail-link").attr("aria-controls", "detail-mistakes"))
                .withId("mistakes-view").withClass("mistakes").attr("hidden", "");
    }

    /** The Mistakes tab: the validation confusion matrix with each class's accuracy, and the misclassified strip. */
    private static DomContent mistakesInFull() {
        return section(
                h2("What it gets wrong on validation data").withId("mistakes-tab-title"),
                p("Image data (Fashion-MNIST, shapes) shows here which classes the model takes for which. A 2-D set's "
                        + "mistakes are the points on the wrong side of its boundary in What the model sees.")
                        .withId("mistakes-none").withClass("note"),
                div(h3("Validation confusion matrix").withId("confusion-title"),
                        div(table().withId("confusion").withClass("confusion").attr("data-testid", "confusion")
                                .attr("aria-labelledby", "confusion-title")).withClass("table-scroll"),
                        p("A row per true class, a column per predicted class, each cell a count of validation images. "
                                + "Blue: right answers, darker the more; vermillion: mistakes, darker the more often the "
                                + "model makes that one. ✓: the class's accuracy, its diagonal cell over its row.")
                                .withClass("caption"))
                        .withId("confusion-view").attr("hidden", ""),
                div(h3("Misclassified validation images").withId("misclassified-title"),
                        div().withId("misclassified").withClass("misclassified wide").attr("data-testid", "misclassified")
                                .attr("role", "group").attr("aria-labelledby", "misclassified-title"),
                        p().withId("misclassified-caption").withClass("caption"))
                        .withId("misclassified-view").attr("hidden", ""))
                .withId("mistakes").withClass("card").attr("aria-labelledby", "mistakes-tab-title");
    }

    /**
     * The third card: sparsity counted while L1 is on or the lesson is about it, else the weights' size (‖w‖₂ over
     * epochs and the largest layer's histogram); run-view.js shows one of the two.
     */
    private static DomContent sparsity() {
        return div(sparsityCounted(), weightSize()).withId("sparsity").withClass("card bench-sparsity");
    }

    private static DomContent weightSize() {
        return section(
                div(h2("Weight size").withId("weight-size-title"), Pages.pngButton("weight-norm-chart", "weight norm"))
                        .withClass("chart-head"),
                Pages.chartBox("weight-norm-chart", "‖w‖₂ of all weights over epochs", "weight-norm-chart", "grow"),
                h3("Weights now"),
                div().withId("weight-size-histograms").withClass("histograms"),
                p().withId("weight-size-caption").withClass("caption").attr("aria-live", "off"))
                .withId("weight-size").withClass("third-part").attr("aria-labelledby", "weight-size-title").attr("hidden", "");
    }

    private static DomContent sparsityCounted() {
        return section(
                div(h2("Sparsity, counted").withId("sparsity-title"), Pages.pngButton("sparsity-chart", "exact-zero fraction"))
                        .withClass("chart-head"),
                div(table().withId("sparsity-table").withClass("numbers-table compact")).withClass("table-scroll"),
                p().withId("sparsity-epsilon").withClass("note"),
                p().withId("sparsity-inputs").withClass("note inputs-line").attr("data-testid", "cut-inputs"),
                div(
                        div(span("dense").withClass("bytes-label"), div().withId("dense-bar").withClass("bar dense"),
                                output().withId("dense-bytes").attr("aria-live", "off")).withClass("bytes-row"),
                        div(span("sparse").withClass("bytes-label"), div().withId("sparse-bar").withClass("bar sparse"),
                                output().withId("sparse-bytes").attr("aria-live", "off")).withClass("bytes-row"))
                        .withClass("bytes").attr("aria-label", "Model size in bytes"),
                Pages.chartBox("sparsity-chart", "Fraction of weights exactly zero over epochs", "sparsity-chart", "grow"))
                .withId("sparsity-counted").withClass("third-part").attr("aria-labelledby", "sparsity-title");
    }

    /**
     * The reliability diagram of the validation split, for the model as it stands and at its best epoch: whether a
     * rising validation loss is overconfidence (bars under the diagonal) or new mistakes.
     */
    private static DomContent calibration() {
        return section(
                h2("Calibration: confidence against accuracy (validation)").withId("calibration-title"),
                div(canvas().attr("data-calibration", "now").attr("role", "img"),
                        canvas().attr("data-calibration", "best").attr("role", "img"))
                        .withClass("reliability-pair"),
                p().withClass("caption reliability-caption").attr("aria-live", "off"),
                p("Each bar: the validation examples whose predicted class got that confidence (0.5–0.6, …, 0.9–1), and "
                        + "how often that class was right; the red tick is their mean confidence, the dashed line a "
                        + "calibrated model. ECE = Σ (n_b/n)·|accuracy_b − confidence_b|. The model view’s seed is the one drawn.")
                        .withClass("note"))
                .withId("calibration").withClass("card reliability").attr("data-testid", "reliability")
                .attr("aria-labelledby", "calibration-title");
    }

    private static DomContent network() {
        return section(
                h2("The network, and what each hidden unit computes").withId("network-title"),
                div().withId("network-diagram").withClass("network").attr("role", "group").attr("aria-labelledby", "network-title"),
                p("Link width follows |w| on one fixed scale, so shrinking weights thin out; orange is positive, blue "
                        + "negative; a dotted grey link is a weight that is exactly 0. Hover a link to read its weight. "
                        + "Each hidden unit shows its output over the plane (orange +, blue −).").withClass("caption"),
                p().withId("network-caption").withClass("caption").attr("aria-live", "off"))
                .withId("network").withClass("card").attr("aria-labelledby", "network-title");
    }

    private static DomContent weights() {
        return section(
                h2("Weight distributions").withId("weights-title"),
                h3("Histogram per layer, now"),
                p("Each layer's x axis spans every range it had since the run started, so a histogram that narrows "
                        + "looks narrower.").withClass("caption"),
                div().withId("weight-histograms").withClass("histograms"),
                div(table().withId("norms-table").withClass("numbers-table")).withClass("table-scroll"),
                div(h3("Over time (percentile bands)"),
                        label("Layer").attr("for", "distribution-layer"),
                        select().withId("distribution-layer"), Pages.pngButton("distribution-chart", "weight percentile"))
                        .withClass("row-head"),
                Pages.chartBox("distribution-chart", "Weight percentiles over epochs", null, "medium"),
                p("Bands from the outside in: min–max, 7–93 %, 16–84 %, 31–69 %; the line is the median (TensorBoard’s distribution view).")
                        .withClass("caption"),
                div(Pages.chartHead("Singular values of each layer's weights", "spectrum-chart", "singular values"),
                        Pages.chartBox("spectrum-chart", "Singular values of each layer's weight matrix, largest first, "
                                + "now and at the start", "spectrum-chart", "medium"),
                        p("W = UΣVᵀ: the singular values σ₁ ≥ σ₂ ≥ … of each layer's weights (log scale), solid now "
                                + "and dashed at the start. In runs here, L2 lowers the small singular values far "
                                + "more than the largest (the matrix tends towards low rank), and dropout can raise the "
                                + "largest: read what your run shows. Large layers are measured less often, to keep reports fast.").withClass("caption"))
                        .withId("spectrum").withClass("spectrum"))
                .withId("weights").withClass("card").attr("aria-labelledby", "weights-title");
    }

    private static DomContent initialization() {
        return section(
                h2("Initialization: activations and gradients").withId("init-title"),
                p().withId("init-formula").withClass("formula-line"),
                h3("Activation histogram per layer (probe batch)"),
                div().withId("activation-histograms").withClass("histograms"),
                div(table().withId("activation-table").withClass("numbers-table")).withClass("table-scroll"),
                Pages.chartHead("Gradient norm of the data loss ‖∂L̄/∂W‖ per layer", "gradient-chart", "gradient norm"),
                Pages.chartBox("gradient-chart", "Gradient norm of the data loss per layer over epochs", null, "medium"),
                p("‖∂L̄/∂W‖: the gradient of the mean data loss L̄ alone on a fixed probe batch (no penalty, no dropout).")
                        .withClass("caption"))
                .withId("init").withClass("card").attr("aria-labelledby", "init-title");
    }

    private static DomContent objective() {
        return section(
                h2("The objective, live").withId("objective-title"),
                div(
                        term("L̄", span("mean data loss of a batch"), "obj-data"),
                        span("+").withClass("op"),
                        term("(λ₂/2)·Σw²", span("λ₂ = 0").withId("obj-l2"), "obj-pen2"),
                        span("+").withClass("op"),
                        term("λ₁·Σ|w|", span("λ₁ = 0").withId("obj-l1"), "obj-pen1"),
                        span("=").withClass("op"),
                        term("J", span("what training minimizes").withId("obj-total-meaning"), "obj-total").withClass("term total"))
                        .withClass("objective-terms").attr("aria-label", "The objective: data loss plus penalties"),
                p().withId("objective-formula").withClass("note"),
                h3("Update rule"),
                p(code().withId("update-rule").attr("data-formulas", UpdateFormulas.json())).withClass("formula rule"),
                p().withId("update-note").withClass("note"),
                p().withId("optimizer-note").withClass("note"))
                .withId("objective").withClass("card").attr("aria-labelledby", "objective-title");
    }

    private static DivTag term(String formula, SpanTag parameter, String outputId) {
        return div(span(formula).withClass("term-formula"), parameter.withClass("term-param"),
                output("–").withId(outputId).withClass("term-value").attr("aria-live", "off")).withClass("term");
    }

    private static DomContent dataExtras() {
        return section(
                h2("The data, as training sees it").withId("data-extra-title"),
                p("Training loss and accuracy are measured on the un-augmented training set with dropout off, after each "
                        + "epoch; augmentation and dropout act only inside the training steps.").withClass("note"),
                div(
                        h3("Augmented training samples").withId("augmented-title"),
                        div(canvas().withId("augmented").attr("role", "img").attr("aria-labelledby", "augmented-title"))
                                .withClass("strip"),
                        p().withId("augmented-caption").withClass("caption"))
                        .withId("augmented-view").attr("hidden", ""),
                div(
                        h3("Validation accuracy per class"),
                        ul().withId("class-accuracy").withClass("bars"))
                        .withId("class-accuracy-view").attr("hidden", ""))
                .withId("data-extra").withClass("card").attr("aria-labelledby", "data-extra-title");
    }
}
