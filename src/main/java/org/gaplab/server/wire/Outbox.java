package org.gaplab.server.wire;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.gaplab.protocol.EpochFrames;
import org.gaplab.protocol.Json;
import org.gaplab.training.EpochReport;

/**
 * What one session still has to tell its browser, in order, with at most one message on the wire at a time.
 *
 * <p>Epochs coalesce: consecutive epochs wait in one batch that keeps every epoch's scalars but only the newest full
 * report and views of each run (a comparison has two runs, a sweep many), and a batch goes out at most once per
 * frame tick, in the {@link Shape} of what the session trains. So a fast run costs one frame per tick, not
 * one per epoch, and a browser that reads slowly costs a bounded backlog instead of a growing queue: the session
 * stops training while {@link #isBackedUp()} (no epoch is ever dropped, so curves have no holes), and a browser that
 * leaves a message unaccepted for too long is disconnected by the session ({@link #stalledNanos}).
 *
 * <p>Control messages (started, events, errors) keep their place relative to epochs: an epoch batch followed by a
 * control message is sealed and goes out without waiting for the tick, so "paused" always follows the last frame.
 * Messages are serialized and handed to the socket on the {@code sender} executor, never on a training thread.
 */
public final class Outbox {
    /** Control messages a browser may leave unread before the session gives up on it. */
    static final int MAX_CONTROL_MESSAGES = 256;
    /** Bytes of control messages a browser may leave unread: 256 small messages, or a few dozen checkpoints. */
    static final long MAX_CONTROL_BYTES = 1024 * 1024;

    private final Connection connection;
    private final Executor sender;
    private final int maxPendingEpochs;
    private final Runnable unread;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();   // String (a serialized control message), Large or FrameBatch
    private int pendingEpochs;
    private int pendingControl;
    private long pendingControlBytes;
    private String queuedCheckpoint;   // the checkpoint waiting in the queue, replaced by a newer one
    private boolean sending;
    private boolean largeWaiting;   // a Large is queued or on the wire
    private boolean sendingLarge;
    private AutoCloseable largeHeld;   // what the large message holds until it is sent
    private long sendingSince;
    private boolean closed;
    private int closeCode;        // when not 0: close the socket with this code once everything queued is sent
    private String closeReason;
    private Map<String, Object> progress;   // the newest progress of a long step, sent on a tick when nothing else waits
    private String classChart;              // the newest class chart (serialized once for the whole class), or null

    /** A serialized message too big to have more than one waiting: a model export. */
    private record Large(String text) { }

    /**
     * How a batch becomes one frame message, from each run's new epochs keyed by the run's name and the newest of the
     * frame's notes (verdicts, claims, the viewed seed: what is judged over all runs at once).
     */
    public interface Shape {
        Object frame(Map<String, EpochFrames.RunFrame> runs, Map<String, Object> notes);
    }

    /** A single run's frames: {@code epoch}, from the run named {@link #RUN}. */
    public static final Shape SINGLE_RUN = (runs, notes) -> EpochFrames.EpochFrame.of(runs.get(Outbox.RUN), notes);
    public static final String RUN = "run";

    /** {@code unread} runs when the browser has left too many control messages unread, so the owner can drop it. */
    public Outbox(Connection connection, Executor sender, int maxPendingEpochs, Runnable unread) {
        this.connection = connection;
        this.sender = sender;
        this.maxPendingEpochs = maxPendingEpochs;
        this.unread = unread;
    }

    /** Adds a single run's epoch to the open batch; it goes out with the next frame tick. */
    void epoch(EpochReport report, Map<String, Object> views) {
        epoch(SINGLE_RUN, RUN, report, views);
    }

