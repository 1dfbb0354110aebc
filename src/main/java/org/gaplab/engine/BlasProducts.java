package org.gaplab.engine;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.ejml.data.DMatrixRMaj;

/**
 * The OpenBLAS backend: {@code cblas_sgemm} (float32) or {@code cblas_dgemm} (float64) through org.bytedeco, one BLAS thread per training thread. The only class
 * that touches the natives, so that the Java fallback works where they cannot load.
 *
 * <p>Operands are staged in off-heap buffers owned here: the matrices everyone else sees stay EJML matrices on the
 * heap. The buffers belong to the thread that asks for a product, not to a run, so the sessions that take turns on
 * a server's worker share one set (about 5 MB for a 784-256-128-10 network) instead of holding one each. Measured on the 8 products of an {@code mlp} minibatch (1 thread, same run): handing {@code double[]} to
 * JavaCPP ran at 39k samples/s, staging through our own buffers at 40k (both copy; JavaCPP copies every array in and
 * back out on each call), and data that never leaves off-heap memory at 57k, which would take every matrix of the
 * engine out of EJML. Staging wins over {@code double[]} for another reason: a buffer can be addressed at an offset,
 * so the parts of a product can go to different threads, which {@code double[]} calls cannot do. (Copying in and out
 * on every thread too, one more hand-over per product, measured no faster with 2 threads on a busy machine.)
 *
 * <p>A large product is cut into {@link #PARTS} fixed parts along the longer side of C, whatever the thread count, and
 * each part is one {@code dgemm} call: a part's bits do not depend on which thread computes it, so results are
 * identical for any number of threads (OpenBLAS may pick another kernel for another shape, so the cut itself must
 * not depend on the threads). Cutting along the longer side repacks only the smaller operand.
 * Products below {@link #MIN_WORK} multiply-adds stay in Java, where they cost less than a native call.
 *
 * <p>In float32 the staging converts: the engine's {@code double[]} hold float-representable values, so the
 * conversion in is exact and the one out gives back sgemm's floats. Staging (in and out) is shared among the
 * threads like the products themselves: with two threads it was a fifth of one thread's time otherwise.
 */
final class BlasProducts extends CrewProducts {
    /** Multiply-adds below which a product stays in Java. */
    static final long MIN_WORK = 16_384;
    /** Multiply-adds from which a product is cut into {@link #PARTS} parts. */
    static final long SPLIT_WORK = 1_000_000;
    /** Parts of a large product: the most threads one product can use. */
    static final int PARTS = 4;

    private static final String LOAD_ERROR = load();
    /** The staging buffers of each thread that multiplies, one set per precision. */
    private static final ThreadLocal<Operands> DOUBLE_OPERANDS = ThreadLocal.withInitial(() -> new Operands(Precision.F64));
    private static final ThreadLocal<Operands> FLOAT_OPERANDS = ThreadLocal.withInitial(() -> new Operands(Precision.F32));

    private final JavaProducts small;
    private final long minWork;
    private final Products.Work stageIn = this::stageIn;
    private Operands operands;
    private double[] aData;
    private double[] bData;
    private double[] cData;
    private int aSize;
    private int bSize;
    private int transA;
    private int transB;
    private int m;
    private int n;
    private int k;
    private int lda;
    private int ldb;
    private boolean byRows;

    BlasProducts(int threads, Precision precision) {
        this(threads, precision, MIN_WORK);
    }

    /** With {@code minWork} 0 every product goes to OpenBLAS (tests use it on small nets). */
    BlasProducts(int threads, Precision precision, long minWork) {
        super(requireNatives(threads), "gaplab-blas-products", precision);
        this.small = new JavaProducts(1, precision);
        this.minWork = minWork;
    }

    /** Refuses before the base starts the crew's threads, so a failed construction leaves none running. */
    private static int requireNatives(int threads) {
        if (LOAD_ERROR != null) throw new IllegalStateException("OpenBLAS is not available: " + LOAD_ERROR);
        return threads;
    }

