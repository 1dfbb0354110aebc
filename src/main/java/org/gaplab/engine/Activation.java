package org.gaplab.engine;

/**
 * Hidden-layer nonlinearities. Each derivative is written in terms of the activation's output a = f(z), which is
 * what the forward pass keeps, so backprop never needs z.
 */
public enum Activation {
    LINEAR {
        @Override public double apply(double z) { return z; }                       // f(z) = z
        @Override public double derivativeFromOutput(double a) { return 1.0; }     // f' = 1
        @Override public boolean keepsFloats() { return true; }
    },
    RELU {
        @Override public double apply(double z) { return Math.max(z, 0.0); }      // f(z) = max(0, z)
        @Override public double derivativeFromOutput(double a) { return a > 0 ? 1.0 : 0.0; } // f' = [z > 0] = [a > 0]
        @Override public boolean keepsFloats() { return true; }

        // The hot loops written out for the commonest unit. A branch on each sign is mispredicted half the time (about
        // 10 ns an element, measured: most of a small network's epoch); max, min and ceil compile to branch-free
        // instructions (1.5 ns). For a = max(0, z) ≥ +0, ceil(min(a, 1)) is exactly 1 when a > 0 and 0 when a = 0.
        @Override public void applyInPlace(double[] a, int count) {
            for (int i = 0; i < count; i++) a[i] = Math.max(a[i], 0.0);                 // a = max(0, z)
        }

        @Override public void applyKeepingDerivative(double[] a, double[] d, int count) {
            for (int i = 0; i < count; i++) {
                double value = Math.max(a[i], 0.0);                                      // a = max(0, z) ≥ +0
                a[i] = value;
                d[i] = Math.ceil(Math.min(value, 1.0));                                  // f' = [a > 0], without a branch
            }
        }
    },
    LEAKY_RELU {
        @Override public double apply(double z) { return Math.max(z, LEAK * z); } // f(z) = max(0.01 z, z), no branch
        @Override public double derivativeFromOutput(double a) { return a > 0 ? 1.0 : LEAK; } // sign(a) = sign(z)
    },
    TANH {
        @Override public double apply(double z) { return tanh(z); }                 // f(z) = tanh z
        @Override public double derivativeFromOutput(double a) { return 1.0 - a * a; } // f' = 1 − a²
    },
    SIGMOID {
        @Override public double apply(double z) { return sigmoid(z); }              // f(z) = 1 / (1 + e^−z)
        @Override public double derivativeFromOutput(double a) { return a * (1.0 - a); } // f' = a (1 − a)
    };

    /** Slope of leaky ReLU for negative inputs. */
    public static final double LEAK = 0.01;

    public abstract double apply(double z);

    public abstract double derivativeFromOutput(double a);

    /**
     * Whether f(z) of a float is a float and f'(z) is 0 or 1, so that a float32 pass need not round a, f'(z), nor δ
     * times f'(z) (rounding a float gives it back: a pass over every activation saved).
     */
    public boolean keepsFloats() { return false; }

    /** a_i ← f(a_i) for the first {@code count} values: a layer's activation in inference. */
    public void applyInPlace(double[] a, int count) {
        for (int i = 0; i < count; i++) a[i] = apply(a[i]);
    }

    /** a_i ← f(a_i) and d_i ← f'(z_i), for a training pass without dropout. */
    public void applyKeepingDerivative(double[] a, double[] d, int count) {
        for (int i = 0; i < count; i++) {
            double value = apply(a[i]);
            a[i] = value;
            d[i] = derivativeFromOutput(value);
        }
    }

    /** The config spelling ("leaky-relu"). */
    public String configName() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

    /**
     * A unit counts as saturated (tanh, sigmoid: |f'| below 10 % of its peak) or dead (ReLU: output 0), the two ways
     * a unit stops passing gradient.
     */
    public boolean isStuck(double a) {
        return switch (this) {
            case LINEAR -> false;
            case RELU -> a <= 0;
            case LEAKY_RELU -> false;
            case TANH -> Math.abs(a) > 0.9486832980505138;   // 1 − a² < 0.1
            case SIGMOID -> a < 0.0254 || a > 0.9746;        // a (1 − a) < 0.025 = 10 % of 0.25
        };
    }

    /** tanh z = 1 − 2 / (e^{2z} + 1): one exp instead of StrictMath's slower series; exact to ~1e-16 absolute. */
    static double tanh(double z) {
        if (z > 20) return 1.0;
        if (z < -20) return -1.0;
        return 1.0 - 2.0 / (Math.exp(2.0 * z) + 1.0);
    }

    /** σ(z) = 1 / (1 + e^−z), evaluated on the side that cannot overflow. */
    static double sigmoid(double z) {
        if (z >= 0) return 1.0 / (1.0 + Math.exp(-z));
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
}
