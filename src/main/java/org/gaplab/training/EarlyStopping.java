package org.gaplab.training;

import org.gaplab.engine.Network;

/**
 * Keras's EarlyStopping, epoch by epoch: the wait counter resets only on a real improvement (better than the best by
 * more than minDelta), training stops once {@code wait ≥ patience} (never after the first epoch), and the best
 * epoch's weights are kept so they can be restored at the end whenever a best snapshot exists.
 */
final class EarlyStopping {
    private EarlyStoppingSpec spec;
    private final boolean maximize;
    private double best;
    private int bestEpoch;
    private int wait;
    private Network bestWeights;

    EarlyStopping(EarlyStoppingSpec spec) {
        this.spec = spec;
        this.maximize = spec.monitor() == EarlyStoppingSpec.Monitor.VALIDATION_ACCURACY;
        this.best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /**
     * Takes a live change of the settings. The record of the run so far (best value, its epoch and weights, the wait)
     * is kept when the same metric is still watched, so a new patience counts from the last real improvement; a
     * different monitor, or switching stopping on, starts a fresh record.
     */
    EarlyStopping adopt(EarlyStoppingSpec next) {
        if (next.monitor() != spec.monitor() || (next.enabled() && !spec.enabled())) return new EarlyStopping(next);
        spec = next;
        return this;
    }

    /**
     * Records epoch {@code epoch} (1-based) and says whether to stop now.
     *
     * @param network the current weights; copied when this epoch is the best so far
     */
    boolean shouldStop(int epoch, double validationLoss, double validationAccuracy, Network network) {
        if (!spec.enabled() || epoch <= spec.startFromEpoch()) return false;   // Keras: epoch (0-based) < start_from_epoch
        double current = maximize ? validationAccuracy : validationLoss;
        if (Double.isNaN(current)) return false;
        if (spec.restoreBestWeights() && bestWeights == null) bestWeights = network.copy();
        wait++;
        boolean improved = maximize ? current - spec.minDelta() > best : current + spec.minDelta() < best;
        if (improved) {
            best = current;
            bestEpoch = epoch;
            wait = 0;
            if (spec.restoreBestWeights()) bestWeights.copyFrom(network);
            return false;
        }
        return wait >= spec.patience() && epoch > 1;
    }

    int bestEpoch() { return bestEpoch; }

    /** Puts the best snapshot back; false when there is none or restoring is off. */
    boolean restoreBest(Network network) {
        if (!spec.restoreBestWeights() || bestWeights == null) return false;
        network.copyFrom(bestWeights);
        return true;
    }
}
