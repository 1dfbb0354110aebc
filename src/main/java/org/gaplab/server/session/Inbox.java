package org.gaplab.server.session;

import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.ErrorCode;
import org.gaplab.protocol.ProtocolError;

/**
 * The commands a browser sent that its session's turns have not handled yet: filled by the socket, emptied by the
 * turns. Bounded, so a flooding page is refused instead of queued without end; a command that replaces or ends the run
 * drops what waits before it.
 */
public final class Inbox {
    /** Commands a browser may have waiting before more are refused: a page sends a handful per second. */
    public static final int MAX_WAITING_COMMANDS = 64;

    private final Queue<Command> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();   // the queue's size: the queue counts it in O(n)

    /** Queues a command (any thread); throws the refusal ("overloaded") to send back when too many wait already. */
    void add(Command command) {
        if (command.replacesRun() || command instanceof Command.Stop) {
            // What still waits is about the run this command replaces or ends: a flood of starts costs one build.
            for (Command dropped = waiting.poll(); dropped != null; dropped = waiting.poll()) count.decrementAndGet();
        }
        if (count.incrementAndGet() > MAX_WAITING_COMMANDS) {
            count.decrementAndGet();
            throw new ProtocolError(ErrorCode.OVERLOADED, "message", command.getClass().getSimpleName().toLowerCase(Locale.ROOT),
                    "at most " + MAX_WAITING_COMMANDS + " commands waiting", "too many commands at once; this one was dropped");
        }
        waiting.add(command);
    }

    /** Takes the oldest command out if the run may handle it now; null if none waits or the run may not take it yet. */
    Command takeIf(Predicate<Command> mayHandle) {
        Command first = waiting.peek();
        // remove, not poll: a start on a socket thread may have dropped this one since the peek
        if (first == null || !mayHandle.test(first) || !waiting.remove(first)) return null;
        count.decrementAndGet();
        return first;
    }

    boolean isEmpty() { return waiting.isEmpty(); }
}
