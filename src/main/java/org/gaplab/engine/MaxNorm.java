package org.gaplab.engine;

/**
 * The max-norm constraint ‖w_j‖₂ ≤ c on every unit j's incoming weights (column j of W), which Srivastava et al.
 * pair with dropout: after each step a unit whose weight vector is longer than c is scaled back onto the sphere of
 * radius c, and a unit inside it is left as it is. It bounds the weights without a penalty term, so a large learning
 * rate cannot blow them up. Biases are not constrained.
 */
public record MaxNorm(double limit) implements Regularizer {
    public MaxNorm {
        if (!(limit > 0)) throw new IllegalArgumentException("the max-norm limit must be positive (∞ for none)");
    }

    @Override
    public void constrain(DenseLayer layer, Precision precision) {
        if (limit == Double.POSITIVE_INFINITY) return;
        double[] w = layer.weights();
        int fanIn = layer.fanIn();
        int fanOut = layer.fanOut();
        for (int j = 0; j < fanOut; j++) {
            double squares = 0;
            for (int i = 0; i < fanIn; i++) squares += w[i * fanOut + j] * w[i * fanOut + j];  // ‖w_j‖₂² = Σ_i W_ij²
            double norm = Math.sqrt(squares);
            if (!(norm > limit)) continue;                                                       // inside the ball: untouched
            double scale = limit / norm;                                                         // c / ‖w_j‖₂
            for (int i = 0; i < fanIn; i++) w[i * fanOut + j] = precision.round(w[i * fanOut + j] * scale); // w_j ← c·w_j/‖w_j‖₂
        }
    }

    @Override
    public String formula() { return "w_j ← c·w_j/‖w_j‖₂ when ‖w_j‖₂ > c"; }
}
