package org.gaplab.training;

import java.util.List;

/**
 * How many weights (not biases) of a layer, or of the whole model, are zero, counted exactly.
 *
 * @param weightCount       weights counted
 * @param nonZeroCount      weights not exactly 0 (the "L0 norm")
 * @param nearZeroCount     weights with |w| below {@code nearZeroThreshold}
 * @param nearZeroThreshold ε = max(10⁻³, 2αλ₁): twice the L1 step, the band subgradient L1 leaves weights in
 * @param cutUnits          hidden units on no path of non-zero weights from an input to an output (all weights in,
 *                          or all out, are exactly 0, or they only connect to cut units): they pass no input's signal
 *                          on; 0 for the output layer
 */
public record Sparsity(long weightCount, long nonZeroCount, long nearZeroCount, double nearZeroThreshold,
                       int cutUnits) {
    /** Fraction of the weights exactly 0. */
    public double zeroFraction() {
        return (double) (weightCount - nonZeroCount) / weightCount;
    }

    /** Fraction of the weights with |w| below the threshold. */
    public double nearZeroFraction() {
        return (double) nearZeroCount / weightCount;
    }

    /** The whole model's counts: the layers' summed, under the threshold they share. */
    static Sparsity total(List<LayerReport> layers, double nearZeroThreshold) {
        long weights = 0;
        long nonZeros = 0;
        long nearZeros = 0;
        int cutUnits = 0;
        for (LayerReport layer : layers) {
            weights += layer.sparsity().weightCount();
            nonZeros += layer.sparsity().nonZeroCount();
            nearZeros += layer.sparsity().nearZeroCount();
            cutUnits += layer.sparsity().cutUnits();
        }
        return new Sparsity(weights, nonZeros, nearZeros, nearZeroThreshold, cutUnits);
    }
}
