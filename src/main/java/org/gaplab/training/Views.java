package org.gaplab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gaplab.data.Augmenter;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Examples;
import org.gaplab.data.PointEncoding;
import org.gaplab.engine.Backend;
import org.gaplab.engine.Backprop;
import org.gaplab.engine.DenseLayer;
import org.gaplab.engine.InputBatch;
import org.gaplab.engine.Network;

/**
 * The pictures drawn beside the numbers: the decision boundary of a 2-D set, its points, the first layer's weights as
 * images, and samples of what the augmenter makes. One per run; buffers are reused, so a stream of frames allocates
 * little. Values are quantized to small integers because they are pictures, not measurements.
 */
public final class Views {
    /** Cells per side of the decision-boundary grid. */
    public static final int BOUNDARY_RESOLUTION = 48;
    /** 2-D sets live in [−EXTENT, EXTENT]². */
    public static final double EXTENT = 6.0;
    /** Grid cells pushed through the network at once, so the grid's buffers stay small whatever the network's size. */
    public static final int GRID_CHUNK = 256;

    /**
     * The network's output over a grid: {@code levels[row·resolution + column]} in 0..255 maps linearly onto
     * [valueMin, valueMax] (for two classes: the probability of class 1). Row 0 is the top (x2 = +extent), column 0
     * the left (x1 = −extent); cell centres are sampled.
     */
    public record DecisionBoundary(double extent, int resolution, double valueMin, double valueMax, int[] levels) { }

    /** 2-D points as (x1, x2, label-or-value) triples. */
    public record Points(double[] train, double[] test) { }

    /**
     * First-layer weights of up to {@code units} hidden units as width × height images: pixel = round(127·w / scale)
     * in −127..127, with {@code scale} the largest |w| shown, so exact zeros are exactly 0.
     */
    public record WeightImages(int width, int height, double scale, List<int[]> units) { }

    /**
     * The weights of every layer for a network diagram, each cut to its first {@code inputs} × {@code units}:
     * {@code weights[i·units + j]} = round(127·w / scale) for the link from input i to unit j, so a zeroed weight is
     * exactly 0 and the link can disappear.
     */
    public record NetworkLayer(int fanIn, int fanOut, int inputs, int units, double scale, int[] weights) { }

    /** Augmented copies of one training example: images as 0..255 pixels, 2-D points as (x1, x2) pairs. */
    public record AugmentedSamples(int width, int height, int[] original, List<int[]> samples, double[] points) { }

    private final Trainer trainer;
    private final DataSplits data;
    private final PointEncoding encoding;     // null unless the data is a 2-D set
    private Backprop gridPass;
    private InputBatch grid;
    private double[] gridInputs;   // every cell's encoded inputs, row-major
    private double[] gridOutputs;
    private Points points;

    public Views(Trainer trainer) {
        this.trainer = trainer;
        this.data = trainer.data();
        this.encoding = data.points().orElse(null);
    }

