package org.gaplab.training;

import java.util.SplittableRandom;

/**
 * A run's independent random streams, named so that no two can be swapped unnoticed: each is split from one root
 * in this fixed order, so the same seed gives the same streams, and a setting that uses one stream (dropout, say)
 * leaves the others' draws as they were.
 *
 * @param init         the initial weights
 * @param shuffle      each epoch's visiting order
 * @param dropout      the dropout masks
 * @param augmentation the augmentation's draws
 */
public record RunRandoms(SplittableRandom init, SplittableRandom shuffle, SplittableRandom dropout,
                         SplittableRandom augmentation) {

    /** The streams of a run with this seed. */
    public static RunRandoms of(long seed) {
        return splitFrom(new SplittableRandom(seed));
    }

    /** Four streams split from {@code root}, in the order of the components. */
    public static RunRandoms splitFrom(SplittableRandom root) {
        SplittableRandom init = root.split();
        SplittableRandom shuffle = root.split();
        SplittableRandom dropout = root.split();
        SplittableRandom augmentation = root.split();
        return new RunRandoms(init, shuffle, dropout, augmentation);
    }
}
