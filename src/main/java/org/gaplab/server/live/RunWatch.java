package org.gaplab.server.live;

import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.TrainingConfig;

/**
 * Sees a single run's epochs as they are queued for the browser, besides the browser: how a class experiment learns
 * where each learner's point is without a message per epoch. Called on the session's slice; must be quick.
 */
public interface RunWatch {
    RunWatch NONE = new RunWatch() {
        @Override public void epoch(TrainingConfig config, EpochReport report) { }
        @Override public void ended(RunEnd end) { }
    };

    /** An epoch of the run (epoch 0 when it was built or reset), with the config it trained under. */
    void epoch(TrainingConfig config, EpochReport report);

    /** The run ended by itself. */
    void ended(RunEnd end);
}
