package org.gaplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.gaplab.settings.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void point_set_inputs_are_standardized_with_the_training_sets_statistics_and_points_keep_the_planes_units() {
        DataSpec spec = DataSpec.DEFAULTS.withDataset("moons").withSizes(400, 200, 200)
                .withInputFeatures(List.of("x1", "x2", "x1Squared", "x1x2"));
        DataSplits splits = Datasets.load(spec);
        double[] x = splits.train().denseInputs();
        for (int column = 0; column < 4; column++) {
            double sum = 0;
            double squares = 0;
            for (int row = 0; row < 400; row++) sum += x[row * 4 + column];
            for (int row = 0; row < 400; row++) squares += Math.pow(x[row * 4 + column] - sum / 400, 2);
            assertEquals(0, sum / 400, 1e-9, "mean of column " + column);
            assertEquals(1, Math.sqrt(squares / 400), 1e-9, "standard deviation of column " + column);
        }
        double[] plane = points(splits, splits.train());
        double spread = 0;
        for (double coordinate : plane) spread = Math.max(spread, Math.abs(coordinate));
        assertTrue(spread > 3 && spread <= PointPattern.EXTENT, "points in the plane's units: " + spread);
    }

    /** The (x1, x2) pairs behind a 2-D set's rows, in the plane's units. */
    static double[] points(DataSplits splits, Examples examples) {
        PointEncoding encoding = splits.points().orElseThrow();
        double[] out = new double[2 * examples.size()];
        double[] row = new double[examples.inputSize()];
        double[] point = new double[2];
        for (int i = 0; i < examples.size(); i++) {
            examples.copyRow(i, row, 0);
            encoding.recoverPoint(row, 0, point);
            out[2 * i] = point[0];
            out[2 * i + 1] = point[1];
        }
        return out;
    }

    @Test
    void point_sets_lie_in_the_square_and_are_binary_except_the_plane() {
        for (String name : POINT_SETS) {
            DataSplits splits = Datasets.load(DataSpec.DEFAULTS.withDataset(name).withSizes(1000, 10, 10).withNoise(0.5));
            assertEquals(List.of("x1", "x2"), splits.featureNames());
            assertEquals(ImageShape.NONE, splits.image());
            for (double value : points(splits, splits.train())) {
                assertTrue(Math.abs(value) <= PointPattern.EXTENT, name + ": " + value);
            }
            if (name.equals("plane")) {
                assertEquals(Task.REGRESSION, splits.task());
                assertEquals(0, splits.classes());
                for (double target : splits.train().targets()) assertTrue(Math.abs(target) <= 1, "target " + target);
            } else {
                assertEquals(Task.BINARY, splits.task());
                int ones = Arrays.stream(splits.train().labels()).sum();
                assertTrue(ones > 400 && ones < 600, name + " is roughly balanced: " + ones);
            }
        }
    }

    @Test
    void without_noise_the_circle_is_separated_by_its_radius() {
        DataSplits circle = Datasets.load(DataSpec.DEFAULTS.withDataset("circle").withSizes(2000, 10, 10).withNoise(0));
        double[] x = points(circle, circle.train());
        int[] labels = circle.train().labels();
        for (int i = 0; i < labels.length; i++) {
            double radius = Math.hypot(x[2 * i], x[2 * i + 1]);
            assertEquals(radius < 3.6 ? 1 : 0, labels[i], "radius " + radius);
        }
    }

    @Test
    void noise_moves_points_across_the_boundary_and_flips_labels() {
        DataSplits circle = Datasets.load(DataSpec.DEFAULTS.withDataset("circle").withSizes(2000, 10, 10).withNoise(0.5));
        double[] x = points(circle, circle.train());
        int[] labels = circle.train().labels();
        int wrongSide = 0;
        for (int i = 0; i < labels.length; i++) {
            if ((Math.hypot(x[2 * i], x[2 * i + 1]) < 3.6 ? 1 : 0) != labels[i]) wrongSide++;
        }
        // 10% flipped plus points moved over the gap; far from all, since noise must not drown the pattern
        assertTrue(wrongSide > 150 && wrongSide < 500, "points on the wrong side: " + wrongSide);
    }

    @Test
    void input_features_are_computed_from_the_point_in_the_chosen_order() {
        DataSpec spec = new DataSpec("xor", 100, 10, 10, 0.1, List.of("sinX2", "x1x2", "x1Squared"), 20, 40, 5, 95,
                "embedded", 7);
        DataSplits withFeatures = Datasets.load(spec);
        DataSplits raw = Datasets.load(spec.withInputFeatures(List.of("x1", "x2")));
        assertEquals(List.of("sinX2", "x1x2", "x1Squared"), withFeatures.featureNames());
        double[] features = withFeatures.train().denseInputs();
        double[] points = points(raw, raw.train());
        double[] mean = withFeatures.points().orElseThrow().means();
        double[] deviation = withFeatures.points().orElseThrow().deviations();
        for (int i = 0; i < 100; i++) {
            double x1 = points[2 * i];
            double x2 = points[2 * i + 1];
            assertEquals(Math.sin(x2), features[3 * i] * deviation[0] + mean[0], 1e-12);       // f = z·σ + μ
            assertEquals(x1 * x2, features[3 * i + 1] * deviation[1] + mean[1], 1e-12);
            assertEquals(x1 * x1, features[3 * i + 2] * deviation[2] + mean[2], 1e-12);
        }
        assertArrayEquals(raw.train().labels(), withFeatures.train().labels());
    }

    @Test
    void noisy_features_hide_the_signal_in_a_few_named_columns() {
        DataSplits splits = Datasets.load(DataSpec.DEFAULTS.withDataset("noisy-features").withSizes(4000, 10, 10)
                .withNoise(0));
        assertEquals(100, splits.inputSize());
        assertEquals(5, splits.featureNames().stream().filter(name -> name.startsWith("signal")).count());
        assertEquals(95, splits.featureNames().stream().filter(name -> name.startsWith("noise")).count());
        double[] x = splits.train().denseInputs();
        int[] labels = splits.train().labels();
        for (int column = 0; column < 100; column++) {
            double correlation = Math.abs(correlation(x, 100, column, labels));
            if (splits.featureNames().get(column).startsWith("signal")) {
                assertTrue(correlation > 0.08, "signal column " + column + " correlation " + correlation);
            } else {
                assertTrue(correlation < 0.065, "noise column " + column + " correlation " + correlation);
            }
        }
    }

    @Test
    void noisy_features_follow_the_informative_and_noise_counts() {
        DataSpec spec = new DataSpec("noisy-features", 50, 10, 10, 0.1, List.of("x1", "x2"), 20, 40, 3, 500,
                "embedded", 1);
        DataSplits splits = Datasets.load(spec);
        assertEquals(503, splits.inputSize());
        assertEquals(3, splits.featureNames().stream().filter(name -> name.startsWith("signal")).count());
    }

    @Test
    void feature_cross_is_a_sparse_one_hot_of_the_cell_and_most_cells_stay_empty() {
        DataSplits splits = Datasets.load(DataSpec.DEFAULTS.withDataset("feature-cross").withSizes(2000, 100, 100));
        Examples train = splits.train();
        assertTrue(train.isSparse());
        assertEquals(20 * 40, splits.inputSize());
        assertEquals("lat0×lon0", splits.featureNames().get(0));
        boolean[] used = new boolean[splits.inputSize()];
        boolean[] expensive = new boolean[splits.inputSize()];
        for (int row = 0; row < train.size(); row++) {
            assertEquals(row, train.rowStart()[row], "one entry per row");
            assertEquals(1.0, train.sparseValues()[row]);
            used[train.columnIndex()[row]] = true;
            if (train.labels()[row] == 1) expensive[train.columnIndex()[row]] = true;
        }
        long usedCells = count(used);
        long expensiveCells = count(expensive);
        long expensiveRows = Arrays.stream(train.labels()).filter(label -> label == 1).count();
        assertTrue(usedCells < 0.4 * 800, "most cells are empty: " + usedCells + " used");
        assertTrue(expensiveCells < 0.2 * 800, "few cells are expensive: " + expensiveCells);
        assertTrue(expensiveRows > 400 && expensiveRows < 1200, "both classes are common: " + expensiveRows);
    }

    @Test
    void feature_cross_scales_to_twenty_thousand_cells_without_a_dense_matrix() {
        DataSpec spec = new DataSpec("feature-cross", 2000, 500, 500, 0.1, List.of("x1", "x2"), 100, 200, 5, 95,
                "embedded", 3);
        DataSplits splits = Datasets.load(spec);
        assertEquals(20_000, splits.inputSize());
        assertEquals(2000, splits.train().columnIndex().length);
        assertEquals(20_000, splits.featureNames().size());
    }

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

    private static double correlation(double[] x, int width, int column, int[] labels) {
        int n = labels.length;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i * width + column] / n;
            meanY += labels[i] / (double) n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i * width + column] - meanX;
            double dy = labels[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static long count(boolean[] flags) {
        long count = 0;
        for (boolean flag : flags) if (flag) count++;
        return count;
    }
}
