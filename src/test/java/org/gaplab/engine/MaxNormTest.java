package org.gaplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The max-norm constraint ‖w_j‖₂ ≤ c, applied by the optimizer after each step: every unit ends inside the ball, a
 * unit the step left inside it is untouched bit for bit, one outside is scaled back along its own direction, and
 * c = ∞ changes nothing. Real steps of SGD on random data, a large learning rate so that norms grow past c.
 */
class MaxNormTest {
    private static final int ROWS = 32;
    private static final double LIMIT = 1.5;

    /** A network with some units far past c and some inside it, random data, and its forward and backward pass. */
    private static final class Setup {
        final Network network = new Network(new int[] {12, 16, 8, 3}, Activation.RELU, Output.SOFTMAX_CROSS_ENTROPY);
        final Backprop pass;
        final InputBatch batch = InputBatch.dense(ROWS, 12);
        final int[] labels = new int[ROWS];

        Setup(long seed, Precision precision) {
            SplittableRandom random = new SplittableRandom(seed);
            network.initialize(Init.HE_NORMAL, 0.1, random);
            for (DenseLayer layer : network.layers()) {         // every other unit 3× its size: past c
                for (int i = 0; i < layer.weights().length; i++) if (i % layer.fanOut() % 2 == 0) layer.weights()[i] *= 3;
            }
            network.roundTo(precision);
            pass = new Backprop(network, ROWS, new JavaProducts(1, precision));
            for (int i = 0; i < ROWS * 12; i++) batch.denseValues()[i] = random.nextGaussian();
            batch.setRows(ROWS);
            for (int r = 0; r < ROWS; r++) labels[r] = random.nextInt(3);
        }

        void step(Optimizer optimizer, Regularization regularization) {
            pass.forward(batch, new SplittableRandom(0));   // a training pass (no dropout: the stream is unused)
            pass.backward(batch, labels, null);
            optimizer.step(network, pass, 0.5, 0.9, regularization);
        }
    }

    private static double norm(DenseLayer layer, int unit) {
        double squares = 0;
        for (int i = 0; i < layer.fanIn(); i++) squares += layer.weight(i, unit) * layer.weight(i, unit);
        return Math.sqrt(squares);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void after_every_step_every_unit_is_within_c_and_a_unit_inside_is_untouched(long seed) {
        for (Precision precision : Precision.values()) {
            Setup free = new Setup(seed, precision);
            Setup bounded = new Setup(seed, precision);
            Optimizer freeOptimizer = new Optimizer(OptimizerKind.MOMENTUM, free.network);
            Optimizer boundedOptimizer = new Optimizer(OptimizerKind.MOMENTUM, bounded.network);
            Regularization maxNorm = Regularization.NONE.and(new MaxNorm(LIMIT));
            int inside = 0;
            int outside = 0;
            for (int step = 0; step < 20; step++) {
                Network before = bounded.network.copy();
                free.network.copyFrom(before);                   // the same start, one step without the constraint
                free.step(freeOptimizer, Regularization.NONE);
                bounded.step(boundedOptimizer, maxNorm);
                for (int l = 0; l < bounded.network.layerCount(); l++) {
                    DenseLayer unconstrained = free.network.layer(l);
                    DenseLayer layer = bounded.network.layer(l);
                    assertArrayEquals(unconstrained.biases(), layer.biases(), 0.0, "biases are not constrained");
                    for (int j = 0; j < layer.fanOut(); j++) {
                        double freeNorm = norm(unconstrained, j);
                        double tolerance = precision == Precision.F32 ? 1e-6 : 1e-12;
                        assertTrue(norm(layer, j) <= LIMIT * (1 + tolerance), "unit " + j + " of layer " + l + ": " + norm(layer, j));
                        for (int i = 0; i < layer.fanIn(); i++) {
                            double w = layer.weight(i, j);
                            double wFree = unconstrained.weight(i, j);
                            if (freeNorm <= LIMIT) {
                                assertEquals(Double.doubleToRawLongBits(wFree), Double.doubleToRawLongBits(w), "inside c: untouched");
                            } else {
                                assertEquals(wFree * LIMIT / freeNorm, w, 1e-6 * LIMIT, "scaled back along w_j: c·w_j/‖w_j‖₂");
                            }
                        }
                        if (freeNorm <= LIMIT) inside++;
                        else outside++;
                    }
                }
                // The two optimizers' velocities differ once a unit is scaled back; the next step starts both from
                // the constrained weights, so each step is compared on its own.
                freeOptimizer = new Optimizer(OptimizerKind.MOMENTUM, free.network);
                boundedOptimizer = new Optimizer(OptimizerKind.MOMENTUM, bounded.network);
            }
            assertTrue(inside > 20 && outside > 20, "both cases seen: " + inside + " inside, " + outside + " outside");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(OptimizerKind.class)
    void an_infinite_limit_changes_nothing(OptimizerKind kind) {
        Setup plain = new Setup(7, Precision.F32);
        Setup unbounded = new Setup(7, Precision.F32);
        Optimizer a = new Optimizer(kind, plain.network);
        Optimizer b = new Optimizer(kind, unbounded.network);
        Regularization l2 = Regularization.penalty(0, 0.01, L1Mode.CLIP, false);
        for (int step = 0; step < 30; step++) {
            plain.step(a, l2);
            unbounded.step(b, l2.and(new MaxNorm(Double.POSITIVE_INFINITY)));
        }
        for (int l = 0; l < plain.network.layerCount(); l++) {
            assertArrayEquals(plain.network.layer(l).weights(), unbounded.network.layer(l).weights(), 0.0);
            assertArrayEquals(plain.network.layer(l).biases(), unbounded.network.layer(l).biases(), 0.0);
        }
        double grown = 0;
        for (int j = 0; j < plain.network.layer(0).fanOut(); j++) grown = Math.max(grown, norm(plain.network.layer(0), j));
        assertTrue(grown > LIMIT, "the run's units do grow past a finite c (" + grown + "), so ∞ had something to leave alone");
    }
}
