package org.gaplab.data;

import java.util.SplittableRandom;

/**
 * Makes the 2-D sets: clean points from a {@link PointPattern}, moved and relabelled by noise, then encoded with the
 * chosen input features, each standardized with the training points' mean and standard deviation (so that no input
 * starts a tanh unit saturated; the points themselves stay in the plane's units). Each split draws from its own
 * stream, so changing the training size leaves the validation and test points as they were.
 */
final class PointSets {
    /** Noise moves each point by a Gaussian step of σ = 1.5 · noise (0.75 at the maximum noise 0.5). */
    static final double MOVE_PER_NOISE = 1.5;
    /** Noise flips a binary label with probability noise / 5 (10% at the maximum). */
    static final double FLIP_PER_NOISE = 0.2;

    private PointSets() {}

    static DataSplits generate(PointPattern pattern, DataSpec spec) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        Drawn train = draw(pattern, spec.trainSize(), spec.noise(), spec.sampleStream(root.split()));
        Drawn validation = draw(pattern, spec.validationSize(), spec.noise(), root.split());
        Drawn test = draw(pattern, spec.testSize(), spec.noise(), root.split());
        PointEncoding encoding = PointEncoding.ofNames(spec.inputFeatures()).standardizedOn(train.points, train.size());
        int classes = pattern.task() == Task.REGRESSION ? 0 : 2;
        return new DataSplits(pattern.datasetName(), pattern.task(), classes, train.encode(pattern, encoding),
                validation.encode(pattern, encoding), test.encode(pattern, encoding), ImageShape.NONE,
                encoding.names(), pattern.classNames(), java.util.Optional.of(encoding));
    }

    /** One split's noisy points (x1, x2 pairs) with their labels and regression targets. */
    private record Drawn(double[] points, int[] labels, double[] targets) {
        int size() { return labels.length; }

        Examples encode(PointPattern pattern, PointEncoding encoding) {
            double[] inputs = new double[size() * encoding.size()];
            for (int i = 0; i < size(); i++) encoding.encode(points[2 * i], points[2 * i + 1], inputs, i * encoding.size());
            return pattern.task() == Task.REGRESSION
                    ? Examples.denseRegression(encoding.size(), inputs, targets)
                    : Examples.dense(encoding.size(), inputs, labels);
        }
    }

    private static Drawn draw(PointPattern pattern, int size, double noise, SplittableRandom rng) {
        double[] points = new double[2 * size];
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
            points[2 * i] = x1;
            points[2 * i + 1] = x2;
        }
        return new Drawn(points, labels, targets);
    }
}
