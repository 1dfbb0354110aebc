package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gaplab.settings.InvalidSettingException;
import org.junit.jupiter.api.Test;

/** A/B comparisons and λ sweeps (issue 6), with real training on the overfitting setup. */
class ComparisonAndSweepTest {
    private static final TrainingConfig OVERFIT = OverfittingClaimsTest.OVERFIT;

    @Test
    void both_runs_start_from_identical_weights_and_data_and_only_the_chosen_setting_differs() {
        try (Comparison comparison = new Comparison(OVERFIT, Map.of("l2", 0.01))) {
            assertEquals(List.of("l2"), comparison.differences());
            assertTrue(comparison.a().data() == comparison.b().data(), "one data split shared by both runs");
            for (int l = 0; l < comparison.a().network().layerCount(); l++) {
                assertArrayEquals(comparison.a().network().layer(l).weights(), comparison.b().network().layer(l).weights(), 0.0);
                assertArrayEquals(comparison.a().network().layer(l).biases(), comparison.b().network().layer(l).biases(), 0.0);
            }
            Comparison.Step first = comparison.step();
            assertEquals(1, first.a().orElseThrow().epoch());
            assertEquals(1, first.b().orElseThrow().epoch());
        }
        assertThrows(InvalidSettingException.class, () -> new Comparison(OVERFIT, Map.of("seed", 9)));
        assertThrows(InvalidSettingException.class, () -> new Comparison(OVERFIT, Map.of("trainSize", 300)));
    }

    @Test
    void with_l2_the_final_gap_is_smaller_than_without() {
        try (Comparison comparison = new Comparison(OVERFIT.withL2(0), Map.of("l2", 0.01))) {
            EpochReport a = null;
            EpochReport b = null;
            while (!comparison.isFinished()) {
                Comparison.Step step = comparison.step();
                if (step.a().isPresent()) a = step.a().get();
                if (step.b().isPresent()) b = step.b().get();
                assertEquals(a.epoch(), b.epoch(), "lockstep");
            }
            assertTrue(b.losses().gap() < a.losses().gap(), "gap with L2 " + b.losses().gap() + " vs without " + a.losses().gap());
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
            assertTrue(smallest.losses().gap() > best.losses().gap(), "tiny λ overfits");
            assertTrue(largest.losses().train() > best.losses().train(), "huge λ underfits");
            assertTrue(largest.size().l2() < smallest.size().l2(), "the weight norm falls as λ grows");
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
