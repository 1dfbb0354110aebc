package org.gaplab.server.classes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The class chart's two summaries: the median per value, and the value it picks as best. */
class ClassChartTest {
    private static final double NAN = Double.NaN;

    @Test
    void the_median_of_an_odd_count_is_the_middle_number_whatever_the_order() {
        assertEquals(0.4, ClassChart.median(new double[] {0.9, 0.1, 0.4}));
    }

    @Test
    void the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assertEquals(0.5, ClassChart.median(new double[] {0.8, 0.2, 0.4, 0.6}), 1e-12);
    }

    @Test
    void the_nan_or_infinity_of_a_diverged_run_is_left_out_and_none_left_means_no_median() {
        assertEquals(0.3, ClassChart.median(new double[] {NAN, 0.3, Double.POSITIVE_INFINITY}));
        assertNull(ClassChart.median(new double[] {NAN}));
        assertNull(ClassChart.median(new double[0]));
    }

    @Test
    void the_best_value_has_the_lowest_median_and_skips_values_nobody_trained() {
        assertEquals(2, ClassChart.bestIndex(Arrays.asList(0.5, null, 0.2, NAN, 0.3)));
        assertEquals(-1, ClassChart.bestIndex(Arrays.asList(null, NAN)));
    }

    @Test
    void of_two_values_with_the_same_median_the_first_is_best() {
        assertEquals(1, ClassChart.bestIndex(List.of(0.4, 0.2, 0.2)));
    }

    @Test
    void a_best_value_at_the_grids_end_or_beside_values_nobody_ran_is_at_an_edge_and_one_inside_is_not() {
        assertEquals("grid", ClassChart.edge(List.of(true, false, true, true), 3));
        assertEquals("grid", ClassChart.edge(List.of(true, false, true, true), 0));
        assertEquals("covered", ClassChart.edge(List.of(false, true, true, false), 2), "nobody ran the last value");
        assertNull(ClassChart.edge(List.of(true, true, true, false), 1), "run on both sides: the bottom of a U");
        assertNull(ClassChart.edge(List.of(true, true), -1), "no best value yet");
    }
}
