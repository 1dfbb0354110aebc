package org.gaplab.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.gaplab.settings.InvalidSettingException;

/**
 * Cuts Fashion-MNIST into the three splits: train and validation from the training file (disjoint positions of one
 * seeded, class-interleaved order), test from the test file. Interleaving the classes makes every split as
 * class-balanced as its size allows, so a 500-image training set has 50 of each class.
 */
final class FashionMnistSplits {
    private FashionMnistSplits() {}

    static DataSplits load(DataSpec spec, FashionMnistSources sources) {
        boolean full = spec.fashionSource().equals("full");
        checkSizes(spec, full ? FashionMnist.OFFICIAL_TRAIN : FashionMnist.EMBEDDED_TRAIN,
                full ? FashionMnist.OFFICIAL_TEST : FashionMnist.EMBEDDED_TEST, spec.fashionSource());
        FashionMnist.Archive archive = read(full, sources);
        SplittableRandom root = new SplittableRandom(spec.seed());
        int[] trainOrder = balancedOrder(archive.train(), root.split());
        int[] testOrder = balancedOrder(archive.test(), root.split());
        int train = spec.trainSize();
        int validation = spec.validationSize();
        int[] trainIndices = spec.resampled()
                ? sampleOutside(archive.train(), Arrays.copyOfRange(trainOrder, train, train + validation), train,
                        spec.sampleStream(null))
                : Arrays.copyOfRange(trainOrder, 0, train);
        return new DataSplits(FashionMnist.NAME, Task.MULTICLASS, FashionMnist.CLASS_NAMES.size(),
                examples(archive.train(), trainIndices, root.split()),
                examples(archive.train(), Arrays.copyOfRange(trainOrder, train, train + validation), root.split()),
                examples(archive.test(), Arrays.copyOfRange(testOrder, 0, spec.testSize()), root.split()),
                FashionMnist.SHAPE, Datasets.pixelNames(FashionMnist.SHAPE), FashionMnist.CLASS_NAMES);
    }

    private static void checkSizes(DataSpec spec, int trainFile, int testFile, String source) {
        String more = source.equals("full") ? "" : "; fashionSource \"full\" has up to "
                + FashionMnist.OFFICIAL_TRAIN + " and " + FashionMnist.OFFICIAL_TEST;
        if (spec.trainSize() + spec.validationSize() > trainFile) {
            String field = spec.trainSize() > trainFile - DataSpec.VALIDATION_SIZE.min()
                    ? DataSpec.TRAIN_SIZE.name() : DataSpec.VALIDATION_SIZE.name();
            int value = field.equals(DataSpec.TRAIN_SIZE.name()) ? spec.trainSize() : spec.validationSize();
            throw new InvalidSettingException(field, value, "trainSize + validationSize ≤ " + trainFile
                    + " for fashionSource \"" + source + "\" (both are cut from its " + trainFile
                    + " training images)" + more);
        }
        if (spec.testSize() > testFile) {
            throw new InvalidSettingException(DataSpec.TEST_SIZE.name(), spec.testSize(), "at most " + testFile
                    + " for fashionSource \"" + source + "\" (its test file has " + testFile + " images)" + more);
        }
    }

    private static FashionMnist.Archive read(boolean full, FashionMnistSources sources) {
        Path directory = null;
        try {
            if (!full) return FashionMnist.readEmbedded();
            directory = sources.find().orElseThrow(() -> new DataUnavailableException(sources.notFoundMessage()));
            return FashionMnist.readDirectory(directory);
        } catch (IOException e) {
            throw new DataUnavailableException("Fashion-MNIST could not be read"
                    + (directory == null ? "" : " from " + directory) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Another class-balanced training sample of {@code size} images from the same file, none of them a validation
     * image: how the runs of one experiment over several seeds each draw their own training set.
     */
    private static int[] sampleOutside(LabelledImages images, int[] validation, int size, SplittableRandom rng) {
        java.util.BitSet held = new java.util.BitSet(images.count());
        for (int index : validation) held.set(index);
        int[] sample = new int[size];
        int taken = 0;
        for (int index : balancedOrder(images, rng)) {
            if (taken == size) break;
            if (!held.get(index)) sample[taken++] = index;
        }
        return sample;
    }

    /**
     * A seeded order of all indices in which the classes take turns: shuffle, group by class keeping the shuffled
     * order, then deal one of each class in turn. Any prefix is as balanced as it can be.
     */
    static int[] balancedOrder(LabelledImages images, SplittableRandom rng) {
        int[] shuffled = Datasets.permutation(images.count(), rng);
        int classes = FashionMnist.CLASS_NAMES.size();
        int[][] byClass = new int[classes][];
        int[] counts = new int[classes];
        for (int index : shuffled) counts[images.label(index)]++;
        for (int c = 0; c < classes; c++) byClass[c] = new int[counts[c]];
        int[] filled = new int[classes];
        for (int index : shuffled) {
            int label = images.label(index);
            byClass[label][filled[label]++] = index;
        }
        int[] order = new int[images.count()];
        int next = 0;
        for (int round = 0; next < order.length; round++) {
            for (int c = 0; c < classes; c++) {
                if (round < byClass[c].length) order[next++] = byClass[c][round];
            }
        }
        return order;
    }

    /** The chosen images as examples, in a seeded order (so labels do not cycle 0, 1, ..., 9). */
    private static Examples examples(LabelledImages images, int[] indices, SplittableRandom rng) {
        int[] order = Datasets.permutation(indices.length, rng);
        int pixels = images.shape().pixels();
        double[] inputs = new double[indices.length * pixels];
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int index = indices[order[i]];
            images.copyScaled(index, inputs, i * pixels);
            labels[i] = images.label(index);
        }
        return Examples.dense(pixels, inputs, labels);
    }
}
