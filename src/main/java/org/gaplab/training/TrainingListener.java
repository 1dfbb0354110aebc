package org.gaplab.training;

/** Receives a run's progress: one report per epoch, then how it ended. */
public interface TrainingListener {
    void onEpoch(EpochReport report);

    void onEnd(RunEnd end);
}
