package org.gaplab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything that acts on a network's weights besides the data loss, in the order it acts: the regularizers, and
 * whether the penalties reach the biases too (constraints act on the weights alone). The optimizer takes one per
 * step; the objective J = L̄ + Σ R is what the reports show.
 */
public record Regularization(List<Regularizer> terms, boolean includeBiases) {
    /** A regularizer that does nothing: what an L2 penalty leaves behind when AdamW decouples its decay. */
    static final Regularizer NOTHING = () -> "";
    public static final Regularization NONE = new Regularization(List.of(), false);

    public Regularization {
        terms = List.copyOf(terms);
    }

    /**
     * The penalty of the config's λ₁, λ₂ and L1 mode: elastic net when both are non-zero, L2 or L1 when one is,
     * nothing when neither is.
     */
    public static Regularization penalty(double l1, double l2, L1Mode l1Mode, boolean includeBiases) {
        requireStrength(l1);
        requireStrength(l2);
        List<Regularizer> terms = new ArrayList<>();
        if (l1 > 0 && l2 > 0) terms.add(new ElasticNet(new L2(l2), new L1(l1, l1Mode)));
        else if (l2 > 0) terms.add(new L2(l2));
        else if (l1 > 0) terms.add(new L1(l1, l1Mode));
        return new Regularization(terms, includeBiases);
    }

    /** These terms and then {@code more}, for the same tensors. */
    public Regularization and(Regularizer more) {
        List<Regularizer> all = new ArrayList<>(terms);
        all.add(more);
        return new Regularization(all, includeBiases);
    }

    static void requireStrength(double strength) {
        if (!(strength >= 0) || Double.isInfinite(strength)) {
            throw new IllegalArgumentException("penalty strengths must be finite and non-negative");
        }
    }

    /** The tensors the penalties reach, layer by layer: W_0 (and b_0 with biases), W_1, … */
    public List<double[]> penalized(Network network) {
        List<double[]> tensors = new ArrayList<>();
        for (DenseLayer layer : network.layers()) {
            tensors.add(layer.weights());
            if (includeBiases) tensors.add(layer.biases());
        }
        return tensors;
    }

    /** Σ R over the penalized tensors: what J adds to the mean data loss. */
    public double value(Network network) {
        if (terms.isEmpty()) return 0;
        List<double[]> tensors = penalized(network);
        double total = 0;
        for (Regularizer term : terms) total += term.value(tensors);
        return total;
    }

    /** g ← g + Σ ∂R/∂w on elements [from, to) of one penalized tensor: exactly what the optimizer adds. */
    public void addGradient(double[] w, double[] g, int from, int to) {
        for (int t = 0; t < terms.size(); t++) terms.get(t).addGradient(w, g, from, to);   // indexed: no iterator per block
    }

    /** The λ of the terms' weight-decay parts, for an update rule that applies it apart from the gradient (AdamW). */
    public double weightDecay() {
        double decay = 0;
        for (Regularizer term : terms) decay += term.weightDecay();
        return decay;
    }

    /** These terms without their weight-decay parts: what goes through the gradient when AdamW decouples the decay. */
    public Regularization withoutWeightDecay() {
        List<Regularizer> rest = new ArrayList<>();
        for (Regularizer term : terms) rest.add(term.withoutWeightDecay());
        return new Regularization(rest, includeBiases);
    }
}
