package org.gaplab.server.live;

import org.gaplab.server.safety.MemoryBudget;

/**
 * What every experiment (a run, a comparison, a sweep) does with what it holds of the server: its cached datasets and
 * its memory reservation ({@link Holdings}). It hands them to the experiment a reset builds anew, shows its
 * reservation to the next build, and frees them after its trainers when it closes.
 */
abstract class HoldingExperiment implements Experiment {
    protected final RunContext context;
    private Holdings holdings;   // null once handed to a rebuilt experiment

    /** An experiment that owns {@code holdings} from now on. */
    HoldingExperiment(RunContext context, Holdings holdings) {
        this.context = context;
        this.holdings = holdings;
    }

    /** The same experiment from its start, owning {@code handed}: the same config, data and lesson. */
    protected abstract Experiment rebuildOn(Holdings handed);

    /** Frees its trainers (its holdings are freed after them, unless handed on). */
    protected abstract void freeTrainers();

    @Override
    public final Experiment rebuilt() {
        Holdings handed = holdings;
        holdings = null;
        close();
        try {
            return rebuildOn(handed);
        } catch (RuntimeException | Error e) {
            handed.close();
            throw e;
        }
    }

    @Override
    public final MemoryBudget.Reservation reservation() {
        return holdings == null ? null : holdings.reservation();
    }

    /** Frees the trainers, then the data and memory they hold (unless a rebuilt experiment took them). */
    @Override
    public final void close() {
        freeTrainers();
        if (holdings != null) holdings.close();
    }
}
