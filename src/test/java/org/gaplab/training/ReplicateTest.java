package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.gaplab.data.DataSpec;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.gaplab.data.Examples;
import org.gaplab.settings.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runs of one config over several seeds: each draws its own training sample and initial weights from the same
 * world, and all are judged on the same validation and test points; the first is the plain run itself.
 */
class ReplicateTest {
    @ParameterizedTest
    @ValueSource(strings = {"circle", "noisy-features", "feature-cross", "shapes", "fashion-mnist"})
    void every_seed_draws_its_own_training_set_and_keeps_the_validation_and_test_points(String dataset) {
        TrainingConfig config = TrainingConfig.DEFAULTS.withData(DataSpec.DEFAULTS.withDataset(dataset).withSizes(100, 60, 50))
                .withSeed(7).withSeeds(3);
        DataSplits first = Datasets.load(config.replicate(0).data());
        DataSplits second = Datasets.load(config.replicate(1).data());
        DataSplits third = Datasets.load(config.replicate(2).data());
        assertArrayEquals(first.validation().labels(), second.validation().labels());
        assertArrayEquals(first.test().labels(), third.test().labels());
        if (!dataset.equals("circle")) {   // 2-D inputs are standardized with each training sample's own mean and spread
            assertArrayEquals(raw(first.test()), raw(third.test()), dataset + ": the same test points");
        }
        assertFalse(Arrays.equals(raw(first.train()), raw(second.train())), dataset + ": another training sample");
        assertFalse(Arrays.equals(raw(second.train()), raw(third.train())), dataset + ": another training sample");
        assertEquals(60, second.validation().size());
    }

    @Test
    void the_first_run_is_the_plain_run_and_the_others_take_the_next_seeds() {
        TrainingConfig config = TrainingConfig.DEFAULTS.withSeed(11).withSeeds(4);
        assertEquals(TrainingConfig.DEFAULTS.withSeed(11), config.replicate(0));
        assertEquals(List.of(11L, 12L, 13L, 14L), List.of(config.replicate(0).seed(), config.replicate(1).seed(),
                config.replicate(2).seed(), config.replicate(3).seed()));
        assertEquals(11L, config.replicate(3).data().seed());
        assertEquals(14L, config.replicate(3).data().sampleSeed());
        assertEquals(1, config.replicate(3).seeds());
    }

    @Test
    void seeds_outside_one_to_ten_are_refused_naming_the_field() {
        InvalidSettingException error = assertThrows(InvalidSettingException.class, () -> TrainingConfig.DEFAULTS.withSeeds(11));
        assertEquals("seeds", error.field());
        assertThrows(InvalidSettingException.class, () -> TrainingConfig.DEFAULTS.withSeeds(0));
        assertThrows(InvalidSettingException.class, () -> TrainingConfig.DEFAULTS.withSeed(Integer.MAX_VALUE).withSeeds(2));
    }

    /** A split's inputs as stored (dense), for comparing examples bit for bit. */
    private static double[] raw(Examples examples) {
        double[] values = new double[examples.size() * examples.inputSize()];
        for (int r = 0; r < examples.size(); r++) examples.copyRow(r, values, r * examples.inputSize());
        return values;
    }
}
