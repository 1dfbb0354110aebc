package org.gaplab.training;

import java.util.List;

/**
 * The numbers of one epoch, the same object for the WebSocket stream and the {@code train} command. Losses are data
 * losses only (the penalty is reported apart); accuracies are NaN for regression.
 *
 * @param gap            generalization gap: validationLoss − trainLoss
 * @param accuracyGap    trainAccuracy − validationAccuracy
 * @param totalLoss      trainLoss + penalty, the objective being minimized
 * @param zeroFraction   fraction of all weights (not biases) exactly 0
 * @param denseBytes     the model stored densely as 32-bit floats
 * @param sparseBytes    the model with weights in compressed-row form (32-bit value and column per non-zero, row
 *                       pointers) and dense biases
 * @param classAccuracy  validation accuracy per class (empty for regression)
 */
public record EpochReport(int epoch, double trainLoss, double validationLoss, double testLoss, double trainAccuracy,
                          double validationAccuracy, double testAccuracy, double penalty, double totalLoss, double gap,
                          double accuracyGap, double zeroFraction, double nearZeroFraction, long nonZeroCount,
                          long weightCount, double l1Norm, double l2Norm, long denseBytes, long sparseBytes,
                          double learningRate, double[] classAccuracy, List<LayerReport> layers) {
    public EpochReport {
        layers = List.copyOf(layers);
    }
}
