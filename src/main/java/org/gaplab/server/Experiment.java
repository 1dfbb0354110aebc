package org.gaplab.server;

import java.util.Map;

/**
 * What a session trains and streams to its browser: one run ({@link LiveRun}), an A/B comparison
 * ({@link LiveComparison}) or a sweep ({@link LiveSweep}). Whichever it is, it takes the session's one fair share:
 * the session calls {@link #advance} once per turn. Used only on the session's slice, one thread at a time.
 */
interface Experiment extends AutoCloseable {

    /** Tells the browser what was built ({@code reason} "start" or "reset") and shows it untrained (epoch 0). */
    void announce(String reason, boolean running, double speed);

    /**
     * Trains the smallest step (one epoch; of both runs of a comparison; of one run of a sweep) and queues it. With
     * {@code stopsAfter} no epoch follows soon (a step, a pause), so the views are drawn whatever their cadence.
     */
    void advance(boolean stopsAfter);

    /** What the step button does: one epoch of every run still training. */
    default void step() {
        advance(true);
    }

    /** Takes new values for live settings at the next epoch and tells the browser what is now in effect. */
    void update(Map<String, Object> changes, double speed);

    /** The same thing from its start, on the same data: the same seed gives the same first frame. */
    Experiment rebuilt();

    /** The {@code model} message: weights, config and seed of every run, within the export limit. */
    Map<String, Object> export();

    boolean isFinished();

    /** How it ended, for a refusal to go on. */
    String endReason();

    /** Epochs trained so far (all runs together), for the logs. */
    int epochs();

    /** What it is, as {@code key=value} pairs for the start log line. */
    String describe();

    @Override
    void close();
}
