package org.gaplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sets of many input columns: noisy features (a few signal columns among noise) and the sparse feature cross. */
class FeatureSetsTest {
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
                "embedded", 1, 1);
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
                "embedded", 3, 3);
        DataSplits splits = Datasets.load(spec);
        assertEquals(20_000, splits.inputSize());
        assertEquals(2000, splits.train().columnIndex().length);
        assertEquals(20_000, splits.featureNames().size());
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
