package org.gaplab.server.live;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.gaplab.server.safety.MemoryBudget;
import org.gaplab.protocol.LiveChange;
import org.gaplab.training.EpochProgress;

/**
 * What a session trains and streams to its browser: one run ({@link LiveRun}), an A/B comparison
 * ({@link LiveComparison}) or a sweep ({@link LiveSweep}). Whichever it is, it takes the session's one fair share,
 * and its work comes in pieces no longer than a minibatch or a measured chunk: {@link #advance} works on the next
 * step until the session's turn is over, and the next turn goes on from there. Used only on the session's slice.
 */
interface Experiment extends AutoCloseable {

    /** Tells the browser what was built ({@code reason} "start", "reset" or "restore"); epoch 0 follows from advance. */
    void announce(String reason, boolean running, double speed);

    /**
     * Works until the next step is done or {@code timeUp} says stop, at least one minibatch or chunk: first the
     * untrained network's report (epoch 0), then one epoch (of both runs of a comparison; of one run of a sweep).
     * Returns true when an epoch step was completed and queued. With {@code stopsAfter} no step follows soon (a step,
     * a pause), so the views are drawn whatever their cadence.
     */
    boolean advance(BooleanSupplier timeUp, boolean stopsAfter);

    /** Whether epoch 0 has been shown and no step is half done: a command that acts on the run may be handled now. */
    boolean isBetweenSteps();

    /** Epoch steps completed: a run's epochs, a comparison's lockstep epochs, all of a sweep's runs' epochs. */
    int position();

    /** How far the step in progress has come. */
    EpochProgress progress();

    /** Steps the step button trains: one epoch of every run still training. */
    default int stepSize() {
        return 1;
    }

    /**
     * Shows seed {@code index} in the report, the views and the export from now on, answered at once by a frame with
     * that seed's newest report and views; an index beyond the seeds is refused naming {@code index}.
     */
    void viewSeed(int index);

    /** Takes new values for live settings now (between steps) and tells the browser what is now in effect. */
    void update(LiveChange change, double speed);

    /**
     * The same thing from its start, on the same data and memory: the same seed gives the same first frame. This one
     * is closed and hands its data and reservation to the new one.
     */
    Experiment rebuilt();

    /** The command that builds it as it is configured now, for the checkpoint after a reset. */
    Map<String, Object> command();

    /** Weights and biases of every network it holds now (0 for a sweep, which exports nothing). */
    long parameters();

    /** The {@code model} message: weights, config and seed of every run, within the export limit. */
    Map<String, Object> export();

    boolean isFinished();

    /** How it ended, for a refusal to go on. */
    String endReason();

    /** Epochs trained so far (all runs together), for the logs. */
    int epochs();

    /** What it is, as {@code key=value} pairs for the start log line. */
    String describe();

    /** Its reservation in the memory budget (null once handed on), which a new build may take over. */
    MemoryBudget.Reservation reservation();

    /** The largest indivisible piece of its work, in multiply-adds, for scheduling. */
    long stepMacs();

    /** Frees its trainers, then its data and memory unless it handed them to a rebuilt experiment. */
    @Override
    void close();
}
