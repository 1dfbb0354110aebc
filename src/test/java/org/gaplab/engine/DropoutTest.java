package org.gaplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Inverted dropout: scale kept units by 1/(1 − p) while training; the full, unscaled network at inference. */
class DropoutTest {
    private static final int ROWS = 4000;

    private final Network network = new Network(new int[] {10, 50, 2}, Activation.RELU, Output.SOFTMAX_CROSS_ENTROPY);
    private final InputBatch batch = InputBatch.dense(ROWS, 10);

    DropoutTest() {
        SplittableRandom random = new SplittableRandom(9);
        network.initialize(Init.HE_NORMAL, 0.1, random);
        for (int i = 0; i < ROWS * 10; i++) batch.denseValues()[i] = random.nextGaussian();
        batch.setRows(ROWS);
    }

    @Test
    void kept_units_are_scaled_so_the_mean_activation_is_preserved() {
        Backprop inference = new Backprop(network, ROWS, new JavaProducts(1, Precision.preferred()));
        inference.forward(batch, null);
        double[] full = inference.hiddenActivations(0).clone();

        Backprop training = new Backprop(network, ROWS, new JavaProducts(1, Precision.preferred()));
        double p = 0.5;
        training.forward(batch, new Dropout(new double[] {p}, 0), new SplittableRandom(1));
        double[] dropped = training.hiddenActivations(0);

        double fullMean = 0;
        double droppedMean = 0;
        int zeroed = 0;
        for (int i = 0; i < full.length; i++) {
            fullMean += full[i];
            droppedMean += dropped[i];
            if (dropped[i] == 0 && full[i] != 0) zeroed++;
            else assertEquals(full[i] / (1 - p), dropped[i], 1e-12, "a kept unit is scaled by exactly 1/(1 − p)");
        }
        assertEquals(fullMean / full.length, droppedMean / full.length, 0.02 * fullMean / full.length,
                "E[mask · a] = a");
        long active = java.util.Arrays.stream(full).filter(a -> a != 0).count();
        assertEquals(p, (double) zeroed / active, 0.02, "about a fraction p of units is dropped");
    }

    @Test
    void inference_uses_the_whole_network_without_rescaling_and_is_deterministic() {
        Backprop withDropout = new Backprop(network, ROWS, new JavaProducts(1, Precision.preferred()));
        Dropout dropout = new Dropout(new double[] {0.5}, 0.2);
        double[] first = withDropout.forward(batch, dropout, null).clone();
        double[] second = withDropout.forward(batch, dropout, null).clone();
        assertArrayEquals(first, second, 0.0, "two inference passes give identical outputs");

        Backprop withoutDropout = new Backprop(network, ROWS, new JavaProducts(1, Precision.preferred()));
        assertArrayEquals(withoutDropout.forward(batch, null), first, 0.0, "inference ignores the dropout rates");
    }

    @Test
    void training_passes_differ_because_masks_are_random_but_are_reproducible_from_the_seed() {
        Backprop a = new Backprop(network, ROWS, new JavaProducts(1, Precision.preferred()));
        Dropout dropout = new Dropout(new double[] {0.5}, 0);
        double[] one = a.forward(batch, dropout, new SplittableRandom(7)).clone();
        double[] two = a.forward(batch, dropout, new SplittableRandom(8)).clone();
        double[] again = a.forward(batch, dropout, new SplittableRandom(7)).clone();
        assertArrayEquals(one, again, 0.0);
        assertTrue(!java.util.Arrays.equals(one, two));
    }
}
