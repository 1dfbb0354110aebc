package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.gaplab.engine.Activation;
import org.gaplab.engine.Network;
import org.gaplab.engine.Output;
import org.junit.jupiter.api.Test;

/** Counting that cannot mislead: exact zeros, the near-zero band, cut units and inputs, and sparse bytes. */
class ModelStatsTest {
    /** A 3-4-2-1 network with every weight 1, to be zeroed in places. */
    private static Network ones() {
        Network network = new Network(new int[] {3, 4, 2, 1}, Activation.TANH, Output.SIGMOID_BINARY_CROSS_ENTROPY);
        for (var layer : network.layers()) Arrays.fill(layer.weights(), 1.0);
        return network;
    }

    @Test
    void percentiles_by_selection_are_exactly_those_of_a_full_sort() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int trial = 0; trial < 230; trial++) {
            int n = trial < 200 ? 1 + random.nextInt(300) : 1 + random.nextInt(120_000);   // one bucket, and many
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(8);   // ties, signed zeros and spread values, as clipped weights give
                values[i] = kind == 0 ? 0.0 : kind == 1 ? -0.0 : kind == 2 ? 0.25 : kind == 3 && trial % 2 == 0
                        ? random.nextGaussian() * Math.pow(10, random.nextInt(-300, 300)) : kind == 4 && trial % 7 == 0
                        ? Double.NaN : kind == 5 && trial % 5 == 0 ? Double.NEGATIVE_INFINITY : random.nextGaussian() * 0.05;
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double[] expected = new double[ModelStats.PERCENTILES.length];
            for (int p = 0; p < expected.length; p++) {
                double position = ModelStats.PERCENTILES[p] / 100 * (n - 1);
                int below = (int) Math.floor(position);
                int above = Math.min(below + 1, n - 1);
                double t = position - below;
                expected[p] = sorted[below] * (1 - t) + sorted[above] * t;
            }
            assertArrayEquals(expected, ModelStats.percentiles(values), "trial " + trial + " of " + n + " values");
        }
    }

    @Test
    void a_unit_is_cut_when_no_path_of_non_zero_weights_runs_through_it() {
        Network network = ones();
        var first = network.layer(0);
        for (int i = 0; i < 3; i++) first.weights()[i * 4] = 0;             // unit 0 of layer 1: nothing comes in
        var second = network.layer(1);
        second.weights()[1 * 2] = 0;                                          // unit 1 of layer 1: nothing goes out
        second.weights()[1 * 2 + 1] = 0;
        network.layer(2).weights()[1] = 0;                                    // unit 1 of layer 2 feeds no output
        ModelStats.Connectivity connectivity = ModelStats.Connectivity.of(network);
        assertArrayEquals(new int[] {2, 1, 0}, connectivity.cutUnits());
        assertArrayEquals(new boolean[] {true, true, true}, connectivity.inputKept());
    }

    @Test
    void an_input_is_cut_when_its_only_non_zero_weights_lead_to_cut_units() {
        Network network = ones();
        var first = network.layer(0);
        Arrays.fill(first.weights(), 0);
        first.weights()[0 * 4 + 1] = 0.5;                                     // input 0 → unit 1 only
        first.weights()[2 * 4 + 2] = 0.5;                                     // input 2 → unit 2 only
        var second = network.layer(1);
        second.weights()[1 * 2] = 0;                                          // unit 1 talks to nothing
        second.weights()[1 * 2 + 1] = 0;
        ModelStats.Connectivity connectivity = ModelStats.Connectivity.of(network);
        assertArrayEquals(new boolean[] {false, false, true}, connectivity.inputKept(),
                "input 0 only reaches a cut unit, input 1 reaches nothing, input 2 reaches a live unit");
        assertEquals(3, connectivity.cutUnits()[0], "units 0, 1 and 3 of the first layer");
    }

    @Test
    void without_hidden_layers_an_input_is_cut_exactly_when_its_weights_are_zero() {
        Network network = new Network(new int[] {4, 1}, Activation.TANH, Output.SIGMOID_BINARY_CROSS_ENTROPY);
        System.arraycopy(new double[] {0.3, 0, -1e-12, 0}, 0, network.layer(0).weights(), 0, 4);
        assertArrayEquals(new boolean[] {true, false, true, false}, ModelStats.Connectivity.of(network).inputKept(),
                "a weight of 1e-12 is small, not zero");
    }

    @Test
    void only_exact_zeros_count_as_zeros_and_near_zero_uses_the_band_of_the_l1_step() {
        double epsilon = ModelStats.nearZeroThreshold(0.3, 0.03);
        assertEquals(0.018, epsilon, 1e-15, "ε = 2αλ₁");
        assertEquals(1e-3, ModelStats.nearZeroThreshold(0.1, 0), "without L1, the floor");
        ModelStats.WeightCounts counts = ModelStats.count(new double[] {0, -0.0, 1e-9, 0.017, -0.019, 2}, epsilon);
        assertEquals(2, counts.zeros(), "0 and −0 only");
        assertEquals(4, counts.nearZeros());
    }

    @Test
    void a_layer_with_more_than_half_its_weights_zero_is_smaller_sparse_than_dense() {
        Network network = new Network(new int[] {100, 10}, Activation.TANH, Output.SOFTMAX_CROSS_ENTROPY);
        var layer = network.layer(0);
        long dense = ModelStats.denseBytes(layer);
        assertEquals(4 * (1000 + 10), dense);
        assertTrue(ModelStats.sparseBytes(layer, 100) < dense / 4, "90% zeros: " + ModelStats.sparseBytes(layer, 100));
        assertTrue(ModelStats.sparseBytes(layer, 490) < dense, "51% zeros");
        assertTrue(ModelStats.sparseBytes(layer, 520) > dense, "48% zeros: a sparse copy is larger");
        assertEquals(12 + 8 * 100 + 4 * 10, ModelStats.sparseBytes(layer, 100), "header, (position, value) pairs, biases");
    }
}
