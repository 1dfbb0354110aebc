package org.gaplab.view;

import static j2html.TagCreator.a;
import static j2html.TagCreator.button;
import static j2html.TagCreator.canvas;
import static j2html.TagCreator.dd;
import static j2html.TagCreator.div;
import static j2html.TagCreator.dl;
import static j2html.TagCreator.dt;
import static j2html.TagCreator.each;
import static j2html.TagCreator.figcaption;
import static j2html.TagCreator.figure;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.input;
import static j2html.TagCreator.label;
import static j2html.TagCreator.li;
import static j2html.TagCreator.option;
import static j2html.TagCreator.output;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.select;
import static j2html.TagCreator.span;
import static j2html.TagCreator.ul;

import j2html.tags.DomContent;
import java.util.List;
import org.gaplab.data.DataSpec;
import org.gaplab.geometry.LandscapeQuery;
import org.gaplab.geometry.Trail;
import org.gaplab.lessons.Lessons;
import org.gaplab.training.TrainingConfig;

/**
 * The "why L1 gives zeros" view: the two-weight loss with the penalty's ball and the exact minimum on a canvas, the
 * L1 and L2 paths side by side, the optimizer's steps from a start the learner drags, and the sentences the server
 * writes from the numbers. Its ranges, penalties and rules are rendered here from the Java that checks them.
 */
final class LandscapePanel {
    /** A penalty the view offers: its value, its label, and the config keys that take the slider's λ. */
    private record Choice(String value, String label, String uses) { }

    private static final List<Choice> PENALTIES = List.of(
            new Choice("l1", "L1: λ₁·Σ|w| (the diamond)", TrainingConfig.L1.name()),
            new Choice("l2", "L2: (λ₂/2)·Σw² (the circle)", TrainingConfig.L2.name()),
            new Choice("elastic-net", "Elastic net: λ₁ = λ₂ = λ", TrainingConfig.L1.name() + " " + TrainingConfig.L2.name()));

    /** One update rule's legend: its id (as the server names its steps), its words, its colour. */
    private record Rule(Trail.Rule rule, String label, String colour) { }

    private static final List<Rule> RULES = List.of(
            new Rule(Trail.Rule.SGD_SUBGRADIENT, "SGD, plain subgradient L1", "#D55E00"),
            new Rule(Trail.Rule.SGD_CLIP, "SGD, L1 clip at zero", "#0072B2"),
            new Rule(Trail.Rule.SGD_L2, "SGD, L2", "#009E73"),
            new Rule(Trail.Rule.ADAM_CLIP, "Adam, L1 clip at zero", "#CC79A7"));

    private LandscapePanel() { }

    static DomContent panel() {
        DataSpec data = Lessons.WHY_L1_ZEROS.config().data();
        return section(
                div(h2("Why L1 gives zeros, seen").withId("landscape-title"),
                        p("J(w₁, w₂) is the mean logistic loss over the " + data.trainSize() + " training points of "
                                + data.dataset() + " (noise " + Controls.plain(data.noise()) + "), on the correlated inputs "
                                + String.join(" and ", data.inputFeatures()) + " (standardized), with the bias held at 0. "
                                + "The objective is J + (λ₂/2)‖w‖² + λ₁‖w‖₁; every number here is computed by the engine.")
                                .withClass("note")).withClass("landscape-head"),
                controls(),
                div(plot(), side()).withClass("landscape-body"))
                .withId("landscape-panel").withClass("landscape").attr("aria-labelledby", "landscape-title")
                .attr("data-testid", "landscape").attr("data-grid", LandscapeQuery.GRID.defaultInt()).attr("hidden", "");
    }

