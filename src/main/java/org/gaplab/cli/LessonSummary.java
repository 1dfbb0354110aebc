package org.gaplab.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.gaplab.lessons.Lesson;
import org.gaplab.training.EpochReport;
import org.gaplab.training.InputGroup;
import org.gaplab.training.LayerReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.TrainingConfig;

/**
 * What a lesson's runs showed, for the person at the terminal: the lesson's two sentences, then the numbers they name,
 * one column per run. It goes to stderr, so stdout stays JSON Lines a program can read; anyone trying a lesson on a
 * seed of their own reads the claim and its evidence without digging through thousands of per-layer values.
 */
final class LessonSummary {
    /** One run's numbers as it trains: its untrained network, its best trained epoch by validation loss, its end. */
    static final class Tally {
        private final String name;
        private EpochReport initial;
        private EpochReport best;
        private RunEnd end;

        Tally(String name) { this.name = name; }

        void initial(EpochReport report) { initial = report; }

        void epoch(EpochReport report) {
            if (best == null || report.losses().validation() < best.losses().validation()) best = report;
        }

        void end(RunEnd ended) { end = ended; }

        /** The numbers of a run that has trained, as its outcome holds them. */
        static Tally of(String name, org.gaplab.verdicts.RunOutcome outcome) {
            Tally tally = new Tally(name);
            tally.initial = outcome.initial();
            tally.best = outcome.best();
            tally.end = outcome.end();
            return tally;
        }
    }

    /** A row: its label and the value shown for one run (the run's best epoch and its end). */
    private record Row(String label, Function<Tally, String> value) { }

    private static final List<Row> ROWS = List.of(
            new Row("ended", t -> t.end.reason().configName() + " at epoch " + t.end.epochs()
                    + (t.end.restoredBestWeights() ? ", restored epoch " + t.end.bestEpoch() : "")),
            new Row("best val. loss (epoch)", t -> t.best == null ? "–"
                    : loss(t.best.losses().validation()) + " (" + t.best.epoch() + ")"),
            new Row("val. accuracy at best", t -> t.best == null ? "–" : percent(t.best.accuracies().validation())),
            new Row("val. loss now", t -> now(t, r -> loss(r.losses().validation()))),
            new Row("val. accuracy now", t -> now(t, r -> percent(r.accuracies().validation()))),
            new Row("train loss now", t -> now(t, r -> loss(r.losses().train()))),
            new Row("gap now (val − train)", t -> now(t, r -> loss(r.losses().gap()))),
            new Row("test accuracy now", t -> now(t, r -> percent(r.accuracies().test()))),
            new Row("weights exactly 0", t -> now(t, r -> percent(r.sparsity().zeroFraction())
                    + " (" + (r.sparsity().weightCount() - r.sparsity().nonZeroCount()) + " of " + r.sparsity().weightCount() + ")")),
            new Row("near 0: |w| < ε", t -> now(t, r -> percent(r.sparsity().nearZeroFraction())
                    + " (ε " + new BigDecimal(r.sparsity().nearZeroThreshold()).round(new MathContext(3)).stripTrailingZeros()
                    .toPlainString() + ")")),
            new Row("‖w‖₂", t -> now(t, r -> String.format(Locale.ROOT, "%.3f", r.size().l2()))),
            new Row("sparse copy / dense", t -> now(t, r -> r.size().sparseBytes() + " B / " + r.size().denseBytes() + " B")),
            new Row("hidden units cut", t -> now(t, r -> String.valueOf(r.sparsity().cutUnits()))),
            new Row("inputs cut", t -> now(t, LessonSummary::inputsCut)),
            new Row("at start, activation std by layer", t -> byLayer(t, layer -> significant(layer.probe().activationStd()))),
            new Row("at start, units saturated by layer", t -> byLayer(t, layer -> percent(layer.probe().stuckFraction()))),
            new Row("at start, gradient norm by layer", t -> byLayer(t, layer -> significant(layer.probe().gradientNorm()))));

    private LessonSummary() { }

    /** Prints the lesson, its seed and B's changes, its two sentences, then a row per number with a column per run. */
    static void print(Lesson lesson, TrainingConfig config, List<Tally> runs, PrintStream err) {
        err.println();
        err.println("Lesson " + lesson.id() + " (" + lesson.title() + "), the numbers of seed " + config.seed()
                + (lesson.isComparison() ? "; B changes " + changes(lesson) : ""));
        for (String line : lesson.watch()) err.println("  " + line);
        List<String[]> table = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of(""));
        runs.forEach(run -> head.add(run.name));
        table.add(head.toArray(String[]::new));
        for (Row row : ROWS) {
            List<String> cells = new ArrayList<>(List.of(row.label()));
            runs.forEach(run -> cells.add(run.end == null ? "–" : row.value().apply(run)));
            table.add(cells.toArray(String[]::new));
        }
        int[] widths = new int[head.size()];
        for (String[] cells : table) {
            for (int c = 0; c < cells.length; c++) widths[c] = Math.max(widths[c], cells[c].length());
        }
        for (String[] cells : table) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < cells.length; c++) {
                line.append(cells[c]).append(" ".repeat(widths[c] - cells[c].length() + 3));
            }
            err.println(line.toString().stripTrailing());
        }
        err.flush();
    }

    /** B's changes as "key = value, key = value". */
    private static String changes(Lesson lesson) {
        List<String> changes = new ArrayList<>();
        lesson.changes().forEach((key, value) -> changes.add(key + " = " + value));
        return String.join(", ", changes);
    }

    /** A value of the model as it stands at the end (the restored best epoch's, after early stopping). */
    private static String now(Tally run, Function<EpochReport, String> value) {
        return run.end.finalReport() == null ? "–" : value.apply(run.end.finalReport());
    }

    /** Inputs cut, by kind ("noise 90 of 95, informative 0 of 5"); cells never seen in training counted apart. */
    private static String inputsCut(EpochReport report) {
        List<String> groups = new ArrayList<>();
        for (InputGroup group : report.inputs()) {
            groups.add(group.kind() + (group.inTraining() ? "" : " (never in training)") + " " + group.cut() + " of "
                    + group.count());
        }
        return groups.isEmpty() ? "–" : String.join(", ", groups);
    }

    /** One value per layer of the untrained network, first layer first. */
    private static String byLayer(Tally run, Function<LayerReport, String> value) {
        if (run.initial == null) return "–";
        List<String> values = new ArrayList<>();
        for (LayerReport layer : run.initial.layers()) values.add(value.apply(layer));
        return String.join(" ", values);
    }

    /** Two significant digits: per-layer values span many orders of magnitude. */
    private static String significant(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.2g", x) : String.valueOf(x);
    }

    /** Four decimals, as the page shows a loss. */
    static String loss(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.4f", x) : String.valueOf(x);
    }

    /** A fraction as a percentage with one decimal, as the page shows it. */
    static String percent(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.1f%%", 100 * x) : String.valueOf(x);
    }
}
