package org.gaplab.training;

import java.util.List;
import java.util.function.Function;

/**
 * The numbers of one epoch, the same object for the WebSocket stream and the {@code train} command. Losses are data
 * losses only (the penalty is reported apart); accuracies are NaN for regression.
 *
 * @param gap                generalization gap: validationLoss − trainLoss
 * @param accuracyGap        trainAccuracy − validationAccuracy
 * @param totalLoss          trainLoss + penalty, the objective being minimized
 * @param zeroFraction       fraction of all weights (not biases) exactly 0
 * @param nearZeroFraction   fraction of all weights with |w| below {@code nearZeroThreshold}
 * @param nearZeroThreshold  ε = max(10⁻³, 2αλ₁): twice the L1 step, the band subgradient L1 leaves weights in
 * @param cutUnits           hidden units cut off by exact zeros, on no path from an input to an output
 *                           (see {@link LayerReport#cutUnits()})
 * @param denseBytes         the model stored densely as 32-bit floats
 * @param sparseBytes        the model with only its non-zero weights stored, each as a 32-bit position and a 32-bit
 *                           value, after a 12-byte header per layer; biases dense
 * @param classAccuracy      validation accuracy per class (empty for regression)
 * @param confusion          the validation split's confusion matrix, for image data only (null otherwise): which
 *                           classes the model mixes up
 * @param inputs             the inputs by kind, and how many the model cut (see {@link InputGroup})
 * @param calibration        the validation split's reliability diagram and expected calibration error
 */
public record EpochReport(int epoch, double trainLoss, double validationLoss, double testLoss, double trainAccuracy,
                          double validationAccuracy, double testAccuracy, double penalty, double totalLoss, double gap,
                          double accuracyGap, double zeroFraction, double nearZeroFraction, double nearZeroThreshold,
                          long nonZeroCount, long weightCount, int cutUnits, double l1Norm, double l2Norm,
                          long denseBytes, long sparseBytes, double learningRate, double[] classAccuracy,
                          ConfusionMatrix confusion, List<InputGroup> inputs, List<LayerReport> layers, Calibration calibration) {

    /** One number of the report that is plotted over epochs. */
    public record Scalar(String name, Function<EpochReport, Number> value) { }

    /**
     * The numbers every epoch streams, in order: the curves, the sweep's points and the downloaded metrics all take
     * exactly these, so a new metric is added here and nowhere else.
     */
    public static final List<Scalar> SCALARS = List.of(
            new Scalar("epoch", EpochReport::epoch),
            new Scalar("trainLoss", EpochReport::trainLoss),
            new Scalar("validationLoss", EpochReport::validationLoss),
            new Scalar("testLoss", EpochReport::testLoss),
            new Scalar("trainAccuracy", EpochReport::trainAccuracy),
            new Scalar("validationAccuracy", EpochReport::validationAccuracy),
            new Scalar("testAccuracy", EpochReport::testAccuracy),
            new Scalar("penalty", EpochReport::penalty),
            new Scalar("totalLoss", EpochReport::totalLoss),
            new Scalar("gap", EpochReport::gap),
            new Scalar("accuracyGap", EpochReport::accuracyGap),
            new Scalar("zeroFraction", EpochReport::zeroFraction),
            new Scalar("nearZeroFraction", EpochReport::nearZeroFraction),
            new Scalar("nearZeroThreshold", EpochReport::nearZeroThreshold),
            new Scalar("nonZeroCount", EpochReport::nonZeroCount),
            new Scalar("weightCount", EpochReport::weightCount),
            new Scalar("cutUnits", EpochReport::cutUnits),
            new Scalar("l1Norm", EpochReport::l1Norm),
            new Scalar("l2Norm", EpochReport::l2Norm),
            new Scalar("denseBytes", EpochReport::denseBytes),
            new Scalar("sparseBytes", EpochReport::sparseBytes),
            new Scalar("learningRate", EpochReport::learningRate),
            new Scalar("calibrationError", r -> r.calibration().error()));

    public EpochReport {
        inputs = List.copyOf(inputs);
        layers = List.copyOf(layers);
        java.util.Objects.requireNonNull(calibration, "calibration");
    }
}
