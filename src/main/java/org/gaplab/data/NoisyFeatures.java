package org.gaplab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A few informative features hidden among many features of pure noise: the label is the sign of a fixed linear
 * combination of the informative ones. With 200 training examples and 100 inputs an unregularized network fits the
 * noise features too; L1 drives their weights to zero and keeps the informative ones, which is feature selection.
 *
 * <p>Every feature is a standard normal draw. The informative features sit at columns chosen by the seed and are
 * named {@code signal1..k}, the others {@code noise1..m}, so the page can show which columns L1 kept.
 */
final class NoisyFeatures {
    static final String NAME = "noisy-features";
    /** Feature names: {@code signal1..k} carry the label, {@code noise1..m} do not. */
    static final String SIGNAL_PREFIX = "signal";
    static final String NOISE_PREFIX = "noise";

    private NoisyFeatures() {}

    static DataSplits generate(DataSpec spec) {
        int informative = spec.informativeFeatures();
        int width = informative + spec.noiseFeatures();
        SplittableRandom root = new SplittableRandom(spec.seed());
        SplittableRandom world = root.split();

        // the hidden truth: which columns carry the signal, and with which weights (|w| in [0.5, 1.5], random sign)
        int[] columns = Datasets.permutation(width, world);     // its first k entries carry the signal
        int[] signalColumns = Arrays.copyOf(columns, informative);
        double[] weights = new double[informative];
        double norm = 0;
        for (int i = 0; i < informative; i++) {
            weights[i] = world.nextDouble(0.5, 1.5) * (world.nextBoolean() ? 1 : -1);
            norm += weights[i] * weights[i];
        }
        for (int i = 0; i < informative; i++) {
            weights[i] /= Math.sqrt(norm);                 // w / ‖w‖: the score w·x is standard normal
        }

        Examples train = examples(spec.trainSize(), width, signalColumns, weights, spec.noise(),
                spec.sampleStream(root.split()));
        Examples validation = examples(spec.validationSize(), width, signalColumns, weights, spec.noise(), root.split());
        Examples test = examples(spec.testSize(), width, signalColumns, weights, spec.noise(), root.split());
        return new DataSplits(NAME, Task.BINARY, 2, train, validation, test, ImageShape.NONE,
                featureNames(width, columns, informative), List.of("negative", "positive"));
    }

    private static Examples examples(int size, int width, int[] signalColumns, double[] weights, double noise,
                                     SplittableRandom rng) {
        double[] inputs = new double[size * width];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            int row = i * width;
            for (int j = 0; j < width; j++) {
                inputs[row + j] = rng.nextGaussian();
            }
            double score = 0;
            for (int k = 0; k < signalColumns.length; k++) {
                score += weights[k] * inputs[row + signalColumns[k]];     // score = Σ wₖ·x_signal(k)
            }
            int label = score > 0 ? 1 : 0;
            labels[i] = rng.nextDouble() < PointSets.FLIP_PER_NOISE * noise ? 1 - label : label;
        }
        return Examples.dense(width, inputs, labels);
    }

    private static List<String> featureNames(int width, int[] columns, int informative) {
        String[] names = new String[width];
        for (int i = 0; i < width; i++) {
            names[columns[i]] = i < informative ? SIGNAL_PREFIX + (i + 1) : NOISE_PREFIX + (i - informative + 1);
        }
        return new ArrayList<>(Arrays.asList(names));
    }
}
