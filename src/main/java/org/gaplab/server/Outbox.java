package org.gaplab.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.gaplab.protocol.EpochScalars;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.Json;
import org.gaplab.training.EpochReport;

/**
 * What one session still has to tell its browser, in order, with at most one message on the wire at a time.
 *
 * <p>Epochs coalesce: consecutive epochs wait in one batch that keeps every epoch's scalars but only the newest full
 * report and views, and a batch goes out at most once per frame tick. So a fast run costs one frame per tick, not
 * one per epoch, and a browser that reads slowly costs a bounded backlog instead of a growing queue: the session
 * stops training while {@link #isBackedUp()} (no epoch is ever dropped, so curves have no holes), and a browser that
 * leaves a message unaccepted for too long is disconnected by the session ({@link #stalledNanos}).
 *
 * <p>Control messages (started, events, errors) keep their place relative to epochs: an epoch batch followed by a
 * control message is sealed and goes out without waiting for the tick, so "paused" always follows the last frame.
 * Messages are serialized and handed to the socket on the {@code sender} executor, never on a training thread.
 */
final class Outbox {
    /** Control messages a browser may leave unread before the session gives up on it. */
    static final int MAX_CONTROL_MESSAGES = 256;

    private final Connection connection;
    private final Executor sender;
    private final int maxPendingEpochs;
    private final Runnable unread;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();   // String (a serialized control message) or Batch
    private int pendingEpochs;
    private int pendingControl;
    private boolean sending;
    private long sendingSince;
    private boolean closed;
    private int closeCode;        // when not 0: close the socket with this code once everything queued is sent
    private String closeReason;

    /** Consecutive epochs waiting to go out as one frame. */
    private static final class Batch {
        final List<EpochScalars> epochs = new ArrayList<>();
        EpochReport report;
        final Map<String, Object> views = new LinkedHashMap<>();
    }

    /** {@code unread} runs when the browser has left too many control messages unread, so the owner can drop it. */
    Outbox(Connection connection, Executor sender, int maxPendingEpochs, Runnable unread) {
        this.connection = connection;
        this.sender = sender;
        this.maxPendingEpochs = maxPendingEpochs;
        this.unread = unread;
    }

    /** Adds an epoch to the open batch; it goes out with the next frame tick. */
    synchronized void epoch(EpochReport report, Map<String, Object> views) {
        if (closed || closeCode != 0) return;
        Batch batch = queue.peekLast() instanceof Batch open ? open : null;
        if (batch == null) {
            batch = new Batch();
            queue.addLast(batch);
        }
        batch.epochs.add(EpochScalars.of(report));
        batch.report = report;
        batch.views.putAll(views);   // newer views replace older ones; views not redrawn since stay
        pendingEpochs++;
    }

    /**
     * Queues a control message and sends it as soon as the wire is free. When the browser has left too many unread,
     * the message is dropped and the owner told.
     */
    void control(Map<String, Object> message) {
        String text = Json.write(message);
        synchronized (this) {
            if (closed || closeCode != 0) return;
            if (pendingControl >= MAX_CONTROL_MESSAGES) {
                text = null;
            } else {
                queue.addLast(text);
                pendingControl++;
            }
        }
        if (text == null) unread.run(); else requestFlush();
    }

    /** Whether the session should stop producing epochs until the browser catches up. */
    synchronized boolean isBackedUp() {
        return pendingEpochs >= maxPendingEpochs;
    }

    synchronized int pendingEpochs() {
        return pendingEpochs;
    }

    /** How long the message on the wire has been waiting for the browser, or 0 when nothing is in flight. */
    synchronized long stalledNanos(long now) {
        return sending ? now - sendingSince : 0;
    }

    /** Sends what is queued, then closes the socket with this WebSocket close code; nothing more is queued. */
    void finish(int code, String reason) {
        synchronized (this) {
            if (closed) return;
            closeCode = code;
            closeReason = reason;
        }
        requestFlush();
    }

    /** Whether nothing more will go out: closed, or finished and the close sent. */
    synchronized boolean isClosed() {
        return closed;
    }

    /** Stops sending and forgets everything queued. */
    synchronized void close() {
        closed = true;
        queue.clear();
        pendingEpochs = 0;
        pendingControl = 0;
    }

    /** Sends the next message if the wire is free; an open epoch batch goes only on a frame {@code tick}. */
    void flush(boolean tick) {
        Object next;
        synchronized (this) {
            if (closed || sending) return;
            if (queue.isEmpty()) {
                if (closeCode != 0) {
                    closed = true;
                    connection.close(closeCode, closeReason);
                }
                return;
            }
            Object head = queue.peekFirst();
            boolean sealed = queue.size() > 1;
            if (head instanceof Batch && !sealed && !tick) return;
            next = queue.pollFirst();
            if (next instanceof Batch batch) pendingEpochs -= batch.epochs.size(); else pendingControl--;
            sending = true;
            sendingSince = System.nanoTime();
        }
        // The batch left the queue above, so it is ours alone: serialize it outside the lock.
        String text = next instanceof Batch batch
                ? Json.write(new Frames.EpochFrame(batch.epochs, batch.report, batch.views)) : (String) next;
        connection.send(text, this::sent, this::failed);
    }

    private void sent() {
        synchronized (this) {
            sending = false;
        }
        requestFlush();
    }

    private void failed(Throwable error) {
        // The socket is closing or broken; its close handler ends the session.
        synchronized (this) {
            sending = false;
            closed = true;
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
