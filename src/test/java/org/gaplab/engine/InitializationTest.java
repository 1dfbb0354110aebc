package org.gaplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What each initializer does to the signal through a deep stack, measured with real forward passes. */
class InitializationTest {
    private static final int WIDTH = 256;
    private static final int DEPTH = 8;
    private static final int ROWS = 500;

    /** A forward pass of unit-Gaussian inputs through a freshly initialized network. */
    private static Backprop forwardGaussian(int[] sizes, Init init, Activation activation, long seed) {
        Network network = new Network(sizes, activation, Output.LINEAR_SQUARED_ERROR);
        SplittableRandom random = new SplittableRandom(seed);
        network.initialize(init, 0, random);
        InputBatch batch = InputBatch.dense(ROWS, sizes[0]);
        for (int i = 0; i < ROWS * sizes[0]; i++) batch.denseValues()[i] = random.nextGaussian();
        batch.setRows(ROWS);
        Backprop pass = new Backprop(network, ROWS, new JavaProducts(1, Precision.preferred()));
        pass.forward(batch, null);
        return pass;
    }

    /** Variance of each hidden layer's activations for unit-Gaussian inputs. */
    private static double[] activationVariances(Init init, Activation activation) {
        int[] sizes = new int[DEPTH + 2];
        java.util.Arrays.fill(sizes, WIDTH);
        sizes[DEPTH + 1] = 1;
        Backprop pass = forwardGaussian(sizes, init, activation, 3);
        double[] variances = new double[DEPTH];
        for (int l = 0; l < DEPTH; l++) variances[l] = variance(pass.hiddenActivations(l), ROWS * WIDTH);
        return variances;
    }

    private static double variance(double[] a, int n) {
        double mean = 0;
        for (int i = 0; i < n; i++) mean += a[i];
        mean /= n;
        double sum = 0;
        for (int i = 0; i < n; i++) sum += (a[i] - mean) * (a[i] - mean);
        return sum / n;
    }

    private static double saturatedFraction(Init init) {
        Backprop pass = forwardGaussian(new int[] {WIDTH, WIDTH, WIDTH, 1}, init, Activation.TANH, 4);
        double[] a = pass.hiddenActivations(1);
        int stuck = 0;
        for (int i = 0; i < ROWS * WIDTH; i++) if (Activation.TANH.isStuck(a[i])) stuck++;
        return (double) stuck / (ROWS * WIDTH);
    }

    @Test
    void xavier_keeps_tanh_signal_alive_through_eight_layers_while_too_small_vanishes() {
        double[] xavier = activationVariances(Init.XAVIER_NORMAL, Activation.TANH);
        for (int l = 1; l < DEPTH; l++) {
            double ratio = xavier[l - 1] / xavier[l];
            assertTrue(ratio < 2 && ratio > 0.5, "Xavier: layer " + l + " → " + (l + 1) + " changed variance by " + ratio);
        }
        assertTrue(xavier[DEPTH - 1] > xavier[0] / 10, "Xavier: the 8th layer still carries signal");

        double[] small = activationVariances(Init.TOO_SMALL, Activation.TANH);
        assertTrue(small[DEPTH - 1] < 1e-9 * small[0], "too small: variance collapses, got " + small[DEPTH - 1]);
        for (int l = 1; l < DEPTH; l++) assertTrue(small[l] < small[l - 1] / 10, "too small shrinks every layer");
    }

    @Test
    void a_unit_gaussian_init_saturates_tanh_while_xavier_does_not() {
        assertTrue(saturatedFraction(Init.TOO_LARGE) > 0.6, "N(0, 1) pushes most tanh units into saturation");
        assertTrue(saturatedFraction(Init.XAVIER_NORMAL) < 0.05, "Xavier keeps tanh units in their working range");
    }

    @Test
    void he_keeps_relu_variance_within_a_factor_of_two_across_eight_layers() {
        double[] he = activationVariances(Init.HE_NORMAL, Activation.RELU);
        double max = java.util.Arrays.stream(he).max().orElseThrow();
        double min = java.util.Arrays.stream(he).min().orElseThrow();
        assertTrue(max / min < 2, "He + ReLU: max/min variance " + max / min);

        double[] large = activationVariances(Init.TOO_LARGE, Activation.RELU);
        assertTrue(large[DEPTH - 1] > 1e10 * large[0], "N(0, 1) + ReLU explodes layer by layer");
        double[] small = activationVariances(Init.TOO_SMALL, Activation.RELU);
        assertTrue(small[DEPTH - 1] < 1e-10 * small[0], "too small + ReLU vanishes");
    }

    @Test
    void zero_and_constant_inits_keep_every_hidden_unit_of_a_layer_identical_while_training() {
        for (Init init : new Init[] {Init.ZEROS, Init.CONSTANT}) {
            Network network = new Network(new int[] {3, 6, 5, 3}, Activation.TANH, Output.SOFTMAX_CROSS_ENTROPY);
            network.initialize(init, 0, new SplittableRandom(1));
            train(network, 300);
            for (int l = 0; l < 2; l++) {
                DenseLayer layer = network.layer(l);
                for (int j = 1; j < layer.fanOut(); j++) {
                    for (int i = 0; i < layer.fanIn(); i++) {
                        assertEquals(layer.weight(i, 0), layer.weight(i, j), 0.0,
                                init + ": unit " + j + " of layer " + l + " differs from unit 0");
                    }
                    assertEquals(layer.biases()[0], layer.biases()[j], 0.0);
                }
            }
        }
        Network xavier = new Network(new int[] {3, 6, 5, 3}, Activation.TANH, Output.SOFTMAX_CROSS_ENTROPY);
        xavier.initialize(Init.XAVIER_NORMAL, 0, new SplittableRandom(1));
        train(xavier, 10);
        assertTrue(xavier.layer(0).weight(0, 0) != xavier.layer(0).weight(0, 1), "random init breaks symmetry");
    }

    /** A few hundred SGD steps on random 3-class data. */
    private static void train(Network network, int steps) {
        SplittableRandom random = new SplittableRandom(2);
        InputBatch batch = InputBatch.dense(16, 3);
        int[] labels = new int[16];
        Backprop pass = new Backprop(network, 16, new JavaProducts(1, Precision.preferred()));
        Optimizer optimizer = new Optimizer(OptimizerKind.SGD, network);
        for (int step = 0; step < steps; step++) {
            for (int r = 0; r < 16; r++) {
                labels[r] = random.nextInt(3);
                for (int c = 0; c < 3; c++) batch.denseValues()[r * 3 + c] = random.nextGaussian() + (c == labels[r] ? 1 : 0);
            }
            batch.setRows(16);
            pass.forward(batch, random);
            pass.backward(batch, labels, null);
            optimizer.step(network, pass, 0.1, 0, Regularization.NONE);
        }
    }
}
