package org.gaplab.training;

import java.util.Arrays;

/**
 * Which classes a classifier mixes up on one split: {@code counts[t·classes + p]} is the number of examples of true
 * class t it predicted as p. Row t sums to the examples of class t, the whole matrix to the split's size, and the
 * diagonal over the row is class t's accuracy. Reports carry the validation split's, for image data only
 * ({@link #MAX_CLASSES} classes at most, so a report stays small).
 */
public record ConfusionMatrix(int classes, int[] counts) {
    /** The most classes a report's matrix is kept for: Fashion-MNIST's ten, 100 cells. */
    public static final int MAX_CLASSES = 10;

    public ConfusionMatrix {
        if (classes < 1 || counts.length != classes * classes) {
            throw new IllegalArgumentException("a confusion matrix of " + classes + " classes has " + classes * classes
                    + " cells, not " + counts.length);
        }
        counts = counts.clone();
    }

    /** Examples of true class {@code label} predicted as {@code predicted}. */
    public int count(int label, int predicted) {
        return counts[label * classes + predicted];
    }

    /** Every example counted: the split's size. */
    public int total() {
        return Arrays.stream(counts).sum();
    }

    /** Per class: n_tt / Σ_p n_tp (NaN for a class with no examples). */
    public double[] classAccuracy() {
        double[] accuracy = new double[classes];
        for (int t = 0; t < classes; t++) {
            int row = 0;
            for (int p = 0; p < classes; p++) row += count(t, p);
            accuracy[t] = row == 0 ? Double.NaN : (double) count(t, t) / row;   // a_t = n_tt / Σ_p n_tp
        }
        return accuracy;
    }

    /**
     * Counts a split's predictions as they are measured, and keeps the first {@code keep} mistakes (in the split's
     * order, so the same examples stay in view from epoch to epoch while they are wrong).
     */
    static final class Counter {
        private final int classes;
        private final int[] counts;
        private final int[] missedRows;
        private final int[] missedAs;
        private int missed;

        Counter(int classes, int keep) {
            this.classes = classes;
            this.counts = new int[classes * classes];
            this.missedRows = new int[keep];
            this.missedAs = new int[keep];
        }

        /** Example {@code row} of the split, of class {@code label}, was predicted as {@code predicted}. */
        void add(int row, int label, int predicted) {
            counts[label * classes + predicted]++;
            if (label != predicted && missed < missedRows.length) {
                missedRows[missed] = row;
                missedAs[missed] = predicted;
                missed++;
            }
        }

        ConfusionMatrix matrix() {
            return new ConfusionMatrix(classes, counts);
        }

        Mistakes mistakes() {
            return new Mistakes(Arrays.copyOf(missedRows, missed), Arrays.copyOf(missedAs, missed));
        }
    }

    /** The first mistakes on a split: row {@code rows[i]} was predicted as class {@code predicted[i]}. */
    record Mistakes(int[] rows, int[] predicted) {
        static final Mistakes NONE = new Mistakes(new int[0], new int[0]);
    }
}
