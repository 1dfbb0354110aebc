package org.gaplab.data;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The shape of a 2-D set: where clean points lie and which class (or value) each gets. Points lie in
 * [−{@value #EXTENT}, {@value #EXTENT}]², the square the page draws. Noise is added by {@link PointSets}.
 */
public enum PointPattern {
    /** A disk of class "inside" within a ring of class "outside"; x1² + x2² separates them. */
    CIRCLE("circle", Task.BINARY, List.of("outside", "inside")),
    /** Class by the sign of x1·x2; needs the cross term or a hidden layer. */
    XOR("xor", Task.BINARY, List.of("opposite signs", "same signs")),
    /** Two Gaussian clusters; nearly linearly separable. */
    GAUSS("gauss", Task.BINARY, List.of("lower left", "upper right")),
    /** Two interleaved spiral arms; the hard one. */
    SPIRAL("spiral", Task.BINARY, List.of("arm A", "arm B")),
    /** Two interleaved half-moons. */
    MOONS("moons", Task.BINARY, List.of("upper moon", "lower moon")),
    /** Regression: the target rises linearly along the diagonal, (x1 + x2) / 12 in [−1, 1]. */
    PLANE("plane", Task.REGRESSION, List.of());

    public static final double EXTENT = 6;

    private static final double CIRCLE_INNER = 0.5 * EXTENT;     // inside: r ≤ 3
    private static final double CIRCLE_OUTER = 0.7 * EXTENT;     // outside: 4.2 ≤ r ≤ 6
    private static final double XOR_PADDING = 0.3;               // keeps clean points off the axes
    private static final double GAUSS_CENTER = 2;
    private static final double GAUSS_SPREAD = 1;
    private static final double SPIRAL_TURNS = 1.75;
    private static final double SPIRAL_RADIUS = 5.5;
    private static final double MOON_SCALE = 3.5;                // unit moons span x ∈ [−1, 2], y ∈ [−0.5, 1]

    private final String datasetName;
    private final Task task;
    private final List<String> classNames;

    PointPattern(String datasetName, Task task, List<String> classNames) {
        this.datasetName = datasetName;
        this.task = task;
        this.classNames = classNames;
    }

    public String datasetName() { return datasetName; }

    public Task task() { return task; }

    public List<String> classNames() { return classNames; }

    /** The pattern with this dataset name, or null when the name is not a 2-D set. */
    public static PointPattern ofDataset(String name) {
        for (PointPattern pattern : values()) {
            if (pattern.datasetName.equals(name)) return pattern;
        }
        return null;
    }

    /** Draws one clean point into {@code point[0..1]} and returns its class (0 for {@link #PLANE}). */
    public int draw(RandomGenerator rng, double[] point) {
        switch (this) {
            case CIRCLE -> {
                int label = rng.nextInt(2);
                double radius = label == 1
                        ? rng.nextDouble(0, CIRCLE_INNER)
                        : rng.nextDouble(CIRCLE_OUTER, EXTENT);
                double angle = rng.nextDouble(0, 2 * Math.PI);
                point[0] = radius * Math.cos(angle);
                point[1] = radius * Math.sin(angle);
                return label;
            }
            case XOR -> {
                point[0] = awayFromAxis(rng.nextDouble(-(EXTENT - XOR_PADDING), EXTENT - XOR_PADDING));
                point[1] = awayFromAxis(rng.nextDouble(-(EXTENT - XOR_PADDING), EXTENT - XOR_PADDING));
                return point[0] * point[1] >= 0 ? 1 : 0;
            }
            case GAUSS -> {
                int label = rng.nextInt(2);
                double center = label == 1 ? GAUSS_CENTER : -GAUSS_CENTER;
                do {
                    point[0] = center + GAUSS_SPREAD * rng.nextGaussian();
                    point[1] = center + GAUSS_SPREAD * rng.nextGaussian();
                } while (!inside(point[0], point[1]));
                return label;
            }
            case SPIRAL -> {
                int label = rng.nextInt(2);
                double t = rng.nextDouble();
                double radius = SPIRAL_RADIUS * t;
                double angle = SPIRAL_TURNS * 2 * Math.PI * t + label * Math.PI;   // arm B is arm A turned by π
                point[0] = radius * Math.sin(angle);
                point[1] = radius * Math.cos(angle);
                return label;
            }
            case MOONS -> {
                int label = rng.nextInt(2);
                double t = rng.nextDouble(0, Math.PI);
                double x = label == 0 ? Math.cos(t) : 1 - Math.cos(t);
                double y = label == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
                point[0] = MOON_SCALE * (x - 0.5);                    // centre the pair on the origin
                point[1] = MOON_SCALE * (y - 0.25);
                return label;
            }
            case PLANE -> {
                point[0] = rng.nextDouble(-EXTENT, EXTENT);
                point[1] = rng.nextDouble(-EXTENT, EXTENT);
                return 0;
            }
        }
        throw new AssertionError(this);
    }

    /** The regression target of a clean point (only {@link #PLANE} has one): y = (x1 + x2) / 12. */
    public double target(double x1, double x2) {
        return (x1 + x2) / (2 * EXTENT);
    }

    public static boolean inside(double x1, double x2) {
        return Math.abs(x1) <= EXTENT && Math.abs(x2) <= EXTENT;
    }

    private static double awayFromAxis(double value) {
        return value + (value >= 0 ? XOR_PADDING : -XOR_PADDING);
    }
}
