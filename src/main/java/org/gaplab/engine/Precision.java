package org.gaplab.engine;

import java.util.Locale;

/**
 * The floating-point format the engine computes in. {@link #F32} (the default, like Keras and PyTorch) multiplies
 * with {@code sgemm} or float Java kernels and rounds every value it stores to float32; {@link #F64} is the float64
 * reference the gradient checks and the EJML oracle tests run against.
 *
 * <p>Values are kept in {@code double[]} either way, so everything that reads weights or activations reads doubles.
 * In float32 each stored value is float-representable: a product's result comes from float arithmetic, and an
 * element-wise result is computed in double from float inputs and then rounded with {@link #round}. For + − × ÷ and
 * √ that rounding gives exactly what float32 arithmetic gives (double's 53 bits exceed 2·24 + 2, so rounding twice
 * equals rounding once); for exp and log it gives the correctly rounded float, which float32 code need not.
 *
 * <p>The rounding works on the double's bits (keep 24 significant bits, ties to even) rather than casting: JDK 17
 * does not vectorize a {@code (float)} cast, and measured on 235 k weights the cast took 3.7× as long as the bit
 * rounding, more than an SGD update itself. It equals the cast over float's normal range, 2⁻¹²⁶ ≤ |x| ≤ float's
 * largest, and for 0, ±∞ and NaN; a value below that range keeps 24 significant bits where a float would have fewer
 * (it would be a subnormal), and one above stays finite where a float would be ∞. Optimizer state that decays
 * toward zero is the exception: it underflows as float32 does ({@link #roundToFloatDecaying}).
 */
public enum Precision {
    F32,
    F64;

    /** A system property that picks the precision when none is asked for explicitly: f32 or f64. */
    public static final String PROPERTY = "gaplab.precision";

    /** The config and command-line spelling: "f32", "f64". */
    public String configName() { return name().toLowerCase(Locale.ROOT); }

    /** For logs, {@code /health}, {@code bench} and {@code train}: "float32" or "float64". */
    public String describe() { return this == F32 ? "float32" : "float64"; }

    /** Bytes one stored value takes in this format (4 or 8). */
    public int bytesPerValue() { return this == F32 ? Float.BYTES : Double.BYTES; }

    /** x rounded to this format: to the nearest float in float32, x itself in float64. */
    public double round(double x) { return this == F32 ? toFloat(x) : x; }

    /**
     * Rounds values [0, count) in place, on the bits: activations and gradients of a diverging run reach ±∞ and past
     * 2⁹⁹⁴, where {@link #roundToFloat}'s split gives NaN (a run that recovers from an infinite element would die).
     */
    public void round(double[] values, int count) {
        if (this == F64) return;
        for (int i = 0; i < count; i++) values[i] = toFloat(values[i]);
    }

    /** x rounded to float's 24-bit significand, ties to even, on its bits (see the class comment for the range). */
    static double toFloat(double x) {
        long bits = Double.doubleToRawLongBits(x);
        long rounded = (bits + 0x0FFF_FFFFL + ((bits >>> 29) & 1)) & ~0x1FFF_FFFFL;   // drop 29 of 52 fraction bits
        return Double.longBitsToDouble(rounded);
    }

    /** 2²⁹ + 1: Veltkamp's splitting constant for keeping 53 − 29 = 24 significant bits. */
    private static final double SPLITTER = 536_870_913.0;

    /**
     * Rounds values [from, to) to float's 24-bit significand by Veltkamp's split, x ← C·x − (C·x − x) with C = 2²⁹ + 1:
     * three double operations the JIT vectorizes (JDK 17 vectorizes neither the cast nor {@link #toFloat}'s bit
     * moves). It gives {@link #toFloat}'s bits, ties to even included, for 2⁻¹⁰²² ≤ |x| < 2⁹⁹⁴ and for ±0 and NaN,
     * checked on 2·10⁸ random doubles a quarter of them exact ties; outside that (a double subnormal, a value past
     * 2⁹⁹⁴ or ±∞) it may differ, as no value a finite float32 run stores is. Measured on 10⁵ values in cache: 0.15–0.2
     * ns a value against 0.6–1.5 for {@link #toFloat}'s loop.
     */
    static void roundToFloat(double[] values, int from, int to) {
        for (int i = from; i < to; i++) values[i] = nearestFloat(values[i]);
    }

    /** x rounded to float's 24-bit significand by Veltkamp's split (as {@link #roundToFloat}), for fused loops. */
    static double nearestFloat(double x) {
        double scaled = SPLITTER * x;                                                   // C·x
        return scaled - (scaled - x);                                                    // C·x − (C·x − x)
    }

    /** Float's smallest normal magnitude, 2⁻¹²⁶: below it float32 has fewer significant bits, then none. */
    static final double FLOAT_MIN_NORMAL = 0x1p-126;

    /**
     * Rounds values [from, to) to float32 as a float stores them all the way down: {@link #roundToFloat} from float's
     * smallest normal up, and below it float32's own underflow (its subnormals, then ±0), which the cast gives. For
     * state that decays geometrically once its gradient stays 0, as momentum's velocity and Adam's m do (×0.9 a
     * step): kept to 24 bits at any size, a dead unit's moment sank past 2⁻¹⁰²² in about 6,700 steps, into double's
     * subnormals, where each operation is ten times slower (Adam on 235 k weights with 60% of its gradients 0 went
     * from 0.50 to 5.4 ms a step). In float32, as in Keras's and PyTorch's, it leaves the normal range within about 860
     * steps and settles on float's subnormal grid (0.9·4·2⁻¹⁴⁹ rounds back to 4·2⁻¹⁴⁹), a normal double. The full
     * Fashion-MNIST recipe took 5 s less on one thread (31.9 → 26.5 s) and about 2 s less on two, printing the same
     * bytes. The comparison costs a quarter of a nanosecond a value more than the split alone.
     */
    static void roundToFloatDecaying(double[] values, int from, int to) {
        for (int i = from; i < to; i++) values[i] = nearestFloatDecaying(values[i]);
    }

    /** x as {@link #roundToFloatDecaying} rounds it, for fused loops. */
    static double nearestFloatDecaying(double x) {
        return Math.abs(x) < FLOAT_MIN_NORMAL ? (float) x : nearestFloat(x);
    }

    /** "f32" or "f64" (any case, surrounding spaces ignored); null means the process's {@link #preferred()} one. */
    public static Precision choose(String requested) {
        if (requested == null) return preferred();
        return switch (requested.trim().toLowerCase(Locale.ROOT)) {
            case "f32" -> F32;
            case "f64" -> F64;
            default -> throw new IllegalArgumentException("precision: \"" + requested + "\" is not allowed; allowed: f32, f64");
        };
    }

    /** The precision of runs that name none: the system property {@value #PROPERTY} when set, else f32. */
    public static Precision preferred() { return Preferred.PRECISION; }

    private static final class Preferred {
        static final Precision PRECISION = choose(System.getProperty(PROPERTY, "f32"));
    }
}
