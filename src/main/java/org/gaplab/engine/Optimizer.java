package org.gaplab.engine;

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

    private final OptimizerKind kind;
    private double momentum;
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
    private double l2;
    private double l1Subgradient;
    private double l1Clip;
    private double correction1;
    private double correction2;
    private boolean single;

    public Optimizer(OptimizerKind kind, double momentum, Network network) {
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1)");
        this.kind = kind;
        this.momentum = momentum;
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

    /** μ for the steps from now on (a live change); the velocity built so far is kept. */
    public void setMomentum(double value) {
        if (!(value >= 0 && value < 1)) throw new IllegalArgumentException("momentum must be in [0, 1)");
        momentum = value;
    }

    public double momentum() { return momentum; }

    /** One step of size α on every layer's weights and biases, in the precision and on the threads of the pass. */
    public void step(Network network, Backprop gradients, double learningRate, Penalty penalty) {
        steps++;
        Products products = gradients.products();
        single = products.precision() == Precision.F32;
        alpha = learningRate;
        correction1 = 1 - Math.pow(BETA1, steps);
        correction2 = 1 - Math.pow(BETA2, steps);
        for (int l = 0; l < network.layerCount(); l++) {
            DenseLayer layer = network.layer(l);
            update(products, layer.weights(), gradients.weightGradient(l), 2 * l, penalty, true);
            update(products, layer.biases(), gradients.biasGradient(l), 2 * l + 1, penalty, penalty.includeBiases());
        }
        w = g = m = v = null;
    }

    private void update(Products products, double[] weights, double[] gradient, int tensor, Penalty penalty, boolean penalized) {
        w = weights;
        g = gradient;
        m = first[tensor];
        v = second[tensor];
        l2 = penalized ? penalty.l2() : 0;
        l1Subgradient = penalized && penalty.l1Mode() == L1Mode.SUBGRADIENT ? penalty.l1() : 0;
        l1Clip = penalized && penalty.l1Mode() == L1Mode.CLIP ? penalty.l1() : 0;
        int parts = weights.length >= SHARED_UPDATE ? products.threads() : 1;
        products.share(updatePart, parts);
    }

    /**
     * Updates elements [from, to) of the tensor under way: first in float64, in loops the JIT vectorizes (a rounding
     * inside them would not be: JDK 17 does not vectorize the bit moves it needs, and measured on Adam the loop ran
     * about 2.5× slower), then, in float32, a pass that rounds what was stored. A new value is computed in double from
     * float inputs and rounded once, as the class comment says.
     */
    private void updatePart(int part, int parts) {
        int from = (int) ((long) w.length * part / parts);
        int to = (int) ((long) w.length * (part + 1) / parts);
        switch (kind) {
            case SGD -> {
                if (l1Subgradient == 0) {
                    for (int i = from; i < to; i++) w[i] = w[i] - alpha * (g[i] + l2 * w[i]);        // w ← w − α(g + λ₂w)
                } else {
                    for (int i = from; i < to; i++) {
                        double grad = g[i] + l2 * w[i] + l1Subgradient * Math.signum(w[i]); // g + λ₂w + λ₁ sign(w)
                        w[i] = w[i] - alpha * grad;                                        // w ← w − α g
                    }
                }
            }
            case MOMENTUM -> {
                for (int i = from; i < to; i++) {
                    double grad = g[i] + l2 * w[i] + l1Subgradient * Math.signum(w[i]);
                    m[i] = momentum * m[i] - alpha * grad;                                 // v ← μv − αg
                    w[i] = w[i] + m[i];                                                    // w ← w + v
                }
            }
            case ADAM, ADAMW -> adam(from, to);
        }
        if (l1Clip > 0) {
            double threshold = alpha * l1Clip;
            for (int i = from; i < to; i++) {
                double x = w[i];
                double shrunk = Math.abs(x) - threshold;
                w[i] = shrunk > 0 ? Math.copySign(shrunk, x) : x == x ? 0.0 : x;  // sign(w)·max(|w| − αλ₁, 0), plain 0, NaN kept
            }
        }
        if (single) {
            roundToFloat(w, from, to);
            if (m != null) roundToFloat(m, from, to);
            if (v != null) roundToFloat(v, from, to);
        }
    }

    private void adam(int from, int to) {
        double coupledL2 = kind == OptimizerKind.ADAM ? l2 : 0;
        double decay = kind == OptimizerKind.ADAMW ? alpha * l2 : 0;
        double l1 = l1Subgradient;                      // a local: the JIT unswitches the loop on it, so the loop
        for (int i = from; i < to; i++) {               // without sign() (no L1) is vectorized
            double old = w[i];
            double grad = l1 == 0 ? g[i] + coupledL2 * old : g[i] + coupledL2 * old + l1 * Math.signum(old);
            m[i] = BETA1 * m[i] + (1 - BETA1) * grad;                                    // m ← β₁m + (1 − β₁)g
            v[i] = BETA2 * v[i] + (1 - BETA2) * grad * grad;                             // v ← β₂v + (1 − β₂)g²
            double step = (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + EPSILON); // m̂ / (√v̂ + ε)
            w[i] = old - alpha * step - decay * old;                                     // AdamW: − αλw, decoupled
        }
    }

    private static void roundToFloat(double[] values, int from, int to) {
        for (int i = from; i < to; i++) values[i] = Precision.toFloat(values[i]);
    }
}
