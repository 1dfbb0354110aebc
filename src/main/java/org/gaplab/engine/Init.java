package org.gaplab.engine;

import java.util.random.RandomGenerator;

/**
 * Weight initializers. n_in and n_out are the layer's fan-in and fan-out. The "bad" ones are here on purpose: the
 * playground shows what they do.
 */
public enum Init {
    /** Every weight 0: all hidden units of a layer get the same gradient, so symmetry never breaks. */
    ZEROS,
    /** Every weight the same constant: the same symmetry trap with a nonzero start. */
    CONSTANT,
    /** U(−0.5, 0.5), ignoring the layer's size. */
    UNIFORM,
    /** N(0, 0.01²): activations and gradients shrink layer by layer (vanishing). */
    TOO_SMALL,
    /** N(0, 1): tanh and sigmoid units saturate; with ReLU activations explode. */
    TOO_LARGE,
    /** Glorot normal: N(0, 2 / (n_in + n_out)). */
    XAVIER_NORMAL,
    /** Glorot uniform: U(±√(6 / (n_in + n_out))). */
    XAVIER_UNIFORM,
    /** LeCun normal: N(0, 1 / n_in), the variance-preserving choice for tanh in the Xavier derivation. */
    LECUN_NORMAL,
    /** He normal: N(0, 2 / n_in), variance-preserving for ReLU, which zeroes half its inputs. */
    HE_NORMAL,
    /** He uniform: U(±√(6 / n_in)). */
    HE_UNIFORM;

    /** The value every weight gets under {@link #CONSTANT}. */
    public static final double CONSTANT_VALUE = 0.1;

    /** Fills a fanIn × fanOut weight matrix. */
    public void fill(double[] weights, int fanIn, int fanOut, RandomGenerator rng) {
        for (int i = 0; i < weights.length; i++) weights[i] = sample(fanIn, fanOut, rng);
    }

    double sample(int fanIn, int fanOut, RandomGenerator rng) {
        return switch (this) {
            case ZEROS -> 0.0;
            case CONSTANT -> CONSTANT_VALUE;
            case UNIFORM -> rng.nextDouble() - 0.5;
            case TOO_SMALL -> 0.01 * rng.nextGaussian();
            case TOO_LARGE -> rng.nextGaussian();
            case XAVIER_NORMAL -> Math.sqrt(2.0 / (fanIn + fanOut)) * rng.nextGaussian();
            case XAVIER_UNIFORM -> Math.sqrt(6.0 / (fanIn + fanOut)) * (2 * rng.nextDouble() - 1);
            case LECUN_NORMAL -> Math.sqrt(1.0 / fanIn) * rng.nextGaussian();
            case HE_NORMAL -> Math.sqrt(2.0 / fanIn) * rng.nextGaussian();
            case HE_UNIFORM -> Math.sqrt(6.0 / fanIn) * (2 * rng.nextDouble() - 1);
        };
    }

    /** The config spelling ("xavier-normal"). */
    public String configName() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }
}
