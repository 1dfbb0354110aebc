package org.gaplab.lessons;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Examples;
import org.gaplab.engine.DenseLayer;
import org.gaplab.engine.Network;
import org.gaplab.training.Comparison;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.Trainer;

/** A lesson trained for real, as the page trains it: one run, or runs A and B in lockstep from the same seed. */
final class LessonRuns {
    /** One run: its report before training, every epoch's report, how it ended, and its final weights. */
    record Run(EpochReport initial, List<EpochReport> all, RunEnd end, Network network, DataSplits data) {
        EpochReport last() { return all.get(all.size() - 1); }

        /** The epoch with the lowest validation loss. */
        EpochReport best() { return all.stream().min(Comparator.comparingDouble(EpochReport::validationLoss)).orElseThrow(); }
    }

    /** Run A and, for a comparison, run B (else null). */
    record Pair(Run a, Run b) { }

    private LessonRuns() { }

    static Pair train(Lesson lesson, long seed) {
        if (!lesson.isComparison()) {
            try (Comparison single = new Comparison(lesson.config().withSeed(seed), lesson.config().withSeed(seed))) {
                return new Pair(run(single.a()), null);
            }
        }
        try (Comparison comparison = new Comparison(lesson.config().withSeed(seed), lesson.configB().withSeed(seed))) {
            EpochReport initialA = comparison.a().initialReport();
            EpochReport initialB = comparison.b().initialReport();
            List<EpochReport> a = new ArrayList<>();
            List<EpochReport> b = new ArrayList<>();
            while (!comparison.isFinished()) {
                Comparison.Step step = comparison.step();
                step.a().ifPresent(a::add);
                step.b().ifPresent(b::add);
            }
            return new Pair(finished(comparison.a(), initialA, a), finished(comparison.b(), initialB, b));
        }
    }

    private static Run run(Trainer trainer) {
        EpochReport initial = trainer.initialReport();
        List<EpochReport> reports = new ArrayList<>();
        while (!trainer.isFinished()) trainer.runEpoch().ifPresent(reports::add);
        return finished(trainer, initial, reports);
    }

    private static Run finished(Trainer trainer, EpochReport initial, List<EpochReport> reports) {
        return new Run(initial, reports, trainer.end().orElseThrow(), trainer.network(), trainer.data());
    }

    /**
     * Of the training examples that fall in cells the run's (single-layer) model cut, the share labelled cheap
     * (class 0): cut cells should be cells that say nothing beyond the default.
     */
    static double cheapShareOfCutCells(Run run) {
        DenseLayer weights = run.network().layer(0);
        Examples train = run.data().train();
        int[] columns = train.columnIndex();
        int[] start = train.rowStart();
        int cheap = 0;
        int total = 0;
        for (int r = 0; r < train.size(); r++) {
            for (int e = start[r]; e < start[r + 1]; e++) {
                boolean cut = true;
                for (int j = 0; j < weights.fanOut(); j++) cut &= weights.weight(columns[e], j) == 0;
                if (!cut) continue;
                total++;
                if (train.labels()[r] == 0) cheap++;
            }
        }
        return total == 0 ? 1 : (double) cheap / total;
    }

    /**
     * The mean loss of the best constant guess on the run's training labels, the class frequencies:
     * −Σ_c q_c·ln q_c. A network that says the same for every input can do no better.
     */
    static double labelEntropy(Run run) {
        int[] labels = run.data().train().labels();
        int[] counts = new int[run.data().classes()];
        for (int label : labels) counts[label]++;
        double entropy = 0;
        for (int count : counts) {
            if (count == 0) continue;
            double q = (double) count / labels.length;
            entropy -= q * Math.log(q);                       // H = −Σ q ln q
        }
        return entropy;
    }

    /** Whether every hidden layer's units have the same incoming weights and bias (to 1e-9). */
    static boolean unitsAlike(Run run) {
        Network network = run.network();
        for (int l = 0; l < network.layerCount() - 1; l++) {
            DenseLayer layer = network.layer(l);
            for (int j = 1; j < layer.fanOut(); j++) {
                if (Math.abs(layer.biases()[j] - layer.biases()[0]) > 1e-9) return false;
                for (int i = 0; i < layer.fanIn(); i++) {
                    if (Math.abs(layer.weight(i, j) - layer.weight(i, 0)) > 1e-9) return false;
                }
            }
        }
        return true;
    }
}
