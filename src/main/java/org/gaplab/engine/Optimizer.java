package org.gaplab.engine;

/**
 * Applies one update to every parameter of a network from the gradients of the last backward pass, folding in the
 * penalty as its optimizer requires. Holds the per-parameter state (velocity, Adam's moments), allocated once.
 */
public final class Optimizer {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final OptimizerKind kind;
    private double momentum;
    private final double[][] first;    // velocity (momentum) or Adam's m, one per parameter tensor
    private final double[][] second;   // Adam's v
    private long steps;

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

    /** One step of size α on every layer's weights and biases. */
    public void step(Network network, Backprop gradients, double learningRate, Penalty penalty) {
        steps++;
        for (int l = 0; l < network.layerCount(); l++) {
            DenseLayer layer = network.layer(l);
            update(layer.weights(), gradients.weightGradient(l), 2 * l, learningRate, penalty, true);
            update(layer.biases(), gradients.biasGradient(l), 2 * l + 1, learningRate, penalty, penalty.includeBiases());
        }
    }

    private void update(double[] w, double[] g, int tensor, double alpha, Penalty penalty, boolean penalized) {
        double l2 = penalized ? penalty.l2() : 0;
        double l1Subgradient = penalized && penalty.l1Mode() == L1Mode.SUBGRADIENT ? penalty.l1() : 0;
        double l1Clip = penalized && penalty.l1Mode() == L1Mode.CLIP ? penalty.l1() : 0;
        int n = w.length;
        switch (kind) {
            case SGD -> {
                if (l1Subgradient == 0) {
                    for (int i = 0; i < n; i++) w[i] -= alpha * (g[i] + l2 * w[i]);  // w ← w − α(g + λ₂w)
                } else {
                    for (int i = 0; i < n; i++) {
                        double grad = g[i] + l2 * w[i] + l1Subgradient * Math.signum(w[i]); // g + λ₂w + λ₁ sign(w)
                        w[i] -= alpha * grad;                                        // w ← w − α g
                    }
                }
            }
            case MOMENTUM -> {
                double[] v = first[tensor];
                for (int i = 0; i < n; i++) {
                    double grad = g[i] + l2 * w[i] + l1Subgradient * Math.signum(w[i]);
                    v[i] = momentum * v[i] - alpha * grad;                           // v ← μv − αg
                    w[i] += v[i];                                                    // w ← w + v
                }
            }
            case ADAM, ADAMW -> {
                double[] m = first[tensor];
                double[] v = second[tensor];
                double coupledL2 = kind == OptimizerKind.ADAM ? l2 : 0;
                double decay = kind == OptimizerKind.ADAMW ? alpha * l2 : 0;
                double correction1 = 1 - Math.pow(BETA1, steps);
                double correction2 = 1 - Math.pow(BETA2, steps);
                for (int i = 0; i < n; i++) {
                    double old = w[i];
                    double grad = g[i] + coupledL2 * old + l1Subgradient * Math.signum(old);
                    m[i] = BETA1 * m[i] + (1 - BETA1) * grad;                        // m ← β₁m + (1 − β₁)g
                    v[i] = BETA2 * v[i] + (1 - BETA2) * grad * grad;                 // v ← β₂v + (1 − β₂)g²
                    double step = (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + EPSILON); // m̂ / (√v̂ + ε)
                    w[i] = old - alpha * step - decay * old;                         // AdamW: − αλw, decoupled
                }
            }
        }
        if (l1Clip > 0) {
            double threshold = alpha * l1Clip;
            for (int i = 0; i < n; i++) {
                double x = w[i];
                double shrunk = Math.abs(x) - threshold;
                w[i] = shrunk > 0 ? Math.copySign(shrunk, x) : x == x ? 0.0 : x;  // sign(w)·max(|w| − αλ₁, 0), plain 0, NaN kept
            }
        }
    }
}
