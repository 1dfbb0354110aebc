package org.gaplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.gaplab.data.PointSetsTest.points;

import java.util.Arrays;
import java.util.List;
import org.gaplab.settings.InvalidSettingException;
import org.junit.jupiter.api.Test;

/**
 * What every dataset promises through {@link Datasets#load}: the names the config offers, the sizes asked for, the
 * same data for the same seed, three splits that differ, and validation and test sets that do not move with the
 * training size. Each kind of set has its own test: {@link PointSetsTest}, {@link FeatureSetsTest} and
 * {@link ImageSetsTest}.
 */
class DatasetsTest {
    private static final List<String> POINT_SETS = List.of("circle", "xor", "gauss", "spiral", "moons", "plane");

    private static DataSpec small(String dataset) {
        return DataSpec.DEFAULTS.withDataset(dataset).withSizes(120, 60, 50);
    }

    @Test
    void names_are_the_datasets_the_config_offers_and_each_one_loads() {
        assertEquals(DataSpec.DATASET.choices(), Datasets.names());
        for (String name : Datasets.names()) {
            DataSplits splits = Datasets.load(small(name));
            assertEquals(name, splits.name());
            assertEquals(120, splits.train().size(), name);
            assertEquals(60, splits.validation().size(), name);
            assertEquals(50, splits.test().size(), name);
            assertEquals(splits.inputSize(), splits.featureNames().size(), name);
            assertEquals(splits.classes(), splits.classNames().size(), name);
        }
    }

    /** The registry's family is what the page draws, so it must be what the dataset's loader makes. */
    @Test
    void each_dataset_is_of_the_family_its_data_shows() {
        for (Dataset dataset : Dataset.values()) {
            DataSplits splits = Datasets.load(small(dataset.id()));
            DataSpec.Family shown = splits.points().isPresent() ? DataSpec.Family.POINTS
                    : splits.image().isImage() ? DataSpec.Family.IMAGES : DataSpec.Family.FEATURES;
            assertEquals(shown, dataset.family(), dataset.id());
            assertEquals(dataset, Dataset.named(dataset.id()));
        }
    }

    /** 2-D sets are slowed to be watched; Fashion-MNIST, the slowest per epoch, runs as fast as it may. */
    @Test
    void points_train_at_a_watchable_speed_and_the_real_images_as_fast_as_allowed() {
        for (Dataset dataset : Dataset.values()) {
            if (dataset.family() == DataSpec.Family.POINTS) assertTrue(dataset.defaultSpeed() > 0, dataset.id());
        }
        assertEquals(0.0, Dataset.FASHION_MNIST.defaultSpeed());
        InvalidSettingException unknown = assertThrows(InvalidSettingException.class, () -> Dataset.named("mnist"));
        assertTrue(unknown.getMessage().contains("dataset"), unknown.getMessage());
    }

    @Test
    void same_seed_gives_identical_splits() {
        for (String name : Datasets.names()) {
            DataSplits first = Datasets.load(small(name).withSeed(42));
            DataSplits second = Datasets.load(small(name).withSeed(42));
            assertSameExamples(first.train(), second.train(), name);
            assertSameExamples(first.validation(), second.validation(), name);
            assertSameExamples(first.test(), second.test(), name);
            assertEquals(first.featureNames(), second.featureNames(), name);
        }
    }

    @Test
    void different_seeds_give_different_data() {
        for (String name : Datasets.names()) {
            DataSplits first = Datasets.load(small(name).withSeed(1));
            DataSplits second = Datasets.load(small(name).withSeed(2));
            assertFalse(Arrays.equals(rowsOf(first.train()), rowsOf(second.train())), name);
        }
    }

    @Test
    void the_three_splits_differ_from_each_other() {
        for (String name : Datasets.names()) {
            DataSplits splits = Datasets.load(DataSpec.DEFAULTS.withDataset(name).withSizes(50, 50, 50));
            assertFalse(Arrays.equals(rowsOf(splits.train()), rowsOf(splits.validation())), name);
            assertFalse(Arrays.equals(rowsOf(splits.validation()), rowsOf(splits.test())), name);
        }
    }

    @Test
    void changing_the_training_size_leaves_validation_and_test_alone() {
        for (String name : List.of("noisy-features", "feature-cross", "shapes")) {
            DataSplits small = Datasets.load(DataSpec.DEFAULTS.withDataset(name).withSizes(50, 40, 30));
            DataSplits large = Datasets.load(DataSpec.DEFAULTS.withDataset(name).withSizes(500, 40, 30));
            assertSameExamples(small.validation(), large.validation(), name);
            assertSameExamples(small.test(), large.test(), name);
        }
        // 2-D sets: the same points and labels, though standardized with the statistics of a different training set
        DataSplits small = Datasets.load(DataSpec.DEFAULTS.withDataset("circle").withSizes(50, 40, 30));
        DataSplits large = Datasets.load(DataSpec.DEFAULTS.withDataset("circle").withSizes(500, 40, 30));
        assertArrayEquals(points(small, small.validation()), points(large, large.validation()), 1e-9);
        assertArrayEquals(small.validation().labels(), large.validation().labels());
        assertArrayEquals(points(small, small.test()), points(large, large.test()), 1e-9);
    }

    static void assertSameExamples(Examples expected, Examples actual, String what) {
        assertEquals(expected.isSparse(), actual.isSparse(), what);
        if (expected.isSparse()) {
            assertArrayEquals(expected.rowStart(), actual.rowStart(), what);
            assertArrayEquals(expected.columnIndex(), actual.columnIndex(), what);
            assertArrayEquals(expected.sparseValues(), actual.sparseValues(), what);
        } else {
            assertArrayEquals(expected.denseInputs(), actual.denseInputs(), what);   // exact: bit for bit
        }
        if (expected.isRegression()) {
            assertArrayEquals(expected.targets(), actual.targets(), what);
        } else {
            assertArrayEquals(expected.labels(), actual.labels(), what);
        }
    }

    private static double[] rowsOf(Examples examples) {
        double[] rows = new double[Math.min(examples.size(), 40) * examples.inputSize()];
        for (int i = 0; i < rows.length / examples.inputSize(); i++) {
            examples.copyRow(i, rows, i * examples.inputSize());
        }
        return rows;
    }
}
