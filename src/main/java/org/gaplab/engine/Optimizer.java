package org.gaplab.engine;

import java.util.List;

/**
 * Applies one update to every parameter of a network from the gradients of the last backward pass, folding in the
 * penalty as its optimizer requires. Holds the per-parameter state (velocity, Adam's moments), allocated once.
 *
 * <p>The update is element-wise, so a large tensor is cut into parts the products' threads share (one part per
 * thread): each weight's new value depends only on its own gradient and state, never on who computes it. In float32
 * every stored value (weight, velocity, moment) is rounded to float after it is computed in double from floats.
 */
public final class Optimizer {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;
    /** Parameters from which a tensor's update is shared among the threads: below it a hand-over costs more. */
    static final int SHARED_UPDATE = 16_384;
    /** Elements updated together: every pass over a block (gradient, rule, proximal, rounding) finds it in cache. */
    static final int BLOCK = 2_048;

    private final OptimizerKind kind;
    private double momentum;                // μ of the step under way
    private final double[][] first;    // velocity (momentum) or Adam's m, one per parameter tensor
    private final double[][] second;   // Adam's v
    private long steps;
    private final Products.Work updatePart = this::updatePart;
    // The tensor being updated and the constants of its update, set before its parts run.
    private double[] w;
    private double[] g;
    private double[] m;
    private double[] v;
    private double alpha;
    private Regularization acting;          // every term: its proximal steps
    private Regularization gradientTerms;   // the terms whose gradient goes into g (AdamW leaves its decay out)
    private double decay;                   // AdamW's αλ₂, 0 under the other rules
    // AdamW's gradient terms for the last regularization it was given.
    private Regularization lastDecoupled;
    private Regularization decoupledGradient;
    private double correction1;
    private double correction2;
    private boolean single;

    public Optimizer(OptimizerKind kind, Network network) {
        this.kind = kind;
        int tensors = 2 * network.layerCount();
        first = new double[tensors][];
        second = new double[tensors][];
        for (int l = 0; l < network.layerCount(); l++) {
            DenseLayer layer = network.layer(l);
            if (kind != OptimizerKind.SGD) {
                first[2 * l] = new double[layer.weights().length];
                first[2 * l + 1] = new double[layer.biases().length];
            }
            if (kind == OptimizerKind.ADAM || kind == OptimizerKind.ADAMW) {
                second[2 * l] = new double[layer.weights().length];
                second[2 * l + 1] = new double[layer.biases().length];
            }
        }
    }

    public OptimizerKind kind() { return kind; }

    /** The velocity (momentum) or Adam's m of parameter tensor {@code tensor} (2l: W_l, 2l+1: b_l); live, for tests. */
    double[] firstMoment(int tensor) { return first[tensor]; }

