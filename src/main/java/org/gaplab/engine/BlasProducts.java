package org.gaplab.engine;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.ejml.data.DMatrixRMaj;

/**
 * The OpenBLAS backend: {@code cblas_dgemm} through org.bytedeco, one BLAS thread per training thread. The only class
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
 */
final class BlasProducts implements Products, Crew.Work {
    /** Multiply-adds below which a product stays in Java. */
    static final long MIN_WORK = 16_384;
    /** Multiply-adds from which a product is cut into {@link #PARTS} parts. */
    static final long SPLIT_WORK = 1_000_000;
    /** Parts of a large product: the most threads one product can use. */
    static final int PARTS = 4;

    private static final String LOAD_ERROR = load();
    /** The staging buffers of each thread that multiplies. */
    private static final ThreadLocal<Operands> OPERANDS = ThreadLocal.withInitial(Operands::new);

    private final Crew crew;
    private final JavaProducts small = new JavaProducts(1);
    private final long minWork;
    private Staging a;
    private Staging b;
    private Staging c;
    private int transA;
    private int transB;
    private int m;
    private int n;
    private int k;
    private int lda;
    private int ldb;
    private boolean byRows;

    BlasProducts(int threads) {
        this(threads, MIN_WORK);
    }

    /** With {@code minWork} 0 every product goes to OpenBLAS (tests use it on small nets). */
    BlasProducts(int threads, long minWork) {
        if (LOAD_ERROR != null) throw new IllegalStateException("OpenBLAS is not available: " + LOAD_ERROR);
        this.crew = new Crew(threads, "gaplab-blas-products");
        this.minWork = minWork;
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

    /** Stages A and B, computes C = op(A)·op(B) part by part, and copies C back. */
    private void run(int transA, int transB, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, int inner) {
        this.transA = transA;
        this.transB = transB;
        this.m = c.numRows;
        this.n = c.numCols;
        this.k = inner;
        this.lda = a.numCols;
        this.ldb = b.numCols;
        this.byRows = m >= n;
        Operands operands = OPERANDS.get();
        this.a = operands.a;
        this.b = operands.b;
        this.c = operands.c;
        this.a.copyIn(a.data, a.numRows * a.numCols);
        this.b.copyIn(b.data, b.numRows * b.numCols);
        this.c.reserve(m * n);
        crew.run(this, (long) m * n * k >= SPLIT_WORK ? PARTS : 1);
        this.c.copyOut(c.data, m * n);
    }

    /** One dgemm on rows (or columns) [from, to) of C. */
    @Override
    public void part(int part, int parts) {
        int length = byRows ? m : n;
        int from = (int) ((long) length * part / parts);
        int to = (int) ((long) length * (part + 1) / parts);
        if (from == to) return;
        DoublePointer pa = a.view(part);
        DoublePointer pb = b.view(part);
        DoublePointer pc = c.view(part);
        if (byRows) {
            pa.position(transA == CblasNoTrans ? (long) from * lda : from);      // rows of op(A)
            pb.position(0);
            pc.position((long) from * n);
            cblas_dgemm(CblasRowMajor, transA, transB, to - from, n, k, 1.0, pa, lda, pb, ldb, 0.0, pc, n);
        } else {
            pa.position(0);
            pb.position(transB == CblasNoTrans ? from : (long) from * ldb);      // columns of op(B)
            pc.position(from);
            cblas_dgemm(CblasRowMajor, transA, transB, m, to - from, k, 1.0, pa, lda, pb, ldb, 0.0, pc, n);
        }
    }

    @Override
    public Backend backend() { return Backend.BLAS; }

    @Override
    public int threads() { return crew.threads(); }

    @Override
    public void close() {
        crew.close();
        small.close();
    }

    /** A, B and C of one thread's products. Freed with the thread (JavaCPP deallocates unreachable pointers). */
    private static final class Operands {
        final Staging a = new Staging();
        final Staging b = new Staging();
        final Staging c = new Staging();
    }

    /** An off-heap buffer that grows to the largest operand once, with one movable view per part. */
    private static final class Staging {
        private DoublePointer buffer;
        private final DoublePointer[] views = new DoublePointer[PARTS];

        void reserve(long size) {
            if (buffer != null && buffer.capacity() >= size) return;
            free();
            buffer = new DoublePointer(Math.max(size, 1024));
            for (int p = 0; p < PARTS; p++) views[p] = new DoublePointer(buffer);
        }

        void copyIn(double[] data, int size) {
            reserve(size);
            buffer.position(0).put(data, 0, size);
        }

        void copyOut(double[] data, int size) {
            buffer.position(0).get(data, 0, size);
        }

        DoublePointer view(int part) { return views[part]; }

        void free() {
            if (buffer != null) buffer.close();
            buffer = null;
        }
    }
}
