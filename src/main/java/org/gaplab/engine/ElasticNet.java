package org.gaplab.engine;

import java.util.List;

/**
 * Elastic net, (λ₂/2)·Σw² + λ₁·Σ|w|: both penalties at once. Its gradient is g + λ₂w + λ₁·sign(w), added in that
 * order (the L1 part only in subgradient mode; in clip mode it is the proximal step after the update).
 */
public record ElasticNet(L2 l2, L1 l1) implements Regularizer {
    public ElasticNet {
        java.util.Objects.requireNonNull(l2, "l2");
        java.util.Objects.requireNonNull(l1, "l1");
    }

    /** (λ₂/2)·Σw² + λ₁·Σ|w| */
    @Override
    public double value(List<double[]> tensors) { return l2.value(tensors) + l1.value(tensors); }

    @Override
    public void addGradient(double[] w, double[] g, int from, int to) {
        l2.addGradient(w, g, from, to);                                                   // g ← g + λ₂w
        l1.addGradient(w, g, from, to);                                                   // g ← g + λ₁·sign(w)
    }

    @Override
    public void proximalStep(double[] w, int from, int to, double alpha) { l1.proximalStep(w, from, to, alpha); }

    @Override
    public double weightDecay() { return l2.strength(); }

    @Override
    public Regularizer withoutWeightDecay() { return l1; }

    @Override
    public String formula() { return l2.formula() + " and " + l1.formula(); }
}
