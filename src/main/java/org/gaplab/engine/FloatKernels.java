package org.gaplab.engine;

import java.util.Arrays;

/**
 * {@link JavaProducts}' kernels in float32: the same axpy form, four-way unrolling and k blocking as the float64 ones,
 * so a float lane of the vector unit carries twice the multiply-adds. Every sum is accumulated in float, in the same
 * order whichever thread computes the row.
 */
final class FloatKernels {
    private static final int K_BLOCK = 128;

    private FloatKernels() { }

    /** dst (cols×rows) = srcᵀ where src is rows×cols. */
    static void transpose(float[] src, int rows, int cols, float[] dst) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) dst[j * rows + r] = src[o + j];
        }
    }

    /** Rows [r0, r1) of C = A·B. */
    static void times(float[] a, float[] b, float[] c, int k, int n, int r0, int r1) {
        Arrays.fill(c, r0 * n, r1 * n, 0f);
        for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
            int pEnd = Math.min(k, p0 + K_BLOCK);
            for (int i = r0; i < r1; i++) {
                int cOff = i * n;
                int aOff = i * k;
                int p = p0;
                for (; p + 3 < pEnd; p += 4) {
                    float a0 = a[aOff + p], a1 = a[aOff + p + 1], a2 = a[aOff + p + 2], a3 = a[aOff + p + 3];
                    if (a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0) continue;   // dead ReLUs and dropped units cost nothing
                    int b0 = p * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
                    for (int j = 0; j < n; j++) {
                        c[cOff + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j]; // c_ij += Σ a_ip b_pj
                    }
                }
                for (; p < pEnd; p++) {
                    float ap = a[aOff + p];
                    if (ap == 0) continue;
                    int bOff = p * n;
                    for (int j = 0; j < n; j++) c[cOff + j] += ap * b[bOff + j];
                }
            }
        }
    }

    /** Rows [p0, p1) of C = Aᵀ·B, where A is m×k and B m×n. */
    static void transposeATimes(float[] a, float[] b, float[] c, int m, int k, int n, int p0, int p1) {
        Arrays.fill(c, p0 * n, p1 * n, 0f);
        for (int p = p0; p < p1; p++) {
            int cOff = p * n;
            int r = 0;
            for (; r + 3 < m; r += 4) {
                float x0 = a[r * k + p], x1 = a[(r + 1) * k + p], x2 = a[(r + 2) * k + p], x3 = a[(r + 3) * k + p];
                if (x0 == 0 && x1 == 0 && x2 == 0 && x3 == 0) continue;
                int b0 = r * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
                for (int j = 0; j < n; j++) {
                    c[cOff + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j]; // c_pj += Σ_r a_rp b_rj
                }
            }
            for (; r < m; r++) {
                float x = a[r * k + p];
                if (x == 0) continue;
                int bOff = r * n;
                for (int j = 0; j < n; j++) c[cOff + j] += x * b[bOff + j];
            }
        }
    }
}
