package org.gaplab.engine;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The pure-Java backend, and the BLAS backend's kernel for tiny products (a native call costs more than a 2-D net's
 * whole product). Kernels are written in the "axpy" form the JIT vectorizes (the innermost loop walks a row of B and
 * C contiguously), unrolled four ways so each store of C carries four multiply-adds, and blocked over k so a block of
 * B stays in L2. With several threads a product is split by rows of C; each row is computed the same way whoever
 * computes it, so results are bit-identical for any thread count. In float32 the operands are converted (exactly: they
 * hold floats) into float arrays and multiplied by {@link FloatKernels}; the result is converted back.
 */
final class JavaProducts extends CrewProducts {
    /** Products smaller than this many multiply-adds are not worth handing to other threads. */
    static final long PARALLEL_WORK = 300_000;
    private static final int K_BLOCK = 128;
    private static final int NN = 0;
    private static final int TN = 1;

    private double[] transposed = new double[0];    // Bᵀ for A·Bᵀ, grown to the largest B once
    private float[] floatA = new float[0];          // float32 operands, grown to the largest once
    private float[] floatB = new float[0];
    private float[] floatC = new float[0];
    private float[] floatTransposed = new float[0];
    private float[] floatBOperand;                  // B of the float32 product under way (floatB or floatTransposed)
    private boolean single;
    private int kind;
    private double[] a;
    private double[] b;
    private double[] c;
    private int m;
    private int k;
    private int n;

    JavaProducts(int threads, Precision precision) {
        super(threads, "gaplab-java-products", precision);
    }

    @Override
    public void times(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int inner = Products.innerSize(a, false, b, false, c);
        run(NN, a.data, b.data, c.data, c.numRows, inner, c.numCols);
    }

    @Override
    public void transposeATimes(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        Products.innerSize(a, true, b, false, c);
        run(TN, a.data, b.data, c.data, a.numRows, a.numCols, b.numCols);
    }

