package org.gaplab.server.session;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A session's turns on the session pool's workers: at most one queued or running at a time, so the run they drive needs
 * no locks. Any thread may ask for a turn, now or after a delay on the clock (a paced session sleeps until its next
 * epoch is due), and no request is lost.
 */
final class Turns {
    private final Executor workers;
    private final ScheduledExecutorService clock;
    private final Runnable turn;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean wakeWanted = new AtomicBoolean();
    private volatile boolean stopped;
    private boolean clockStopped;        // guarded by this
    private ScheduledFuture<?> wakeup;   // guarded by this

    Turns(Executor workers, ScheduledExecutorService clock, Runnable turn) {
        this.workers = workers;
        this.clock = clock;
        this.turn = turn;
    }

    /**
     * Queues a turn unless one is queued or running. A wake-up that arrives while a turn runs is remembered and
     * honoured when that turn ends (a paced session's clock wake-up can fire before the turn that set it has finished;
     * dropping it would leave the session asleep for good).
     */
    void wake() {
        if (stopped) return;
        wakeWanted.set(true);
        if (!scheduled.compareAndSet(false, true)) return;
        wakeWanted.set(false);
        try {
            workers.execute(turn);
        } catch (RejectedExecutionException stopping) {
            scheduled.set(false);
        }
    }

    /** The running turn is over, however it ended: the next wake-up queues one. */
    void over() {
        scheduled.set(false);
    }

    /** After a turn that ended normally: the next is queued at once if work is left or a wake-up came meanwhile. */
    void again(boolean workLeft) {
        if (!stopped && (workLeft || wakeWanted.get())) wake();
    }

    /** A turn after this delay, on the clock; it replaces one set before. None once the clock stopped. */
    synchronized void wakeIn(long delayNanos) {
        if (clockStopped) return;
        if (wakeup != null) wakeup.cancel(false);
        try {
            wakeup = clock.schedule(this::wake, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            wakeup = null;
        }
    }

    /** The session is closing: the clock wakes it no more; what it has left to do runs on turns asked for now. */
    synchronized void stopClock() {
        clockStopped = true;
        if (wakeup != null) wakeup.cancel(false);
        wakeup = null;
    }

    /** No turn is queued after this, nor a clock wake-up set; true the first time only. */
    synchronized boolean stop() {
        if (stopped) return false;
        stopped = true;
        stopClock();
        return true;
    }
}