    /** Loads the natives once per process; null when they work, else why not. */
    private static String load() {
        try {
            Loader.load(openblas_nolapack.class);
            openblas_nolapack.blas_set_num_threads(1);      // our threads split the work; OpenBLAS's would oversubscribe
            try (DoublePointer one = new DoublePointer(1.0); DoublePointer product = new DoublePointer(1)) {
                cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1, 1, 1, 2.0, one, 1, one, 1, 0.0, product, 1);
                if (product.get() != 2.0) return "a test product gave " + product.get() + " instead of 2";
            }
            return null;
        } catch (Throwable t) {                            // UnsatisfiedLinkError, NoClassDefFoundError, ...
            return t.toString();
        }
    }

    /** Null when OpenBLAS works here, else the reason it does not. */
    static String loadError() { return LOAD_ERROR; }

    /** OpenBLAS's version as its header states it. */
    static String version() { return openblas_nolapack.OPENBLAS_VERSION.trim(); }

    @Override
    public void times(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int inner = Products.innerSize(a, false, b, false, c);
        if ((long) c.numRows * c.numCols * inner < minWork) small.times(a, b, c); else run(CblasNoTrans, CblasNoTrans, a, b, c, inner);
    }

    @Override
    public void transposeATimes(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int inner = Products.innerSize(a, true, b, false, c);
        if ((long) c.numRows * c.numCols * inner < minWork) small.transposeATimes(a, b, c); else run(CblasTrans, CblasNoTrans, a, b, c, inner);
    }

    @Override
    public void timesTransposeB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int inner = Products.innerSize(a, false, b, true, c);
        if ((long) c.numRows * c.numCols * inner < minWork) small.timesTransposeB(a, b, c); else run(CblasNoTrans, CblasTrans, a, b, c, inner);
    }

    /** Stages A and B, then computes C = op(A)·op(B) part by part, each part copying its own piece of C back. */
    private void run(int transA, int transB, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, int inner) {
        this.transA = transA;
        this.transB = transB;
        this.m = c.numRows;
        this.n = c.numCols;
        this.k = inner;
        this.lda = a.numCols;
        this.ldb = b.numCols;
        this.byRows = m >= n;
        this.operands = (precision == Precision.F32 ? FLOAT_OPERANDS : DOUBLE_OPERANDS).get();
        this.aData = a.data;
        this.bData = b.data;
        this.cData = c.data;
        this.aSize = a.numRows * a.numCols;
        this.bSize = b.numRows * b.numCols;
        operands.a.reserve(aSize);
        operands.b.reserve(bSize);
        operands.c.reserve((long) m * n);
        int parts = (long) m * n * k >= SPLIT_WORK ? PARTS : 1;
        crew.run(stageIn, parts);
        crew.run(this, parts);
        this.aData = this.bData = this.cData = null;
    }

    /** Copies piece {@code part} of A and of B into the off-heap buffers. */
    private void stageIn(int part, int parts) {
        operands.a.copyIn(part, aData, (int) ((long) aSize * part / parts), (int) ((long) aSize * (part + 1) / parts));
        operands.b.copyIn(part, bData, (int) ((long) bSize * part / parts), (int) ((long) bSize * (part + 1) / parts));
    }

    /** One gemm on rows (or columns) [from, to) of C, whose result it copies back into C. */
    @Override
    public void part(int part, int parts) {
        int length = byRows ? m : n;
        int from = (int) ((long) length * part / parts);
        int to = (int) ((long) length * (part + 1) / parts);
        if (from == to) return;
        long aOffset = byRows && transA == CblasNoTrans ? (long) from * lda : byRows ? from : 0;   // rows of op(A)
        long bOffset = byRows ? 0 : transB == CblasNoTrans ? from : (long) from * ldb;           // columns of op(B)
        long cOffset = byRows ? (long) from * n : from;
        int rows = byRows ? to - from : m;
        int columns = byRows ? n : to - from;
        if (precision == Precision.F32) {
            FloatPointer pa = operands.a.floatView(part, aOffset);
            FloatPointer pb = operands.b.floatView(part, bOffset);
            FloatPointer pc = operands.c.floatView(part, cOffset);
            cblas_sgemm(CblasRowMajor, transA, transB, rows, columns, k, 1f, pa, lda, pb, ldb, 0f, pc, n);
        } else {
            DoublePointer pa = operands.a.doubleView(part, aOffset);
            DoublePointer pb = operands.b.doubleView(part, bOffset);
            DoublePointer pc = operands.c.doubleView(part, cOffset);
            cblas_dgemm(CblasRowMajor, transA, transB, rows, columns, k, 1.0, pa, lda, pb, ldb, 0.0, pc, n);
        }
        if (byRows) {
            operands.c.copyOut(part, cData, from * n, to * n);
        } else {
            for (int r = 0; r < m; r++) operands.c.copyOut(part, cData, r * n + from, r * n + to);
        }
    }

    @Override
    public Backend backend() { return Backend.BLAS; }

    @Override
    public void close() {
        super.close();
        small.close();
    }

    /** A, B and C of one thread's products. Freed with the thread (JavaCPP deallocates unreachable pointers). */
    private static final class Operands {
        final Staging a;
        final Staging b;
        final Staging c;

        Operands(Precision precision) {
            a = new Staging(precision);
            b = new Staging(precision);
            c = new Staging(precision);
        }
    }
}
