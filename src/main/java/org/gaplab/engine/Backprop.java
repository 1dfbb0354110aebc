package org.gaplab.engine;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The forward and backward pass over one minibatch, with every matrix allocated once for the largest batch and
 * reshaped (never reallocated) to each batch's rows. Each step of the chain rule sits next to its forward counterpart.
 *
 * <p>Notation: m rows in the batch, a_l the output of layer l (a_{-1} = x), z_l = a_{l−1}·W_l + b_l, δ_l = ∂J/∂z_l
 * where J is the mean data loss of the batch. A training pass may apply {@link Dropout}'s masks; inference never does.
 *
 * <p>In float32 ({@link Precision}) the products compute in float and every element-wise result is rounded to float
 * as it is stored, so a pass holds floats throughout (training rounds the initial weights: {@link Network#roundTo}).
 */
public final class Backprop {
    private final Network network;
    private final Products products;
    private final Precision precision;
    private final int capacity;
    private final int layerCount;
    private final DMatrixRMaj[] activations;   // a_l, m × fanOut_l (the output layer holds y, then δ)
    private final DMatrixRMaj[] derivatives;   // f'(z_l) ⊙ mask_l for hidden layers, m × fanOut_l
    private final DMatrixRMaj[] deltas;        // δ_l for hidden layers, m × fanOut_l
    private final DMatrixRMaj[] weightGradients;
    private final DMatrixRMaj[] biasGradients;
    private final Dropout noDropout;
    private final boolean[] exactDerivatives;  // f'(z_l) ⊙ mask_l ∈ {0, 1} and a_l floats: nothing of layer l to round
    private int rows;

    public Backprop(Network network, int capacity, Products products) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.network = network;
        this.products = products;
        this.precision = products.precision();
        this.capacity = capacity;
        this.layerCount = network.layerCount();
        activations = new DMatrixRMaj[layerCount];
        derivatives = new DMatrixRMaj[layerCount];
        deltas = new DMatrixRMaj[layerCount];
        weightGradients = new DMatrixRMaj[layerCount];
        biasGradients = new DMatrixRMaj[layerCount];
        for (int l = 0; l < layerCount; l++) {
            DenseLayer layer = network.layer(l);
            activations[l] = new DMatrixRMaj(capacity, layer.fanOut());
            if (l < layerCount - 1) {
                derivatives[l] = new DMatrixRMaj(capacity, layer.fanOut());
                deltas[l] = new DMatrixRMaj(capacity, layer.fanOut());
            }
            weightGradients[l] = new DMatrixRMaj(layer.fanIn(), layer.fanOut());
            biasGradients[l] = new DMatrixRMaj(1, layer.fanOut());
        }
        noDropout = Dropout.none(layerCount - 1);
        exactDerivatives = new boolean[layerCount];
    }

    /** The products this pass multiplies with (the optimizer shares their threads and precision). */
    Products products() { return products; }

    /**
     * Forward pass without dropout. With {@code rng} non-null this is a training pass, which keeps the derivatives
     * backprop needs (and draws nothing from {@code rng}); with {@code rng} null it is inference.
     *
     * @return the predictions y, rows × outputSize (valid until the next call)
     */
    public double[] forward(InputBatch input, RandomGenerator rng) {
        return forward(input, noDropout, rng);
    }

    /**
     * Forward pass. With {@code rng} non-null this is a training pass: {@code dropout}'s masks are drawn from it and
     * the derivatives backprop needs are kept. With {@code rng} null it is inference: no dropout, no rescaling,
     * deterministic. A training pass with input dropout writes the mask into {@code input} (it is the trainer's copy).
     *
     * @return the predictions y, rows × outputSize (valid until the next call)
     */
    public double[] forward(InputBatch input, Dropout dropout, RandomGenerator rng) {
        if (dropout.hiddenLayers() != layerCount - 1) {
            throw new IllegalArgumentException("need one dropout rate per hidden layer (" + (layerCount - 1) + ")");
        }
        if (input.columns() != network.inputSize()) {
            throw new IllegalArgumentException("batch has " + input.columns() + " columns, network expects " + network.inputSize());
        }
        rows = input.rows();
        if (rows > capacity) throw new IllegalArgumentException("batch of " + rows + " exceeds capacity " + capacity);
        boolean training = rng != null;
        if (training) dropout.maskInputs(input, rng, precision);

        for (int l = 0; l < layerCount; l++) {
            DenseLayer layer = network.layer(l);
            DMatrixRMaj z = activations[l];
            z.reshape(rows, layer.fanOut());
            if (l == 0 && input.isSparse()) {
                sparseTimes(input, layer.weights(), z);                            // z = x · W, x sparse
                precision.round(z.data, z.getNumElements());
            } else {
                products.times(l == 0 ? input.denseMatrix() : activations[l - 1], layer.weightMatrix(), z); // z = a_prev · W
            }
            addToEveryRow(z, layer.biasMatrix(), precision);                       // z = round(z + b)
            if (l < layerCount - 1) activateHidden(l, training ? dropout.rate(l) : 0, training ? rng : null);
        }
        DMatrixRMaj y = activations[layerCount - 1];
        network.output().activate(y.data, rows, network.outputSize());             // y = output(z)
        precision.round(y.data, y.getNumElements());
        return y.data;
    }

    /** z_r ← z_r + b for every row r, rounded to the precision in the same pass. */
    private static void addToEveryRow(DMatrixRMaj z, DMatrixRMaj b, Precision precision) {
        double[] zs = z.data;
        double[] bs = b.data;
        int width = z.numCols;
        boolean single = precision == Precision.F32;
        for (int r = 0; r < z.numRows; r++) {
            int o = r * width;
            if (single) {
                for (int j = 0; j < width; j++) zs[o + j] = Precision.toFloat(zs[o + j] + bs[j]);
            } else {
                for (int j = 0; j < width; j++) zs[o + j] += bs[j];
            }
        }
    }

    /**
     * b_j = Σ_r δ_rj, the rows added in order (as EJML's column sums do, so the same bits) but a row at a time: a
     * column at a time strode across the whole of δ for every column.
     */
    private static void sumRows(DMatrixRMaj delta, DMatrixRMaj sums) {
        double[] d = delta.data;
        double[] b = sums.data;
        int width = delta.numCols;
        java.util.Arrays.fill(b, 0, width, 0.0);
        for (int r = 0; r < delta.numRows; r++) {
            int o = r * width;
            for (int j = 0; j < width; j++) b[j] += d[o + j];
        }
    }

    /** a = f(z); while training also f'(z) for backprop, both times the dropout mask when p > 0. */
    private void activateHidden(int l, double p, RandomGenerator rng) {
        DMatrixRMaj layerOutput = activations[l];
        double[] a = layerOutput.data;
        int count = layerOutput.getNumElements();
        Activation f = network.activation();
        if (rng == null) {
            f.applyInPlace(a, count);
            if (!f.keepsFloats()) precision.round(a, count);
            return;
        }
        derivatives[l].reshape(layerOutput.numRows, layerOutput.numCols);
        double[] d = derivatives[l].data;
        exactDerivatives[l] = p == 0 && f.keepsFloats();
        if (p == 0) {
            f.applyKeepingDerivative(a, d, count);
        } else {
            Dropout.activateMasked(f, a, d, count, p, rng, precision);               // a = f(z)·mask, d = f'(z)·mask
        }
        if (!exactDerivatives[l]) {
            precision.round(a, count);
            precision.round(d, count);
        }
    }

    /** z (rows × width) = x · W for CSR x: each stored entry adds one row of W. */
    private void sparseTimes(InputBatch input, double[] w, DMatrixRMaj product) {
        int[] start = input.rowStart();
        int[] column = input.columnIndex();
        double[] value = input.sparseValues();
        double[] z = product.data;
        int width = product.numCols;
        Arrays.fill(z, 0, rows * width, 0.0);
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            for (int e = start[r]; e < start[r + 1]; e++) {
                double v = value[e];
                int wOff = column[e] * width;
                for (int j = 0; j < width; j++) z[o + j] += v * w[wOff + j];  // z_r += x_rc · W_c
            }
        }
    }

    /**
     * Backward pass after a training {@link #forward}: fills the gradients of the mean data loss of the batch
     * (penalties are the optimizer's business).
     *
     * @return the summed data loss of the batch, computed before the predictions are overwritten
     */
    public double backward(InputBatch input, int[] labels, double[] targets) {
        Output output = network.output();
        int outputs = network.outputSize();
        DMatrixRMaj y = activations[layerCount - 1];
        double lossSum = output.sumLoss(y.data, rows, outputs, labels, targets);
        output.delta(y.data, rows, outputs, labels, targets);                    // δ_L = (y − t) / m
        precision.round(y.data, y.getNumElements());
        for (int l = layerCount - 1; l >= 0; l--) {
            DenseLayer layer = network.layer(l);
            DMatrixRMaj delta = l == layerCount - 1 ? y : deltas[l];
            if (l == 0 && input.isSparse()) {
                sparseTransposeTimes(input, delta, weightGradients[0]);          // dW_0 = xᵀ · δ_0, x sparse
                precision.round(weightGradients[0].data, weightGradients[0].getNumElements());
            } else {
                products.transposeATimes(l == 0 ? input.denseMatrix() : activations[l - 1], delta, weightGradients[l]); // dW = a_prevᵀ · δ
            }
            sumRows(delta, biasGradients[l]);                                    // db = Σ_rows δ
            precision.round(biasGradients[l].data, biasGradients[l].getNumElements());
            if (l > 0) {
                DMatrixRMaj previousDelta = deltas[l - 1];
                previousDelta.reshape(rows, layer.fanIn());
                products.timesTransposeB(delta, layer.weightMatrix(), previousDelta);  // δ_{l−1} = δ_l · W_lᵀ ...
                CommonOps_DDRM.elementMult(previousDelta, derivatives[l - 1]);         // ... ⊙ f'(z_{l−1}) ⊙ mask
                if (!exactDerivatives[l - 1]) precision.round(previousDelta.data, previousDelta.getNumElements());
            }
        }
        return lossSum;
    }

    private void sparseTransposeTimes(InputBatch input, DMatrixRMaj delta, DMatrixRMaj gradient) {
        int[] start = input.rowStart();
        int[] column = input.columnIndex();
        double[] value = input.sparseValues();
        double[] g = gradient.data;
        double[] d = delta.data;
        int width = delta.numCols;
        Arrays.fill(g, 0.0);
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            for (int e = start[r]; e < start[r + 1]; e++) {
                double v = value[e];
                int gOff = column[e] * width;
                for (int j = 0; j < width; j++) g[gOff + j] += v * d[o + j];    // dW_c += x_rc · δ_r
            }
        }
    }

    /** ∂J/∂W_l from the last backward pass (live buffer, fanIn × fanOut row-major). */
    public double[] weightGradient(int layer) { return weightGradients[layer].data; }

    /** ∂J/∂b_l from the last backward pass (live buffer). */
    public double[] biasGradient(int layer) { return biasGradients[layer].data; }

    /** The outputs a_l of hidden layer l from the last forward pass (live buffer, rows × fanOut). */
    public double[] hiddenActivations(int layer) { return activations[layer].data; }
}
