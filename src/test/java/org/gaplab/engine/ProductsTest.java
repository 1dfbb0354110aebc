package org.gaplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both backends' products in both precisions against EJML as the oracle (float64: to 1e-9; float32: the EJML product
 * of the same float inputs, to float rounding), and bit-identical for any thread count.
 */
class ProductsTest {
    /** Shapes m, k, n: tiny, odd, the mlp's own, and ones large enough to be cut into parts. */
    private static final int[][] SHAPES = {{1, 1, 1}, {3, 5, 7}, {10, 8, 8}, {33, 130, 9}, {64, 784, 256}, {64, 256, 128},
        {64, 128, 10}, {7, 300, 700}, {200, 70, 90}};

    static Stream<Arguments> backendsAndShapes() {
        List<Arguments> all = new ArrayList<>();
        for (Precision precision : Precision.values()) {
            for (String backend : List.of("java", "blas", "blas-everything")) {
                for (int[] shape : SHAPES) all.add(Arguments.of(backend, precision, shape[0], shape[1], shape[2]));
            }
        }
        return all.stream();
    }

    /** "blas-everything" sends even tiny products to OpenBLAS, which the engine would keep in Java. */
    static Products products(String backend, int threads, Precision precision) {
        return switch (backend) {
            case "java" -> new JavaProducts(threads, precision);
            case "blas" -> {
                assumeTrue(Backend.BLAS.isAvailable(), "OpenBLAS does not load here");
                yield new BlasProducts(threads, precision);
            }
            case "blas-everything" -> {
                assumeTrue(Backend.BLAS.isAvailable(), "OpenBLAS does not load here");
                yield new BlasProducts(threads, precision, 0);
            }
            default -> throw new IllegalArgumentException(backend);
        };
    }

    @ParameterizedTest(name = "{0} {1}: {2}×{3} · {3}×{4}")
    @MethodSource("backendsAndShapes")
    void products_match_ejml_and_do_not_depend_on_the_thread_count(String backend, Precision precision, int m, int k, int n) {
        Random random = new Random(m * 1000L + k * 10L + n);
        DMatrixRMaj a = RandomMatrices_DDRM.rectangleGaussian(m, k, 0, 1, random);
        DMatrixRMaj b = RandomMatrices_DDRM.rectangleGaussian(k, n, 0, 1, random);
        DMatrixRMaj bRows = RandomMatrices_DDRM.rectangleGaussian(m, n, 0, 1, random);   // for Aᵀ·B
        DMatrixRMaj bT = RandomMatrices_DDRM.rectangleGaussian(n, k, 0, 1, random);      // for A·Bᵀ
        for (int i = 0; i < a.data.length; i += 3) a.data[i] = 0;       // the Java kernels skip zeros: exercise it
        for (DMatrixRMaj operand : List.of(a, b, bRows, bT)) {
            precision.round(operand.data, operand.data.length);          // the engine hands a product values it holds
        }

        DMatrixRMaj times = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(a, b, times);
        DMatrixRMaj transposeATimes = new DMatrixRMaj(k, n);
        CommonOps_DDRM.multTransA(a, bRows, transposeATimes);
        DMatrixRMaj timesTransposeB = new DMatrixRMaj(m, n);
        CommonOps_DDRM.multTransB(a, bT, timesTransposeB);

        List<DMatrixRMaj[]> byThreads = new ArrayList<>();
        for (int threads : new int[] {1, 2, 3, 4}) {
            try (Products products = products(backend, threads, precision)) {
                DMatrixRMaj[] out = {new DMatrixRMaj(m, n), new DMatrixRMaj(k, n), new DMatrixRMaj(m, n)};
                for (DMatrixRMaj c : out) java.util.Arrays.fill(c.data, Double.NaN);   // C is overwritten, not added to
                products.times(a, b, out[0]);
                products.transposeATimes(a, bRows, out[1]);
                products.timesTransposeB(a, bT, out[2]);
                byThreads.add(out);
            }
        }
        assertClose(times, byThreads.get(0)[0], precision, k);
        assertClose(transposeATimes, byThreads.get(0)[1], precision, m);
        assertClose(timesTransposeB, byThreads.get(0)[2], precision, k);
        for (DMatrixRMaj[] other : byThreads) {
            for (int i = 0; i < 3; i++) assertArrayEquals(byThreads.get(0)[i].data, other[i].data, 0.0);
        }
        for (DMatrixRMaj product : byThreads.get(0)) {
            for (double value : product.data) assertEquals(precision.round(value), value, 0.0, "a stored value is in its precision");
        }
    }

    @Test
    void a_product_uses_only_the_rows_a_reshaped_matrix_has() {
        try (Products products = products("java", 2, Precision.F64)) {
            DMatrixRMaj a = new DMatrixRMaj(64, 20);
            a.reshape(5, 20);                    // a batch smaller than the buffer: the rest of the array is ignored
            CommonOps_DDRM.fill(a, 1.0);
            DMatrixRMaj b = new DMatrixRMaj(20, 3);
            CommonOps_DDRM.fill(b, 2.0);
            DMatrixRMaj c = new DMatrixRMaj(5, 3);
            products.times(a, b, c);
            for (double value : c.data) assertEquals(40.0, value, 0.0);
        }
    }

    @Test
    void a_product_of_mismatched_shapes_is_refused() {
        try (Products products = products("java", 1, Precision.F64)) {
            assertThrows(IllegalArgumentException.class,
                    () -> products.times(new DMatrixRMaj(2, 3), new DMatrixRMaj(4, 5), new DMatrixRMaj(2, 5)));
        }
    }

    @Test
    void more_threads_than_cores_are_refused_with_the_allowed_range() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Backend.JAVA.products(Backend.maxThreads() + 1));
        assertEquals("threads must be in [1, " + Backend.maxThreads() + "] (the cores here), got " + (Backend.maxThreads() + 1),
                error.getMessage());
    }

    @Test
    void the_system_property_picks_what_auto_means_so_a_test_run_can_force_the_java_kernels() {
        String forced = System.getProperty(Backend.PROPERTY);
        Backend expected = forced != null ? Backend.choose(forced) : Backend.BLAS.isAvailable() ? Backend.BLAS : Backend.JAVA;
        assertEquals(expected, Backend.preferred());
        assertEquals(expected, Backend.choose("auto"));
        assertEquals(Backend.JAVA, Backend.choose("java"));
    }

    @Test
    void an_unknown_backend_is_refused_naming_the_allowed_ones() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Backend.choose("cuda"));
        assertEquals("backend: \"cuda\" is not allowed; allowed: blas, java, auto", error.getMessage());
    }

    /**
     * Within 1e-9 in float64. In float32 within k·2⁻²³ of the size of the terms summed (each of the k additions may
     * round by half an ulp of the running sum; products of N(0, 1) inputs are about 1, sums about √k): a wrong or
     * missing term misses by far. That a float32 product's results are floats is checked on its own.
     */
    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, Precision precision, int inner) {
        assertEquals(expected.numRows, actual.numRows);
        assertEquals(expected.numCols, actual.numCols);
        for (int i = 0; i < expected.getNumElements(); i++) {
            double tolerance = precision == Precision.F64 ? 1e-9 * (1 + Math.abs(expected.data[i]))
                    : inner * Math.ulp(1f) * (Math.sqrt(inner) + Math.abs(expected.data[i]));
            assertEquals(expected.data[i], actual.data[i], tolerance, "element " + i);
        }
    }
}
