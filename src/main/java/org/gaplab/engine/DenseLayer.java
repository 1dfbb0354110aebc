package org.gaplab.engine;

/**
 * A fully connected layer: z = a_prev · W + b, a = f(z). W is fanIn × fanOut, row-major (row i holds the weights
 * leaving input i), so the forward product walks rows of W contiguously.
 */
public final class DenseLayer {
    private final int fanIn;
    private final int fanOut;
    private final double[] weights;
    private final double[] biases;

    DenseLayer(int fanIn, int fanOut) {
        this.fanIn = fanIn;
        this.fanOut = fanOut;
        this.weights = new double[fanIn * fanOut];
        this.biases = new double[fanOut];
    }

    public int fanIn() { return fanIn; }
    public int fanOut() { return fanOut; }

    /** The live weights, W[i][j] at index i·fanOut + j. Writable: optimizers and tests work on it in place. */
    public double[] weights() { return weights; }

    /** The live biases. */
    public double[] biases() { return biases; }

    public double weight(int from, int to) { return weights[from * fanOut + to]; }
}
