package org.gaplab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.gaplab.data.Datasets;
import org.gaplab.engine.DenseLayer;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one liveness check of an update, for every setting (iterated from the descriptors): a new value is taken if and
 * only if the setting is live, the current value is always taken, a refusal names the setting; and a live L2 change
 * that came this way changes the weights the next epoch trains.
 */
class LiveChangeTest {
    private static final TrainingConfig RUN = TrainingConfig.DEFAULTS
            .withData(TrainingConfig.DEFAULTS.data().withDataset("circle").withSizes(60, 40, 40)).withEpochs(20);

    static Stream<Setting> settings() {
        return ConfigSchema.inConfigOrder().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void a_new_value_is_taken_exactly_when_the_setting_is_live(Setting setting) {
        LiveChange change = LiveChange.read(SettingsRoundTripTest.changeOf(setting));
        if (setting.live()) {
            assertEquals(ConfigValues.apply(RUN, change.values()), change.applyTo(RUN));
        } else {
            ProtocolError refused = assertThrows(ProtocolError.class, () -> change.applyTo(RUN));
            assertEquals("needs-reset", refused.code());
            assertEquals(setting.name(), refused.field(), "the refusal names the setting the browser changed");
        }
        Object current = ConfigValues.all(RUN).json(setting);
        LiveChange same = LiveChange.read(new java.util.HashMap<>(java.util.Collections.singletonMap(setting.name(), current)));
        assertEquals(RUN, same.applyTo(RUN), setting.name() + ": resending the current value changes nothing");
    }

    @Test
    void an_update_is_refused_where_it_is_parsed_when_a_key_or_value_is_bad() {
        assertEquals("l2", assertThrows(ProtocolError.class, () -> LiveChange.read(Map.of("l2", 5.0))).field());
        assertEquals("l3", assertThrows(ProtocolError.class, () -> LiveChange.read(Map.of("l3", 0.1))).field());
    }

    @Test
    void a_live_l2_change_shrinks_the_weights_of_the_next_epoch() {
        var data = Datasets.load(RUN.data());
        try (Trainer untouched = new Trainer(RUN, data); Trainer decayed = new Trainer(RUN, data)) {
            for (int e = 0; e < 3; e++) {
                untouched.runEpoch();
                decayed.runEpoch();
            }
            decayed.applyLive(LiveChange.read(Map.of("l2", 0.5)).applyTo(decayed.config()));
            untouched.runEpoch();
            decayed.runEpoch();
            // The step w ← w − α(g + λ₂w) pulls every weight toward 0: the decayed run's weights end smaller.
            assertTrue(squaredNorm(decayed) < squaredNorm(untouched),
                    "Σw² " + squaredNorm(decayed) + " with λ₂ = 0.5 against " + squaredNorm(untouched) + " without");
        }
    }

    private static double squaredNorm(Trainer trainer) {
        double sum = 0;
        for (int l = 0; l < trainer.network().layerCount(); l++) {
            DenseLayer layer = trainer.network().layer(l);
            for (double w : layer.weights()) sum += w * w;
        }
        return sum;
    }
}
