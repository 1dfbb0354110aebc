package org.gaplab.training;

/**
 * How a run ended. {@code finalReport} holds the metrics of the model as it stands at the end (after restoring the
 * best weights, when that happened); it is null only when the run diverged before its first epoch completed.
 */
public record RunEnd(Reason reason, int epochs, int bestEpoch, boolean restoredBestWeights, String message,
                     EpochReport finalReport) {

    /** Why training stopped. */
    public enum Reason {
        FINISHED("finished"), EARLY_STOPPED("early-stopped"), DIVERGED("diverged");

        private final String configName;

        Reason(String configName) { this.configName = configName; }

        public String configName() { return configName; }
    }
}
