package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gaplab.settings.InvalidSettingException;
import org.junit.jupiter.api.Test;

/**
 * Reading configs from plain values: defaults, strict types, clear errors. Every setting's round trip through every
 * conversion is {@code protocol.SettingsRoundTripTest}; which changes a running trainer may take is checked once, by
 * {@code protocol.LiveChange} ({@code LiveChangeTest}), and what each live change does to training by
 * {@link LiveSettingsTest}.
 */
class ConfigValuesTest {

    @Test
    void missing_keys_take_defaults_and_a_round_trip_is_exact() {
        assertEquals(TrainingConfig.DEFAULTS, ConfigValues.fromMap(Map.of()));
        TrainingConfig custom = ConfigValues.fromMap(Map.of("hiddenLayers", List.of(16, 8, 4), "dropout", List.of(0.5, 0.2, 0.0),
                "earlyStopping", Map.of("patience", 3), "augmentation", Map.of("jitter", 0.3), "l1Mode", "subgradient"));
        assertEquals(custom, ConfigValues.fromMap(ConfigValues.toMap(custom)));
        assertEquals(3, custom.earlyStopping().patience());
        assertTrue(custom.earlyStopping().enabled());
    }

    @Test
    void changing_the_number_of_hidden_layers_keeps_a_uniform_dropout_rate() {
        TrainingConfig one = ConfigValues.fromMap(Map.of("hiddenLayers", List.of(16)));
        assertEquals(List.of(0.0), one.dropout());
        TrainingConfig half = ConfigValues.fromMap(Map.of("dropout", 0.5));
        TrainingConfig deeper = ConfigValues.applyTo(half, Map.of("hiddenLayers", List.of(4, 4, 4)));
        assertEquals(List.of(0.5, 0.5, 0.5), deeper.dropout());
    }

    @Test
    void bad_values_name_the_field_the_value_and_what_is_allowed() {
        InvalidSettingException range = assertThrows(InvalidSettingException.class,
                () -> ConfigValues.fromMap(Map.of("l2", 5.0)));
        assertEquals("l2", range.field());
        assertEquals("a number in [0, 1]", range.allowed());
        assertEquals("learningRate", assertThrows(InvalidSettingException.class,
                () -> ConfigValues.fromMap(Map.of("learningRate", "fast"))).field());
        assertEquals("batchSize", assertThrows(InvalidSettingException.class,
                () -> ConfigValues.fromMap(Map.of("batchSize", 2.5))).field());
        assertEquals("hidenLayers", assertThrows(InvalidSettingException.class,
                () -> ConfigValues.fromMap(Map.of("hidenLayers", List.of(3)))).field());
        assertEquals("augmentation.spin", assertThrows(InvalidSettingException.class,
                () -> ConfigValues.fromMap(Map.of("augmentation", Map.of("spin", 1)))).field());
        assertEquals("dropout", assertThrows(InvalidSettingException.class,
                () -> ConfigValues.fromMap(Map.of("hiddenLayers", List.of(4, 4), "dropout", List.of(0.1, 0.2, 0.3)))).field());
        assertEquals("learningRate", assertThrows(InvalidSettingException.class,
                () -> ConfigValues.fromMap(Map.of("learningRate", Double.NaN))).field());
    }
}
