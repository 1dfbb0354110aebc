package org.gaplab.data;

import java.util.SplittableRandom;

/**
 * Makes the 2-D sets: clean points from a {@link PointPattern}, moved and relabelled by noise, then encoded with the
 * chosen input features. Each split draws from its own stream, so changing the training size leaves the validation
 * and test points as they were.
 */
final class PointSets {
    /** Noise moves each point by a Gaussian step of σ = 1.5 · noise (0.75 at the maximum noise 0.5). */
    static final double MOVE_PER_NOISE = 1.5;
    /** Noise flips a binary label with probability noise / 5 (10% at the maximum). */
    static final double FLIP_PER_NOISE = 0.2;

    private PointSets() {}

    static DataSplits generate(PointPattern pattern, DataSpec spec) {
        PointEncoding encoding = PointEncoding.ofNames(spec.inputFeatures());
        SplittableRandom root = new SplittableRandom(spec.seed());
        Examples train = examples(pattern, encoding, spec.trainSize(), spec.noise(), root.split());
        Examples validation = examples(pattern, encoding, spec.validationSize(), spec.noise(), root.split());
        Examples test = examples(pattern, encoding, spec.testSize(), spec.noise(), root.split());
        int classes = pattern.task() == Task.REGRESSION ? 0 : 2;
        return new DataSplits(pattern.datasetName(), pattern.task(), classes, train, validation, test, ImageShape.NONE,
                encoding.names(), pattern.classNames());
    }

    private static Examples examples(PointPattern pattern, PointEncoding encoding, int size, double noise,
                                     SplittableRandom rng) {
        double[] inputs = new double[size * encoding.size()];
        int[] labels = new int[size];
        double[] targets = new double[size];
        double[] point = new double[2];
        double move = MOVE_PER_NOISE * noise;
        for (int i = 0; i < size; i++) {
            int label = pattern.draw(rng, point);
            targets[i] = pattern.target(point[0], point[1]);           // from the clean point: noise is error
            double x1;
            double x2;
            do {                                                        // redraw moves that leave the square
                x1 = point[0] + move * rng.nextGaussian();
                x2 = point[1] + move * rng.nextGaussian();
            } while (!PointPattern.inside(x1, x2));
            labels[i] = rng.nextDouble() < FLIP_PER_NOISE * noise ? 1 - label : label;
            encoding.encode(x1, x2, inputs, i * encoding.size());
        }
        return pattern.task() == Task.REGRESSION
                ? Examples.denseRegression(encoding.size(), inputs, targets)
                : Examples.dense(encoding.size(), inputs, labels);
    }
}
