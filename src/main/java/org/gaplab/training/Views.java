package org.gaplab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.gaplab.data.Augmenter;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Examples;
import org.gaplab.data.PointEncoding;
import org.gaplab.data.PointPattern;
import org.gaplab.engine.DenseLayer;
import org.gaplab.engine.Network;

/**
 * The pictures drawn beside the numbers: the decision boundary of a 2-D set with its points and each hidden unit's
 * output over the plane, the first layer's weights as pictures, the network's links, and samples of what the
 * augmenter makes. One per run; buffers are reused, so a stream of frames allocates little.
 *
 * <p>Pictures are quantized to small integers because they are pictures, not measurements, with one rule that keeps
 * them honest: a weight is drawn as 0 only when it is exactly 0 ({@link #level}). The network's links, which a learner
 * can hover to read, carry the weights themselves.
 */
public final class Views {
    /** Cells per side of the decision-boundary grid. */
    public static final int BOUNDARY_RESOLUTION = 48;
    /** The largest square drawn: the one 2-D sets live in, [−EXTENT, EXTENT]². */
    public static final double EXTENT = PointPattern.EXTENT;
    /** A hidden unit's picture samples every third cell of the boundary grid: 16 × 16, from the same forward pass. */
    public static final int NEURON_STRIDE = 3;
    /**
     * Inputs and units per layer drawn: in the network diagram, and hidden units with a picture (the page says
     * "first N of M" beyond).
     */
    public static final int NEURON_UNITS = 32;
    /** Grid cells pushed through the network at once, so the grid's buffers stay small whatever the network's size. */
    public static final int GRID_CHUNK = 256;
    /** Validation images the model gets wrong shown in the misclassified strip: the first this many, in split order. */
    public static final int MISCLASSIFIED = 12;

    /**
     * The network's output over a grid: {@code levels[row·resolution + column]} in 0..255 maps linearly onto
     * [valueMin, valueMax] (for two classes: the probability of class 1). The grid covers [−extent, extent]², the
     * smallest whole-unit square that holds every point with a margin; row 0 is the top (x2 = +extent), column 0 the
     * left (x1 = −extent); cell centres are sampled.
     */
    public record DecisionBoundary(double extent, int resolution, double valueMin, double valueMax, int[] levels) { }

    /** 2-D points as (x1, x2, label-or-value) triples, in the plane's own units. */
    public record Points(double[] train, double[] test) { }

    /**
     * What each hidden unit computes over the boundary's square, TensorFlow Playground style: per hidden layer, the
     * pictures of its first {@code pictures.size()} of {@code units} units, each {@code resolution}² levels
     * round(127·a / scale) in −127..127, row 0 at the top; {@code scale} = max(1, largest |a| of the layer), so a
     * unit whose outputs all stay tiny is drawn pale.
     */
    public record Neurons(double extent, int resolution, List<NeuronLayer> layers) { }

    /** One hidden layer's unit pictures. */
    public record NeuronLayer(int units, double scale, List<int[]> pictures) { }

    /**
     * The first layer's weights drawn as pictures, one per unit it feeds (hidden units, or the output classes of a
     * network without hidden layers): images as width × height, crossed cells as their map (north up), any other
     * inputs as one row. Pixel = {@link #level}(w, scale) with {@code scale} the largest |w| shown.
     *
     * @param fanOut the layer's units; {@code units} holds the first of them
     * @param output whether the layer is the output layer (no hidden layers)
     */
    public record WeightImages(int width, int height, double scale, int fanOut, boolean output, List<int[]> units) { }

    /** Which picture pixels stand for inputs that are never non-zero in training: only the penalty moves them. */
    public record Inputs(int[] unseen) { }

    /**
     * The weights of every layer for the network diagram, each cut to its first {@code inputs} × {@code units}:
     * {@code weights[i·units + j]} is w from input i to unit j, as a float that is 0 exactly when w is.
     */
    public record NetworkLayer(int fanIn, int fanOut, int inputs, int units, float[] weights) { }

    /** Augmented copies of one training example: images as 0..255 pixels, 2-D points as (x1, x2) pairs. */
    public record AugmentedSamples(int width, int height, int[] original, List<int[]> samples, double[] points) { }

