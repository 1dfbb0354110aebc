package org.gaplab.protocol;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.settings.Setting;
import org.gaplab.settings.SettingValues;
import org.gaplab.training.ConfigSchema;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.TrainingConfig;

/**
 * The settings an {@code update} changes, read and checked once where the message is parsed: every key known, every
 * value of its kind and in its range. {@link #applyTo} is the one check that they are live; what it returns the
 * trainer takes as it is.
 *
 * @param values the new values, typed, in the config's order
 * @param sent   the changes as the browser sent them, for the run's checkpoint (docs/PROTOCOL.md, "Checkpoints")
 */
public record LiveChange(SettingValues values, Map<String, Object> sent) {
    public static final LiveChange NONE = new LiveChange(SettingValues.defaults(java.util.List.of()), Map.of());

    public LiveChange {
        Objects.requireNonNull(values, "values");
        sent = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sent));
    }

    /** An update's {@code config}: nested or dotted keys; refused naming the first unknown key or bad value. */
    public static LiveChange read(Map<String, Object> config) {
        try {
            return new LiveChange(ConfigValues.read(config), config);
        } catch (InvalidSettingException e) {
            throw ProtocolError.invalid(e);
        }
    }

    public boolean isEmpty() { return values.settings().isEmpty(); }

    /**
     * {@code current} with these values: refuses a new value of a setting that is not live (sending one unchanged is
     * fine), naming the setting, and a combination that makes no valid config (new layers against per-layer rates).
     */
    public TrainingConfig applyTo(TrainingConfig current) {
        SettingValues now = ConfigValues.all(current);
        for (Setting setting : values.settings()) {
            if (!setting.live() && !Objects.equals(values.json(setting), now.json(setting))) {
                throw ProtocolError.needsReset(new InvalidSettingException(setting.name(), values.json(setting), "a live setting"));
            }
        }
        try {
            return ConfigValues.apply(current, values);
        } catch (InvalidSettingException e) {
            throw ProtocolError.invalid(e);
        }
    }

    /** The change without the settings under these config keys ("l2", or "augmentation" for all its fields). */
    public LiveChange without(Collection<String> keys) {
        SettingValues kept = SettingValues.defaults(java.util.List.of());
        for (Setting setting : values.settings()) {
            if (!keys.contains(ConfigSchema.outer(setting.name()).orElse(setting.name()))) kept = kept.plus(setting, values.json(setting));
        }
        Map<String, Object> keptSent = new LinkedHashMap<>(sent);
        keptSent.keySet().removeIf(key -> keys.contains(ConfigSchema.outer(key).orElse(key)));
        return new LiveChange(kept, keptSent);
    }
}
