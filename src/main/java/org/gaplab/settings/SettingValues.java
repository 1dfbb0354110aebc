package org.gaplab.settings;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checked values keyed by their settings, read back typed: {@code values.get(L2)} is a double because {@code L2} is a
 * {@link Setting.Number}. Immutable; every value went through its setting's {@code read} or {@code check}.
 */
public final class SettingValues {
    private final Map<Setting, Object> values;

    private SettingValues(Map<Setting, Object> values) {
        this.values = values;
    }

    /** Every setting at its default. */
    public static SettingValues defaults(Collection<? extends Setting> settings) {
        Map<Setting, Object> map = new LinkedHashMap<>();
        for (Setting setting : settings) map.put(setting, setting.read(setting.defaultValue()));
        return new SettingValues(map);
    }

    /** The same values with one replaced by JSON {@code value}, read and checked by its setting. */
    public SettingValues withJson(Setting setting, Object value) {
        requireKnown(setting);
        Map<Setting, Object> map = new LinkedHashMap<>(values);
        map.put(setting, setting.read(value));
        return new SettingValues(map);
    }

    /** These values and {@code setting} read from JSON {@code value} (added, or replacing its value). */
    public SettingValues plus(Setting setting, Object value) {
        Map<Setting, Object> map = new LinkedHashMap<>(values);
        map.put(setting, setting.read(value));
        return new SettingValues(map);
    }

    /** These values and all of {@code other}'s (other's replacing these where both have a setting). */
    public SettingValues plusAll(SettingValues other) {
        Map<Setting, Object> map = new LinkedHashMap<>(values);
        map.putAll(other.values);
        return new SettingValues(map);
    }

    public SettingValues with(Setting.Integer setting, int value) { return put(setting, setting.check(value)); }

    public SettingValues with(Setting.Number setting, double value) { return put(setting, setting.check(value)); }

    public SettingValues with(Setting.Choice setting, String value) { return put(setting, setting.check(value)); }

    public SettingValues with(Setting.Flag setting, boolean value) { return put(setting, value); }

    /** The same values with those of {@code other} replacing theirs (every setting of other must be here). */
    public SettingValues with(SettingValues other) {
        Map<Setting, Object> map = new LinkedHashMap<>(values);
        other.values.forEach((setting, value) -> {
            requireKnown(setting);
            map.put(setting, value);
        });
        return new SettingValues(map);
    }

    /** The values of these settings only, in this order. */
    public SettingValues only(Collection<? extends Setting> settings) {
        Map<Setting, Object> map = new LinkedHashMap<>();
        for (Setting setting : settings) {
            requireKnown(setting);
            map.put(setting, values.get(setting));
        }
        return new SettingValues(map);
    }

    private SettingValues put(Setting setting, Object checked) {
        requireKnown(setting);
        Map<Setting, Object> map = new LinkedHashMap<>(values);
        map.put(setting, checked);
        return new SettingValues(map);
    }

    private void requireKnown(Setting setting) {
        if (!values.containsKey(setting)) throw new IllegalArgumentException("no setting " + setting.name() + " here");
    }

    public boolean has(Setting setting) { return values.containsKey(setting); }

    /** The settings held, in order. */
    public List<Setting> settings() { return List.copyOf(values.keySet()); }

    /** The value as JSON writes it (Integer, Double, String, Boolean or a List of them). */
    public Object json(Setting setting) {
        Object value = value(setting);
        return setting instanceof Setting.NumberList list ? list.json(doubles(value)) : value;
    }

    public int get(Setting.Integer setting) { return (java.lang.Integer) value(setting); }

    public double get(Setting.Number setting) { return (Double) value(setting); }

    public String get(Setting.Choice setting) { return (String) value(setting); }

    public boolean get(Setting.Flag setting) { return (Boolean) value(setting); }

    @SuppressWarnings("unchecked")
    public List<java.lang.Integer> get(Setting.IntegerList setting) { return (List<java.lang.Integer>) value(setting); }

    public List<Double> get(Setting.NumberList setting) { return doubles(value(setting)); }

    @SuppressWarnings("unchecked")
    public List<String> get(Setting.ChoiceList setting) { return (List<String>) value(setting); }

    @SuppressWarnings("unchecked")
    private static List<Double> doubles(Object value) { return (List<Double>) value; }

    private Object value(Setting setting) {
        Object value = values.get(setting);
        if (value == null) throw new IllegalArgumentException("no setting " + setting.name() + " here");
        return value;
    }

    @Override public boolean equals(Object other) {
        return other instanceof SettingValues o && values.equals(o.values);
    }

    @Override public int hashCode() { return values.hashCode(); }

    @Override public String toString() {
        StringBuilder text = new StringBuilder("{");
        values.forEach((setting, value) -> text.append(text.length() > 1 ? ", " : "").append(setting.name()).append('=').append(value));
        return text.append('}').toString();
    }
}