    /**
     * One run's new epoch: the report (of the viewed seed), and the views redrawn with it (empty when none were);
     * {@code seeds}, every seed's report of this step in seed order (null where a seed had none; null for no seeds);
     * {@code notes}, fields of the run's part of the frame that only the newest counts of ({@code best}). A report
     * that is not {@code fresh} is shown again (another seed picked, or the viewed seed ended before the others)
     * without adding its scalars to the viewed seed's curve; {@code seeds} are always this step's new epochs.
     */
    public record RunEpoch(String run, EpochReport report, Map<String, Object> views, boolean fresh, List<EpochReport> seeds,
                    Map<String, Object> notes) {
        public RunEpoch(String run, EpochReport report, Map<String, Object> views) {
            this(run, report, views, true, null, Map.of());
        }
    }

    /**
     * Adds an epoch of the named run to the open batch of this shape; it goes out with the next frame tick. A batch
     * of another shape (the session started something else) is sealed and goes first.
     */
    void epoch(Shape shape, String run, EpochReport report, Map<String, Object> views) {
        epochs(shape, List.of(new RunEpoch(run, report, views)));
    }

    /** Adds epochs of several runs at once, so a frame never splits a comparison's lockstep epoch. */
    public void epochs(Shape shape, List<RunEpoch> epochs) {
        epochs(shape, epochs, Map.of(), false);
    }

    /**
     * Adds epochs of several runs at once with the frame's newest {@code notes}; with {@code newFrame} they start a
     * frame of their own (another seed is viewed: its report must not join the epochs of the seed viewed before).
     */
    public synchronized void epochs(Shape shape, List<RunEpoch> epochs, Map<String, Object> notes, boolean newFrame) {
        if (closed || closeCode != 0 || (epochs.isEmpty() && notes.isEmpty())) return;
        FrameBatch batch = !newFrame && queue.peekLast() instanceof FrameBatch open && open.shape() == shape ? open : null;
        if (batch == null) {
            batch = new FrameBatch(shape);
            queue.addLast(batch);
        }
        progress = null;   // the step it spoke of is done
        pendingEpochs += batch.add(epochs, notes);
    }

    /**
     * Queues a control message and sends it as soon as the wire is free. When the browser has left too many unread,
     * the message is dropped and the owner told.
     */
    public void control(Map<String, Object> message) {
        String text = Json.write(message);
        synchronized (this) {
            if (closed || closeCode != 0) return;
            // Only the newest checkpoint matters to the page: one still waiting is replaced, not sent as well.
            boolean checkpoint = "checkpoint".equals(message.get("type"));
            if (checkpoint && queuedCheckpoint != null && queue.removeLastOccurrence(queuedCheckpoint)) {
                pendingControl--;
                pendingControlBytes -= queuedCheckpoint.length();
            }
            if (pendingControl >= MAX_CONTROL_MESSAGES || pendingControlBytes + text.length() > MAX_CONTROL_BYTES) {
                text = null;
            } else {
                queue.addLast(text);
                pendingControl++;
                pendingControlBytes += text.length();
                if (checkpoint) queuedCheckpoint = text;
            }
        }
        if (text == null) unread.run(); else requestFlush();
    }

    /**
     * Makes and queues a message of many megabytes (a model export) unless one is still waiting or on the wire, so
     * repeated requests cannot pile up copies of a big model. Returns false, making nothing, when one is. {@code held}
     * (the memory reserved for it) is closed once the message is sent or dropped.
     */
    public boolean large(Supplier<Map<String, Object>> message, AutoCloseable held) {
        synchronized (this) {
            if (largeWaiting) return false;
            largeWaiting = true;
            largeHeld = held;
            if (closed || closeCode != 0) {
                largeDone();
                return true;
            }
        }
        String text;
        try {
            text = Json.write(message.get());   // outside the lock: this can take a while
        } catch (RuntimeException refused) {
            synchronized (this) {
                largeDone();
            }
            throw refused;
        }
        synchronized (this) {
            if (closed || closeCode != 0) {
                largeDone();
                return true;
            }
            queue.addLast(new Large(text));
        }
        requestFlush();
        return true;
    }

    /** The large message is sent or will never be: the next may be made, and what it held is given back. */
    private void largeDone() {
        largeWaiting = false;
        AutoCloseable held = largeHeld;
        largeHeld = null;
        if (held == null) return;
        try {
            held.close();
        } catch (Exception e) {
            throw new IllegalStateException("releasing an export's memory failed", e);
        }
    }