    /**
     * One step of size α (and momentum μ, which only {@link OptimizerKind#MOMENTUM} reads; the velocity built so far
     * is kept when μ changes) on every layer's weights and biases, in the precision and on the threads of the pass, with
     * what {@code regularization} adds: its penalties' gradients before the step, its proximal steps after it, its
     * constraints once a layer is done. AdamW takes the L2 part apart from the gradient, as decoupled decay. The
     * gradient buffers of {@code gradients} hold the penalized gradient g + ∂R/∂w afterwards.
     */
    public void step(Network network, Backprop gradients, double learningRate, double momentum, Regularization regularization) {
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1)");
        steps++;
        this.momentum = momentum;
        Products products = gradients.products();
        single = products.precision() == Precision.F32;
        alpha = learningRate;
        correction1 = 1 - Math.pow(BETA1, steps);
        correction2 = 1 - Math.pow(BETA2, steps);
        boolean decouples = kind.decouplesWeightDecay();
        Regularization throughGradient = decouples ? decoupled(regularization) : regularization;
        double weightDecay = decouples ? alpha * regularization.weightDecay() : 0;                     // AdamW: αλ₂
        for (int l = 0; l < network.layerCount(); l++) {
            DenseLayer layer = network.layer(l);
            update(products, layer.weights(), gradients.weightGradient(l), 2 * l, regularization, throughGradient, weightDecay);
            if (regularization.includeBiases()) {
                update(products, layer.biases(), gradients.biasGradient(l), 2 * l + 1, regularization, throughGradient, weightDecay);
            } else {
                update(products, layer.biases(), gradients.biasGradient(l), 2 * l + 1, Regularization.NONE, Regularization.NONE, 0);
            }
            for (int t = 0; t < regularization.terms().size(); t++) regularization.terms().get(t).constrain(layer, products.precision());
        }
        w = g = m = v = null;
        acting = gradientTerms = null;
    }

    /** What goes through AdamW's gradient, computed once per regularization (a step allocates nothing). */
    private Regularization decoupled(Regularization regularization) {
        if (regularization != lastDecoupled) {
            lastDecoupled = regularization;
            decoupledGradient = regularization.withoutWeightDecay();
        }
        return decoupledGradient;
    }

    private void update(Products products, double[] weights, double[] gradient, int tensor, Regularization acting,
                        Regularization gradientTerms, double weightDecay) {
        w = weights;
        g = gradient;
        m = first[tensor];
        v = second[tensor];
        this.acting = acting;
        this.gradientTerms = gradientTerms;
        decay = weightDecay;
        int parts = weights.length >= SHARED_UPDATE ? products.threads() : 1;
        products.share(updatePart, parts);
    }

    /**
     * Updates elements [from, to) of the tensor under way, a block at a time (so the passes over a block stay in
     * cache): the penalties' gradients into g, the update rule, the proximal steps, then in float32 a pass that rounds
     * what was stored. The update runs in float64, in loops the JIT vectorizes; the rounding pass is vectorized too
     * (Veltkamp's split, {@link Precision#roundToFloat}: with the bit rounding it was 40% of Adam's update). A new
     * value is computed in double from float inputs and rounded once, as the class comment says. Velocity and Adam's m
     * underflow as float32's do ({@link Precision#roundToFloatDecaying}): they decay by ×0.9 a step where g stays 0.
     */
    private void updatePart(int part, int parts) {
        int from = (int) ((long) w.length * part / parts);
        int to = (int) ((long) w.length * (part + 1) / parts);
        List<Regularizer> terms = acting.terms();
        // SGD and momentum round as they store when no proximal step comes after: one pass over a block, not two
        // (the same bits: a value is rounded once, after its last operation).
        boolean fused = single && terms.isEmpty() && (kind == OptimizerKind.SGD || kind == OptimizerKind.MOMENTUM);
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            gradientTerms.addGradient(w, g, start, end);                                      // g ← g + ∂R/∂w
            switch (kind) {
                case SGD -> {
                    if (fused) {
                        for (int i = start; i < end; i++) w[i] = Precision.nearestFloat(w[i] - alpha * g[i]);
                    } else {
                        for (int i = start; i < end; i++) w[i] = w[i] - alpha * g[i];        // w ← w − αg
                    }
                }
                case MOMENTUM -> {
                    if (fused) {
                        for (int i = start; i < end; i++) {
                            double velocity = momentum * m[i] - alpha * g[i];                 // v ← μv − αg
                            w[i] = Precision.nearestFloat(w[i] + velocity);                   // w ← w + v
                            m[i] = Precision.nearestFloatDecaying(velocity);
                        }
                    } else {
                        for (int i = start; i < end; i++) {
                            m[i] = momentum * m[i] - alpha * g[i];                             // v ← μv − αg
                            w[i] = w[i] + m[i];                                                // w ← w + v
                        }
                    }
                }
                case ADAM, ADAMW -> adam(start, end);
            }
            for (int t = 0; t < terms.size(); t++) terms.get(t).proximalStep(w, start, end, alpha); // w ← prox_{αR}(w)
            if (single && !fused) {
                Precision.roundToFloat(w, start, end);                                     // vectorized
                if (m != null) Precision.roundToFloatDecaying(m, start, end);             // m decays while g = 0
                if (v != null) Precision.roundToFloat(v, start, end);
            }
        }
    }

    /**
     * Adam on [from, to): g already holds the coupled penalties' gradients (Adam's λ₂w, not AdamW's). The update is
     * bound by its divisions and square root; from step 356 on, 1 − β₁ᵗ is exactly 1 in double (β₁ᵗ &lt; 2⁻⁵⁴), m/1
     * is m bit for bit, and a loop without that division saves a quarter of the update (every step but the first
     * epoch's of full Fashion-MNIST).
     */
    private void adam(int from, int to) {
        if (correction1 == 1.0) {
            adamCorrectedM(from, to);
            return;
        }
        for (int i = from; i < to; i++) {
            double old = w[i];
            double grad = g[i];
            m[i] = BETA1 * m[i] + (1 - BETA1) * grad;                                    // m ← β₁m + (1 − β₁)g
            v[i] = BETA2 * v[i] + (1 - BETA2) * grad * grad;                             // v ← β₂v + (1 − β₂)g²
            double step = (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + EPSILON); // m̂ / (√v̂ + ε)
            w[i] = old - alpha * step - decay * old;                                     // AdamW: − αλw, decoupled
        }
    }

    /** {@link #adam} once m̂ = m / 1 = m. */
    private void adamCorrectedM(int from, int to) {
        for (int i = from; i < to; i++) {
            double old = w[i];
            double grad = g[i];
            m[i] = BETA1 * m[i] + (1 - BETA1) * grad;                                    // m ← β₁m + (1 − β₁)g
            v[i] = BETA2 * v[i] + (1 - BETA2) * grad * grad;                             // v ← β₂v + (1 − β₂)g²
            double step = m[i] / (Math.sqrt(v[i] / correction2) + EPSILON);              // m̂ / (√v̂ + ε), m̂ = m
            w[i] = old - alpha * step - decay * old;                                     // AdamW: − αλw, decoupled
        }
    }
}
