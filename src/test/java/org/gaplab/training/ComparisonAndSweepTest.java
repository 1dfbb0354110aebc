package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.junit.jupiter.api.Test;

/** A/B comparisons and λ sweeps (issue 6), with real training on the overfitting setup. */
class ComparisonAndSweepTest {
    private static final TrainingConfig OVERFIT = OverfittingClaimsTest.OVERFIT;

    @Test
    void both_runs_start_from_identical_weights_and_data_and_only_the_chosen_setting_differs() {
        TrainingConfig withL2 = ConfigValues.applyTo(OVERFIT, Map.of("l2", 0.01));
        assertEquals(List.of("l2"), Comparison.differences(OVERFIT, withL2));
        DataSplits data = Datasets.load(OVERFIT.data());
        try (Trainer a = new Trainer(OVERFIT, data); Trainer b = new Trainer(withL2, data)) {
            for (int l = 0; l < a.network().layerCount(); l++) {
                assertArrayEquals(a.network().layer(l).weights(), b.network().layer(l).weights(), 0.0);
                assertArrayEquals(a.network().layer(l).biases(), b.network().layer(l).biases(), 0.0);
            }
            assertEquals(1, a.runEpoch().orElseThrow().epoch());
            assertEquals(1, b.runEpoch().orElseThrow().epoch());
        }
    }

    @Test
    void with_l2_the_final_gap_is_smaller_than_without() {
        DataSplits data = Datasets.load(OVERFIT.data());
        try (Trainer a = new Trainer(OVERFIT.withL2(0), data); Trainer b = new Trainer(OVERFIT.withL2(0.01), data)) {
            EpochReport lastA = null;
            EpochReport lastB = null;
            while (!a.isFinished() || !b.isFinished()) {
                if (!a.isFinished()) lastA = a.runEpoch().orElseThrow();
                if (!b.isFinished()) lastB = b.runEpoch().orElseThrow();
            }
            assertTrue(lastB.gap() < lastA.gap(), "gap with L2 " + lastB.gap() + " vs without " + lastA.gap());
        }
    }

    @Test
    void an_l2_sweep_on_the_overfitting_setup_gives_a_validation_curve_whose_best_lies_inside_the_grid() {
        List<Double> grid = Sweep.logGrid(1e-5, 1, 8);
        assertEquals(8, grid.size());
        assertEquals(1e-5, grid.get(0), 1e-12);
        assertEquals(1.0, grid.get(7), 1e-12);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Sweep.Result result = Sweep.run(OVERFIT, "l2", grid, executor, Sweep.Progress.NONE);
            assertTrue(result.bestIndex() > 0 && result.bestIndex() < grid.size() - 1,
                    "best λ index " + result.bestIndex() + " lies strictly inside the grid");
            EpochReport smallest = result.points().get(0).model();
            EpochReport largest = result.points().get(grid.size() - 1).model();
            EpochReport best = result.points().get(result.bestIndex()).model();
            assertTrue(smallest.gap() > best.gap(), "tiny λ overfits");
            assertTrue(largest.trainLoss() > best.trainLoss(), "huge λ underfits");
            assertTrue(largest.l2Norm() < smallest.l2Norm(), "the weight norm falls as λ grows");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void random_search_draws_sorted_log_uniform_values_from_the_range() {
        List<Double> values = Sweep.randomLogValues(1e-4, 1e-1, 6, 3);
        assertEquals(6, values.size());
        for (int i = 0; i < values.size(); i++) {
            assertTrue(values.get(i) >= 1e-4 && values.get(i) <= 1e-1);
            if (i > 0) assertTrue(values.get(i) >= values.get(i - 1));
        }
        assertEquals(values, Sweep.randomLogValues(1e-4, 1e-1, 6, 3), "seeded");
    }
}
