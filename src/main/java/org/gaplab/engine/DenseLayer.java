package org.gaplab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * A fully connected layer: z = a_prev · W + b, a = f(z). W is fanIn × fanOut, row-major (row i holds the weights
 * leaving input i), so the forward product walks rows of W contiguously; b is 1 × fanOut.
 */
public final class DenseLayer {
    private final DMatrixRMaj weights;
    private final DMatrixRMaj biases;

    DenseLayer(int fanIn, int fanOut) {
        this.weights = new DMatrixRMaj(fanIn, fanOut);
        this.biases = new DMatrixRMaj(1, fanOut);
    }

    public int fanIn() { return weights.numRows; }
    public int fanOut() { return weights.numCols; }

    /** W as a live EJML matrix (fanIn × fanOut). */
    public DMatrixRMaj weightMatrix() { return weights; }

    /** b as a live EJML row vector (1 × fanOut). */
    public DMatrixRMaj biasMatrix() { return biases; }

    /** The live weights, W[i][j] at index i·fanOut + j. Writable: optimizers and tests work on it in place. */
    public double[] weights() { return weights.data; }

    /** The live biases. */
    public double[] biases() { return biases.data; }

    public double weight(int from, int to) { return weights.unsafe_get(from, to); }
}
