package org.gaplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmenterTest {
    private static final ImageShape SQUARE = new ImageShape(28, 28);
    private static final AugmentationSpec EVERYTHING = new AugmentationSpec(3, 20, true, 0.2, 0.1, 1.5, 8, 0.3);

    private static AugmentationSpec only(String transform) {
        return switch (transform) {
            case "shift" -> new AugmentationSpec(3, 0, false, 0, 0, 0, 0, 0);
            case "rotation" -> new AugmentationSpec(0, 25, false, 0, 0, 0, 0, 0);
            case "flip" -> new AugmentationSpec(0, 0, true, 0, 0, 0, 0, 0);
            case "scale" -> new AugmentationSpec(0, 0, false, 0.25, 0, 0, 0, 0);
            case "noise" -> new AugmentationSpec(0, 0, false, 0, 0.2, 0, 0, 0);
            case "blur" -> new AugmentationSpec(0, 0, false, 0, 0, 1.5, 0, 0);
            case "cutout" -> new AugmentationSpec(0, 0, false, 0, 0, 0, 10, 0);
            case "jitter" -> new AugmentationSpec(0, 0, false, 0, 0, 0, 0, 0.5);
            default -> throw new IllegalArgumentException(transform);
        };
    }

    /** A batch of shapes with all their labels, as the trainer would copy it. */
    private static DataSplits shapes() {
        return Datasets.load(DataSpec.DEFAULTS.withDataset("shapes").withSizes(16, 10, 10));
    }

    @Test
    void none_leaves_rows_and_the_random_stream_untouched() {
        DataSplits data = shapes();
        double[] rows = data.train().denseInputs().clone();
        SplittableRandom rng = new SplittableRandom(9);
        Augmenter augmenter = new Augmenter(AugmentationSpec.NONE, data.image());
        assertTrue(augmenter.isIdentity());
        augmenter.augment(rows, 16, 784, rng);
        assertArrayEquals(data.train().denseInputs(), rows);
        assertEquals(new SplittableRandom(9).nextLong(), rng.nextLong(), "no random numbers drawn");
    }

    @Test
    void each_transform_changes_images_and_keeps_pixels_in_the_unit_range() {
        DataSplits data = shapes();
        for (String transform : List.of("shift", "rotation", "flip", "scale", "noise", "blur", "cutout")) {
            double[] rows = data.train().denseInputs().clone();
            Augmenter augmenter = new Augmenter(only(transform), data.image());
            assertFalse(augmenter.isIdentity(), transform);
            augmenter.augment(rows, 16, 784, new SplittableRandom(1));
            assertFalse(Arrays.equals(data.train().denseInputs(), rows), transform + " changed something");
            for (double pixel : rows) assertTrue(pixel >= 0 && pixel <= 1 + 1e-12, transform + ": " + pixel);
        }
    }

    @Test
    void augmentation_is_seeded() {
        DataSplits data = shapes();
        Augmenter augmenter = new Augmenter(EVERYTHING, data.image());
        double[] first = data.train().denseInputs().clone();
        double[] second = data.train().denseInputs().clone();
        double[] other = data.train().denseInputs().clone();
        augmenter.augment(first, 16, 784, new SplittableRandom(5));
        augmenter.augment(second, 16, 784, new SplittableRandom(5));
        augmenter.augment(other, 16, 784, new SplittableRandom(6));
        assertArrayEquals(first, second);
        assertFalse(Arrays.equals(first, other));
    }

    @Test
    void augmentation_touches_only_the_rows_it_is_given_and_never_the_labels() {
        DataSplits data = shapes();
        int[] labels = data.train().labels().clone();
        double[] rows = data.train().denseInputs().clone();
        new Augmenter(EVERYTHING, data.image()).augment(rows, 10, 784, new SplittableRandom(2));
        assertArrayEquals(Arrays.copyOfRange(data.train().denseInputs(), 10 * 784, 16 * 784),
                Arrays.copyOfRange(rows, 10 * 784, 16 * 784));
        assertArrayEquals(labels, data.train().labels());
    }

    @Test
    void a_whole_pixel_shift_moves_pixels_without_blurring_them() {
        double[] image = new double[784];
        image[14 * 28 + 14] = 1;                           // one bright pixel in the middle
        new Augmenter(only("shift"), SQUARE).augment(image, 1, 784, new SplittableRandom(3));
        assertEquals(1.0, Arrays.stream(image).sum(), 1e-12);
        assertEquals(1, Arrays.stream(image).filter(value -> value == 1.0).count());
    }

    @Test
    void a_flip_mirrors_the_image_or_leaves_it() {
        double[] image = new double[784];
        image[3 * 28 + 2] = 1;
        for (int seed = 0; seed < 6; seed++) {
            double[] copy = image.clone();
            new Augmenter(only("flip"), SQUARE).augment(copy, 1, 784, new SplittableRandom(seed));
            assertTrue(copy[3 * 28 + 2] == 1 || copy[3 * 28 + 25] == 1, "seed " + seed);
            assertEquals(1.0, Arrays.stream(copy).sum(), 1e-12);
        }
    }

    @Test
    void blur_spreads_ink_but_keeps_its_amount_away_from_the_edges() {
        double[] image = new double[784];
        image[14 * 28 + 14] = 1;
        new Augmenter(new AugmentationSpec(0, 0, false, 0, 0, 2, 0, 0), SQUARE)
                .augment(image, 1, 784, new SplittableRandom(4));
        assertEquals(1.0, Arrays.stream(image).sum(), 1e-9);
        assertTrue(image[14 * 28 + 14] < 1);
    }

    @Test
    void cutout_blanks_a_square() {
        double[] image = new double[784];
        Arrays.fill(image, 1);
        new Augmenter(only("cutout"), SQUARE).augment(image, 1, 784, new SplittableRandom(8));
        long blank = Arrays.stream(image).filter(value -> value == 0).count();
        assertTrue(blank > 0 && blank <= 100, "blanked " + blank);
    }

    @Test
    void samples_are_augmented_copies_of_one_row() {
        DataSplits data = shapes();
        double[] row = Arrays.copyOf(data.train().denseInputs(), 784);
        double[] samples = new Augmenter(EVERYTHING, data.image()).samples(row, 8, new SplittableRandom(3));
        assertEquals(8 * 784, samples.length);
        assertFalse(Arrays.equals(Arrays.copyOfRange(samples, 0, 784), Arrays.copyOfRange(samples, 784, 1568)));
        assertArrayEquals(Arrays.copyOf(data.train().denseInputs(), 784), row, "the row itself is untouched");
    }

    @Test
    void jitter_moves_raw_points_by_about_its_strength() {
        double[] rows = new double[2 * 2000];
        Augmenter augmenter = new Augmenter(only("jitter"), ImageShape.NONE);
        augmenter.augment(rows, 2000, 2, new SplittableRandom(1));
        double sumSquares = Arrays.stream(rows).map(value -> value * value).sum();
        assertEquals(0.5, Math.sqrt(sumSquares / rows.length), 0.03, "σ of the moves");
    }

    @Test
    void jitter_recomputes_derived_features_from_the_moved_point() {
        DataSpec spec = DataSpec.DEFAULTS.withDataset("circle").withSizes(200, 10, 10)
                .withInputFeatures(List.of("x1Squared", "x2Squared", "x1x2", "sinX1"));
        DataSplits data = Datasets.load(spec);
        double[] rows = data.train().denseInputs().clone();
        new Augmenter(only("jitter"), data).augment(rows, 200, 4, new SplittableRandom(2));
        assertFalse(Arrays.equals(data.train().denseInputs(), rows));
        double[] mean = data.points().orElseThrow().means();          // the inputs are standardized: f = z·σ + μ
        double[] deviation = data.points().orElseThrow().deviations();
        for (int i = 0; i < 200; i++) {
            double x1Squared = rows[4 * i] * deviation[0] + mean[0];
            double x2Squared = rows[4 * i + 1] * deviation[1] + mean[1];
            double product = rows[4 * i + 2] * deviation[2] + mean[2];
            assertEquals(product * product, x1Squared * x2Squared, 1e-9, "x1²·x2² = (x1·x2)² still holds");
            assertTrue(x1Squared >= -1e-12 && x2Squared >= -1e-12);
        }
    }

    @Test
    void image_transforms_leave_points_alone_and_jitter_leaves_images_alone() {
        assertTrue(new Augmenter(new AugmentationSpec(3, 20, true, 0.2, 0.1, 1, 8, 0), ImageShape.NONE).isIdentity());
        assertTrue(new Augmenter(only("jitter"), SQUARE).isIdentity());
        DataSplits wide = Datasets.load(DataSpec.DEFAULTS.withDataset("noisy-features").withSizes(20, 10, 10));
        assertTrue(new Augmenter(EVERYTHING, wide).isIdentity(), "noisy-features has no point to jitter");
    }

    @Test
    void rows_of_the_wrong_width_are_refused() {
        Augmenter augmenter = new Augmenter(only("shift"), SQUARE);
        assertThrows(IllegalArgumentException.class, () -> augmenter.augment(new double[100], 1, 100, new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> augmenter.augment(new double[784], 2, 784, new SplittableRandom(1)));
    }

    @Test
    void augmenting_a_batch_allocates_nothing() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        DataSplits data = shapes();
        Augmenter images = new Augmenter(EVERYTHING, data.image());
        Augmenter points = new Augmenter(only("jitter"), Datasets.load(DataSpec.DEFAULTS
                .withInputFeatures(List.of("x1Squared", "x2Squared", "sinX1", "sinX2"))));
        double[] batch = data.train().denseInputs().clone();
        double[] pointBatch = new double[4 * 32];
        SplittableRandom rng = new SplittableRandom(1);
        for (int warmUp = 0; warmUp < 200; warmUp++) {
            images.augment(batch, 16, 784, rng);
            points.augment(pointBatch, 32, 4, rng);
        }
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 100; i++) {
            images.augment(batch, 16, 784, rng);
            points.augment(pointBatch, 32, 4, rng);
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes in 100 batches");
    }
}
