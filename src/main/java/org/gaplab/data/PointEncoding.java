package org.gaplab.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns a 2-D set feeds the network: an ordered list of {@link PointFeature}s. It writes a point's features into
 * a row and reads the point back from a row, so that jitter can move the point itself and recompute every derived
 * feature (moving x1² on its own would describe no point at all).
 *
 * <p>Reading back works for every feature list. The point is the candidate whose features reproduce the row; where
 * several points do (x1² alone cannot tell x1 from −x1, sin x1 cannot tell x1 from π − x1), the first candidate wins.
 * Those points are indistinguishable to the network, and jitter around either gives the same distribution of features
 * whenever the features are symmetric in the ambiguity (squares, sines); only combinations such as {sin x1, x1·x2}
 * pick one of several genuinely different points that share the row's features.
 *
 * <p>An encoding may standardize its columns: each feature f is written as (f − μ) / σ with the mean and standard
 * deviation of the training set ({@link #standardizedOn}), so every input the network sees has unit scale whatever
 * the feature (x1 spans ±6, x1² 0..36). Points are always given and read back in the plane's own units.
 */
public final class PointEncoding {
    /** The default of {@link DataSpec#INPUT_FEATURES}: the raw coordinates. */
    public static final PointEncoding RAW = new PointEncoding(List.of(PointFeature.X1, PointFeature.X2));

    private static final int NO_COLUMN = -1;
    private static final int CANDIDATES = 6;

    private final List<PointFeature> features;
    private final int[] column = new int[PointFeature.values().length];   // column of each feature, or NO_COLUMN
    private final double[] mean;                                          // μ per column (0: not standardized)
    private final double[] deviation;                                     // σ per column (1: not standardized)

    /** The features written as they are. */
    public PointEncoding(List<PointFeature> features) {
        this(features, new double[features.size()], filled(features.size(), 1.0));
    }

    private PointEncoding(List<PointFeature> features, double[] mean, double[] deviation) {
        if (features.isEmpty() || features.stream().distinct().count() != features.size()) {
            throw new IllegalArgumentException("a point encoding needs distinct features, got " + features);
        }
        this.features = List.copyOf(features);
        this.mean = mean;
        this.deviation = deviation;
        java.util.Arrays.fill(column, NO_COLUMN);
        for (int i = 0; i < features.size(); i++) {
            column[features.get(i).ordinal()] = i;
        }
    }

    /**
     * This encoding's features standardized with the mean and standard deviation of each feature over the given
     * points (x1, x2 pairs): the training set's, so validation and test are scaled by what training saw.
     */
    public PointEncoding standardizedOn(double[] points, int count) {
        int size = features.size();
        double[] mu = new double[size];
        double[] sigma = new double[size];
        for (int i = 0; i < size; i++) {
            PointFeature feature = features.get(i);
            double sum = 0;
            for (int p = 0; p < count; p++) sum += feature.value(points[2 * p], points[2 * p + 1]);
            mu[i] = count == 0 ? 0 : sum / count;                                  // μ = Σf / n
            double squares = 0;
            for (int p = 0; p < count; p++) {
                double d = feature.value(points[2 * p], points[2 * p + 1]) - mu[i];
                squares += d * d;
            }
            double sd = count == 0 ? 0 : Math.sqrt(squares / count);                // σ = √(Σ(f − μ)² / n)
            sigma[i] = sd > 1e-12 ? sd : 1.0;                                        // a constant feature keeps its scale
        }
        return new PointEncoding(features, mu, sigma);
    }

    /** μ of each column (all 0 when not standardized). */
    public double[] means() { return mean.clone(); }

    /** σ of each column (all 1 when not standardized). */
    public double[] deviations() { return deviation.clone(); }

    private static double[] filled(int size, double value) {
        double[] values = new double[size];
        java.util.Arrays.fill(values, value);
        return values;
    }

    /** The encoding for config spellings such as {@code ["x1", "x2Squared"]}. */
    public static PointEncoding ofNames(List<String> names) {
        List<PointFeature> features = new ArrayList<>();
        for (String name : names) features.add(PointFeature.of(name));
        return new PointEncoding(features);
    }

    public int size() { return features.size(); }

    public List<PointFeature> features() { return features; }

    /** The config spellings, which are also the data's feature names. */
    public List<String> names() {
        return features.stream().map(PointFeature::configName).toList();
    }

    /** Writes the (standardized) features of (x1, x2) into {@code row[offset .. offset + size())}. */
    public void encode(double x1, double x2, double[] row, int offset) {
        for (int i = 0; i < features.size(); i++) {
            row[offset + i] = (features.get(i).value(x1, x2) - mean[i]) / deviation[i];   // z = (f − μ) / σ
        }
    }

    /**
     * Reads back a point whose features are {@code row[offset .. offset + size())} into {@code point[0..1]}.
     * Allocates nothing: the augmenter calls it for every row of every minibatch.
     */
    public void recoverPoint(double[] row, int offset, double[] point) {
        double best = Double.POSITIVE_INFINITY;
        double bestX1 = 0;
        double bestX2 = 0;
        int count1 = candidateCount(0);
        int count2 = candidateCount(1);
        for (int a = 0; a < count1; a++) {
            for (int b = 0; b < count2; b++) {
                double x1 = candidate(0, a, row, offset);
                double x2 = candidate(1, b, row, offset);
                if (Double.isNaN(x1) && Double.isNaN(x2)) {
                    // only x1·x2 mentions either coordinate: any factorization will do, x1 = √|p|, x2 = p / x1
                    double product = valueOf(PointFeature.X1X2, row, offset);
                    x1 = Math.sqrt(Math.abs(product));
                    x2 = x1 == 0 ? 0 : product / x1;
                } else if (Double.isNaN(x1)) {
                    x1 = fromProduct(x2, row, offset);                 // x1 = (x1·x2) / x2
                } else if (Double.isNaN(x2)) {
                    x2 = fromProduct(x1, row, offset);                 // x2 = (x1·x2) / x1
                }
                double error = mismatch(x1, x2, row, offset);
                if (error < best) {
                    best = error;
                    bestX1 = x1;
                    bestX2 = x2;
                }
            }
        }
        point[0] = bestX1;
        point[1] = bestX2;
    }

    private int candidateCount(int coordinate) {
        if (has(raw(coordinate))) return 1;
        if (has(square(coordinate))) return 2;
        if (has(sine(coordinate))) return CANDIDATES;
        return 1;
    }

    /** The k-th guess for one coordinate; NaN means "follows from x1·x2, or unused". */
    private double candidate(int coordinate, int k, double[] row, int offset) {
        if (has(raw(coordinate))) return valueOf(raw(coordinate), row, offset);
        if (has(square(coordinate))) {
            double magnitude = Math.sqrt(Math.max(0, valueOf(square(coordinate), row, offset)));   // |x| = √(x²)
            return k == 0 ? magnitude : -magnitude;
        }
        if (has(sine(coordinate))) {
            double a = Math.asin(Math.max(-1, Math.min(1, valueOf(sine(coordinate), row, offset))));
            // sin x = s has the solutions a + 2πk and π − a + 2πk; these cover |x| ≤ 7.8, beyond any noisy point
            return switch (k) {
                case 0 -> a;
                case 1 -> Math.PI - a;
                case 2 -> -Math.PI - a;
                case 3 -> a - 2 * Math.PI;
                case 4 -> a + 2 * Math.PI;
                default -> 3 * Math.PI - a;
            };
        }
        return Double.NaN;
    }

    private double fromProduct(double other, double[] row, int offset) {
        if (!has(PointFeature.X1X2) || other == 0) return 0;
        return valueOf(PointFeature.X1X2, row, offset) / other;
    }

    /** Σ (feature(x1, x2) − f)² over the encoded features, f read back from the row. */
    private double mismatch(double x1, double x2, double[] row, int offset) {
        double sum = 0;
        for (int i = 0; i < features.size(); i++) {
            double difference = features.get(i).value(x1, x2) - unscaled(i, row, offset);
            sum += difference * difference;
        }
        return sum;
    }

    /** The feature value in column i of a row: f = z·σ + μ. */
    private double unscaled(int i, double[] row, int offset) {
        return row[offset + i] * deviation[i] + mean[i];
    }

    private boolean has(PointFeature feature) { return column[feature.ordinal()] != NO_COLUMN; }

    private double valueOf(PointFeature feature, double[] row, int offset) {
        return unscaled(column[feature.ordinal()], row, offset);
    }

    private static PointFeature raw(int coordinate) { return coordinate == 0 ? PointFeature.X1 : PointFeature.X2; }

    private static PointFeature square(int coordinate) {
        return coordinate == 0 ? PointFeature.X1_SQUARED : PointFeature.X2_SQUARED;
    }

    private static PointFeature sine(int coordinate) { return coordinate == 0 ? PointFeature.SIN_X1 : PointFeature.SIN_X2; }

    @Override public boolean equals(Object other) {
        return other instanceof PointEncoding encoding && encoding.features.equals(features)
                && java.util.Arrays.equals(encoding.mean, mean) && java.util.Arrays.equals(encoding.deviation, deviation);
    }

    @Override public int hashCode() { return features.hashCode(); }

    @Override public String toString() { return "PointEncoding" + names(); }
}
