package org.gaplab.training;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs that advance together, one step at a time: a step is one part of each run still going, in order (run A's
 * epoch, then run B's), skipping a run that has ended. A step may be spread over several calls, so a server can do it
 * in time slices and the command line in one go: both comparisons ({@link Comparison} and the server's) step through
 * this one rule.
 *
 * @param <R> a run: what trains its part of a step
 */
public final class Lockstep<R extends Lockstep.Run> {
    /** One of the runs in lockstep. */
    public interface Run {
        boolean isFinished();

        /**
         * Trains this run's part of the step in progress (or a new one) until done (true) or {@code timeUp} says stop
         * (false: the part goes on at the next call).
         */
        boolean advance(BooleanSupplier timeUp);
    }

    /** A trainer as a run whose part of a step is one epoch; it keeps the report of its newest part. */
    public static final class Epochs implements Run {
        private final Trainer trainer;
        private Optional<EpochReport> report = Optional.empty();

        public Epochs(Trainer trainer) {
            this.trainer = trainer;
        }

        public Trainer trainer() { return trainer; }

        /** The report of this run's newest part: empty when it diverged in that epoch. */
        public Optional<EpochReport> report() { return report; }

        @Override
        public boolean isFinished() { return trainer.isFinished(); }

        @Override
        public boolean advance(BooleanSupplier timeUp) {
            Optional<EpochReport> epoch = trainer.runEpoch(timeUp);
            if (epoch.isEmpty() && !trainer.isFinished()) return false;   // the epoch goes on at the next call
            report = epoch;
            return true;
        }
    }

    private final List<R> runs;
    private final boolean[] stepped;
    private int training = -1;   // the index of the run whose part is in progress, −1 between steps

    public Lockstep(List<R> runs) {
        this.runs = List.copyOf(runs);
        this.stepped = new boolean[runs.size()];
    }

    public List<R> runs() { return runs; }

    /**
     * Trains the step in progress, or a new one, until it is done (true: every run still going did its part) or
     * {@code timeUp} says stop between or inside parts (false: the step goes on at the next call).
     */
    public boolean advance(BooleanSupplier timeUp) {
        if (training < 0) {
            Arrays.fill(stepped, false);
            training = nextTraining(0);
        }
        while (training < runs.size()) {
            if (!runs.get(training).advance(timeUp)) return false;
            stepped[training] = true;
            training = nextTraining(training + 1);
            if (training < runs.size() && timeUp.getAsBoolean()) return false;
        }
        training = -1;
        return true;
    }

    /** Whether no step is half done. */
    public boolean isBetweenSteps() { return training < 0; }

    /** Whether every run has ended. */
    public boolean isFinished() { return runs.stream().allMatch(Run::isFinished); }

    /** Whether run {@code index} did its part in the newest (or current) step. */
    public boolean stepped(int index) { return stepped[index]; }

    /** The run whose part of the step is in progress, else empty. */
    public Optional<R> training() {
        return training < 0 ? Optional.empty() : Optional.of(runs.get(training));
    }

    private int nextTraining(int from) {
        int index = from;
        while (index < runs.size() && runs.get(index).isFinished()) index++;
        return index;
    }
}
