package org.gaplab.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaplab.data.Datasets;
import org.gaplab.geometry.LandscapeQuery;
import org.gaplab.geometry.LandscapeSentences;
import org.gaplab.geometry.LandscapeView;
import org.gaplab.geometry.TwoWeightProblem;
import org.gaplab.lessons.Lesson;
import org.gaplab.protocol.Json;
import org.gaplab.settings.Setting;
import org.gaplab.training.TrainingConfig;

/**
 * {@code train --preset} for a landscape lesson: nothing trains; the two-weight view is computed as the page computes
 * it, at the lesson's λ₁, λ₂ and α and on its data (another {@code --seed} draws other data). Its numbers go to
 * stdout as one {@code landscape} JSON line (w*, the exact minimum, the λ₁ at which L1 zeroes each weight, both
 * paths, the update rules' last steps), and its sentences to stderr, above the numbers they name.
 */
final class LandscapeSummary {
    /** The grid the command asks for: the picture's contours are not printed, only what the sentences name. */
    private static final String GRID = "11";

    private LandscapeSummary() { }

    static void print(Lesson lesson, TrainingConfig config, PrintStream out, PrintStream err) {
        TwoWeightProblem problem = TwoWeightProblem.of(Datasets.load(config.data()).train(), TrainingConfig.L2.max());
        LandscapeQuery query = LandscapeQuery.parse(Map.of(TrainingConfig.L1.name(), Setting.plain(config.l1()),
                TrainingConfig.L2.name(), Setting.plain(config.l2()),
                TrainingConfig.LEARNING_RATE.name(), Setting.plain(config.learningRate()), LandscapeQuery.GRID.name(), GRID), problem);
        LandscapeView view = LandscapeView.of(problem, query);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "landscape");
        line.put("lesson", lesson.id());
        line.put("seed", config.data().seed());
        line.put(TrainingConfig.L1.name(), query.l1());
        line.put(TrainingConfig.L2.name(), query.l2());
        line.put(TrainingConfig.LEARNING_RATE.name(), query.learningRate());
        line.put("penalty", view.penalty());
        line.put("optimum", view.optimum());
        line.put("minimum", view.minimum());
        line.put("zeroFrom", view.paths().l1().zeroFrom());
        line.put("marked", view.paths().marked());
        line.put("band", view.band());
        line.put("paths", view.paths());
        line.put("trails", view.trails().stream().map(t -> new TrailEnd(t.name(), t.w1()[t.steps()], t.w2()[t.steps()]))
                .toList());
        line.put("sentences", view.sentences());
        out.println(Json.write(line));

        err.println(lesson.title() + " (seed " + config.data().seed() + ")");
        for (String sentence : List.of(view.sentences().path(), view.sentences().minimum(), view.sentences().steps())) {
            err.println("  " + sentence);
        }
        double[] zeroFrom = view.paths().l1().zeroFrom();
        row(err, "w* (J's own minimum)", pair(view.optimum().w1(), view.optimum().w2()));
        row(err, "minimum at λ₁ " + number(query.l1()) + ", λ₂ " + number(query.l2()), pair(view.minimum().w1(), view.minimum().w2()));
        row(err, "L1 zeroes w₁ from λ₁", number(zeroFrom[0]));
        row(err, "L1 zeroes w₂ from λ₁", number(zeroFrom[1]));
        row(err, "L2's smallest |w₁|, |w₂| (λ₂ ≤ " + number(TrainingConfig.L2.max()) + ")",
                pair(view.paths().l2().smallestMagnitude(0), view.paths().l2().smallestMagnitude(1)));
        row(err, "subgradient band [−α(λ₁ + g), α(λ₁ − g)]", pair(view.band().low(), view.band().high()));
        for (var trail : view.trails()) row(err, trail.name() + " after " + trail.steps() + " steps",
                pair(trail.w1()[trail.steps()], trail.w2()[trail.steps()]));
        err.flush();
    }

    private static void row(PrintStream err, String label, String value) {
        err.printf("  %-40s %s%n", label, value);
    }

    private static String pair(double a, double b) {
        return "(" + number(a) + ", " + number(b) + ")";
    }

    private static String number(double value) {
        return LandscapeSentences.number(value);
    }

    /** Where an update rule's trail ended; a record, so its keys keep this order (a Map.of's order changes per run). */
    public record TrailEnd(String name, double w1, double w2) { }
}
