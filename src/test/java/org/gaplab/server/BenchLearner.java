package org.gaplab.server;

import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A benchmark learner's socket: when each epoch frame of one type arrived and its epoch, and every message that moves
 * the learner's page (those frames and the {@code progress} messages sent while an epoch runs), as issue 18 counts
 * frames. Only timestamps and sizes are kept, so a learner costs the server's cores as little as a client can.
 */
final class BenchLearner extends WholeTextListener {
    final List<long[]> frames = new ArrayList<>();   // {arrival nanos, epoch of the frame}
    final List<Long> moves = new ArrayList<>();      // arrivals of frames and progress messages
    volatile String error;
    long bytes;
    private final String framePrefix;
    private final ToIntFunction<String> epochOf;

    /** Frames are the messages of type {@code frameType}; {@code epochOf} reads a frame's epoch (−1 when none). */
    BenchLearner(String frameType, ToIntFunction<String> epochOf) {
        this.framePrefix = "{\"type\":\"" + frameType + "\"";
        this.epochOf = epochOf;
    }

    @Override
    protected void onMessage(WebSocket ws, String text, long now) {
        if (text.startsWith(framePrefix)) {
            int epoch = epochOf.applyAsInt(text);
            synchronized (this) {
                frames.add(new long[] {now, epoch});
                moves.add(now);
                bytes += text.length();
            }
        } else if (text.startsWith("{\"type\":\"progress\"")) {
            synchronized (this) {
                moves.add(now);
            }
        } else if (text.startsWith("{\"type\":\"error\"")) {
            error = text;
        }
    }
}
