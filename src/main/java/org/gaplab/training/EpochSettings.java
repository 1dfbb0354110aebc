package org.gaplab.training;

import org.gaplab.engine.Dropout;
import org.gaplab.engine.Regularization;

/**
 * What every minibatch of one epoch trains with, fixed for the whole epoch: the settings a learner may change
 * between epochs reach the loop this one way, read from the config as the epoch begins, and no class below keeps a
 * copy of them to be set.
 *
 * @param learningRate   α
 * @param momentum       μ, read by the momentum update rule (its velocity is the optimizer's state)
 * @param regularization the penalties and constraints acting on the weights
 * @param dropout        the masks of the forward pass
 * @param augmentation   the transform of each minibatch's dense rows before the forward pass
 */
public record EpochSettings(double learningRate, double momentum, Regularization regularization, Dropout dropout,
                            BatchTransform augmentation) {

    /** These settings with no augmentation. */
    public static EpochSettings of(double learningRate, double momentum, Regularization regularization, Dropout dropout) {
        return new EpochSettings(learningRate, momentum, regularization, dropout, BatchTransform.NONE);
    }
}
