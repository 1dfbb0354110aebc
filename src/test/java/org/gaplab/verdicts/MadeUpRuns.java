package org.gaplab.verdicts;

import java.util.ArrayList;
import java.util.List;
import org.gaplab.training.Calibration;
import org.gaplab.training.EpochReport;
import org.gaplab.training.Sparsity;
import org.gaplab.training.WeightSize;

/** Outcomes of runs that never trained: histories made up to test what the verdicts say of given numbers. */
final class MadeUpRuns {
    private MadeUpRuns() { }

    /** A report with these losses and accuracies (train, validation, test) and nothing else of note. */
    static EpochReport report(int epoch, double trainLoss, double validationLoss, double testLoss, double trainAccuracy,
                              double validationAccuracy, double testAccuracy) {
        return new EpochReport(epoch, 0.1, new EpochReport.Losses(trainLoss, validationLoss, testLoss, 0),
                new EpochReport.Accuracies(trainAccuracy, validationAccuracy, testAccuracy),
                new Sparsity(10, 10, 0, 0.001, 0), new WeightSize(1, 1, 40, 140), List.of(),
                new EpochReport.ValidationDetail(new double[0], null, Calibration.NONE), List.of());
    }

    /**
     * A run whose validation loss falls linearly to {@code best} at epoch {@code bestEpoch} and then moves to
     * {@code last} by epoch {@code epochs}; accuracy {@code accuracyAtBest} at its best and {@code lastAccuracy} at
     * the end; test numbers equal to validation's plus {@code testOffset}.
     */
    static RunOutcome run(double best, int bestEpoch, double last, int epochs, double accuracyAtBest,
                          double lastAccuracy, double testOffset) {
        RunOutcome.Tally tally = new RunOutcome.Tally(report(0, 0.7, 0.7, 0.7, 0.5, 0.5, 0.5));
        for (int e = 1; e <= epochs; e++) {
            double loss = e <= bestEpoch ? 0.7 + (best - 0.7) * e / bestEpoch
                    : best + (last - best) * (e - bestEpoch) / Math.max(1, epochs - bestEpoch);
            double accuracy = e <= bestEpoch ? 0.5 + (accuracyAtBest - 0.5) * e / bestEpoch
                    : accuracyAtBest + (lastAccuracy - accuracyAtBest) * (e - bestEpoch) / Math.max(1, epochs - bestEpoch);
            double trainLoss = 0.7 * Math.exp(-e / 20.0);
            tally.epoch(report(e, trainLoss, loss, loss + testOffset, 1 - trainLoss / 2, accuracy, accuracy));
        }
        return tally.outcome();
    }

    /** A run that ends at its best: validation loss {@code best} after 20 epochs. */
    static RunOutcome settledRun(double best) {
        return run(best, 20, best, 20, 0.8, 0.8, 0);
    }

    /** k runs, one per best validation loss. */
    static List<RunOutcome> settled(double... bests) {
        List<RunOutcome> runs = new ArrayList<>();
        for (double best : bests) runs.add(settledRun(best));
        return runs;
    }
}
