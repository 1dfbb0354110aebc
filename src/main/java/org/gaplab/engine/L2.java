package org.gaplab.engine;

import java.util.List;

/** The L2 penalty (λ/2)·Σw², whose gradient λw shrinks every weight in proportion to its size (weight decay). */
public record L2(double strength) implements Regularizer {
    public L2 {
        Regularization.requireStrength(strength);
    }

    /** (λ/2)·Σw² */
    @Override
    public double value(List<double[]> tensors) {
        double squares = 0;
        for (double[] tensor : tensors) for (double w : tensor) squares += w * w;         // Σw²
        return 0.5 * strength * squares;                                                  // (λ/2)·Σw²
    }

    @Override
    public void addGradient(double[] w, double[] g, int from, int to) {
        for (int i = from; i < to; i++) g[i] = g[i] + strength * w[i];                    // g ← g + λw
    }

    @Override
    public double weightDecay() { return strength; }

    @Override
    public Regularizer withoutWeightDecay() { return Regularization.NOTHING; }

    @Override
    public String formula() { return "λ₂·w"; }
}