    /**
     * The first validation images the model as last reported gets wrong (at most {@link #MISCLASSIFIED}, in the
     * split's order, so an image stays in view while it is wrong): 0..255 pixels, with the true and the predicted class.
     *
     * @param rows the images' rows in the validation split
     */
    public record Misclassified(int width, int height, int[] rows, int[] labels, int[] predicted, List<int[]> images) { }

    private final Trainer trainer;
    private final DataSplits data;
    private final PointEncoding encoding;     // null unless the data is a 2-D set
    private PlaneGrid grid;                   // made on the first boundary
    private Points points;

    public Views(Trainer trainer) {
        this.trainer = trainer;
        this.data = trainer.data();
        this.encoding = data.points().orElse(null);
    }

    /**
     * A picture pixel for weight w: round(127·w / scale), but never 0 unless w is exactly 0, so a small weight is
     * drawn faint and a cut one blank.
     */
    public static int level(double w, double scale) {
        if (w == 0 || scale == 0) return 0;
        int q = (int) Math.round(127 * Math.max(-1, Math.min(1, w / scale)));
        return q != 0 ? q : w > 0 ? 1 : -1;
    }

    /** The decision boundary, for 2-D sets. */
    public Optional<DecisionBoundary> decisionBoundary() {
        if (encoding == null) return Optional.empty();
        int n = BOUNDARY_RESOLUTION;
        if (grid == null) {
            grid = new PlaneGrid(trainer.network(), encoding, pointExtent(), n, NEURON_STRIDE, NEURON_UNITS, GRID_CHUNK);
        }
        grid.evaluate();
        double[] y = grid.outputs();
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
        return Optional.of(new DecisionBoundary(grid.extent(), n, min, max, levels));
    }

    /**
     * Each hidden unit's output over the plane, at most {@code maxUnits} per layer, from the forward pass of the last
     * {@link #decisionBoundary()} (call that first).
     */
    public Optional<Neurons> neurons(int maxUnits) {
        if (grid == null) return Optional.empty();
        int side = grid.side();
        Network network = trainer.network();
        List<NeuronLayer> layers = new ArrayList<>();
        for (int l = 0; l < network.layerCount() - 1; l++) {
            int kept = grid.unitsKept(l);
            int shown = Math.min(maxUnits, kept);
            double[] a = grid.units(l);                                    // side² cells × kept units
            double scale = 1;
            for (int cell = 0; cell < side * side; cell++) {
                for (int j = 0; j < shown; j++) scale = Math.max(scale, Math.abs(a[cell * kept + j]));
            }
            List<int[]> pictures = new ArrayList<>(shown);
            for (int j = 0; j < shown; j++) {
                int[] picture = new int[side * side];
                for (int cell = 0; cell < side * side; cell++) picture[cell] = (int) Math.round(127 * a[cell * kept + j] / scale);
                pictures.add(picture);
            }
            layers.add(new NeuronLayer(network.layer(l).fanOut(), scale, pictures));
        }
        return Optional.of(new Neurons(grid.extent(), side, layers));
    }

