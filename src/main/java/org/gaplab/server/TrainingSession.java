package org.gaplab.server;

import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.ProtocolError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser's session: its commands, its pace and its turns on the classroom's workers. The socket only hands
 * commands over ({@link #accept}); everything that touches the run ({@link LiveRun}) happens in {@link #slice}, which
 * runs on the classroom's worker threads and never overlaps itself, so the run needs no locks and a slow epoch never
 * blocks a socket.
 *
 * <p>Fairness: a slice trains for at most the configured slice time, then yields its worker by queueing itself again
 * behind every other session's slice; a paced session instead sleeps on the clock until its next epoch is due.
 */
final class TrainingSession {
    /** Commands a browser may have waiting before more are refused: a page sends a handful per second. */
    static final int MAX_WAITING_COMMANDS = 64;
    private static final Logger LOG = LoggerFactory.getLogger(TrainingSession.class);

    final String id;
    private final Classroom room;
    private final Connection connection;
    private final Outbox outbox;
    private final RunControls controls;   // used by the slice only (one at a time, handed over by the executor)
    private final Queue<Command> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCommands = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean wakeWanted = new AtomicBoolean();
    private final long openedAt = System.nanoTime();
    private volatile long lastHeardAt = openedAt;
    private volatile boolean closed;
    private volatile boolean released;
    private volatile boolean waitingForBrowser;
    private volatile boolean closing;
    private ScheduledFuture<?> wakeup;   // guarded by this

    TrainingSession(String id, Classroom room, Connection connection) {
        this.id = id;
        this.room = room;
        this.connection = connection;
        this.outbox = new Outbox(connection, room.clock(), room.settings().maxPendingEpochs(), this::dropUnread);
        this.controls = new RunControls(id, room, outbox, this::reject);
    }

    // ---- called by the socket and the clock (any thread) ----

    /** Greets the browser with the protocol version, the schema and the limits. */
    void greet() {
        outbox.control(Frames.hello(room.settings().limits(), Pace.defaults()));
    }

    /** Hands a parsed command to the session's next slice. */
    void accept(Command command) {
        heard();
        if (waitingCommands.incrementAndGet() > MAX_WAITING_COMMANDS) {
            waitingCommands.decrementAndGet();
            reject(new ProtocolError("overloaded", "message", command.getClass().getSimpleName().toLowerCase(Locale.ROOT),
                    "at most " + MAX_WAITING_COMMANDS + " commands waiting", "too many commands at once; this one was dropped"));
            return;
        }
        inbox.add(command);
        wake();
    }

    /** Answers a message the server refuses; a running session keeps running. */
    void reject(ProtocolError error) {
        heard();
        LOG.info("session={} event=rejected code={} field={} value={}", id, error.code(), error.field(),
                abbreviate(error.value()));
        outbox.control(Frames.error(error));
    }

    /** Notes that the browser said something, which keeps the session from timing out. */
    void heard() {
        lastHeardAt = System.nanoTime();
    }

    /** Ends the session: the next slice frees the run. Safe to call more than once, from any thread. */
    void close() {
        if (closed) return;
        closed = true;
        cancelWakeup();
        outbox.close();
        wake();
    }

    /** Once per frame tick, on the clock: sends a frame, and resumes training once a slow browser caught up. */
    void tick() {
        outbox.flush(true);
        if (waitingForBrowser && !outbox.isBackedUp()) {
            waitingForBrowser = false;
            wake();
        }
    }

    /** About once a second, on the clock: drops a browser that stopped reading, closes an idle session. */
    void checkTimeouts(long now) {
        if (closed) return;
        long stalled = outbox.stalledNanos(now);
        if (stalled > room.settings().stallTimeout().toNanos()) {
            LOG.info("session={} event=stalled seconds={} pendingEpochs={}", id, TimeUnit.NANOSECONDS.toSeconds(stalled),
                    outbox.pendingEpochs());
            room.end(this, "stalled");
            connection.disconnect();
        } else if (!closing && controls.state() != RunControls.State.RUNNING && now - lastHeardAt > room.settings().idleTimeout().toNanos()) {
            LOG.info("session={} event=idle seconds={}", id, TimeUnit.NANOSECONDS.toSeconds(now - lastHeardAt));
            closeAfterTelling("idle", "idle");
        }
    }

    /** Tells the browser the server is going away, then closes the socket. */
    void shutDown() {
        closeAfterTelling("shutdown", "server shutting down");
    }

    /**
     * Sends "stopped" after what is already queued and then closes the socket; nothing is trained or queued after
     * it. The socket's close handler then ends the session.
     */
    private void closeAfterTelling(String reason, String closeReason) {
        closing = true;
        outbox.control(Frames.stopped(reason));
        outbox.finish(1001, closeReason);
    }

    /** Whether the farewell of {@link #shutDown} went out (or the socket is gone). */
    boolean isSilent() {
        return outbox.isClosed() || !connection.isOpen();
    }

    void ping() {
        connection.ping();
    }

    RunControls.State state() { return controls.state(); }

    int pendingEpochs() { return outbox.pendingEpochs(); }

    boolean isWaitingForBrowser() { return waitingForBrowser; }

    long secondsOpen() { return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - openedAt); }

    /**
     * Queues a slice on the workers unless one is queued or running. A wake-up that arrives while a slice runs is
     * remembered and honoured when that slice ends (a paced session's clock wake-up can fire before the slice that
     * set it has finished; dropping it would leave the session asleep for good).
     */
    void wake() {
        if (released) return;
        wakeWanted.set(true);
        if (!scheduled.compareAndSet(false, true)) return;
        wakeWanted.set(false);
        try {
            room.workers().execute(this::slice);
        } catch (RejectedExecutionException stopping) {
            scheduled.set(false);
        }
    }

    /** Frees the run now; for the classroom once the workers have stopped. */
    synchronized void release() {
        if (released) return;
        released = true;
        closed = true;
        cancelWakeup();
        outbox.close();
        controls.endRun();
    }

    // ---- the slice: worker threads only ----

    private void slice() {
        boolean yielded = false;
        try {
            long sliceEnd = System.nanoTime() + room.sliceNanos();
            while (!closed) {
                Command command = inbox.poll();
                if (command != null) {
                    waitingCommands.decrementAndGet();
                    controls.handle(command);
                    continue;
                }
                if (controls.state() != RunControls.State.RUNNING || closing) break;
                if (outbox.isBackedUp()) {
                    waitingForBrowser = true;
                    break;
                }
                long now = System.nanoTime();
                long wait = controls.pace().waitNanos(now);
                if (wait > 0) {
                    scheduleWakeup(wait);
                    break;
                }
                if (now >= sliceEnd) {
                    yielded = true;
                    break;
                }
                controls.advance();
                controls.pace().stepped(now);
            }
            if (closed) release();
        } finally {
            scheduled.set(false);
        }
        // A command or a wake-up may have arrived after the inbox was last polled but before the flag was cleared.
        if (!released && (yielded || closed || wakeWanted.get() || !inbox.isEmpty())) wake();
    }

    /** The browser left too many control messages unread: it is gone in all but name. */
    private void dropUnread() {
        LOG.info("session={} event=dropped reason=unread-messages", id);
        room.end(this, "unread-messages");
        connection.disconnect();
    }

    private synchronized void scheduleWakeup(long delayNanos) {
        if (closed) return;
        if (wakeup != null) wakeup.cancel(false);
        try {
            wakeup = room.clock().schedule(this::wake, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            wakeup = null;
        }
    }

    private synchronized void cancelWakeup() {
        if (wakeup != null) wakeup.cancel(false);
        wakeup = null;
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
