package org.gaplab.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaplab.data.DataSpec;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.settings.Setting;
import org.gaplab.settings.SettingValues;

/**
 * Converts between a {@link TrainingConfig} and plain values keyed by config name (what JSON parsers and URL codecs
 * produce): strict about types and unknown keys, missing keys take their defaults.
 */
public final class ConfigValues {
    private ConfigValues() { }

    /** Reads a config from values (Number, String, Boolean, List, Map, null); throws naming the first bad field. */
    public static TrainingConfig fromMap(Map<String, ?> values) {
        return applyTo(TrainingConfig.DEFAULTS, values);
    }

    /**
     * The config {@code base} with the given keys replaced; the same rules as {@link #fromMap}. Keys may be nested
     * ({@code "earlyStopping": {...}} or null) or dotted ({@code "earlyStopping.patience"}).
     */
    public static TrainingConfig applyTo(TrainingConfig base, Map<String, ?> values) {
        return apply(base, read(values));
    }

    /**
     * The values of the given keys, each read and checked by its setting, in the config's order: the one place JSON
     * becomes setting values. Unknown keys and bad values throw naming the field.
     */
    public static SettingValues read(Map<String, ?> values) {
        Map<String, Object> flat = flatten(values);
        SettingValues read = SettingValues.defaults(List.of());
        for (Setting setting : ConfigSchema.inConfigOrder()) {
            if (flat.containsKey(setting.name())) read = read.plus(setting, flat.get(setting.name()));
        }
        return read;
    }

    /** {@code base} with these (already checked) values replacing its own. */
    public static TrainingConfig apply(TrainingConfig base, SettingValues changes) {
        SettingValues all = all(base).with(changes);
        // Data built from seed 0: the config puts it in the world of its own seed, as a config read from JSON is.
        return new TrainingConfig(DataSpec.of(all, 0, 0), all.only(TrainingConfig.SETTINGS));
    }

    /** Every setting's value in {@code config}, the data's included. */
    public static SettingValues all(TrainingConfig config) {
        return config.data().values().plusAll(config.values());
    }

    /** Nested or dotted keys as dotted keys; a nested object given as null is switched off (or refused). */
    private static Map<String, Object> flatten(Map<String, ?> values) {
        Map<String, Object> flat = new LinkedHashMap<>();
        Map<String, String> nested = ConfigSchema.nestedObjects();
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (nested.containsKey(key)) {
                String switchName = nested.get(key) == null ? null : key + "." + nested.get(key);
                if (value == null) {
                    if (switchName == null) throw new InvalidSettingException(key, null, "an object of " + key + " settings");
                    flat.put(switchName, false);
                    continue;
                }
                if (!(value instanceof Map<?, ?> inner)) throw new InvalidSettingException(key, value, "an object or null");
                if (switchName != null) flat.put(switchName, true);
                for (Map.Entry<?, ?> field : inner.entrySet()) {
                    String name = key + "." + field.getKey();
                    requireKnown(name);
                    flat.put(name, field.getValue());
                }
            } else {
                requireKnown(key);
                flat.put(key, value);
            }
        }
        return flat;
    }

    /** The config as nested plain values: every key of docs/CONFIG.md, a switched object null when off. */
    public static Map<String, Object> toMap(TrainingConfig config) {
        SettingValues all = all(config);
        Map<String, Object> map = new LinkedHashMap<>();
        Map<String, String> nested = ConfigSchema.nestedObjects();
        for (Setting setting : ConfigSchema.inConfigOrder()) {
            String name = setting.name();
            String object = ConfigSchema.outer(name).orElse(null);
            if (object == null) {
                map.put(name, all.json(setting));
                continue;
            }
            String field = name.substring(object.length() + 1);
            String switchField = nested.get(object);
            if (switchField != null && !all.get(ConfigSchema.switchOf(object).orElseThrow())) {
                map.put(object, null);
            } else if (!field.equals(switchField)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> inner = (Map<String, Object>) map.computeIfAbsent(object, k -> new LinkedHashMap<>());
                inner.put(field, all.json(setting));
            }
        }
        return map;
    }

    private static void requireKnown(String name) {
        if (ConfigSchema.find(name).isEmpty()) {
            throw new InvalidSettingException(name, "(unknown key)", "one of the keys in docs/CONFIG.md");
        }
    }
}
