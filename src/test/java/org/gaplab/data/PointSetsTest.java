package org.gaplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 2-D point sets (circle, xor, gauss, spiral, moons, plane): standardized inputs, where the points lie, their
 * labels, what noise does, and the input features computed from each point.
 */
class PointSetsTest {
    private static final List<String> POINT_SETS = List.of("circle", "xor", "gauss", "spiral", "moons", "plane");

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
                "embedded", 7, 7);
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
}
