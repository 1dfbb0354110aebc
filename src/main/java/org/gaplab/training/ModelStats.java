package org.gaplab.training;

import java.util.Arrays;
import org.gaplab.engine.Activation;
import org.gaplab.engine.DenseLayer;

/** Sparsity and distribution statistics of weights, counted exactly. */
final class ModelStats {
    /** |w| below this counts as near zero. */
    static final double NEAR_ZERO = 1e-3;
    /** TensorBoard's distribution percentiles (normal-σ multiples: −∞, −1.5σ, −1σ, −0.5σ, 0, ...). */
    static final double[] PERCENTILES = {0, 6.68, 15.87, 30.85, 50, 69.15, 84.13, 93.32, 100};

    private ModelStats() { }

    /** Counts of one weight matrix. */
    record WeightCounts(int zeros, int nearZeros, double l1, double sumSquares) { }

    static WeightCounts count(double[] weights) {
        int zeros = 0;
        int near = 0;
        double l1 = 0;
        double squares = 0;
        for (double w : weights) {
            if (w == 0) zeros++;
            if (Math.abs(w) < NEAR_ZERO) near++;
            l1 += Math.abs(w);                     // ‖w‖₁ = Σ|w|
            squares += w * w;                      // ‖w‖₂² = Σw²
        }
        return new WeightCounts(zeros, near, l1, squares);
    }

    /** Percentiles by linear interpolation between order statistics. */
    static double[] percentiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] out = new double[PERCENTILES.length];
        for (int i = 0; i < PERCENTILES.length; i++) {
            double position = PERCENTILES[i] / 100 * (sorted.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(below + 1, sorted.length - 1);
            double t = position - below;
            out[i] = sorted[below] * (1 - t) + sorted[above] * t;
        }
        return out;
    }

    /** Bytes of the layer in compressed-row form: a 32-bit value and column per non-zero, fanIn + 1 row pointers. */
    static long sparseBytes(DenseLayer layer, int nonZeros) {
        return 8L * nonZeros + 4L * (layer.fanIn() + 1) + 4L * layer.fanOut();
    }

    /** Mean, standard deviation and stuck fraction of a layer's activations. */
    record ActivationSummary(double mean, double std, double stuckFraction) { }

    static ActivationSummary summarize(double[] activations, int count, Activation activation, boolean hidden) {
        if (count == 0) return new ActivationSummary(0, 0, 0);
        double sum = 0;
        int stuck = 0;
        for (int i = 0; i < count; i++) {
            sum += activations[i];
            if (hidden && activation.isStuck(activations[i])) stuck++;
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double d = activations[i] - mean;
            squares += d * d;
        }
        return new ActivationSummary(mean, Math.sqrt(squares / count), (double) stuck / count);
    }
}
