package org.gaplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.gaplab.settings.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image sets through {@link Datasets#load}: the generated shapes, and Fashion-MNIST's splits and what asking too
 * much of it says.
 */
class ImageSetsTest {
    @Test
    void shapes_are_28_by_28_images_in_the_unit_range_of_all_ten_classes() {
        DataSplits splits = Datasets.load(DataSpec.DEFAULTS.withDataset("shapes").withSizes(500, 10, 10));
        assertEquals(new ImageShape(28, 28), splits.image());
        assertEquals(Task.MULTICLASS, splits.task());
        assertEquals(10, splits.classes());
        assertEquals(List.of("horizontal bar", "vertical bar", "diagonal", "cross", "X", "circle", "ring", "square",
                "triangle", "dot"), splits.classNames());
        for (double pixel : splits.train().denseInputs()) assertTrue(pixel >= 0 && pixel <= 1);
        int[] perClass = new int[10];
        for (int label : splits.train().labels()) perClass[label]++;
        for (int count : perClass) assertTrue(count > 25, Arrays.toString(perClass));
        double[] noiseless = Datasets.load(DataSpec.DEFAULTS.withDataset("shapes").withSizes(10, 10, 10).withNoise(0))
                .train().denseInputs();
        for (int i = 0; i < 10; i++) {
            double ink = 0;
            for (int p = 0; p < 784; p++) ink += noiseless[i * 784 + p];
            assertTrue(ink > 4, "every image shows something: " + ink);
            assertEquals(0.0, noiseless[i * 784], "corners stay black without noise");
        }
    }

    @Test
    void embedded_fashion_mnist_gives_balanced_splits_scaled_to_the_unit_range() {
        DataSplits splits = Datasets.load(DataSpec.DEFAULTS.withDataset("fashion-mnist").withSizes(500, 1000, 1000));
        assertEquals(Task.MULTICLASS, splits.task());
        assertEquals(FashionMnist.CLASS_NAMES, splits.classNames());
        assertEquals(new ImageShape(28, 28), splits.image());
        for (Examples examples : List.of(splits.train(), splits.validation(), splits.test())) {
            int[] perClass = new int[10];
            for (int label : examples.labels()) perClass[label]++;
            for (int count : perClass) assertEquals(examples.size() / 10, count, Arrays.toString(perClass));
        }
        double max = Arrays.stream(splits.train().denseInputs()).max().orElseThrow();
        double min = Arrays.stream(splits.train().denseInputs()).min().orElseThrow();
        assertEquals(0.0, min);
        assertEquals(1.0, max);
    }

    @Test
    void fashion_mnist_train_and_validation_come_from_disjoint_positions() {
        LabelledImages images = new LabelledImages(7, new ImageShape(1, 1), new byte[7], new byte[] {0, 1, 1, 2, 0, 1, 2});
        int[] order = FashionMnistSplits.balancedOrder(images, new java.util.SplittableRandom(5));
        assertEquals(7, Arrays.stream(order).distinct().count(), "a permutation: no index twice");
        assertEquals(3, Arrays.stream(Arrays.copyOf(order, 3)).map(images::label).distinct().count(),
                "the first three are one of each class");
    }

    @Test
    void asking_more_fashion_images_than_the_source_has_names_the_field() {
        InvalidSettingException train = assertThrows(InvalidSettingException.class,
                () -> Datasets.load(DataSpec.DEFAULTS.withDataset("fashion-mnist").withSizes(5000, 200, 200)));
        assertEquals("trainSize", train.field());
        assertTrue(train.getMessage().contains("5000"), train.getMessage());
        InvalidSettingException validation = assertThrows(InvalidSettingException.class,
                () -> Datasets.load(DataSpec.DEFAULTS.withDataset("fashion-mnist").withSizes(4900, 200, 200)));
        assertEquals("validationSize", validation.field());
        InvalidSettingException test = assertThrows(InvalidSettingException.class,
                () -> Datasets.load(DataSpec.DEFAULTS.withDataset("fashion-mnist").withSizes(200, 200, 1001)));
        assertEquals("testSize", test.field());
        assertTrue(test.getMessage().contains("full"), "suggests the full set: " + test.getMessage());
    }

    @Test
    void asking_for_the_full_set_where_there_is_none_says_where_it_looked(@TempDir Path empty) {
        FashionMnistSources nowhere = new FashionMnistSources(empty.resolve("configured").toString(), null,
                empty.resolve("debian"), empty.resolve("cache"));
        DataSpec spec = DataSpec.DEFAULTS.withDataset("fashion-mnist").withFashionSource("full");
        DataUnavailableException error = assertThrows(DataUnavailableException.class, () -> Datasets.load(spec, nowhere));
        assertTrue(error.getMessage().contains(empty.resolve("configured").toString()), error.getMessage());
        assertTrue(error.getMessage().contains(empty.resolve("cache").toString()), error.getMessage());
        assertTrue(error.getMessage().contains("dataset-fashion-mnist"), error.getMessage());
    }
}
