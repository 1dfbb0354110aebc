package org.gaplab.training;

/** Counts of values in equal-width bins over [min, max] (a single bin when all values are equal). */
public record Histogram(double min, double max, int[] counts) {
    public static final int BINS = 30;

    /** Bins {@code count} values of {@code values} into {@link #BINS} bins. */
    public static Histogram of(double[] values, int count) {
        if (count == 0) return new Histogram(0, 0, new int[BINS]);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        int[] counts = new int[BINS];
        double width = (max - min) / BINS;
        for (int i = 0; i < count; i++) {
            int bin = width == 0 ? 0 : (int) ((values[i] - min) / width);   // bin = ⌊(v − min) / width⌋
            counts[Math.min(bin, BINS - 1)]++;
        }
        return new Histogram(min, max, counts);
    }
}
