package org.gaplab.verdicts;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.Trainer;

/**
 * What one run on one seed showed, reduced to what verdicts speak of: its untrained network, its best epoch by
 * validation loss, its latest epoch, the model as it stands (the best epoch's, when early stopping restored it), how it
 * ended, the mean of its last few epochs, a few numbers kept over every epoch, and facts read off its final weights.
 * Kept small on purpose: a session holds one per run and seed, and never every epoch's full report.
 *
 * @param initial the untrained network (epoch 0)
 * @param best    the trained epoch with the lowest validation loss (a choice made on validation data); null before
 *                the first epoch
 * @param latest  the newest trained epoch; null before the first
 * @param model   the model as it stands: the restored best epoch after early stopping, else {@code latest}
 * @param end     how it ended, or null while it trains
 * @param recent  the means of the last {@link #RECENT} epochs' validation loss and accuracy, with the newest epoch
 * @param largestGradient the largest weight-gradient norm of any layer in any epoch, the untrained one included; NaN
 *                        when some epoch's report did not probe the layers (a maximum over fewer epochs would pass
 *                        for one over all)
 * @param fewestZeros     the smallest share of exactly-zero weights in any epoch, the untrained one included
 * @param facts   what the final weights say (null while it trains)
 */
public record RunOutcome(EpochReport initial, EpochReport best, EpochReport latest, EpochReport model, RunEnd end,
                         Recent recent, double largestGradient, double fewestZeros, ModelFacts facts) {
    /** How many of the newest epochs {@link #recent} averages. */
    public static final int RECENT = 5;

    /** The mean validation loss and accuracy of the newest epochs, and the newest epoch's number. */
    public record Recent(int epoch, double validationLoss, double validationAccuracy) { }

    public RunOutcome {
        Objects.requireNonNull(initial, "initial");
    }

    /** Whether at least one epoch was trained. */
    public boolean trained() {
        return latest != null;
    }

    /** Whether the model as it stands is an earlier epoch's, restored by early stopping. */
    public boolean restored() {
        return end != null && end.restoredBestWeights();
    }

    /** A run's outcome as it trains: fed every report, then its end. */
    public static final class Tally {
        private final EpochReport initial;
        private final Deque<EpochReport> recent = new ArrayDeque<>(RECENT);
        private EpochReport best;
        private EpochReport latest;
        private RunEnd end;
        private ModelFacts facts;
        private double largestGradient;
        private double fewestZeros;

        public Tally(EpochReport initial) {
            this.initial = Objects.requireNonNull(initial, "initial");
            this.largestGradient = largestGradient(initial);
            this.fewestZeros = initial.sparsity().zeroFraction();
        }

        /** A trained epoch's report. */
        public void epoch(EpochReport report) {
            if (best == null || report.losses().validation() < best.losses().validation()) best = report;
            latest = report;
            if (recent.size() == RECENT) recent.removeFirst();
            recent.addLast(report);
            largestGradient = Math.max(largestGradient, largestGradient(report));
            fewestZeros = Math.min(fewestZeros, report.sparsity().zeroFraction());
        }

        /** The run ended; its trainer still holds the final weights. */
        public void end(RunEnd ended, Trainer trainer) {
            end = ended;
            facts = ModelFacts.of(trainer);
        }

        public boolean ended() {
            return end != null;
        }

        public RunOutcome outcome() {
            EpochReport model = end != null && end.finalReport() != null ? end.finalReport() : latest;
            Recent mean = null;
            if (!recent.isEmpty()) {
                double loss = 0;
                double accuracy = 0;
                for (EpochReport report : recent) {
                    loss += report.losses().validation() / recent.size();
                    accuracy += report.accuracies().validation() / recent.size();
                }
                mean = new Recent(recent.getLast().epoch(), loss, accuracy);
            }
            return new RunOutcome(initial, best, latest, model, end, mean, largestGradient, fewestZeros, facts);
        }

        private static double largestGradient(EpochReport report) {
            return report.layers().stream().mapToDouble(l -> l.probe().gradientNorm()).max().orElse(0);
        }
    }
}
