package org.gaplab.training;

import java.util.Arrays;

/**
 * A reliability diagram of one split: the examples binned by the model's confidence (the probability it gives its
 * predicted class), and in each bin how often that prediction was right. A calibrated model is right 80% of the time
 * when it says 80%; an overconfident one less often. The expected calibration error sums the gaps, weighted by how
 * many examples each bin holds: ECE = Σ_b (n_b / n)·|accuracy_b − confidence_b|.
 *
 * @param count      examples per bin; bin b holds confidences in [b/B, (b+1)/B), the last one includes 1
 * @param confidence mean confidence in each bin (NaN where the bin is empty)
 * @param accuracy   share of correct predictions in each bin (NaN where empty)
 * @param error      the expected calibration error (NaN for regression or no examples)
 */
public record Calibration(int[] count, double[] confidence, double[] accuracy, double error) {
    /** Ten bins of width 0.1, as reliability diagrams are usually drawn. */
    public static final int BINS = 10;

    /** The diagram of a regression run: nothing to bin. */
    public static final Calibration NONE = new Calibration(new int[0], new double[0], new double[0], Double.NaN);

    /** The bins' sums as a split is measured, a chunk at a time. */
    static final class Tally {
        private final int[] count = new int[BINS];
        private final double[] confidenceSum = new double[BINS];
        private final int[] correct = new int[BINS];

        /** One example: the probability the model gave its predicted class, and whether that class was right. */
        void add(double confidence, boolean right) {
            int bin = Math.min(BINS - 1, (int) Math.floor(confidence * BINS));   // b = ⌊conf·B⌋, 1 in the last
            count[bin]++;
            confidenceSum[bin] += confidence;
            if (right) correct[bin]++;
        }

        Calibration result() {
            double[] confidence = new double[BINS];
            double[] accuracy = new double[BINS];
            long n = Arrays.stream(count).asLongStream().sum();
            double error = 0;
            for (int b = 0; b < BINS; b++) {
                confidence[b] = count[b] == 0 ? Double.NaN : confidenceSum[b] / count[b];
                accuracy[b] = count[b] == 0 ? Double.NaN : (double) correct[b] / count[b];
                if (count[b] > 0) error += (double) count[b] / n * Math.abs(accuracy[b] - confidence[b]);   // (n_b/n)·|acc_b − conf_b|
            }
            return new Calibration(count.clone(), confidence, accuracy, n == 0 ? Double.NaN : error);
        }
    }

    /**
     * The probability a classifier's output row gives the class it predicts: the largest softmax probability, or
     * max(y, 1 − y) for one sigmoid unit.
     */
    static double confidence(double[] y, int row, int width) {
        if (width == 1) return Math.max(y[row], 1 - y[row]);
        double max = y[row * width];
        for (int j = 1; j < width; j++) max = Math.max(max, y[row * width + j]);
        return max;
    }

    /** The mean confidence over all examples, weighted by bin: above the accuracy when the model is overconfident. */
    public double meanConfidence() {
        double sum = 0;
        long n = 0;
        for (int b = 0; b < count.length; b++) {
            if (count[b] == 0) continue;
            sum += confidence[b] * count[b];
            n += count[b];
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
