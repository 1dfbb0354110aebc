package org.gaplab.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The three splits a lesson keeps apart: train (fitted), validation (early stopping, choosing λ) and test (reported,
 * never used to decide anything), plus what the page needs to draw them.
 *
 * @param classes      number of classes (2 for binary); 0 for regression
 * @param image        the image layout of the inputs, or {@link ImageShape#NONE}
 * @param featureNames one name per input column: for 2-D sets the inputFeatures spellings ("x1", "x1Squared", ...;
 *                     {@link PointFeature#label()} gives "x1²"), "signal3"/"noise17", "lat3×lon17", "r0c0" for pixels
 * @param classNames   one name per class; empty for regression
 * @param points       for 2-D sets, how a point (x1, x2) becomes a row of inputs and back (standardized with the
 *                     training set's statistics); empty for every other dataset
 */
public record DataSplits(String name, Task task, int classes, Examples train, Examples validation, Examples test,
                         ImageShape image, List<String> featureNames, List<String> classNames,
                         Optional<PointEncoding> points) {
    public DataSplits {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(image, "image");
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
        int inputs = train.inputSize();
        if (validation.inputSize() != inputs || test.inputSize() != inputs) {
            throw new IllegalArgumentException("train, validation and test must have the same input size");
        }
        if (task == Task.REGRESSION ? classes != 0 : classes < 2) {
            throw new IllegalArgumentException("task " + task + " cannot have " + classes + " classes");
        }
    }

    /** Data that is not a 2-D set. */
    public DataSplits(String name, Task task, int classes, Examples train, Examples validation, Examples test,
                      ImageShape image, List<String> featureNames, List<String> classNames) {
        this(name, task, classes, train, validation, test, image, featureNames, classNames, Optional.empty());
    }

    public int inputSize() { return train.inputSize(); }

    /**
     * What kind of input column {@code column} is, for counting which inputs a model cut: "informative" or "noise"
     * (noisy-features), "cell" (a crossed latitude×longitude bucket), "pixel" (images) or "feature" (2-D sets).
     */
    public String inputKind(int column) {
        String feature = featureNames.get(column);
        if (image.isImage()) return "pixel";
        if (feature.startsWith(NoisyFeatures.SIGNAL_PREFIX)) return "informative";
        if (feature.startsWith(NoisyFeatures.NOISE_PREFIX)) return "noise";
        if (feature.startsWith(FeatureCross.CELL_PREFIX)) return "cell";
        return "feature";
    }
}
