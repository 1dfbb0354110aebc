package org.gaplab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gaplab.settings.Setting;
import org.gaplab.settings.SettingValues;
import org.gaplab.training.ConfigSchema;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.TrainingConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every setting, found by iterating the descriptors (so a new one is covered without touching this test), set to a
 * value other than its default, goes through every conversion the config has: JSON text and back, the nested map and
 * back, a URL key, an update's typed change. Each must land the very value in the config, and change nothing else.
 */
class SettingsRoundTripTest {

    static Stream<Setting> settings() {
        return ConfigSchema.inConfigOrder().stream();
    }

    /** A valid value other than the default, from the descriptor's own range. */
    static Object otherValue(Setting setting) {
        if (setting instanceof Setting.Integer s) return s.defaultInt() == s.max() ? s.min() : s.max();
        if (setting instanceof Setting.Number s) return s.defaultNumber() == s.max() ? s.min() : s.max();
        if (setting instanceof Setting.Choice s) return s.choices().stream().filter(c -> !c.equals(s.defaultChoice())).findFirst().orElseThrow();
        if (setting instanceof Setting.Flag s) return !s.defaultFlag();
        if (setting instanceof Setting.IntegerList s) return List.of(s.max());
        if (setting instanceof Setting.NumberList s) return List.of(s.max());
        Setting.ChoiceList s = (Setting.ChoiceList) setting;
        return List.of(s.choices().get(s.choices().size() - 1));
    }

    /** The dotted values that set it: a field of a switched object (earlyStopping) needs its switch on to count. */
    static Map<String, Object> changeOf(Setting setting) {
        Map<String, Object> change = new LinkedHashMap<>();
        ConfigSchema.outer(setting.name()).flatMap(object -> ConfigSchema.find(object + ".enabled"))
                .ifPresent(toggle -> change.put(toggle.name(), true));
        change.put(setting.name(), otherValue(setting));
        return change;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void every_setting_survives_every_conversion(Setting setting) {
        TrainingConfig config = ConfigValues.applyTo(TrainingConfig.DEFAULTS, changeOf(setting));
        SettingValues values = ConfigValues.all(config);
        Object expected = setting.read(otherValue(setting));
        assertEquals(values.json(setting), setting instanceof Setting.NumberList list ? list.json(cast(expected)) : expected,
                setting.name() + " lands in the config");
        assertNotEquals(TrainingConfig.DEFAULTS, config, setting.name() + " changes the config");
        for (Setting other : ConfigSchema.inConfigOrder()) {
            if (!changeOf(setting).containsKey(other.name())) {
                assertEquals(ConfigValues.all(TrainingConfig.DEFAULTS).json(other), values.json(other), other.name() + " untouched");
            }
        }

        assertEquals(config, ConfigValues.fromMap(ConfigValues.toMap(config)), "nested map and back");
        assertEquals(config, ConfigValues.fromMap(Json.readObject(Json.write(Json.config(config)), "config")), "JSON text and back");

        Map<String, String> query = new LinkedHashMap<>();
        changeOf(setting).forEach((key, value) -> query.put(key, urlText(value)));
        assertTrue(UrlConfig.isConfigKey(setting.name()), setting.name() + " is a URL key");
        assertEquals(config, UrlConfig.apply(TrainingConfig.DEFAULTS, query), "URL keys");

        LiveChange change = LiveChange.read(Map.copyOf(changeOf(setting)));
        assertEquals(config, ConfigValues.apply(TrainingConfig.DEFAULTS, change.values()), "an update's typed change");
    }

    @SuppressWarnings("unchecked")
    private static List<Double> cast(Object value) { return (List<Double>) value; }

    private static String urlText(Object value) {
        if (value instanceof List<?> list) return list.stream().map(SettingsRoundTripTest::urlText).collect(Collectors.joining(","));
        return value instanceof Double d ? Setting.plain(d) : String.valueOf(value);
    }
}
