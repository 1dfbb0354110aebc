package org.gaplab.geometry;

import org.gaplab.engine.Activation;
import org.gaplab.engine.Backend;
import org.gaplab.engine.Precision;
import org.gaplab.engine.Backprop;
import org.gaplab.engine.L1Mode;
import org.gaplab.engine.Network;
import org.gaplab.engine.Optimizer;
import org.gaplab.engine.OptimizerKind;
import org.gaplab.engine.Output;
import org.gaplab.engine.Regularization;

/**
 * The steps the trainer's own {@link Optimizer} takes on a landscape from a start: full-batch steps, the data gradient
 * from the landscape, the penalty folded in exactly as in training (subgradient, clip at zero, L2; SGD or Adam).
 * The bias is held at 0 (its gradient is set to 0), so the two weights are the whole model.
 *
 * @param name   what the steps are: {@code sgd-subgradient}, {@code sgd-clip}, {@code sgd-l2}, {@code adam-clip}
 * @param w1     the first weight after each step, the start first
 * @param w2     the second weight
 */
public record Trail(String name, OptimizerKind optimizer, Regularization penalty, double[] w1, double[] w2) {

    /** The four update rules the view sets side by side: three with λ₁ as their strength, one with λ₂. */
    public enum Rule {
        SGD_SUBGRADIENT("sgd-subgradient", OptimizerKind.SGD, L1Mode.SUBGRADIENT, false),
        SGD_CLIP("sgd-clip", OptimizerKind.SGD, L1Mode.CLIP, false),
        SGD_L2("sgd-l2", OptimizerKind.SGD, L1Mode.CLIP, true),
        ADAM_CLIP("adam-clip", OptimizerKind.ADAM, L1Mode.CLIP, false);

        private final String id;
        private final OptimizerKind optimizer;
        private final L1Mode mode;
        private final boolean l2;

        Rule(String id, OptimizerKind optimizer, L1Mode mode, boolean l2) {
            this.id = id;
            this.optimizer = optimizer;
            this.mode = mode;
            this.l2 = l2;
        }

        public String id() { return id; }

        /** λ₁ with this rule's L1 mode, or λ₂ alone for the L2 rule. */
        public Regularization penalty(double l1, double l2) {
            return this.l2 ? Regularization.penalty(0, l2, mode, false) : Regularization.penalty(l1, 0, mode, false);
        }

        public Trail walk(Landscape loss, double learningRate, double l1, double l2, double start1, double start2, int steps) {
            return Trail.walk(id, loss, optimizer, penalty(l1, l2), learningRate, start1, start2, steps);
        }
    }

    /** {@code steps} steps of the engine's optimizer from (start1, start2). */
    public static Trail walk(String name, Landscape loss, OptimizerKind kind, Regularization penalty, double learningRate,
                             double start1, double start2, int steps) {
        Network network = new Network(new int[] {2, 1}, Activation.TANH, Output.SIGMOID_BINARY_CROSS_ENTROPY);
        Backprop gradients = new Backprop(network, 1, Backend.JAVA.products(1, Precision.F64));   // the math drawn, in float64
        Optimizer optimizer = new Optimizer(kind, network);
        double[] weights = network.layer(0).weights();
        weights[0] = start1;
        weights[1] = start2;
        double[] w1 = new double[steps + 1];
        double[] w2 = new double[steps + 1];
        w1[0] = start1;
        w2[0] = start2;
        double[] g = new double[2];
        for (int s = 1; s <= steps; s++) {
            loss.gradient(weights[0], weights[1], g);
            gradients.weightGradient(0)[0] = g[0];                    // ∂J/∂w from the landscape
            gradients.weightGradient(0)[1] = g[1];
            gradients.biasGradient(0)[0] = 0;                         // the bias stays 0
            optimizer.step(network, gradients, learningRate, 0, penalty);
            w1[s] = weights[0];
            w2[s] = weights[1];
        }
        return new Trail(name, kind, penalty, w1, w2);
    }

    /** Steps taken. */
    public int steps() { return w1.length - 1; }
}
