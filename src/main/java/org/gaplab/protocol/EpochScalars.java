package org.gaplab.protocol;

import org.gaplab.training.EpochReport;

/**
 * The numbers of one epoch that the curves plot, without the layer details: small enough that a frame can carry
 * every epoch since the previous frame, and a session can hold a bounded backlog of them for a slow browser.
 */
public record EpochScalars(int epoch, double trainLoss, double validationLoss, double testLoss, double trainAccuracy,
                           double validationAccuracy, double testAccuracy, double penalty, double totalLoss, double gap,
                           double accuracyGap, double zeroFraction, double nearZeroFraction, long nonZeroCount,
                           long weightCount, double l1Norm, double l2Norm, long denseBytes, long sparseBytes,
                           double learningRate) {

    public static EpochScalars of(EpochReport r) {
        return new EpochScalars(r.epoch(), r.trainLoss(), r.validationLoss(), r.testLoss(), r.trainAccuracy(),
                r.validationAccuracy(), r.testAccuracy(), r.penalty(), r.totalLoss(), r.gap(), r.accuracyGap(),
                r.zeroFraction(), r.nearZeroFraction(), r.nonZeroCount(), r.weightCount(), r.l1Norm(), r.l2Norm(),
                r.denseBytes(), r.sparseBytes(), r.learningRate());
    }
}
