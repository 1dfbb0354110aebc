package org.gaplab.server.session;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.ErrorCode;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.server.classes.ClassExperiment;
import org.gaplab.server.classes.ClassMember;
import org.gaplab.server.classes.ClassRole;
import org.gaplab.server.classes.ClassSeat;
import org.gaplab.server.live.Pace;
import org.gaplab.server.live.RunContext;
import org.gaplab.server.live.RunControls;
import org.gaplab.server.safety.LogText;
import org.gaplab.server.safety.MessageRate;
import org.gaplab.server.wire.Connection;
import org.gaplab.server.wire.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser's session: its commands, its pace and its turns on the session pool's workers. The socket only hands
 * commands over ({@link #accept}, into its {@link Inbox}); everything that touches the run ({@link LiveRun}) happens
 * in {@link #slice}, which runs on the classroom's worker threads and never overlaps itself ({@link Turns}), so the
 * run needs no locks and a slow epoch never blocks a socket.
 *
 * <p>Fairness by construction: everything a slice does is cut into pieces of one minibatch or one measured chunk
 * (an epoch that is not done when the slice's time is up goes on in the next turn), data is made on the loading
 * thread while the session waits, and a new build replaces one still waiting, so a queue of costly commands costs
 * one build. A slice that has used its time yields its worker by queueing itself again behind every other session's
 * slice; a paced session instead sleeps on the clock until its next epoch is due. A session whose single pieces are
 * long ("heavy") never takes the last worker, so light sessions always have one.
 */
public final class TrainingSession implements ClassMember {
    /**
     * Close code of a session closed for idleness (4408, after HTTP's 408): the page does not reconnect by itself
     * but when its learner next acts.
     */
    public static final int IDLE_CLOSE = 4408;
    /** Close code 1001, "going away": the server is stopping; the page reconnects (to another server) and restores. */
    static final int GOING_AWAY = 1001;
    /**
     * A turn that used this much more processor time than its slice marks the session heavy: its pieces of work are
     * long. Processor time, not wall time: a light session's thread descheduled on a busy machine is not heavy.
     */
    private static final long OVERRUN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Logger LOG = LoggerFactory.getLogger(TrainingSession.class);

    final String id;
    private final SessionPool pool;
    private final Connection connection;
    private final Outbox outbox;
    private final RunControls controls;   // used by the slice only (one at a time, handed over by the executor)
    private final String client;
    private final Inbox inbox = new Inbox();
    private final Turns turns;
    private final long openedAt = System.nanoTime();
    private volatile long lastHeardAt = openedAt;
    private volatile boolean closed;
    private volatile boolean waitingForBrowser;
    private volatile boolean closing;
    private volatile boolean startedSomething;
    private final ClassRole role = new ClassRole();
    private final MessageRate rate = new MessageRate(System.nanoTime());

    TrainingSession(String id, SessionPool pool, Connection connection, String client) {
        this.id = id;
        this.pool = pool;
        this.connection = connection;
        this.client = client;
        this.turns = new Turns(pool.workers(), pool.clock(), this::slice);
        this.outbox = new Outbox(connection, pool.clock(), pool.settings().maxPendingEpochs(), this::dropUnread);
        this.controls = new RunControls(new RunContext(id, outbox, client, pool.limits(), pool.frameIntervalNanos(),
                ClassSeat.watching(role::seat)),
                this::reject, this::wake);
    }

    /** The client address this session counts against. */
    @Override
    public String client() { return client; }

    // ---- called by the socket and the clock (any thread) ----

    /** Greets the browser with the protocol version, the schema and the limits. */
    void greet() {
        outbox.control(Frames.hello(pool.instance(), HelloLimits.of(pool.settings()), Pace.defaults()));
    }

    /** Hands a parsed command to the session's next slice; class messages are handled at once. */
    void accept(Command command) {
        heard();
        try {
            if (command instanceof Command.ForClass forClass) {
                pool.classes().handle(this, forClass);
                startedSomething = role.isAny();
                return;
            }
            ClassSeat mine = role.seat();
            if (mine != null) mine.check(command);
            if (command.replacesRun()) startedSomething = true;
            inbox.add(command);   // refused when too many wait
        } catch (ProtocolError refused) {
            reject(refused);
            return;
        }
        wake();
    }

    /** Answers a message the server refuses; a running session keeps running. */
    void reject(ProtocolError error) {
        heard();
        long suppressed = rate.logRefusal(System.nanoTime());
        if (suppressed >= 0) {
            LOG.info("session={} event=rejected code={} field={} value={} suppressed={}", id, error.code(),
                    LogText.quote(error.field()), LogText.quote(String.valueOf(error.value())), suppressed);
        }
        outbox.control(Frames.error(error));
    }

    /** Whether the browser's next message fits its rate ({@link MessageRate}); false: the socket is to be closed. */
    boolean admitMessage() {
        return rate.admit(System.nanoTime());
    }

    /** True the first time a message is past the rate: the socket is closed once. */
    boolean exceedRate() {
        return rate.exceed();
    }

    /** Notes that the browser said something, which keeps the session from timing out. */
    void heard() {
        lastHeardAt = System.nanoTime();
    }

    /** Ends the session: the next slice frees the run. Safe to call more than once, from any thread. */
    void close() {
        if (closed) return;
        closed = true;
        pool.classes().left(this);
        turns.stopClock();
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
        if (stalled > pool.settings().stallTimeout().toNanos()) {
            LOG.info("session={} event=stalled seconds={} pendingEpochs={}", id, TimeUnit.NANOSECONDS.toSeconds(stalled),
                    outbox.pendingEpochs());
            pool.end(this, "stalled");
            connection.disconnect();
        } else if (!closing && !startedSomething && now - openedAt > pool.settings().startTimeout().toNanos()) {
            // A socket that starts nothing gives its slot back; the page reconnects when its learner acts.
            LOG.info("session={} event=idle reason=no-start seconds={}", id, TimeUnit.NANOSECONDS.toSeconds(now - openedAt));
            closeAfterTelling("idle", IDLE_CLOSE, "idle");
        } else if (!closing && controls.state() != RunControls.State.RUNNING && !role.inLiveClass()
                && now - lastHeardAt > pool.settings().idleTimeout().toNanos()) {
            LOG.info("session={} event=idle seconds={}", id, TimeUnit.NANOSECONDS.toSeconds(now - lastHeardAt));
            closeAfterTelling("idle", IDLE_CLOSE, "idle");
        }
    }

    /** Tells the browser the server is going away, then closes the socket. */
    void shutDown() {
        closeAfterTelling("shutdown", GOING_AWAY, "server shutting down");
    }

    /**
     * Sends "stopped" after what is already queued and then closes the socket; nothing is trained or queued after
     * it. The socket's close handler then ends the session.
     */
    private void closeAfterTelling(String reason, int code, String closeReason) {
        closing = true;
        outbox.control(Frames.stopped(reason));
        outbox.finish(code, closeReason);
    }

    /** Whether the farewell of {@link #shutDown} went out (or the socket is gone). */
    boolean isSilent() {
        return outbox.isClosed() || !connection.isOpen();
    }

    void ping() {
        connection.ping();
    }

    @Override
    public boolean isClosed() { return closed; }

    @Override
    public RunControls.State state() { return controls.state(); }

    int pendingEpochs() { return outbox.pendingEpochs(); }

    boolean isWaitingForBrowser() { return waitingForBrowser; }

    long secondsOpen() { return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - openedAt); }

    /** Asks for a turn on the workers, from any thread; see {@link Turns#wake}. */
    @Override
    public void wake() {
        turns.wake();
    }

    /** Frees the run now; for the session pool once the workers have stopped. */
    synchronized void release() {
        if (!turns.stop()) return;
        closed = true;
        outbox.close();
        controls.endRun();
    }

    // ---- class experiments ----

    /** This page's seat or teacher's page in a class, if any. */
    @Override
    public ClassRole role() { return role; }

    /** Seats this learner; from now on their commands are checked against the class and their epochs watched. */
    @Override
    public void takeSeat(ClassSeat taken) {
        role.takeSeat(taken);
        wake();   // follow the class's orders (a pause, say) from the next turn
    }

    /** Another page took this learner's seat (the link opened again with it): this one is told, and trains on alone. */
    @Override
    public void seatMoved() {
        role.loseSeat();
        reject(new ProtocolError(ErrorCode.SEAT_MOVED, "seat", "(not shown)", "one page a seat", "your seat in this class went to"
                + " another page that opened the join link with it; this page trains on alone"));
    }

    /** The teacher removed this learner from the class: this page is told, and trains on alone. */
    @Override
    public void removedFromClass() {
        role.loseSeat();
        reject(new ProtocolError(ErrorCode.REMOVED, "class", "(not shown)", "a seat the teacher has not removed",
                "your teacher removed you from this class experiment; this page trains on alone"));
    }

    /** The class ended: this page trains on (or watches the final chart) free of the class, a run it paused too. */
    @Override
    public void classEnded(ClassExperiment experiment) {
        role.classEnded(experiment);
        wake();
    }

    /** A control message for this browser (a class assignment). */
    @Override
    public void tell(Map<String, Object> message) {
        outbox.control(message);
    }

    /** The newest class chart; an older one not yet sent is replaced. */
    @Override
    public void classUpdate(String text) {
        outbox.classUpdate(text);
    }

    // ---- the slice: worker threads only ----

    /** One turn. A heavy session may have to wait for the gate; the gate runs this slice again when it may go. */
    void slice() {
        boolean heavy = !closed && controls.isHeavy(pool.heavyStepMacs());
        if (heavy && !pool.enterHeavy(this)) return;   // parked, still scheduled
        boolean yielded = false;
        try {
            yielded = work();
            if (closed) release();
        } finally {
            if (heavy) pool.leaveHeavy();
            turns.over();
        }
        // A command or a wake-up may have arrived after the inbox was last polled but before the turn was over.
        turns.again(yielded || closed || !inbox.isEmpty());
    }

    /** Handles commands and works until the slice's time is up or nothing is left; true when it yielded with work left. */
    private boolean work() {
        long start = System.nanoTime();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        long sliceNanos = pool.sliceNanos();
        long sliceEnd = start + sliceNanos;
        BooleanSupplier timeUp = () -> closed || System.nanoTime() - sliceEnd >= 0;
        boolean yielded = false;
        if (!closing) role.letGo(controls);
        while (!closed) {
            ClassSeat mine = role.seat();
            if (mine != null && !closing && mine.follow(controls)) continue;   // the teacher's pause or restart
            Command command = inbox.takeIf(controls::mayHandle);
            if (command != null) {
                controls.handle(command);
                continue;
            }
            if (closing || !controls.hasWork()) break;
            if (outbox.isBackedUp()) {
                waitingForBrowser = true;
                break;
            }
            long now = System.nanoTime();
            long wait = controls.waitNanos(now);
            if (wait > 0) {
                turns.wakeIn(wait);
                break;
            }
            if (timeUp.getAsBoolean()) {
                yielded = true;
                break;
            }
            controls.work(timeUp);
        }
        long end = System.nanoTime();
        if (!closed) {
            Map<String, Object> progress = controls.progress(end);
            if (progress != null) outbox.progress(progress);
        }
        if (startCpu >= 0 && THREADS.getCurrentThreadCpuTime() - startCpu > sliceNanos + OVERRUN_NANOS) controls.noteOverrun();
        return yielded;
    }

    /** The browser left too many control messages unread: it is gone in all but name. */
    private void dropUnread() {
        LOG.info("session={} event=dropped reason=unread-messages", id);
        pool.end(this, "unread-messages");
        connection.disconnect();
    }
}
