package org.gaplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our products against EJML as the oracle, and bit-identical with one or two threads. */
class MatMulTest {

    @ParameterizedTest(name = "{0}×{1} · {1}×{2}")
    @CsvSource({"1,1,1", "3,5,7", "10,8,8", "64,784,256", "64,256,128", "33,130,9"})
    void products_match_ejml_and_do_not_depend_on_the_thread_count(int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(m * 1000L + k * 10L + n);
        double[] a = gaussian(m * k, random);
        double[] b = gaussian(k * n, random);
        double[] bt = gaussian(m * n, random);
        for (int i = 0; i < a.length; i += 3) a[i] = 0;          // exercise the zero-skipping path

        DMatrixRMaj expected = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(DMatrixRMaj.wrap(m, k, a), DMatrixRMaj.wrap(k, n, b), expected);
        DMatrixRMaj expectedTransposed = new DMatrixRMaj(k, n);
        CommonOps_DDRM.multTransA(DMatrixRMaj.wrap(m, k, a), DMatrixRMaj.wrap(m, n, bt), expectedTransposed);

        try (MatMul one = MatMul.sequential(); MatMul two = MatMul.withThreads(2)) {
            double[] c1 = new double[m * n];
            double[] c2 = new double[m * n];
            one.times(a, b, c1, m, k, n);
            two.times(a, b, c2, m, k, n);
            assertArrayEquals(c1, c2, 0.0);
            for (int i = 0; i < c1.length; i++) assertEquals(expected.data[i], c1[i], 1e-9 * (1 + Math.abs(c1[i])));

            double[] t1 = new double[k * n];
            double[] t2 = new double[k * n];
            one.transposeATimes(a, bt, t1, m, k, n);
            two.transposeATimes(a, bt, t2, m, k, n);
            assertArrayEquals(t1, t2, 0.0);
            for (int i = 0; i < t1.length; i++) assertEquals(expectedTransposed.data[i], t1[i], 1e-9 * (1 + Math.abs(t1[i])));
        }
    }

    private static double[] gaussian(int n, SplittableRandom random) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = random.nextGaussian();
        return x;
    }
}
