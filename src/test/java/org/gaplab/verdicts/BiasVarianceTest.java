package org.gaplab.verdicts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.gaplab.data.Examples;
import org.junit.jupiter.api.Test;

/** The decomposition against a hand computation: three models, four points. */
class BiasVarianceTest {
    @Test
    void three_models_on_four_points_match_the_hand_computation() {
        // labels y = 1, 0, 1, 0; one sigmoid output: the probability of class 1
        Examples points = Examples.dense(1, new double[] {0, 0, 0, 0}, new int[] {1, 0, 1, 0});
        List<double[]> predictions = List.of(
                new double[] {0.9, 0.2, 0.6, 0.1},
                new double[] {0.7, 0.4, 0.3, 0.1},
                new double[] {0.8, 0.0, 0.9, 0.4});
        // point 1: p̄ = 0.8, bias² = 0.04, var = (0.01 + 0.01 + 0)/3 = 0.02/3
        // point 2: p̄ = 0.2, bias² = 0.04, var = (0 + 0.04 + 0.04)/3 = 0.08/3
        // point 3: p̄ = 0.6, bias² = 0.16, var = (0 + 0.09 + 0.09)/3 = 0.18/3
        // point 4: p̄ = 0.2, bias² = 0.04, var = (0.01 + 0.01 + 0.04)/3 = 0.06/3
        BiasVariance result = BiasVariance.of(predictions, points, 1);
        assertEquals((0.04 + 0.04 + 0.16 + 0.04) / 4, result.bias(), 1e-12);
        assertEquals((0.02 + 0.08 + 0.18 + 0.06) / 3 / 4, result.variance(), 1e-12);
        assertEquals(result.bias() + result.variance(), result.error(), 1e-12);
    }

    @Test
    void softmax_outputs_sum_the_decomposition_over_the_classes() {
        Examples points = Examples.dense(1, new double[] {0, 0}, new int[] {0, 1});
        List<double[]> predictions = List.of(new double[] {0.6, 0.4, 0.5, 0.5}, new double[] {0.8, 0.2, 0.1, 0.9});
        // point 1: class 0 p̄ = 0.7 (y 1): bias² 0.09, var 0.01; class 1 p̄ = 0.3 (y 0): bias² 0.09, var 0.01
        // point 2: class 0 p̄ = 0.3 (y 0): bias² 0.09, var 0.04; class 1 p̄ = 0.7 (y 1): bias² 0.09, var 0.04
        BiasVariance result = BiasVariance.of(predictions, points, 2);
        assertEquals((0.18 + 0.18) / 2, result.bias(), 1e-12);
        assertEquals((0.02 + 0.08) / 2, result.variance(), 1e-12);
    }
}
