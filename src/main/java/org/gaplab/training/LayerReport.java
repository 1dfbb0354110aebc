package org.gaplab.training;

/**
 * What one layer looks like after an epoch: sparsity counted exactly, the weight distribution, and how its units
 * behave on a fixed probe batch (activations and the gradient of the data loss, no dropout).
 *
 * @param zeroFraction      fraction of weights exactly 0
 * @param nearZeroFraction  fraction of weights with |w| &lt; the report's {@code nearZeroThreshold}
 * @param nonZeroCount      weights not exactly 0 (the "L0 norm")
 * @param cutUnits          units of this (hidden) layer on no path of non-zero weights from an input to an output
 *                          (all weights in, or all out, are exactly 0, or they only connect to cut units): they pass
 *                          no input's signal on; 0 for the output layer
 * @param percentiles       weight percentiles at TensorBoard's 0, 6.68, 15.87, 30.85, 50, 69.15, 84.13, 93.32, 100
 * @param stuckFraction     units saturated (tanh, sigmoid: f' below 10 % of its peak) or dead (ReLU: output 0)
 * @param gradientNorm      ‖∂L̄/∂W‖₂ of the mean data loss L̄ (penalty not included) on the probe batch
 * @param singularValues    σ₁ ≥ σ₂ ≥ … of W (EJML's SVD), or empty on a report where {@link Spectrum} skipped the layer
 */
public record LayerReport(int index, int fanIn, int fanOut, int weightCount, double zeroFraction,
                          double nearZeroFraction, int nonZeroCount, int cutUnits, double l1Norm, double l2Norm,
                          Histogram weights, double[] percentiles, double activationMean, double activationStd,
                          double stuckFraction, Histogram activations, double gradientNorm, double[] singularValues) {
}