    @Override
    public void timesTransposeB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int inner = Products.innerSize(a, false, b, true, c);
        int size = b.numRows * b.numCols;
        if (precision == Precision.F32) {
            if (floatTransposed.length < size) floatTransposed = new float[size];
            floatB = toFloats(b.data, size, floatB);
            FloatKernels.transpose(floatB, b.numRows, b.numCols, floatTransposed);   // Bᵀ, so A·Bᵀ is an A·B
            runFloat(NN, a.data, a.numRows * a.numCols, floatTransposed, c.data, c.numRows, inner, c.numCols);
            return;
        }
        if (transposed.length < size) transposed = new double[size];
        transpose(b.data, b.numRows, b.numCols, transposed);                  // Bᵀ, so A·Bᵀ is an A·B
        run(NN, a.data, transposed, c.data, c.numRows, inner, c.numCols);
    }

    /** For A·B: C is m×n from m×k by k×n. For Aᵀ·B: A is m×k, B m×n, C k×n. */
    private void run(int kind, double[] a, double[] b, double[] c, int m, int k, int n) {
        if (precision == Precision.F32) {
            int bSize = kind == NN ? k * n : m * n;
            floatB = toFloats(b, bSize, floatB);
            runFloat(kind, a, m * k, floatB, c, m, k, n);
            return;
        }
        single = false;
        split(kind, a, b, c, m, k, n);
        this.a = this.b = this.c = null;
    }

    /** The float32 product: A converted here, B already converted by the caller, C converted back. */
    private void runFloat(int kind, double[] a, int aSize, float[] b, double[] c, int m, int k, int n) {
        floatA = toFloats(a, aSize, floatA);
        int cSize = kind == NN ? m * n : k * n;
        if (floatC.length < cSize) floatC = new float[cSize];
        single = true;
        this.floatBOperand = b;
        split(kind, null, null, null, m, k, n);
        for (int i = 0; i < cSize; i++) c[i] = floatC[i];
        this.floatBOperand = null;
    }

    /** values[0, size) as floats, in {@code into} when it is large enough. */
    private static float[] toFloats(double[] values, int size, float[] into) {
        float[] floats = into.length >= size ? into : new float[size];
        for (int i = 0; i < size; i++) floats[i] = (float) values[i];          // exact: the values are floats already
        return floats;
    }

    private void split(int kind, double[] a, double[] b, double[] c, int m, int k, int n) {
        this.kind = kind;
        this.a = a;
        this.b = b;
        this.c = c;
        this.m = m;
        this.k = k;
        this.n = n;
        int outputRows = kind == NN ? m : k;
        boolean split = crew.threads() > 1 && (long) m * k * n >= PARALLEL_WORK && outputRows >= crew.threads();
        crew.run(this, split ? crew.threads() : 1);
    }

    @Override
    public void part(int part, int parts) {
        int outputRows = kind == NN ? m : k;
        int from = (int) ((long) outputRows * part / parts);
        int to = (int) ((long) outputRows * (part + 1) / parts);
        if (single) {
            if (kind == NN) FloatKernels.times(floatA, floatBOperand, floatC, k, n, from, to);
            else FloatKernels.transposeATimes(floatA, floatBOperand, floatC, m, k, n, from, to);
        } else {
            if (kind == NN) times(a, b, c, k, n, from, to); else transposeATimes(a, b, c, m, k, n, from, to);
        }
    }

    /** dst (cols×rows) = srcᵀ where src is rows×cols. */
    static void transpose(double[] src, int rows, int cols, double[] dst) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) dst[j * rows + r] = src[o + j];
        }
    }

    /** Rows [r0, r1) of C = A·B. */
    static void times(double[] a, double[] b, double[] c, int k, int n, int r0, int r1) {
        Arrays.fill(c, r0 * n, r1 * n, 0.0);
        for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
            int pEnd = Math.min(k, p0 + K_BLOCK);
            for (int i = r0; i < r1; i++) {
                int cOff = i * n;
                int aOff = i * k;
                int p = p0;
                for (; p + 3 < pEnd; p += 4) {
                    double a0 = a[aOff + p], a1 = a[aOff + p + 1], a2 = a[aOff + p + 2], a3 = a[aOff + p + 3];
                    if (a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0) continue;   // dead ReLUs and dropped units cost nothing
                    int b0 = p * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
                    for (int j = 0; j < n; j++) {
                        c[cOff + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j]; // c_ij += Σ a_ip b_pj
                    }
                }
                for (; p < pEnd; p++) {
                    double ap = a[aOff + p];
                    if (ap == 0) continue;
                    int bOff = p * n;
                    for (int j = 0; j < n; j++) c[cOff + j] += ap * b[bOff + j];
                }
            }
        }
    }

    /** Rows [p0, p1) of C = Aᵀ·B. */
    static void transposeATimes(double[] a, double[] b, double[] c, int m, int k, int n, int p0, int p1) {
        Arrays.fill(c, p0 * n, p1 * n, 0.0);
        for (int p = p0; p < p1; p++) {
            int cOff = p * n;
            int r = 0;
            for (; r + 3 < m; r += 4) {
                double x0 = a[r * k + p], x1 = a[(r + 1) * k + p], x2 = a[(r + 2) * k + p], x3 = a[(r + 3) * k + p];
                if (x0 == 0 && x1 == 0 && x2 == 0 && x3 == 0) continue;
                int b0 = r * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
                for (int j = 0; j < n; j++) {
                    c[cOff + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j]; // c_pj += Σ_r a_rp b_rj
                }
            }
            for (; r < m; r++) {
                double x = a[r * k + p];
                if (x == 0) continue;
                int bOff = r * n;
                for (int j = 0; j < n; j++) c[cOff + j] += x * b[bOff + j];
            }
        }
    }

    @Override
    public Backend backend() { return Backend.JAVA; }
}
