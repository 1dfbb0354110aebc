package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.gaplab.engine.Network;
import org.gaplab.settings.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every live setting, changed mid-run, takes effect: two runs from the same seed train a few epochs, then one gets
 * the new value and the other the value it already had. The changed run's weights (or, for the settings that decide
 * when a run ends, its end) differ from its twin's at the next epochs, and the twin stays bit-identical to a run
 * that was never touched. No echo of a stored config is checked: only what training did.
 */
class LiveSettingsTest {
    private static final TrainingConfig POINTS = TrainingConfig.DEFAULTS
            .withData(TrainingConfig.DEFAULTS.data().withDataset("circle").withSizes(60, 40, 40))
            .withEpochs(40);
    private static final TrainingConfig IMAGES = TrainingConfig.DEFAULTS
            .withData(TrainingConfig.DEFAULTS.data().withDataset("shapes").withSizes(40, 20, 20))
            .withModel(List.of(16), org.gaplab.engine.Activation.RELU, org.gaplab.engine.Init.HE_NORMAL)
            .withEpochs(20);
    /** Wide noisy data where validation loss climbs while validation accuracy still improves. */
    private static final TrainingConfig OVERFITTING = TrainingConfig.DEFAULTS
            .withData(TrainingConfig.DEFAULTS.data().withDataset("noisy-features").withSizes(100, 200, 20))
            .withModel(List.of(32), org.gaplab.engine.Activation.RELU, org.gaplab.engine.Init.HE_NORMAL)
            .withOptimizer(org.gaplab.engine.OptimizerKind.SGD, 0.05)
            .withEpochs(60)
            .withEarlyStopping(EarlyStoppingSpec.on(EarlyStoppingSpec.Monitor.VALIDATION_LOSS, 0, 5, false));

    /** What to start from, what to change (a config key and its new value), and how many epochs to watch. */
    record Scenario(String setting, TrainingConfig base, Object value, int epochs) {
        @Override public String toString() { return setting + " → " + value; }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario("learningRate", POINTS, 0.1, 1),
                new Scenario("momentum", POINTS.withOptimizer(org.gaplab.engine.OptimizerKind.MOMENTUM, 0.03), 0.5, 1),
                new Scenario("l1", POINTS, 0.01, 1),
                new Scenario("l2", POINTS, 0.01, 1),
                new Scenario("l1Mode", POINTS.withL1(0.01, org.gaplab.engine.L1Mode.CLIP), "subgradient", 1),
                new Scenario("regularizeBiases", POINTS.withL2(0.01), true, 1),
                new Scenario("dropout", POINTS, List.of(0.3), 1),
                new Scenario("inputDropout", POINTS, 0.3, 1),
                new Scenario("maxNorm", POINTS, 0.5, 1),
                new Scenario("augmentation.jitter", POINTS, 0.2, 1),
                new Scenario("augmentation.shift", IMAGES, 2, 1),
                new Scenario("augmentation.rotation", IMAGES, 15.0, 1),
                new Scenario("augmentation.flip", IMAGES, true, 1),
                new Scenario("augmentation.scale", IMAGES, 0.2, 1),
                new Scenario("augmentation.noise", IMAGES, 0.2, 1),
                new Scenario("augmentation.blur", IMAGES, 1.0, 1),
                new Scenario("augmentation.cutout", IMAGES, 6, 1),
                new Scenario("epochs", POINTS, 3, 1),
                new Scenario("earlyStopping.enabled", OVERFITTING.withEarlyStopping(EarlyStoppingSpec.OFF), true, 40),
                new Scenario("earlyStopping.monitor", OVERFITTING, "validation-accuracy", 40),
                new Scenario("earlyStopping.minDelta", OVERFITTING, 0.5, 40),
                new Scenario("earlyStopping.patience", OVERFITTING, 30, 40),
                new Scenario("earlyStopping.restoreBestWeights", OVERFITTING, true, 40),
                new Scenario("earlyStopping.startFromEpoch", OVERFITTING, 50, 40));
    }

    @Test
    void every_live_setting_has_a_scenario() {
        Set<String> live = ConfigSchema.all().stream().filter(Setting::live).map(Setting::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(live, scenarios().map(Scenario::setting).collect(Collectors.toCollection(TreeSet::new)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void a_live_change_takes_effect_and_the_same_value_changes_nothing(Scenario scenario) {
        TrainingConfig base = scenario.base();
        TrainingConfig changed = ConfigValues.applyTo(base, Map.of(scenario.setting(), scenario.value()));
        DataSplits data = Datasets.load(base.data());
        try (Trainer untouched = new Trainer(base, data);
             Trainer same = new Trainer(base, data);
             Trainer change = new Trainer(base, data)) {
            for (int e = 0; e < 3; e++) {
                untouched.runEpoch();
                same.runEpoch();
                change.runEpoch();
            }
            same.applyLive(ConfigValues.applyTo(base, Map.of()));
            change.applyLive(changed);
            boolean differed = false;
            for (int e = 0; e < scenario.epochs(); e++) {
                for (Trainer trainer : List.of(untouched, same, change)) if (!trainer.isFinished()) trainer.runEpoch();
                assertTrue(sameWeights(untouched.network(), same.network()) && untouched.isFinished() == same.isFinished(),
                        "setting the value it already had changes nothing (epoch " + same.epoch() + ")");
                differed |= !sameWeights(untouched.network(), change.network()) || untouched.isFinished() != change.isFinished();
            }
            assertTrue(differed, scenario + " changed neither the weights nor the end within " + scenario.epochs() + " epochs");
        }
    }

    private static boolean sameWeights(Network a, Network b) {
        for (int l = 0; l < a.layerCount(); l++) {
            if (!Arrays.equals(a.layer(l).weights(), b.layer(l).weights())) return false;
            if (!Arrays.equals(a.layer(l).biases(), b.layer(l).biases())) return false;
        }
        return true;
    }
}