    /**
     * Notes how far a long step has come; the newest note goes out on the next frame tick when nothing else waits,
     * so progress never delays an epoch or a control message and never piles up.
     */
    public synchronized void progress(Map<String, Object> message) {
        if (closed || closeCode != 0) return;
        progress = message;
    }

    /**
     * Holds the newest class chart: it goes out as soon as the wire is free and nothing but an epoch batch waiting for
     * its tick is queued; a newer chart replaces one not yet sent, so a slow browser costs one chart, not a backlog.
     */
    public void classUpdate(String text) {
        synchronized (this) {
            if (closed || closeCode != 0) return;
            classChart = text;
        }
        requestFlush();
    }

    /** Whether the session should stop producing epochs until the browser catches up. */
    public synchronized boolean isBackedUp() {
        return pendingEpochs >= maxPendingEpochs;
    }

    public synchronized int pendingEpochs() {
        return pendingEpochs;
    }

    /** How long the message on the wire has been waiting for the browser, or 0 when nothing is in flight. */
    public synchronized long stalledNanos(long now) {
        return sending ? now - sendingSince : 0;
    }

    /** Sends what is queued, then closes the socket with this WebSocket close code; nothing more is queued. */
    public void finish(int code, String reason) {
        synchronized (this) {
            if (closed) return;
            closeCode = code;
            closeReason = reason;
        }
        requestFlush();
    }

    /** Whether nothing more will go out: closed, or finished and the close sent. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Stops sending and forgets everything queued. */
    public synchronized void close() {
        closed = true;
        classChart = null;
        queue.clear();
        pendingEpochs = 0;
        pendingControl = 0;
        pendingControlBytes = 0;
        queuedCheckpoint = null;
        largeDone();
    }

    /** Sends the next message if the wire is free; an open epoch batch goes only on a frame {@code tick}. */
    public void flush(boolean tick) {
        Object next;
        synchronized (this) {
            if (closed || sending) return;
            Object head = queue.peekFirst();
            boolean waitsForTick = head instanceof FrameBatch && queue.size() == 1 && !tick;
            // A chart queued before the close still goes out: a draining server's "class ended (shutdown)" is its last word.
            if ((head == null || waitsForTick) && classChart != null) {
                next = classChart;
                classChart = null;
            } else if (head == null) {
                if (closeCode != 0) {
                    closed = true;
                    connection.close(closeCode, closeReason);
                    return;
                }
                if (!tick || progress == null) return;
                next = progress;
                progress = null;
            } else {
                if (waitsForTick) return;
                next = queue.pollFirst();
                if (next instanceof FrameBatch batch) pendingEpochs -= batch.epochs();
                else if (next instanceof String sent) {
                    pendingControl--;
                    pendingControlBytes -= sent.length();
                    if (sent == queuedCheckpoint) queuedCheckpoint = null;
                }
            }
            sendingLarge = next instanceof Large;
            sending = true;
            sendingSince = System.nanoTime();
        }
        // What left the queue above is ours alone: serialize it outside the lock.
        String text = next instanceof FrameBatch batch ? Json.write(batch.frame())
                : next instanceof Large large ? large.text()
                : next instanceof Map<?, ?> note ? Json.write(note) : (String) next;
        connection.send(text, this::sent, this::failed);
    }

    private void sent() {
        synchronized (this) {
            sending = false;
            if (sendingLarge) largeDone();
            sendingLarge = false;
        }
        requestFlush();
    }

    private void failed(Throwable error) {
        // The socket is closing or broken; its close handler ends the session.
        synchronized (this) {
            sending = false;
            closed = true;
            if (largeWaiting) largeDone();
        }
    }

    private void requestFlush() {
        try {
            sender.execute(() -> flush(false));
        } catch (RejectedExecutionException stopping) {
            // The server is shutting down; nothing more goes out.
        }
    }
}
