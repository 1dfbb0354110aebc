package org.gaplab.engine;

import java.util.random.RandomGenerator;

/**
 * Inverted dropout, the rates and the mask: while training, each unit (and each input, at its own rate) is kept with
 * probability 1 − p and then scaled by 1/(1 − p), so its expected value is unchanged; inference uses the full network
 * with no rescaling at all. A training pass ({@link Backprop#forward(InputBatch, Dropout, RandomGenerator)}) draws
 * the masks from the run's dropout stream, one draw per element in row-major order.
 *
 * @param hiddenRates p of each hidden layer, in [0, 1)
 * @param inputRate   p of the inputs, in [0, 1)
 */
public record Dropout(double[] hiddenRates, double inputRate) {
    public Dropout {
        for (double p : hiddenRates) if (!(p >= 0 && p < 1)) throw new IllegalArgumentException("dropout must be in [0, 1)");
        if (!(inputRate >= 0 && inputRate < 1)) throw new IllegalArgumentException("input dropout must be in [0, 1)");
        hiddenRates = hiddenRates.clone();
    }

    /** No dropout in a network with this many hidden layers. */
    public static Dropout none(int hiddenLayers) {
        return new Dropout(new double[hiddenLayers], 0);
    }

    @Override
    public double[] hiddenRates() { return hiddenRates.clone(); }

    /** p of hidden layer l. */
    double rate(int layer) { return hiddenRates[layer]; }

    int hiddenLayers() { return hiddenRates.length; }

    /** x ← x·mask on every stored input, mask = 0 with probability p and 1/(1 − p) otherwise; in place. */
    void maskInputs(InputBatch input, RandomGenerator rng, Precision precision) {
        if (inputRate == 0) return;
        double keepScale = precision.round(1.0 / (1.0 - inputRate));
        if (input.isSparse()) {
            double[] v = input.sparseValues();
            int end = input.rowStart()[input.rows()];
            for (int e = 0; e < end; e++) v[e] = precision.round(v[e] * (rng.nextDouble() < inputRate ? 0.0 : keepScale));
        } else {
            double[] x = input.denseValues();
            int count = input.rows() * input.columns();
            for (int i = 0; i < count; i++) x[i] = precision.round(x[i] * (rng.nextDouble() < inputRate ? 0.0 : keepScale));
        }
    }

    /**
     * a = f(z)·mask and d = f'(z)·mask over one hidden layer's {@code count} elements (z in {@code a} on entry), with
     * mask = 0 with probability p and 1/(1 − p) otherwise: the dropped units pass neither value nor gradient.
     */
    static void activateMasked(Activation f, double[] a, double[] d, int count, double p, RandomGenerator rng,
                               Precision precision) {
        double keepScale = precision.round(1.0 / (1.0 - p));
        for (int i = 0; i < count; i++) {
            double value = f.apply(a[i]);
            double mask = rng.nextDouble() < p ? 0.0 : keepScale;        // inverted dropout: E[mask] = 1
            a[i] = value * mask;
            d[i] = f.derivativeFromOutput(value) * mask;
        }
    }
}
