package org.gaplab.training;

/**
 * How far a run has come inside one epoch, for a progress bar while a long epoch trains: minibatches trained of the
 * epoch, or examples measured of the three splits for its report (epoch 0: the untrained network).
 */
public record EpochProgress(int epoch, Phase phase, long done, long total) {

    /** What the epoch is doing. */
    public enum Phase {
        TRAINING("training"), MEASURING("measuring");

        private final String configName;

        Phase(String configName) { this.configName = configName; }

        public String configName() { return configName; }
    }
}
