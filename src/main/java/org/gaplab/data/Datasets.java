package org.gaplab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gaplab.settings.InvalidSettingException;

/**
 * Makes or loads the data a {@link DataSpec} names, split into train, validation and test. Deterministic: the same
 * spec gives bit-identical splits, another seed other data. Each split is drawn from its own seeded stream (or, for
 * Fashion-MNIST, cut from disjoint positions of a seeded order), so the splits never share an example and changing
 * {@code trainSize} leaves validation and test as they were.
 *
 * <table>
 *   <caption>Which options each dataset reads; the others are ignored, so a config can switch datasets freely</caption>
 *   <tr><th>dataset</th><th>task</th><th>options</th></tr>
 *   <tr><td>circle, xor, gauss, spiral, moons</td><td>BINARY</td><td>noise (moves points, flips labels),
 *       inputFeatures</td></tr>
 *   <tr><td>plane</td><td>REGRESSION</td><td>noise (moves points), inputFeatures</td></tr>
 *   <tr><td>noisy-features</td><td>BINARY</td><td>noise (flips labels), informativeFeatures, noiseFeatures</td></tr>
 *   <tr><td>feature-cross</td><td>BINARY, sparse inputs</td><td>noise (moves houses, flips labels), crossRows,
 *       crossColumns</td></tr>
 *   <tr><td>shapes</td><td>MULTICLASS, 28×28</td><td>noise (pixel noise σ)</td></tr>
 *   <tr><td>fashion-mnist</td><td>MULTICLASS, 28×28</td><td>fashionSource; noise is ignored (real data)</td></tr>
 * </table>
 */
public final class Datasets {
    private Datasets() {}

    /** Every dataset name {@link #load} accepts, in the page's order. */
    public static List<String> names() {
        return DataSpec.DATASET.choices();
    }

    /**
     * The splits for a spec, with Fashion-MNIST's full files looked up where {@link FashionMnistSources#fromSystem()}
     * says.
     *
     * @throws InvalidSettingException  when the sizes ask for more images than the chosen Fashion-MNIST source has
     * @throws DataUnavailableException when the full Fashion-MNIST files are asked for but not found or damaged
     */
    public static DataSplits load(DataSpec spec) {
        return load(spec, FashionMnistSources.fromSystem());
    }

    /** As {@link #load(DataSpec)}, looking for the full Fashion-MNIST files in the given places. */
    public static DataSplits load(DataSpec spec, FashionMnistSources sources) {
        return Dataset.named(spec.dataset()).load(spec, sources);
    }

    /** A seeded permutation of 0..n−1 (Fisher–Yates). */
    static int[] permutation(int n, SplittableRandom rng) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) values[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }

    /** Names for image inputs, one per pixel: "r0c0", "r0c1", ... row-major. */
    static List<String> pixelNames(ImageShape shape) {
        List<String> names = new ArrayList<>(shape.pixels());
        for (int row = 0; row < shape.height(); row++) {
            for (int column = 0; column < shape.width(); column++) {
                names.add("r" + row + "c" + column);
            }
        }
        return names;
    }
}
