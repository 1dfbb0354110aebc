package org.gaplab.engine;

import java.util.List;

/**
 * The L1 penalty λ·Σ|w|, which pushes every weight toward zero by the same amount whatever its size. Its
 * {@link L1Mode} says how: as the subgradient λ·sign(w) added to the gradient, or as the proximal step after it.
 */
public record L1(double strength, L1Mode mode) implements Regularizer {
    public L1 {
        Regularization.requireStrength(strength);
        java.util.Objects.requireNonNull(mode, "mode");
    }

    /** λ·Σ|w| */
    @Override
    public double value(List<double[]> tensors) {
        double absolutes = 0;
        for (double[] tensor : tensors) for (double w : tensor) absolutes += Math.abs(w);  // Σ|w|
        return strength * absolutes;                                                       // λ·Σ|w|
    }

    @Override
    public void addGradient(double[] w, double[] g, int from, int to) {
        if (mode != L1Mode.SUBGRADIENT) return;
        for (int i = from; i < to; i++) g[i] = g[i] + strength * Math.signum(w[i]);        // g ← g + λ·sign(w), sign(0) = 0
    }

    @Override
    public void proximalStep(double[] w, int from, int to, double alpha) {
        if (mode != L1Mode.CLIP) return;
        double threshold = alpha * strength;                                                // αλ
        for (int i = from; i < to; i++) {
            double x = w[i];
            double shrunk = Math.abs(x) - threshold;
            w[i] = shrunk > 0 ? Math.copySign(shrunk, x) : x == x ? 0.0 : x;  // sign(w)·max(|w| − αλ₁, 0), plain 0, NaN kept
        }
    }

    @Override
    public String formula() {
        return mode == L1Mode.SUBGRADIENT ? "λ₁·sign(w)" : "w ← sign(w)·max(|w| − αλ₁, 0)";
    }
}
