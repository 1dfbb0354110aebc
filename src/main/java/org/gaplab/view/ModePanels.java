package org.gaplab.view;

import static j2html.TagCreator.button;
import static j2html.TagCreator.canvas;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.input;
import static j2html.TagCreator.label;
import static j2html.TagCreator.nav;
import static j2html.TagCreator.ol;
import static j2html.TagCreator.option;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.select;
import static j2html.TagCreator.span;
import static j2html.TagCreator.table;
import static j2html.TagCreator.ul;

import j2html.tags.DomContent;
import j2html.tags.Tag;
import j2html.tags.specialized.DivTag;
import java.util.List;
import org.gaplab.data.DataSpec;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.gaplab.training.Sweep;

/**
 * The three things a learner can train (one run, an A/B comparison, a sweep of one setting) as tabs, and the panels
 * of the comparison and the sweep. The one-run panel is the page's original cards.
 */
final class ModePanels {
    private ModePanels() { }

    static DomContent tabs() {
        return nav(
                tab("run", "One run", true),
                tab("compare", "Compare A/B", false),
                tab("sweep", "Sweep a setting", false))
                .withClass("modes").attr("role", "tablist").attr("aria-label", "What to train");
    }

    private static DomContent tab(String mode, String title, boolean selected) {
        return button(title).withType("button").withId("mode-" + mode).attr("role", "tab").attr("data-mode", mode)
                .attr("data-testid", "mode-" + mode).attr("aria-controls", mode + "-panel")
                .attr("aria-selected", String.valueOf(selected)).attr("tabindex", selected ? "0" : "-1");
    }

    /** Settings a comparison may change: anything but the data and the seed, which both runs must share. */
    static List<Setting> comparable() {
        List<String> data = DataSpec.SETTINGS.stream().map(Setting::name).toList();
        return ConfigSchema.all().stream().filter(s -> !data.contains(s.name()) && !s.name().equals("seed")).toList();
    }

    static DomContent comparePanel() {
        return section(
                div(
                        h2("Run B is run A with these changes").withId("compare-setup-title"),
                        p("Run A uses the settings at the left. Both runs share the seed, the data split and (when the "
                                + "layers match) the initial weights, and train in lockstep, epoch by epoch.").withClass("note"),
                        div(span("Quick changes:").withClass("quick-label"),
                                quick("l2", "L2 on/off"), quick("l1", "L1 on/off"), quick("dropout", "Dropout 0 / 0.5"),
                                quick("init", "Xavier / too-large init"), quick("augmentation", "Augmentation on/off"))
                                .withClass("quick").attr("role", "group").attr("aria-label", "Quick changes for run B"),
                        ul().withId("compare-changes").withClass("changes").attr("aria-label", "Run B's changes"),
                        div(label("Change another setting").attr("for", "compare-key"),
                                select(each(comparable(), s -> option(Labels.setting(s.name())).withValue(s.name())))
                                        .withId("compare-key"),
                                button("Add").withType("button").withId("compare-add"))
                                .withClass("add-change"),
                        p().withId("compare-edits").withClass("note").attr("hidden", ""),
                        p().withId("compare-differences").withClass("differences").attr("data-testid", "compare-differences")
                                .attr("aria-live", "polite"))
                        .withClass("card wide compare-setup").attr("aria-labelledby", "compare-setup-title"),
                div(table().withId("compare-table").withClass("numbers-table compare-table"))
                        .withClass("card wide table-scroll").attr("role", "region").attr("aria-label", "Run A and run B now"),
                section(
                        h2("Loss and accuracy, A and B").withId("compare-curves-title"),
                        div(
                                div(Pages.chartHead("Data loss", "compare-loss-chart", "A/B loss"),
                                        chartBox("compare-loss-chart", "Loss of runs A and B over epochs")).withClass("half"),
                                div(Pages.chartHead("Accuracy", "compare-accuracy-chart", "A/B accuracy"),
                                        chartBox("compare-accuracy-chart", "Accuracy of runs A and B over epochs")).withClass("half"))
                                .withClass("pair"),
                        p(span("Solid").withClass("key-solid"), span(": validation; "), span("dashed").withClass("key-dashed"),
                                span(": training. "), span("Blue shading").withClass("key-gap-a"), span(": A’s gap; "),
                                span("orange hatching").withClass("key-gap-b"), span(": B’s gap."))
                                .withClass("legend-note"))
                        .withClass("card wide").attr("aria-labelledby", "compare-curves-title"),
                div(
                        section(
                                h2("Weights, A and B").withId("compare-weights-title"),
                                h3("Histogram per layer, overlaid"),
                                div().withId("compare-histograms").withClass("histograms"),
                                Pages.chartHead("Weights exactly 0", "compare-zero-chart", "A/B exact-zero fraction"),
                                chartBox("compare-zero-chart", "Fraction of weights exactly zero, runs A and B")
                                        .withClass("chart-box medium"))
                                .withClass("card").attr("aria-labelledby", "compare-weights-title"),
                        section(
                                h2("What each model sees").withId("compare-pictures-title"),
                                div(picture("a", "Run A"), picture("b", "Run B")).withClass("side-by-side"),
                                p().withId("compare-pictures-note").withClass("caption"))
                                .withClass("card").attr("aria-labelledby", "compare-pictures-title"))
                        .withClass("cards"))
                .withId("compare-panel").attr("role", "tabpanel").attr("aria-labelledby", "mode-compare").attr("hidden", "");
    }

