package org.gaplab.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The caller's thread plus {@code threads − 1} daemon helpers that share the parts of one product. Thread t always
 * takes the run of parts [t·parts/threads, (t+1)·parts/threads), and what a part computes never depends on who
 * computes it, so the split changes the speed and never the bits. Hand-over is a volatile counter plus park/unpark: a
 * product allocates nothing.
 *
 * <p>Why runs of neighbouring parts rather than every threads-th part: work cut by position (a batch's rows, a
 * staged operand, an update of the weights) then gives each thread the same half of an array every time, so what one
 * thread wrote is what it reads next, from its own cache. Dealt out in turn, half of every array crossed between the
 * cores: {@code bench --workload mlp --threads 2} ran at 53.7 k samples/s dealt in turn and 59.4 k in runs (one
 * thread: 52.5 k, same session).
 */
final class Crew implements AutoCloseable {
    /**
     * How long a waiting thread spins before it parks, in nanoseconds. A training step has gaps of up to a few hundred
     * microseconds between the parts it shares (the element-wise work between products runs on the caller), and a
     * parked helper takes long to wake on a virtual machine: spinning 24 µs (2,000 spins here) before parking,
     * {@code bench --workload mlp --threads 2} ran at 64.0 k samples/s, spinning 240 µs at 74.1 k (one thread 52.5 k).
     * Only runs given more than one thread have helpers; a server's sessions train on one each.
     */
    static final long SPIN_NANOS = 250_000;
    /** Spins between two looks at the clock. */
    private static final int SPINS_PER_LOOK = 64;

    private final int threads;
    private final Thread[] helpers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile int generation;
    private volatile boolean stopped;
    private volatile Throwable failure;
    private volatile Thread waiter;
    private Products.Work work;
    private int parts;

    Crew(int threads, String name) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.threads = threads;
        this.helpers = new Thread[threads - 1];
        for (int h = 0; h < helpers.length; h++) {
            int index = h + 1;
            helpers[h] = new Thread(() -> serve(index), name + "-" + index);
            helpers[h].setDaemon(true);
            helpers[h].start();
        }
    }

    int threads() { return threads; }

    /** Runs parts 0 .. parts−1 of {@code task} and returns when all are done. */
    void run(Products.Work task, int partCount) {
        if (threads == 1 || partCount == 1) {
            for (int p = 0; p < partCount; p++) task.part(p, partCount);
            return;
        }
        this.work = task;
        this.parts = partCount;
        this.waiter = Thread.currentThread();
        pending.set(helpers.length);
        generation = generation + 1;                   // volatile write publishes work and parts
        for (Thread helper : helpers) LockSupport.unpark(helper);
        Throwable own = null;
        try {
            for (int p = firstPart(0, partCount); p < firstPart(1, partCount); p++) task.part(p, partCount);
        } catch (Throwable t) {
            own = t;
        }
        long spinStart = System.nanoTime();
        int spins = 0;
        boolean spinning = true;
        while (pending.get() != 0) {
            if (spinning) {
                Thread.onSpinWait();
                if (++spins % SPINS_PER_LOOK == 0) spinning = System.nanoTime() - spinStart < SPIN_NANOS;
            } else {
                LockSupport.parkNanos(this, 20_000);
            }
        }
        work = null;
        Throwable helperFailure = failure;
        failure = null;
        if (own != null) throw own instanceof RuntimeException r ? r : new IllegalStateException(own);
        if (helperFailure != null) throw new IllegalStateException("a matrix product failed on a helper thread", helperFailure);
    }

    /** The first part thread {@code index} takes: each thread takes a run of neighbouring parts. */
    private int firstPart(int index, int partCount) { return (int) ((long) index * partCount / threads); }

    private void serve(int index) {
        int seen = 0;
        int spins = 0;
        long idleSince = System.nanoTime();
        while (!stopped) {
            int current = generation;
            if (current == seen) {
                if (++spins % SPINS_PER_LOOK != 0 || System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
                continue;
            }
            seen = current;
            try {
                Products.Work task = work;
                int count = parts;
                for (int p = firstPart(index, count); p < firstPart(index + 1, count); p++) task.part(p, count);
            } catch (Throwable t) {
                failure = t;
            }
            if (pending.decrementAndGet() == 0) LockSupport.unpark(waiter);
            spins = 0;
            idleSince = System.nanoTime();
        }
    }

    @Override
    public void close() {
        stopped = true;
        for (Thread helper : helpers) LockSupport.unpark(helper);
    }
}
