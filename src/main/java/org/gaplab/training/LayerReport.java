package org.gaplab.training;

import java.util.List;

/**
 * What one layer looks like after an epoch: sparsity counted exactly, the weight distribution, and how its units
 * behave on a fixed probe batch. Its JSON is flat: {@link #FIELDS} names every key in order.
 *
 * @param sparsity       the layer's weights counted; its cut units are 0 for the output layer
 * @param size           the layer's norms and bytes
 * @param distribution   how its weights are spread (empty on a report that does not detail the layer)
 * @param probe          how its units behave on the probe batch (NaN on a report that did not probe)
 * @param singularValues σ₁ ≥ σ₂ ≥ … of W (EJML's SVD), or empty on a report where {@link Spectrum} skipped the layer
 */
public record LayerReport(int index, int fanIn, int fanOut, Sparsity sparsity, WeightSize size,
                          Distribution distribution, ProbeResult probe, double[] singularValues) {

    /**
     * The weight distribution.
     *
     * @param histogram   the weights binned
     * @param percentiles weight percentiles at TensorBoard's 0, 6.68, 15.87, 30.85, 50, 69.15, 84.13, 93.32, 100
     */
    public record Distribution(Histogram histogram, double[] percentiles) { }

    /**
     * The layer's units on the probe batch: activations and the gradient of the data loss, no dropout.
     *
     * @param activationMean mean of the activations
     * @param activationStd  standard deviation of the activations
     * @param stuckFraction  units saturated (tanh, sigmoid: f' below 10 % of its peak) or dead (ReLU: output 0)
     * @param activations    the activations binned
     * @param gradientNorm   ‖∂L̄/∂W‖₂ of the mean data loss L̄ (penalty not included)
     */
    public record ProbeResult(double activationMean, double activationStd, double stuckFraction, Histogram activations,
                              double gradientNorm) { }

    /** The layer's JSON, key by key. */
    public static final List<ReportField<LayerReport>> FIELDS = List.of(
            new ReportField<>("index", LayerReport::index),
            new ReportField<>("fanIn", LayerReport::fanIn),
            new ReportField<>("fanOut", LayerReport::fanOut),
            new ReportField<>("weightCount", l -> (int) l.sparsity().weightCount()),
            new ReportField<>("zeroFraction", l -> l.sparsity().zeroFraction()),
            new ReportField<>("nearZeroFraction", l -> l.sparsity().nearZeroFraction()),
            new ReportField<>("nonZeroCount", l -> (int) l.sparsity().nonZeroCount()),
            new ReportField<>("cutUnits", l -> l.sparsity().cutUnits()),
            new ReportField<>("l1Norm", l -> l.size().l1()),
            new ReportField<>("l2Norm", l -> l.size().l2()),
            new ReportField<>("weights", l -> l.distribution().histogram()),
            new ReportField<>("percentiles", l -> l.distribution().percentiles()),
            new ReportField<>("activationMean", l -> l.probe().activationMean()),
            new ReportField<>("activationStd", l -> l.probe().activationStd()),
            new ReportField<>("stuckFraction", l -> l.probe().stuckFraction()),
            new ReportField<>("activations", l -> l.probe().activations()),
            new ReportField<>("gradientNorm", l -> l.probe().gradientNorm()),
            new ReportField<>("singularValues", LayerReport::singularValues));
}