    private static DomContent quick(String name, String title) {
        return button(title).withType("button").attr("data-quick", name).attr("aria-pressed", "false");
    }

    /** One run's decision boundary (2-D sets) or first-layer weight pictures (image sets). */
    private static DomContent picture(String run, String title) {
        return div(
                h3(title).withId("compare-picture-title-" + run).withClass("run-" + run),
                div(canvas().withId("compare-boundary-" + run).attr("width", "280").attr("height", "280")
                        .attr("role", "img").attr("aria-labelledby", "compare-picture-title-" + run)).withClass("square boundary-box"),
                div(canvas().withId("compare-weights-" + run).attr("role", "img")
                        .attr("aria-labelledby", "compare-picture-title-" + run)).withClass("image-grid"),
                p().withId("compare-boundary-caption-" + run).withClass("caption"))
                .withClass("picture").attr("data-run", run);
    }

    static DomContent sweepPanel() {
        return section(
                div(
                        h2("Train one run per value of one setting").withId("sweep-setup-title"),
                        div(
                                field("Setting", "sweep-param", select(each(Sweep.PARAMETERS, name -> option(Labels.setting(name)).withValue(name)))
                                        .attr("data-testid", "sweep-param")),
                                field("Pick values by", "sweep-search", select(option("log grid").withValue("grid"),
                                        option("random search (log-uniform)").withValue("random"),
                                        option("a list").withValue("values"))),
                                field("From", "sweep-from", input().withType("text").withClass("number-box")
                                        .attr("inputmode", "decimal")).withClass("field range-field"),
                                field("To", "sweep-to", input().withType("text").withClass("number-box")
                                        .attr("inputmode", "decimal")).withClass("field range-field"),
                                field("How many", "sweep-count", input().withType("number").withClass("number-box")
                                        .attr("min", "2").attr("max", "16").attr("step", "1")).withClass("field range-field"),
                                field("Values", "sweep-values", input().withType("text").withClass("list-box wide-box")
                                        .attr("inputmode", "decimal")).withClass("field values-field"))
                                .withClass("sweep-form"),
                        p("Every value trains from the same seed: the same data split and the same initial weights. The best "
                                + "value is the one with the lowest validation loss; test numbers are shown, never used to pick.")
                                .withClass("note"))
                        .withClass("card wide sweep-setup").attr("aria-labelledby", "sweep-setup-title"),
                section(
                        div(h2("Validation curve").withId("sweep-curves-title"), span().withId("sweep-best")
                                .withClass("best-badge").attr("data-testid", "sweep-best").attr("aria-live", "polite"))
                                .withClass("chart-head"),
                        div(
                                div(Pages.chartHead("Final accuracy", "sweep-accuracy-chart", "sweep accuracy"),
                                        chartBox("sweep-accuracy-chart", "Final accuracy against the swept value")).withClass("half"),
                                div(Pages.chartHead("Final data loss", "sweep-loss-chart", "sweep loss"),
                                        chartBox("sweep-loss-chart", "Final loss against the swept value")).withClass("half"))
                                .withClass("pair"),
                        div(
                                div(Pages.chartHead("Weights exactly 0 and weight norm", "sweep-weights-chart", "sweep sparsity and norm"),
                                        chartBox("sweep-weights-chart", "Exact-zero fraction and weight norm against the swept value"))
                                        .withClass("half"),
                                div(h3("Each value’s run"), ol().withId("sweep-progress").withClass("sweep-progress")
                                        .attr("aria-label", "Progress of each value's run")).withClass("half"))
                                .withClass("pair"),
                        p().withId("sweep-caption").withClass("caption").attr("aria-live", "polite"),
                        p(span("Filled points").withClass("key-solid"), span(": runs that have ended; "),
                                span("hollow").withClass("key-dashed"), span(": still training (their latest epoch). "),
                                span("Dotted line").withClass("key-best"),
                                span(": the value with the lowest validation loss, the diamond its points.")).withClass("legend-note"))
                        .withClass("card wide").attr("aria-labelledby", "sweep-curves-title"),
                div(table().withId("sweep-table").withClass("numbers-table"))
                        .withClass("card wide table-scroll").attr("role", "region").attr("aria-label", "Each value's final numbers"))
                .withId("sweep-panel").attr("role", "tabpanel").attr("aria-labelledby", "mode-sweep").attr("hidden", "");
    }

    private static DivTag field(String title, String id, Tag<?> control) {
        return div(label(title).attr("for", id), control.withId(id)).withClass("field");
    }

    private static DivTag chartBox(String id, String label) {
        return div(canvas().withId(id).attr("role", "img").attr("aria-label", label)).withClass("chart-box tall");
    }
}
