package org.gaplab.engine;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * An off-heap operand of {@link BlasProducts} in float32 or float64 that grows to the largest operand once, with one
 * movable view per part so that the threads sharing a product each address their own piece. In float32 a heap scratch
 * array converts: double → float runs as a vectorized Java loop, then one bulk copy moves half the bytes float64
 * would (a conversion straight into off-heap memory is an element-at-a-time native store).
 *
 * <p>Why the engine keeps {@code double[]} holding floats rather than float arrays: about 160 places outside the
 * engine read weights, activations and gradients as {@code double[]}, and float storage would change all of them (and
 * every matrix inside the engine, which EJML's double matrices hold). The price is this conversion. Measured with JFR
 * on three epochs of {@code docs/configs/fashion-full.json} with two threads (a loaded machine, so proportions only):
 * converting in and out took about 230 samples against sgemm's 420 (at the same sampling rate), and Adam's update with
 * its rounding pass about 285; before the update was vectorized it took 610. Float storage would remove the
 * conversion, not the update, and JDK 17's JIT vectorizes no loop that mixes float and double arrays: Adam's update
 * with its moments in {@code float[]} (widened into a block of doubles and narrowed back) took 1.3 ms a step on 235 k
 * weights against 0.5 ms in doubles (6 December 2026). It pays only with every element-wise loop in float
 * arithmetic too, which changes what a float32 run computes (see {@link Precision}).
 */
final class Staging {
    private final Precision precision;
    private DoublePointer doubles;
    private FloatPointer floats;
    private float[] scratch = new float[0];
    private final DoublePointer[] doubleViews = new DoublePointer[BlasProducts.PARTS];
    private final FloatPointer[] floatViews = new FloatPointer[BlasProducts.PARTS];

    Staging(Precision precision) {
        this.precision = precision;
    }

    /** Makes room for {@code size} values; called by the thread that owns the staging before the parts run. */
    void reserve(long size) {
        long capacity = precision == Precision.F32 ? (floats == null ? 0 : floats.capacity())
                : (doubles == null ? 0 : doubles.capacity());
        if (capacity >= size) return;
        free();
        int grown = (int) Math.max(size, 1024);
        if (precision == Precision.F32) {
            floats = new FloatPointer(grown);
            scratch = new float[grown];
            for (int p = 0; p < BlasProducts.PARTS; p++) floatViews[p] = new FloatPointer(floats);
        } else {
            doubles = new DoublePointer(grown);
            for (int p = 0; p < BlasProducts.PARTS; p++) doubleViews[p] = new DoublePointer(doubles);
        }
    }

    /** Copies data[from, to) to the same positions off-heap, through view {@code part}. */
    void copyIn(int part, double[] data, int from, int to) {
        if (from >= to) return;
        if (precision == Precision.F32) {
            float[] s = scratch;
            for (int i = from; i < to; i++) s[i] = (float) data[i];             // exact: the values are floats already
            floatViews[part].position(from).put(s, from, to - from);
        } else {
            doubleViews[part].position(from).put(data, from, to - from);
        }
    }

    /** Copies positions [from, to) back into data[from, to), through view {@code part}. */
    void copyOut(int part, double[] data, int from, int to) {
        if (from >= to) return;
        if (precision == Precision.F32) {
            float[] s = scratch;
            floatViews[part].position(from).get(s, from, to - from);
            for (int i = from; i < to; i++) data[i] = s[i];
        } else {
            doubleViews[part].position(from).get(data, from, to - from);
        }
    }

    /** View {@code part} placed at {@code offset}, for a gemm operand. */
    FloatPointer floatView(int part, long offset) { return floatViews[part].position(offset); }

    DoublePointer doubleView(int part, long offset) { return doubleViews[part].position(offset); }

    private void free() {
        if (doubles != null) doubles.close();
        if (floats != null) floats.close();
        doubles = null;
        floats = null;
    }
}
