package org.gaplab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * The dense matrix products of the training hot loop, behind one interface with two backends ({@link Backend}):
 * OpenBLAS and GapLab's own Java kernels. Matrices are row-major EJML matrices; {@code c} must already have the
 * product's shape and is overwritten. Nothing allocates per call once the largest product has been seen.
 *
 * <p>Both backends split a large product among their threads so that every output element is summed in the same
 * order whatever the thread count: the same inputs give the same bits with 1 or N threads.
 */
public interface Products extends AutoCloseable {
    /** C = A·B. */
    void times(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** C = Aᵀ·B: the weight gradient a_prevᵀ·δ. */
    void transposeATimes(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** C = A·Bᵀ: the backward product δ·Wᵀ. */
    void timesTransposeB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    Backend backend();

    /** The format the products compute in (and round their results to). */
    Precision precision();

    int threads();

    /**
     * Runs parts 0 .. parts−1 of {@code work} on these products' threads and returns when all are done: element-wise
     * work (an optimizer's update) shares the cores the products use. A part must compute the same bits whichever
     * thread runs it.
     */
    void share(Work work, int parts);

    /** One unit of shared work: computes part {@code part} of {@code parts}. */
    interface Work {
        void part(int part, int parts);
    }

    /** Stops the helper threads. */
    @Override
    void close();

    /** Checks that C = op(A)·op(B) is well formed and returns its inner dimension k. */
    static int innerSize(DMatrixRMaj a, boolean transposeA, DMatrixRMaj b, boolean transposeB, DMatrixRMaj c) {
        int m = transposeA ? a.numCols : a.numRows;
        int k = transposeA ? a.numRows : a.numCols;
        int kb = transposeB ? b.numCols : b.numRows;
        int n = transposeB ? b.numRows : b.numCols;
        if (k != kb || c.numRows != m || c.numCols != n) {
            throw new IllegalArgumentException("cannot multiply " + a.numRows + "×" + a.numCols + (transposeA ? "ᵀ" : "")
                    + " by " + b.numRows + "×" + b.numCols + (transposeB ? "ᵀ" : "") + " into " + c.numRows + "×" + c.numCols);
        }
        return k;
    }
}
