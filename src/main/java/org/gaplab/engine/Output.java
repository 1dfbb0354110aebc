package org.gaplab.engine;

/**
 * The output layer and its loss, always paired so that the gradient at the output's pre-activation is simply
 * δ = (y − t) / m for every pair (softmax + cross-entropy, sigmoid + binary cross-entropy, linear + ½ squared error).
 */
public enum Output {
    SOFTMAX_CROSS_ENTROPY,
    SIGMOID_BINARY_CROSS_ENTROPY,
    LINEAR_SQUARED_ERROR;

    /** How many output units a task with {@code classes} classes needs (0 classes: regression). */
    public int units(int classes) {
        return this == SOFTMAX_CROSS_ENTROPY ? classes : 1;
    }

    /** Turns pre-activations z (rows × width, row-major) into predictions y, in place. */
    public void activate(double[] z, int rows, int width) {
        switch (this) {
            case SOFTMAX_CROSS_ENTROPY -> {
                for (int r = 0; r < rows; r++) {
                    int o = r * width;
                    double max = z[o];
                    for (int j = 1; j < width; j++) max = Math.max(max, z[o + j]);
                    double sum = 0;
                    for (int j = 0; j < width; j++) {
                        double e = Math.exp(z[o + j] - max);      // y_j = e^{z_j − max} / Σ e^{z_k − max}
                        z[o + j] = e;
                        sum += e;
                    }
                    double inv = 1.0 / sum;
                    for (int j = 0; j < width; j++) z[o + j] *= inv;
                }
            }
            case SIGMOID_BINARY_CROSS_ENTROPY -> {
                for (int i = 0; i < rows; i++) z[i] = Activation.sigmoid(z[i]);
            }
            case LINEAR_SQUARED_ERROR -> { }
        }
    }

    /**
     * Sums the loss of rows [0, rows) of predictions y against labels (classification) or targets (regression).
     * Probabilities are floored at 1e-15 so a confident mistake costs a large finite loss, not infinity.
     */
    public double sumLoss(double[] y, int rows, int width, int[] labels, double[] targets) {
        double sum = 0;
        switch (this) {
            case SOFTMAX_CROSS_ENTROPY -> {
                for (int r = 0; r < rows; r++) sum -= Math.log(Math.max(y[r * width + labels[r]], 1e-15)); // −log y_label
            }
            case SIGMOID_BINARY_CROSS_ENTROPY -> {
                for (int r = 0; r < rows; r++) {
                    double p = labels[r] == 1 ? y[r] : 1.0 - y[r];
                    sum -= Math.log(Math.max(p, 1e-15));              // −[t log y + (1 − t) log(1 − y)]
                }
            }
            case LINEAR_SQUARED_ERROR -> {
                for (int r = 0; r < rows; r++) {
                    double d = y[r] - targets[r];
                    sum += 0.5 * d * d;                               // ½ (y − t)²
                }
            }
        }
        return sum;
    }

    /** The predicted class of row r: argmax for softmax, y ≥ 0.5 for sigmoid. */
    public int predictedClass(double[] y, int r, int width) {
        if (this == SIGMOID_BINARY_CROSS_ENTROPY) return y[r] >= 0.5 ? 1 : 0;
        int best = 0;
        for (int j = 1; j < width; j++) if (y[r * width + j] > y[r * width + best]) best = j;
        return best;
    }

    /** δ = (y − t) / m at the output pre-activation, written over y. */
    void delta(double[] y, int rows, int width, int[] labels, double[] targets) {
        double inv = 1.0 / rows;
        switch (this) {
            case SOFTMAX_CROSS_ENTROPY -> {
                for (int r = 0; r < rows; r++) {
                    int o = r * width;
                    y[o + labels[r]] -= 1.0;                          // y − onehot(label)
                    for (int j = 0; j < width; j++) y[o + j] *= inv;
                }
            }
            case SIGMOID_BINARY_CROSS_ENTROPY -> {
                for (int r = 0; r < rows; r++) y[r] = (y[r] - labels[r]) * inv;
            }
            case LINEAR_SQUARED_ERROR -> {
                for (int r = 0; r < rows; r++) y[r] = (y[r] - targets[r]) * inv;
            }
        }
    }
}
