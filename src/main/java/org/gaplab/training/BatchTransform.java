package org.gaplab.training;

import java.util.random.RandomGenerator;

/** Changes a minibatch's dense rows in place before the forward pass: data augmentation. */
@FunctionalInterface
interface BatchTransform {
    BatchTransform NONE = (rows, count, columns, rng) -> { };

    void apply(double[] rows, int count, int columns, RandomGenerator rng);
}
