package org.gaplab.engine;

/**
 * The weight penalty added to the mean data loss of a batch: (λ₂/2)·Σw² + λ₁·Σ|w| (elastic net when both are
 * nonzero). Biases are left alone unless {@code includeBiases}.
 */
public record Penalty(double l1, double l2, L1Mode l1Mode, boolean includeBiases) {
    public static final Penalty NONE = new Penalty(0, 0, L1Mode.CLIP, false);

    public Penalty {
        if (!(l1 >= 0) || !(l2 >= 0) || Double.isInfinite(l1) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("penalty strengths must be finite and non-negative");
        }
        java.util.Objects.requireNonNull(l1Mode, "l1Mode");
    }

    /** (λ₂/2)·Σw² + λ₁·Σ|w| over the penalized parameters of {@code network}. */
    public double value(Network network) {
        if (l1 == 0 && l2 == 0) return 0;
        double squares = 0;
        double absolutes = 0;
        for (DenseLayer layer : network.layers()) {
            for (double w : layer.weights()) {
                squares += w * w;
                absolutes += Math.abs(w);
            }
            if (includeBiases) {
                for (double b : layer.biases()) {
                    squares += b * b;
                    absolutes += Math.abs(b);
                }
            }
        }
        return 0.5 * l2 * squares + l1 * absolutes;
    }

    /** ∂/∂w of the penalty for one penalized weight: λ₂·w + λ₁·sign(w), with sign(0) = 0. */
    public double gradientAt(double w) {
        return l2 * w + l1 * Math.signum(w);
    }
}
