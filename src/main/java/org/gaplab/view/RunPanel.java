package org.gaplab.view;

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

/** The Run tab's panel: the current numbers, then one card per view of a single training run. */
final class RunPanel {
    private RunPanel() { }

    static DomContent panel() {
        return div(metrics(),
                div(curves(), objective(), dataViews(), sparsity(), weights(), initialization(), network())
                        .withClass("cards"))
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
                metric("Weights = 0", "zero-fraction", "–", "zero", "zero-count"))
                .withClass("metrics").attr("aria-label", "Current numbers");
    }

    private static DivTag metric(String label, String testId, String initial, String swatch, String subId) {
        return div(
                span(span().withClass("swatch " + swatch).attr("aria-hidden", "true"), span(label)).withClass("metric-label"),
                output(initial).withId("m-" + testId).attr("data-testid", testId).withClass("metric-value"),
                subId == null ? span().withClass("metric-sub") : span().withId("m-" + subId).withClass("metric-sub"))
                .withClass("metric").attr("data-metric", testId);
    }

    private static DomContent chartBox(String id, String label, String height) {
        return div(canvas().withId(id).attr("role", "img").attr("aria-label", label))
                .withClass("chart-box " + height);
    }

    private static DomContent curves() {
        return section(
                h2("Loss and accuracy: train, validation, test").withId("curves-title"),
                div(
                        div(Pages.chartHead("Data loss (penalty apart)", "loss-chart", "loss"), chartBox("loss-chart", "Loss over epochs", "tall"),
                                p().withId("loss-caption").withClass("caption").attr("aria-live", "off")).withClass("half"),
                        div(Pages.chartHead("Accuracy", "accuracy-chart", "accuracy"), chartBox("accuracy-chart", "Accuracy over epochs", "tall"),
                                p().withId("accuracy-caption").withClass("caption")).withClass("half"))
                        .withClass("pair"),
                p(span("Shaded").withClass("key-gap"), span(": the generalization gap, validation minus training. "),
                        span("Dotted line").withClass("key-best"), span(": best validation epoch. "),
                        span("Solid line").withClass("key-stop"), span(": early stop. Test is reported, never used to decide anything."))
                        .withClass("legend-note"))
                .withId("curves").withClass("card wide").attr("aria-labelledby", "curves-title");
    }

    private static DomContent objective() {
        return section(
                h2("The objective, live").withId("objective-title"),
                div(
                        term("L̄(data)", span("mean loss of a batch"), "obj-data"),
                        span("+").withClass("op"),
                        term("(λ₂/2)·Σw²", span("λ₂ = 0").withId("obj-l2"), "obj-pen2"),
                        span("+").withClass("op"),
                        term("λ₁·Σ|w|", span("λ₁ = 0").withId("obj-l1"), "obj-pen1"),
                        span("=").withClass("op"),
                        term("J", span("what training minimizes"), "obj-total").withClass("term total"))
                        .withClass("objective-terms").attr("aria-label", "The objective: data loss plus penalties"),
                p().withId("objective-formula").withClass("note"),
                h3("Update rule"),
                p(code().withId("update-rule")).withClass("formula rule"),
                p().withId("update-note").withClass("note"),
                p().withId("optimizer-note").withClass("note"))
                .withId("objective").withClass("card").attr("aria-labelledby", "objective-title");
    }

    private static DivTag term(String formula, SpanTag parameter, String outputId) {
        return div(span(formula).withClass("term-formula"), parameter.withClass("term-param"),
                output("–").withId(outputId).withClass("term-value")).withClass("term");
    }

    private static DomContent dataViews() {
        return section(
                h2("What the model sees").withId("data-title"),
                div(
                        h3("Decision boundary").withId("boundary-title"),
                        div(canvas().withId("boundary-canvas").attr("width", "320").attr("height", "320")
                                .attr("role", "img").attr("aria-labelledby", "boundary-title")).withClass("square"),
                        p(span("●").withClass("dot train"), span(" train  "), span("○").withClass("dot test"),
                                span(" test  · colour: predicted class, paler where unsure")).withClass("caption"),
                        p("Waiting for the first boundary from the server…").withId("boundary-caption").withClass("caption"))
                        .withId("boundary-view").withClass("view-2d"),
                div(
                        h3("First-layer weights, one picture per hidden unit").withId("weight-images-title"),
                        div(canvas().withId("weight-images").attr("role", "img").attr("aria-labelledby", "weight-images-title"))
                                .withClass("image-grid"),
                        p("Orange: positive weight, blue: negative, white: exactly 0.").withClass("caption"))
                        .withId("weight-images-view").withClass("view-image").attr("hidden", ""),
                div(
                        h3("Augmented training samples").withId("augmented-title"),
                        div(canvas().withId("augmented").attr("role", "img").attr("aria-labelledby", "augmented-title"))
                                .withClass("strip"),
                        p().withId("augmented-caption").withClass("caption"))
                        .withId("augmented-view").attr("hidden", ""),
                div(
                        h3("Validation accuracy per class"),
                        ul().withId("class-accuracy").withClass("bars"))
                        .withId("class-accuracy-view").attr("hidden", ""),
                p().withId("dataset-note").withClass("note"))
                .withId("data-view").withClass("card").attr("aria-labelledby", "data-title");
    }

    private static DomContent sparsity() {
        return section(
                div(h2("Sparsity, counted").withId("sparsity-title"), Pages.pngButton("sparsity-chart", "exact-zero fraction"))
                        .withClass("chart-head"),
                chartBox("sparsity-chart", "Fraction of weights exactly zero over epochs", "medium"),
                div(table().withId("sparsity-table").withClass("numbers-table")).withClass("table-scroll"),
                div(
                        div(span("dense").withClass("bytes-label"), div().withId("dense-bar").withClass("bar dense"),
                                output().withId("dense-bytes")).withClass("bytes-row"),
                        div(span("sparse").withClass("bytes-label"), div().withId("sparse-bar").withClass("bar sparse"),
                                output().withId("sparse-bytes")).withClass("bytes-row"))
                        .withClass("bytes").attr("aria-label", "Model size in bytes"),
                p("Exactly 0 means w == 0.0; near 0 means |w| < 10⁻³. Non-zero count is the “L0 norm”, which no gradient can optimize.")
                        .withClass("note"))
                .withId("sparsity").withClass("card").attr("aria-labelledby", "sparsity-title");
    }

    private static DomContent weights() {
        return section(
                h2("Weight distributions").withId("weights-title"),
                h3("Histogram per layer, now"),
                div().withId("weight-histograms").withClass("histograms"),
                div(h3("Over time (percentile bands)"),
                        label("Layer").attr("for", "distribution-layer"),
                        select().withId("distribution-layer"), Pages.pngButton("distribution-chart", "weight percentile"))
                        .withClass("row-head"),
                chartBox("distribution-chart", "Weight percentiles over epochs", "medium"),
                p("Bands from the outside in: min–max, 7–93 %, 16–84 %, 31–69 %; the line is the median (TensorBoard’s distribution view).")
                        .withClass("caption"))
                .withId("weights").withClass("card").attr("aria-labelledby", "weights-title");
    }

    private static DomContent initialization() {
        return section(
                h2("Initialization: activations and gradients").withId("init-title"),
                h3("Activation histogram per layer (probe batch)"),
                div().withId("activation-histograms").withClass("histograms"),
                div(table().withId("activation-table").withClass("numbers-table")).withClass("table-scroll"),
                Pages.chartHead("Gradient norm ‖∂J/∂W‖ per layer", "gradient-chart", "gradient norm"),
                chartBox("gradient-chart", "Gradient norm per layer over epochs", "medium"))
                .withId("init").withClass("card").attr("aria-labelledby", "init-title");
    }

    private static DomContent network() {
        return section(
                h2("The network").withId("network-title"),
                div().withId("network-diagram").withClass("network").attr("role", "img").attr("aria-labelledby", "network-title"),
                p("Link width follows |w|; orange is positive, blue negative; a weight that is exactly 0 is not drawn.")
                        .withClass("caption"),
                p().withId("network-caption").withClass("caption"))
                .withId("network").withClass("card").attr("aria-labelledby", "network-title");
    }
}
