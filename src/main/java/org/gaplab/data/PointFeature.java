package org.gaplab.data;

import java.util.Arrays;

/**
 * One input feature computed from a 2-D point, as in the classic browser playground. The config spelling
 * ({@link #configName()}) is also the feature's name in {@link DataSplits#featureNames()}; {@link #label()} is how the
 * page writes it.
 */
public enum PointFeature {
    X1("x1", "x1"),
    X2("x2", "x2"),
    X1_SQUARED("x1Squared", "x1²"),
    X2_SQUARED("x2Squared", "x2²"),
    X1X2("x1x2", "x1·x2"),
    SIN_X1("sinX1", "sin(x1)"),
    SIN_X2("sinX2", "sin(x2)");

    private final String configName;
    private final String label;

    PointFeature(String configName, String label) {
        this.configName = configName;
        this.label = label;
    }

    public String configName() { return configName; }

    public String label() { return label; }

    /** The feature's value at the point (x1, x2). */
    public double value(double x1, double x2) {
        return switch (this) {
            case X1 -> x1;
            case X2 -> x2;
            case X1_SQUARED -> x1 * x1;
            case X2_SQUARED -> x2 * x2;
            case X1X2 -> x1 * x2;
            case SIN_X1 -> Math.sin(x1);
            case SIN_X2 -> Math.sin(x2);
        };
    }

    /** The feature with this config spelling. */
    public static PointFeature of(String configName) {
        for (PointFeature feature : values()) {
            if (feature.configName.equals(configName)) return feature;
        }
        throw new IllegalArgumentException("no point feature is called '" + configName + "'; known: "
                + Arrays.stream(values()).map(PointFeature::configName).toList());
    }

    /** Whether a name is one of the point features' config spellings. */
    public static boolean isName(String name) {
        return Arrays.stream(values()).anyMatch(feature -> feature.configName.equals(name));
    }
}
