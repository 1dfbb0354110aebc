package org.gaplab.training;

import org.gaplab.data.DataSplits;
import org.gaplab.data.PointFeature;
import org.gaplab.data.Task;
import org.gaplab.engine.OptimizerKind;

/**
 * What one {@link Trainer} and its views will hold and cost before they are built, from the config and the shape
 * of the data, so a server can admit a run against its memory budget and knows how long its longest indivisible
 * piece of work is. The data itself is not counted here: it is shared ({@code DataFootprint}).
 *
 * <p>With sizes s₀ … s_L, W = Σ s_{l−1}·s_l weights, B = Σ s_l biases (P = W + B parameters) and H = Σ hidden widths,
 * the run holds: the network and its gradients (8·(P + W + B) bytes); the transposed weights of every layer but the
 * first; the optimizer's state (none for SGD, one copy of P for momentum, two for Adam); the best weights when early
 * stopping restores them; and four passes of c rows each (minibatch, measurement chunk, probe, decision-boundary
 * chunk), each 8·c·(s₀ + B + 2H) bytes of inputs, outputs, derivatives and deltas.
 *
 * @param parameterBytes the parts that grow with the network: weights, gradients, transposes, optimizer, best copy
 * @param batchBytes     the parts that grow with the minibatch: the training pass's rows
 * @param fixedBytes     the parts of a fixed size: the other passes, the visiting order, views and reports
 * @param stepMacs       multiply-adds of the largest indivisible piece of work (one minibatch forward and backward,
 *                       one measured chunk, the probe, or one drawing of the decision boundary)
 */
public record RunFootprint(long parameterBytes, long batchBytes, long fixedBytes, long stepMacs) {
    /** Rows measured at once ({@code Evaluator.CHUNK}), probed ({@code Probe.ROWS}) and drawn at once by the views. */
    private static final int MEASURE_ROWS = Evaluator.CHUNK;
    private static final int PROBE_ROWS = Probe.ROWS;
    private static final int GRID_ROWS = Views.GRID_CHUNK;
    /** Reports, histograms, views and object headers: a generous constant beside the arrays. */
    private static final long OVERHEAD = 1024 * 1024;

    /** Bytes in all. */
    public long bytes() {
        return parameterBytes + batchBytes + fixedBytes;
    }

    /** The setting to make smaller first: the one whose part of the bytes is largest. */
    public String largestSetting() {
        return batchBytes > parameterBytes ? TrainingConfig.BATCH_SIZE.name() : TrainingConfig.HIDDEN_LAYERS.name();
    }

    /** The footprint of a run of this config on this data, on a heap without large-object regions. */
    public static RunFootprint of(TrainingConfig config, DataSplits data) {
        return of(config, data, 0);
    }

    /**
     * The footprint of a run of this config on this data. {@code heapRegion} is the JVM's heap region size (G1), or 0:
     * G1 gives an array larger than half a region whole regions of its own, which for big networks adds a quarter.
     */
    public static RunFootprint of(TrainingConfig config, DataSplits data, long heapRegion) {
        Task task = data.task();
        int outputs = task == Task.MULTICLASS ? data.classes() : 1;
        boolean twoDimensional = !data.image().isImage() && !data.train().isSparse()
                && data.featureNames().stream().allMatch(PointFeature::isName);   // as Views decides
        return of(config, data.inputSize(), outputs, data.train().size(), data.train().isSparse(), twoDimensional,
                data.image().isImage(), heapRegion);
    }

    /**
     * The footprint from the data's shape alone: {@code inputs} columns, {@code outputs} output units,
     * {@code trainSize} training rows, sparse inputs or not, a 2-D set (drawn as a decision boundary) or not, images
     * (first-layer weights drawn) or not.
     */
    public static RunFootprint of(TrainingConfig config, int inputs, int outputs, int trainSize, boolean sparse,
                                  boolean twoDimensional, boolean images, long heapRegion) {
        int[] hidden = config.hiddenWidths();
        long[] sizes = new long[hidden.length + 2];
        sizes[0] = inputs;
        for (int i = 0; i < hidden.length; i++) sizes[i + 1] = hidden[i];
        sizes[sizes.length - 1] = outputs;
        int layers = sizes.length - 1;
        long weights = 0;
        for (int l = 1; l <= layers; l++) weights += sizes[l - 1] * sizes[l];   // W = Σ s_{l−1}·s_l

        Arrays parameters = new Arrays(heapRegion);
        long optimizerCopies = config.optimizer() == OptimizerKind.SGD ? 0
                : config.optimizer() == OptimizerKind.MOMENTUM ? 1 : 2;
        boolean keepsBest = config.earlyStopping().enabled() && config.earlyStopping().restoreBestWeights();
        long copies = 1 + optimizerCopies + (keepsBest ? 1 : 0);   // the network, the optimizer's state, the best
        int passes = twoDimensional ? 4 : 3;                      // minibatch, measurement, probe, boundary grid
        for (int l = 1; l <= layers; l++) {
            long w = 8 * sizes[l - 1] * sizes[l];
            long b = 8 * sizes[l];
            parameters.add(w, copies + passes + (l > 1 ? passes : 0));   // + gradient, + transpose past layer 0
            parameters.add(b, copies + passes);
        }
        int batchRows = Math.max(1, Math.min(config.batchSize(), trainSize));
        int probeRows = Math.min(PROBE_ROWS, trainSize);
        Arrays batch = new Arrays(heapRegion);
        passRows(batch, sizes, batchRows, sparse);
        Arrays fixed = new Arrays(heapRegion);
        passRows(fixed, sizes, MEASURE_ROWS, sparse);
        passRows(fixed, sizes, probeRows, sparse);
        fixed.add(4L * trainSize, 1);
        fixed.add(OVERHEAD, 1);
        long cells = (long) Views.BOUNDARY_RESOLUTION * Views.BOUNDARY_RESOLUTION;
        if (twoDimensional) {
            passRows(fixed, sizes, GRID_ROWS, false);
            fixed.add(8 * cells * sizes[0], 1);
            fixed.add(8 * cells * outputs, 1);
            fixed.add(4 * cells, 1);
        }
        if (images && hidden.length > 0) fixed.add(4L * inputs, Math.min(hidden[0], 16));
        long stepMacs = Math.max(Math.max(3L * batchRows * weights, (long) MEASURE_ROWS * weights),
                Math.max(3L * probeRows * weights, twoDimensional ? cells * weights : 0));
        return new RunFootprint(parameters.bytes, batch.bytes, fixed.bytes, stepMacs);
    }

    /** One pass's buffers of {@code rows} rows: inputs, then each layer's outputs, and f' and δ of hidden layers. */
    private static void passRows(Arrays arrays, long[] sizes, int rows, boolean sparse) {
        arrays.add(sparse ? 12L * 4 * rows : 8L * rows * sizes[0], 1);
        arrays.add(12L * rows, 1);                                        // labels and targets
        for (int l = 1; l < sizes.length; l++) arrays.add(8L * rows * sizes[l], l < sizes.length - 1 ? 3 : 1);
    }

    /** Sums arrays as the heap holds them: a header each, and whole regions for those G1 allocates as humongous. */
    private static final class Arrays {
        private final long region;
        long bytes;

        Arrays(long region) {
            this.region = region;
        }

        void add(long arrayBytes, long count) {
            long held = arrayBytes + 16;
            if (region > 0 && held > region / 2) held = (held + region - 1) / region * region;
            bytes += held * count;
        }
    }
}
