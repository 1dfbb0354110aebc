package org.gaplab.engine;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * Dense row-major matrix products for the training hot loop, with no allocation per call.
 *
 * <p>Why not EJML here: its general kernels run at 3–5 GFLOP/s a thread on this hardware and its multithreaded ops
 * cost 12× on tiny nets. These kernels are written in the "axpy" form the JIT vectorizes (the innermost loop walks a
 * row contiguously), unrolled four ways so each store of C carries four multiply-adds, and blocked over k so a block
 * of B stays in L2. EJML remains the oracle they are tested against. With two threads, large products are split by
 * output rows; each output element is summed in the same order either way, so results are bit-identical for any
 * thread count.
 */
public final class MatMul implements AutoCloseable {
    /** Products smaller than this many multiply-adds are not worth handing to a second thread. */
    static final long PARALLEL_THRESHOLD = 300_000;
    private static final int K_BLOCK = 128;

    private final Partner partner;

    private MatMul(boolean twoThreads) {
        this.partner = twoThreads ? new Partner() : null;
    }

    /** Single-threaded products. */
    public static MatMul sequential() { return new MatMul(false); }

    /** Products that use the caller's thread plus one partner thread when they are large enough. */
    public static MatMul withThreads(int threads) {
        if (threads < 1 || threads > 2) throw new IllegalArgumentException("threads must be 1 or 2, got " + threads);
        return new MatMul(threads == 2);
    }

    public int threads() { return partner == null ? 1 : 2; }

    /** C (m×n) = A (m×k) · B (k×n). */
    public void times(double[] a, double[] b, double[] c, int m, int k, int n) {
        if (partner != null && (long) m * k * n >= PARALLEL_THRESHOLD && m >= 2) {
            int half = m / 2;
            partner.start(Partner.TIMES, a, b, c, m, k, n, half, m);
            times(a, b, c, k, n, 0, half);
            partner.await();
        } else {
            times(a, b, c, k, n, 0, m);
        }
    }

    /** C (k×n) = Aᵀ · B where A is m×k and B is m×n: the weight gradient a_prevᵀ · δ. */
    public void transposeATimes(double[] a, double[] b, double[] c, int m, int k, int n) {
        if (partner != null && (long) m * k * n >= PARALLEL_THRESHOLD && k >= 2) {
            int half = k / 2;
            partner.start(Partner.TRANSPOSE_A_TIMES, a, b, c, m, k, n, half, k);
            transposeATimes(a, b, c, m, k, n, 0, half);
            partner.await();
        } else {
            transposeATimes(a, b, c, m, k, n, 0, k);
        }
    }

    /** dst (cols×rows) = srcᵀ where src is rows×cols. */
    public static void transpose(double[] src, int rows, int cols, double[] dst) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int c = 0; c < cols; c++) dst[c * rows + r] = src[o + c];
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
    public void close() {
        if (partner != null) partner.stop();
    }

    /**
     * One daemon thread that computes the second half of a product. Hand-over is a volatile counter plus
     * park/unpark, so a product allocates nothing; the caller spins briefly because both halves take about as long.
     */
    private static final class Partner implements Runnable {
        static final int TIMES = 1;
        static final int TRANSPOSE_A_TIMES = 2;

        private final Thread thread;
        private volatile int requested;
        private volatile int completed;
        private volatile boolean stopped;
        private volatile Throwable failure;
        private Thread waiter;
        private int kind, m, k, n, from, to;
        private double[] a, b, c;

        Partner() {
            thread = new Thread(this, "gaplab-matmul");
            thread.setDaemon(true);
            thread.start();
        }

        void start(int kind, double[] a, double[] b, double[] c, int m, int k, int n, int from, int to) {
            this.kind = kind;
            this.a = a;
            this.b = b;
            this.c = c;
            this.m = m;
            this.k = k;
            this.n = n;
            this.from = from;
            this.to = to;
            this.waiter = Thread.currentThread();
            requested = requested + 1;          // volatile write publishes the fields above
            LockSupport.unpark(thread);
        }

        void await() {
            int spins = 0;
            while (completed != requested) {
                if (++spins < 2_000) Thread.onSpinWait(); else LockSupport.parkNanos(this, 20_000);
            }
            Throwable error = failure;
            if (error != null) {
                failure = null;
                throw new IllegalStateException("matrix product failed on the partner thread", error);
            }
        }

        void stop() {
            stopped = true;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            int done = 0;
            while (!stopped) {
                if (requested == done) {
                    LockSupport.park(this);
                    continue;
                }
                int job = requested;
                try {
                    if (kind == TIMES) times(a, b, c, k, n, from, to);
                    else transposeATimes(a, b, c, m, k, n, from, to);
                } catch (Throwable t) {
                    failure = t;
                }
                a = b = c = null;
                done = job;
                completed = job;
                LockSupport.unpark(waiter);
            }
        }
    }
}