    /** The smallest whole number e with every point inside [−e, e]² and an 8 % margin, at most {@link #EXTENT}. */
    private double pointExtent() {
        Points all = new Points(triples(data.train(), data.train().size()), triples(data.test(), data.test().size()));
        double far = 0;
        for (double[] triples : List.of(all.train(), all.test())) {
            for (int i = 0; i + 2 < triples.length; i += 3) far = Math.max(far, Math.max(Math.abs(triples[i]), Math.abs(triples[i + 1])));
        }
        return far == 0 ? EXTENT : Math.min(EXTENT, Math.max(1, Math.ceil(far * 1.08)));
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

    /**
     * The first layer's weights as pictures of its first {@code maxUnits} units, for every dataset but the 2-D sets
     * (whose two inputs make no picture; their boundary and neurons say more).
     */
    public Optional<WeightImages> firstLayerWeights(int maxUnits) {
        if (encoding != null) return Optional.empty();
        DenseLayer first = trainer.network().layer(0);
        int units = Math.min(maxUnits, first.fanOut());
        int[] shape = pictureShape();
        int pixels = shape[0] * shape[1];
        double[] w = first.weights();
        double scale = 0;
        for (int input = 0; input < first.fanIn(); input++) {
            for (int unit = 0; unit < units; unit++) scale = Math.max(scale, Math.abs(w[input * first.fanOut() + unit]));
        }
        List<int[]> images = new ArrayList<>(units);
        for (int unit = 0; unit < units; unit++) {
            int[] image = new int[pixels];
            for (int pixel = 0; pixel < pixels; pixel++) {
                image[pixel] = level(w[inputAt(pixel, shape) * first.fanOut() + unit], scale);   // column `unit` of W
            }
            images.add(image);
        }
        return Optional.of(new WeightImages(shape[0], shape[1], scale, first.fanOut(), trainer.network().layerCount() == 1,
                images));
    }

    /** The pixels of {@link #firstLayerWeights} whose inputs never occur in training (empty for 2-D sets). */
    public Optional<Inputs> inputs() {
        if (encoding != null) return Optional.empty();
        Examples train = data.train();
        boolean[] seen = new boolean[train.inputSize()];
        double[] row = new double[train.inputSize()];
        for (int r = 0; r < train.size(); r++) {
            train.copyRow(r, row, 0);
            for (int c = 0; c < row.length; c++) if (row[c] != 0) seen[c] = true;
        }
        int[] shape = pictureShape();
        List<Integer> unseen = new ArrayList<>();
        for (int pixel = 0; pixel < shape[0] * shape[1]; pixel++) if (!seen[inputAt(pixel, shape)]) unseen.add(pixel);
        return Optional.of(new Inputs(unseen.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** {width, height} of a first-layer picture: the image, the map of crossed cells, or one row of inputs. */
    private int[] pictureShape() {
        if (data.image().isImage()) return new int[] {data.image().width(), data.image().height()};
        int rows = trainer.config().data().crossRows();
        int columns = trainer.config().data().crossColumns();
        if ("cell".equals(data.inputKind(0)) && rows * columns == data.inputSize()) return new int[] {columns, rows};
        return new int[] {data.inputSize(), 1};
    }

    /** The input a picture pixel shows: crossed cells are row = latitude bucket, drawn with the north (last row) up. */
    private int inputAt(int pixel, int[] shape) {
        if (data.image().isImage() || shape[1] == 1) return pixel;
        int y = pixel / shape[0];
        return (shape[1] - 1 - y) * shape[0] + pixel % shape[0];
    }

    /** The misclassified strip, for image data once a report has been measured. */
    public Optional<Misclassified> misclassified() {
        Evaluator.Result validation = trainer.lastValidation();
        if (!data.image().isImage() || validation == null || validation.confusion() == null) return Optional.empty();
        int[] rows = validation.mistakes().rows();
        Examples examples = data.validation();
        int[] labels = new int[rows.length];
        List<int[]> images = new ArrayList<>(rows.length);
        double[] row = new double[examples.inputSize()];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = examples.labels()[rows[i]];
            examples.copyRow(rows[i], row, 0);
            images.add(pixels(row, 0, row.length));
        }
        return Optional.of(new Misclassified(data.image().width(), data.image().height(), rows, labels,
                validation.mistakes().predicted(), images));
    }

    /** Every layer's weights, at most {@code maxUnits} inputs and units per layer, for the network diagram. */
    public List<NetworkLayer> network(int maxUnits) {
        List<NetworkLayer> layers = new ArrayList<>();
        for (DenseLayer layer : trainer.network().layers()) {
            int inputs = Math.min(maxUnits, layer.fanIn());
            int units = Math.min(maxUnits, layer.fanOut());
            float[] weights = new float[inputs * units];
            for (int i = 0; i < inputs; i++) {
                for (int j = 0; j < units; j++) {
                    weights[i * units + j] = drawn(layer.weight(i, j));
                }
            }
            layers.add(new NetworkLayer(layer.fanIn(), layer.fanOut(), inputs, units, weights));
        }
        return layers;
    }

    /**
     * A weight as the diagram draws it: three significant digits (a line's width and shade show no more, and the
     * frame carries a third fewer characters), and 0 exactly when w is: a weight too small for a float is still not
     * zero.
     */
    static float drawn(double w) {
        if (w == 0 || !Double.isFinite(w)) return (float) w;
        double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(w))) - 2);   // the third digit's place value
        float f = (float) (Math.rint(w / unit) * unit);
        return f == 0 ? Math.copySign(Float.MIN_VALUE, (float) w) : f;
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
