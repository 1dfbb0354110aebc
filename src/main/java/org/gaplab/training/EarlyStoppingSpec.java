package org.gaplab.training;

import java.util.List;
import org.gaplab.settings.About;
import org.gaplab.settings.Scale;
import org.gaplab.settings.Setting;
import org.gaplab.settings.SettingValues;

/**
 * Early stopping with Keras semantics: watch {@code monitor} from epoch {@code startFromEpoch + 1} on; an epoch
 * improves only when it beats the best by more than {@code minDelta}; stop once {@code patience} epochs pass without
 * improvement; at the end of training, put back the best epoch's weights if {@code restoreBestWeights}.
 */
public record EarlyStoppingSpec(boolean enabled, Monitor monitor, double minDelta, int patience,
                                boolean restoreBestWeights, int startFromEpoch) {

    /** What early stopping watches; always a validation metric, never the test set. */
    public enum Monitor {
        VALIDATION_LOSS, VALIDATION_ACCURACY;

        public String configName() { return this == VALIDATION_LOSS ? "validation-loss" : "validation-accuracy"; }

        public static Monitor fromConfigName(String name) {
            return "validation-accuracy".equals(name) ? VALIDATION_ACCURACY : VALIDATION_LOSS;
        }
    }

    public static final Setting.Flag ENABLED = new Setting.Flag("earlyStopping.enabled", false,
            About.live("Stop early", "Stop when the validation metric stops improving"));
    public static final Setting.Choice MONITOR = new Setting.Choice("earlyStopping.monitor",
            List.of("validation-loss", "validation-accuracy"), "validation-loss",
            About.live("Monitor", "The validation metric to watch"));
    public static final Setting.Number MIN_DELTA = new Setting.Number("earlyStopping.minDelta", 0, 1, 0, Scale.LINEAR,
            About.live("Min delta", "An epoch must beat the best by more than this to count as an improvement"));
    public static final Setting.Integer PATIENCE = new Setting.Integer("earlyStopping.patience", 0, 1_000, 10,
            About.live("Patience (epochs)", "Epochs without improvement before stopping"));
    public static final Setting.Flag RESTORE_BEST_WEIGHTS = new Setting.Flag("earlyStopping.restoreBestWeights", true,
            About.live("Restore best weights", "At the end, put back the weights of the best epoch"));
    public static final Setting.Integer START_FROM_EPOCH = new Setting.Integer("earlyStopping.startFromEpoch", 0, 100_000, 0,
            About.live("Start from epoch", "Epochs to let pass before watching (a warm-up)"));

    public static final List<Setting> SETTINGS = List.of(ENABLED, MONITOR, MIN_DELTA, PATIENCE, RESTORE_BEST_WEIGHTS,
            START_FROM_EPOCH);

    /** Early stopping switched off ("none" is a value, not null). */
    public static final EarlyStoppingSpec OFF = new EarlyStoppingSpec(false, Monitor.VALIDATION_LOSS, 0,
            PATIENCE.defaultInt(), true, 0);

    public EarlyStoppingSpec {
        java.util.Objects.requireNonNull(monitor, "earlyStopping.monitor");
        MIN_DELTA.check(minDelta);
        PATIENCE.check(patience);
        START_FROM_EPOCH.check(startFromEpoch);
    }

    /** The early stopping these values describe. */
    public static EarlyStoppingSpec of(SettingValues v) {
        return new EarlyStoppingSpec(v.get(ENABLED), Monitor.fromConfigName(v.get(MONITOR)), v.get(MIN_DELTA),
                v.get(PATIENCE), v.get(RESTORE_BEST_WEIGHTS), v.get(START_FROM_EPOCH));
    }

    /** The values of {@link #SETTINGS}. */
    public SettingValues values() {
        return SettingValues.defaults(SETTINGS).with(ENABLED, enabled).with(MONITOR, monitor.configName())
                .with(MIN_DELTA, minDelta).with(PATIENCE, patience).with(RESTORE_BEST_WEIGHTS, restoreBestWeights)
                .with(START_FROM_EPOCH, startFromEpoch);
    }

    /** Switched on, with the given patience and the other fields as they are. */
    public static EarlyStoppingSpec on(Monitor monitor, double minDelta, int patience, boolean restoreBestWeights) {
        return new EarlyStoppingSpec(true, monitor, minDelta, patience, restoreBestWeights, 0);
    }
}