    /** The decision boundary, for 2-D sets. */
    public Optional<DecisionBoundary> decisionBoundary() {
        if (encoding == null) return Optional.empty();
        int n = BOUNDARY_RESOLUTION;
        Network network = trainer.network();
        int inputs = network.inputSize();
        int width = network.outputSize();
        if (grid == null) {
            gridInputs = new double[n * n * inputs];
            gridOutputs = new double[n * n * width];
            grid = InputBatch.dense(GRID_CHUNK, inputs);
            gridPass = new Backprop(network, GRID_CHUNK, Backend.JAVA.products(1));   // a 2-D net: too small for BLAS
            double cell = 2 * EXTENT / n;
            for (int row = 0; row < n; row++) {
                for (int column = 0; column < n; column++) {
                    double x1 = -EXTENT + (column + 0.5) * cell;
                    double x2 = EXTENT - (row + 0.5) * cell;
                    encoding.encode(x1, x2, gridInputs, (row * n + column) * inputs);
                }
            }
        }
        for (int start = 0; start < n * n; start += GRID_CHUNK) {
            int rows = Math.min(GRID_CHUNK, n * n - start);
            System.arraycopy(gridInputs, start * inputs, grid.denseValues(), 0, rows * inputs);
            grid.setRows(rows);
            System.arraycopy(gridPass.forward(grid, null), 0, gridOutputs, start * width, rows * width);
        }
        double[] y = gridOutputs;
        double min = 0;
        double max = 1;
        if (data.train().isRegression()) {
            min = Double.POSITIVE_INFINITY;
            max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n * n; i++) {
                min = Math.min(min, y[i]);
                max = Math.max(max, y[i]);
            }
            if (max == min) max = min + 1;
        }
        int[] levels = new int[n * n];
        for (int i = 0; i < n * n; i++) {
            levels[i] = (int) Math.round(255 * Math.min(1, Math.max(0, (y[i] - min) / (max - min))));
        }
        return Optional.of(new DecisionBoundary(EXTENT, n, min, max, levels));
    }

    /** Up to {@code max} points of the train and test splits, for 2-D sets. */
    public Optional<Points> points(int max) {
        if (encoding == null) return Optional.empty();
        if (points == null) points = new Points(triples(data.train(), max), triples(data.test(), max));
        return Optional.of(points);
    }

    private double[] triples(Examples examples, int max) {
        int count = Math.min(max, examples.size());
        double[] out = new double[3 * count];
        double[] row = new double[examples.inputSize()];
        double[] point = new double[2];
        for (int i = 0; i < count; i++) {
            examples.copyRow(i, row, 0);
            encoding.recoverPoint(row, 0, point);
            out[3 * i] = point[0];
            out[3 * i + 1] = point[1];
            out[3 * i + 2] = examples.isRegression() ? examples.targets()[i] : examples.labels()[i];
        }
        return out;
    }

    /** The first layer's weights as images, for image sets with at least one hidden layer. */
    public Optional<WeightImages> firstLayerWeights(int maxUnits) {
        Network network = trainer.network();
        if (!data.image().isImage() || network.layerCount() < 2) return Optional.empty();
        DenseLayer first = network.layer(0);
        int units = Math.min(maxUnits, first.fanOut());
        double[] w = first.weights();
        double scale = 0;
        for (int unit = 0; unit < units; unit++) {
            for (int pixel = 0; pixel < first.fanIn(); pixel++) scale = Math.max(scale, Math.abs(w[pixel * first.fanOut() + unit]));
        }
        List<int[]> images = new ArrayList<>(units);
        for (int unit = 0; unit < units; unit++) {
            int[] image = new int[first.fanIn()];
            for (int pixel = 0; pixel < first.fanIn(); pixel++) {
                double weight = w[pixel * first.fanOut() + unit];                 // column `unit` of W
                image[pixel] = scale == 0 ? 0 : (int) Math.round(127 * weight / scale);
            }
            images.add(image);
        }
        return Optional.of(new WeightImages(data.image().width(), data.image().height(), scale, images));
    }

    /** Every layer's weights, at most {@code maxUnits} inputs and units per layer, for the network diagram. */
    public List<NetworkLayer> network(int maxUnits) {
        List<NetworkLayer> layers = new ArrayList<>();
        for (DenseLayer layer : trainer.network().layers()) {
            int inputs = Math.min(maxUnits, layer.fanIn());
            int units = Math.min(maxUnits, layer.fanOut());
            double scale = 0;
            for (double w : layer.weights()) scale = Math.max(scale, Math.abs(w));
            int[] quantized = new int[inputs * units];
            for (int i = 0; i < inputs; i++) {
                for (int j = 0; j < units; j++) {
                    double w = layer.weight(i, j);
                    quantized[i * units + j] = scale == 0 ? 0 : (int) Math.round(127 * w / scale);
                }
            }
            layers.add(new NetworkLayer(layer.fanIn(), layer.fanOut(), inputs, units, scale, quantized));
        }
        return layers;
    }

    /**
     * {@code count} augmented copies of training example {@code index} under the run's current augmentation, drawn
     * with {@code seed} (pass the epoch to show fresh samples as training goes).
     */
    public Optional<AugmentedSamples> augmentedSamples(int index, int count, long seed) {
        Augmenter augmenter = new Augmenter(trainer.config().augmentation(), data);
        if (augmenter.isIdentity() || data.train().size() == 0) return Optional.empty();
        double[] row = new double[data.inputSize()];
        data.train().copyRow(Math.floorMod(index, data.train().size()), row, 0);
        double[] copies = augmenter.samples(row, count, new SplittableRandom(seed));
        if (data.image().isImage()) {
            List<int[]> samples = new ArrayList<>(count);
            for (int i = 0; i < count; i++) samples.add(pixels(copies, i * row.length, row.length));
            return Optional.of(new AugmentedSamples(data.image().width(), data.image().height(), pixels(row, 0, row.length),
                    samples, new double[0]));
        }
        if (encoding == null) return Optional.empty();
        double[] pairs = new double[2 * (count + 1)];
        double[] point = new double[2];
        encoding.recoverPoint(row, 0, point);
        pairs[0] = point[0];
        pairs[1] = point[1];
        for (int i = 0; i < count; i++) {
            encoding.recoverPoint(copies, i * row.length, point);
            pairs[2 * i + 2] = point[0];
            pairs[2 * i + 3] = point[1];
        }
        return Optional.of(new AugmentedSamples(0, 0, new int[0], List.of(), pairs));
    }

    private static int[] pixels(double[] values, int offset, int length) {
        int[] out = new int[length];
        for (int i = 0; i < length; i++) out[i] = (int) Math.round(255 * Math.min(1, Math.max(0, values[offset + i])));
        return out;
    }
}