    private static DomContent controls() {
        var lambda = TrainingConfig.L1;
        var rate = TrainingConfig.LEARNING_RATE;
        var steps = LandscapeQuery.STEPS;
        return div(
                label("Penalty").attr("for", "landscape-penalty"),
                select(each(PENALTIES, c -> option(c.label()).withValue(c.value()).attr("data-uses", c.uses())))
                        .withId("landscape-penalty").attr("data-testid", "landscape-penalty"),
                label("λ").attr("for", "landscape-lambda"),
                input().withType("range").withId("landscape-lambda").attr("data-testid", "landscape-lambda")
                        .withMin(Controls.plain(lambda.min())).withMax(Controls.plain(lambda.max())).attr("step", "0.001")
                        .withValue("0"),
                output("0").withId("landscape-lambda-value").attr("for", "landscape-lambda"),
                label("α").attr("for", "landscape-alpha"),
                input().withType("number").withId("landscape-alpha").withMin(Controls.plain(rate.min()))
                        .withMax(Controls.plain(rate.max())).attr("step", "any").withValue(Controls.plain(rate.defaultNumber()))
                        .attr("title", "Step size α of the optimizer's steps (the config's learning rate)"),
                label("Steps").attr("for", "landscape-steps"),
                input().withType("number").withId("landscape-steps").withMin(String.valueOf(steps.min()))
                        .withMax(String.valueOf(steps.max())).attr("step", "1").withValue(String.valueOf(steps.defaultInt())),
                button("Default start").withType("button").withId("landscape-restart")
                        .attr("title", "Put the optimizer's start back where it was (drag the white dot, or use the arrow keys on the picture)"),
                a("← back to the lesson").withId("landscape-back").withHref("./")
                        .attr("data-default", Lessons.L1_SPARSITY.id()).attr("data-testid", "landscape-back"),
                output().withId("landscape-error").withClass("landscape-error").attr("role", "alert"))
                .withClass("landscape-controls").attr("role", "group").attr("aria-label", "Penalty, λ and the optimizer");
    }

    private static DomContent plot() {
        return figure(
                canvas().withId("landscape-plot").attr("tabindex", "0").attr("role", "img").attr("data-testid", "landscape-plot")
                        .attr("aria-label", "Contours of J and of J + penalty over (w₁, w₂), the penalty's ball, both minima, "
                                + "both paths and the optimizer's steps; arrow keys move the start"),
                figcaption(ul(
                        li(span().withClass("swatch contour-j"), span("contours of J")),
                        li(span().withClass("swatch contour-total"), span("contours of J + penalty")),
                        li(span().withClass("swatch ball"), span("penalty's level set through the minimum")),
                        li(span("×").withClass("mark"), span("w*, J's own minimum")),
                        li(span("●").withClass("mark"), span("regularized minimum")),
                        li(span().withClass("swatch path-l1"), span("L1 path")),
                        li(span().withClass("swatch path-l2"), span("L2 path")),
                        each(RULES, r -> li(label(input().withType("checkbox").attr("checked", "")
                                        .attr("data-trail", r.rule().id()).attr("data-colour", r.colour())
                                        .attr("aria-label", "Show the steps of " + r.label()),
                                span().withClass("swatch").attr("style", "background:" + r.colour()),
                                span(r.label())))))
                        .withClass("landscape-legend").attr("data-testid", "landscape-legend")))
                .withClass("landscape-plot");
    }

    private static DomContent side() {
        return div(
                dl(
                        dt("w*"), dd(output().withId("landscape-optimum")),
                        dt("Minimum"), dd(span("w₁ = "), output().withId("landscape-w1").attr("data-testid", "landscape-w1"),
                                span(", w₂ = "), output().withId("landscape-w2").attr("data-testid", "landscape-w2")),
                        dt("J, penalty"), dd(output().withId("landscape-objective")),
                        dt("Subgradient band"), dd(output().withId("landscape-band")))
                        .withClass("landscape-readout"),
                p().withId("landscape-minimum-sentence").withClass("landscape-sentence").attr("data-testid", "landscape-minimum-sentence")
                        .attr("aria-live", "polite"),
                div(div(h3("L1 path: w against λ₁"), Pages.chartBox("landscape-l1-path", "L1 regularization path", "landscape-l1-path", "path-box")),
                        div(h3("L2 path: w against λ₂"), Pages.chartBox("landscape-l2-path", "L2 regularization path", "landscape-l2-path", "path-box")))
                        .withClass("landscape-paths"),
                p().withId("landscape-path-sentence").withClass("landscape-sentence").attr("data-testid", "landscape-path-sentence"),
                div(div(h3("The first weight L1 zeroes, step by step"),
                                Pages.chartBox("landscape-steps-chart", "The weight L1 zeroes first at each step of each update rule",
                                        "landscape-steps-chart", "steps-box")),
                        p().withId("landscape-steps-sentence").withClass("landscape-sentence")
                                .attr("data-testid", "landscape-steps-sentence"))
                        .withClass("landscape-steps"))
                .withClass("landscape-side");
    }
}
