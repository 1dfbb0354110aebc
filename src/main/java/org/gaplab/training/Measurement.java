package org.gaplab.training;

import java.util.function.BooleanSupplier;
import org.gaplab.data.DataSplits;

/**
 * The three splits measured a chunk at a time for a trainer's next report, so that a long measurement can span
 * several turns of a server and still give the bits of one measured at once.
 */
final class Measurement {
    /** Whether this measures the untrained network (epoch 0): training may begin without it. */
    final boolean initial;
    private final Evaluator.Tally[] tallies;
    private final DataSplits data;
    private int current;

    Measurement(Evaluator evaluator, DataSplits data, boolean initial) {
        this.initial = initial;
        this.data = data;
        this.tallies = new Evaluator.Tally[] {evaluator.tally(data.train(), data.classes()),
                evaluator.tally(data.validation(), data.classes()), evaluator.tally(data.test(), data.classes())};
    }

    /** Measures chunks until all three splits are done (true) or time is up; the first chunk is always measured. */
    boolean advance(BooleanSupplier timeUp, boolean first) {
        for (; current < tallies.length; current++) {
            while (!tallies[current].isDone()) {
                if (!first && timeUp.getAsBoolean()) return false;
                first = false;
                tallies[current].measureChunk();
            }
        }
        return true;
    }

    long rowsDone() {
        long done = 0;
        for (Evaluator.Tally tally : tallies) done += tally.rowsDone();
        return done;
    }

    long rows() {
        return (long) data.train().size() + data.validation().size() + data.test().size();
    }

    /** Train, validation and test, in that order. */
    Evaluator.Result[] results() {
        return new Evaluator.Result[] {tallies[0].result(), tallies[1].result(), tallies[2].result()};
    }
}
