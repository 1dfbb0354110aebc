package org.gaplab.server.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.server.safety.RunLimits;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.TrainingConfig;

/**
 * The settings a running session may change without a new run ({@code "live": true} in the schema), and the checks
 * that name the one it may not.
 */
final class LiveSettings {
    private LiveSettings() { }

    /**
     * The config after an {@code update}'s changes: a valid config within the server's limits that differs from
     * {@code current} only in live settings. Refuses anything else, naming the setting, before any trainer changes
     * (a comparison checks both runs' configs before it changes either).
     */
    static TrainingConfig apply(TrainingConfig current, Map<String, Object> changes, RunLimits limits) {
        requireOnlyLiveKeys(current, changes);
        TrainingConfig next;
        try {
            next = ConfigValues.applyTo(current, changes);
        } catch (InvalidSettingException e) {
            throw ProtocolError.invalid(e);
        }
        limits.requireEpochs(next);
        requireOnlyLiveChanges(current, next);
        return next;
    }

    /**
     * Refuses new values for settings that are not live before anything else is checked, so the error names what the
     * browser changed rather than a combination it made invalid (new layers with the old per-layer dropout rates).
     */
    private static void requireOnlyLiveKeys(TrainingConfig current, Map<String, Object> changes) {
        Map<String, Object> was = flat(ConfigValues.toMap(current));
        flat(changes).forEach((name, value) -> ConfigSchema.find(name).ifPresent(setting -> {
            if (!setting.live() && !sameValue(was.get(name), value)) {
                throw ProtocolError.needsReset(new InvalidSettingException(name, value, "a live setting"));
            }
        }));
    }

    /**
     * Refuses a change to any setting that is not live, naming the setting the browser changed (the trainer would
     * only name its group, e.g. "dataset" for a change of noise). Resending a value unchanged is fine.
     */
    private static void requireOnlyLiveChanges(TrainingConfig before, TrainingConfig after) {
        Map<String, Object> was = flat(ConfigValues.toMap(before));
        Map<String, Object> now = flat(ConfigValues.toMap(after));
        for (Setting setting : ConfigSchema.all()) {
            String name = setting.name();
            if (!setting.live() && !sameValue(was.get(name), now.get(name))) {
                throw ProtocolError.needsReset(new InvalidSettingException(name, now.get(name), "a live setting"));
            }
        }
    }

    /** Equal as JSON values: 1 and 1.0 are the same number. */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!sameValue(x.get(i), y.get(i))) return false;
            return true;
        }
        return Objects.equals(a, b);
    }

    /** Nested config values with dotted keys ("augmentation.shift"), as the schema names them. */
    static Map<String, Object> flat(Map<String, Object> nested) {
        Map<String, Object> flat = new LinkedHashMap<>();
        nested.forEach((key, value) -> {
            if (value instanceof Map<?, ?> inner) inner.forEach((k, v) -> flat.put(key + "." + k, v));
            else flat.put(key, value);
        });
        return flat;
    }
}
