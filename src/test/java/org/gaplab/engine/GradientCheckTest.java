package org.gaplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backprop against central finite differences of the objective J = mean data loss + penalty, in float64 (the reference:
 * a difference quotient with h = 1e-6 needs more digits than float32 has), on both backends (on
 * OpenBLAS every product goes native here, although the engine would keep products this small in Java).
 */
class GradientCheckTest {
    private static final int ROWS = 7;
    private static final double H = 1e-6;

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        Regularization[] penalties = {
            Regularization.NONE,
            Regularization.penalty(0, 0.05, L1Mode.SUBGRADIENT, false),
            Regularization.penalty(0.02, 0, L1Mode.SUBGRADIENT, false),
            Regularization.penalty(0.02, 0.05, L1Mode.SUBGRADIENT, true),
        };
        for (String backend : new String[] {"java", "blas-everything"}) {
            for (Activation activation : Activation.values()) {
                for (Output output : Output.values()) {
                    for (Regularization penalty : penalties) all.add(Arguments.of(backend, activation, output, penalty));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1} hidden, {2}, {3}")
    @MethodSource("combinations")
    void backprop_matches_finite_differences(String backend, Activation activation, Output output, Regularization penalty) {
        try (Products products = ProductsTest.products(backend, 1, Precision.F64)) {
            Case c = new Case(activation, output, products, new SplittableRandom(activation.ordinal() * 31L + output.ordinal()));
            c.backprop.forward(c.batch, new SplittableRandom(0));
            c.backprop.backward(c.batch, c.labels, c.targets);
            for (int l = 0; l < c.network.layerCount(); l++) {
                DenseLayer layer = c.network.layer(l);
                checkTensor(c, penalty, layer.weights(), c.backprop.weightGradient(l).clone(), true);
                checkTensor(c, penalty, layer.biases(), c.backprop.biasGradient(l).clone(), penalty.includeBiases());
            }
        }
    }

    @Test
    void sparse_inputs_give_the_same_gradients_as_dense_inputs() {
        SplittableRandom random = new SplittableRandom(5);
        Network network = new Network(new int[] {12, 5, 3}, Activation.TANH, Output.SOFTMAX_CROSS_ENTROPY);
        network.initialize(Init.XAVIER_NORMAL, 0.1, random);
        InputBatch dense = InputBatch.dense(4, 12);
        InputBatch sparse = InputBatch.sparse(4, 12);
        sparse.clearSparse();
        for (int r = 0; r < 4; r++) {
            int[] columns = {r, r + 4, 11 - r};   // distinct columns in every row
            double[] values = {1.0, 0.5, -2.0};
            for (int e = 0; e < 3; e++) dense.denseValues()[r * 12 + columns[e]] = values[e];
            sparse.appendSparseRow(columns, values, 0, 3);
        }
        dense.setRows(4);
        int[] labels = {0, 1, 2, 1};
        Backprop a = new Backprop(network, 4, new JavaProducts(1, Precision.F64));
        Backprop b = new Backprop(network, 4, new JavaProducts(1, Precision.F64));
        double[] yDense = a.forward(dense, new SplittableRandom(1)).clone();
        double[] ySparse = b.forward(sparse, new SplittableRandom(1));
        for (int i = 0; i < 12; i++) assertEquals(yDense[i], ySparse[i], 1e-12);
        a.backward(dense, labels, null);
        b.backward(sparse, labels, null);
        for (int l = 0; l < 2; l++) {
            double[] ga = a.weightGradient(l);
            double[] gb = b.weightGradient(l);
            for (int i = 0; i < ga.length; i++) assertEquals(ga[i], gb[i], 1e-12);
        }
    }

    /**
     * The analytic gradient is the data gradient plus what {@link Regularization#addGradient} adds, the very call the
     * optimizer makes before its step.
     */
    private static void checkTensor(Case c, Regularization penalty, double[] params, double[] dataGradient, boolean penalized) {
        double[] gradient = dataGradient.clone();
        if (penalized) penalty.addGradient(params, gradient, 0, params.length);              // g ← g + ∂R/∂w
        for (int i = 0; i < params.length; i++) {
            double original = params[i];
            if (penalized && !penalty.terms().isEmpty() && Math.abs(original) < 10 * H) continue;   // |w| has no derivative at 0
            params[i] = original + H;
            double plus = c.objective(penalty);
            params[i] = original - H;
            double minus = c.objective(penalty);
            params[i] = original;
            double numeric = (plus - minus) / (2 * H);                           // ∂J/∂w ≈ (J(w+h) − J(w−h)) / 2h
            double analytic = gradient[i];
            double scale = Math.max(1e-4, Math.abs(numeric) + Math.abs(analytic));
            assertTrue(Math.abs(numeric - analytic) / scale < 1e-5,
                    "param " + i + ": numeric " + numeric + " vs backprop " + analytic);
        }
    }

    /** A small network with data and targets for its output kind. */
    private static final class Case {
        final Network network;
        final Backprop backprop;
        final Products products;
        final InputBatch batch;
        final int[] labels = new int[ROWS];
        final double[] targets = new double[ROWS];

        Case(Activation activation, Output output, Products products, SplittableRandom random) {
            this.products = products;
            int outputs = output == Output.SOFTMAX_CROSS_ENTROPY ? 3 : 1;
            network = new Network(new int[] {4, 5, 4, outputs}, activation, output);
            network.initialize(Init.XAVIER_NORMAL, 0, random);
            for (DenseLayer layer : network.layers()) {
                for (int j = 0; j < layer.biases().length; j++) layer.biases()[j] = 0.1 * random.nextGaussian();
            }
            backprop = new Backprop(network, ROWS, products);
            batch = InputBatch.dense(ROWS, 4);
            for (int i = 0; i < ROWS * 4; i++) batch.denseValues()[i] = random.nextGaussian();
            batch.setRows(ROWS);
            for (int r = 0; r < ROWS; r++) {
                labels[r] = random.nextInt(output == Output.SOFTMAX_CROSS_ENTROPY ? 3 : 2);
                targets[r] = random.nextGaussian();
            }
        }

        /** J = (1/m)·Σ loss + penalty, by a fresh inference pass. */
        double objective(Regularization penalty) {
            Backprop pass = new Backprop(network, ROWS, products);
            double[] y = pass.forward(batch, null);
            return network.output().sumLoss(y, ROWS, network.outputSize(), labels, targets) / ROWS + penalty.value(network);
        }
    }
}
