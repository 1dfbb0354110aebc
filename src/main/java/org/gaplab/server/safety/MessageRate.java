package org.gaplab.server.safety;

/**
 * How fast one socket may talk, and how much of its refused talk reaches the log. A page sends a few messages a
 * second at most (a slider's changes wait {@code UPDATE_DELAY_MS}); {@link #BURST} messages, then {@link #PER_SECOND}
 * sustained, is far above that, and a client beyond it is closed with 1008: 300 invalid messages in 0.18 s must not
 * cost 300 replies. Refused messages are logged at most {@link #LOG_BURST} at once and one every two seconds after,
 * each logged line saying how many were left out since the last.
 */
public final class MessageRate {
    public static final int BURST = 100;
    public static final double PER_SECOND = 20;
    public static final int LOG_BURST = 5;
    private static final double LOG_PER_SECOND = 0.5;

    private final TokenBucket messages;
    private final TokenBucket logLines;
    private long suppressed;   // guarded by this
    private boolean exceeded;  // guarded by this: the socket is being closed for its rate

    public MessageRate(long now) {
        messages = new TokenBucket(BURST, PER_SECOND, now);
        logLines = new TokenBucket(LOG_BURST, LOG_PER_SECOND, now);
    }

    /** Whether one more message fits the rate at {@code now}; false means: close the socket. */
    public synchronized boolean admit(long now) {
        return !exceeded && messages.take(now);
    }

    /**
     * Marks the socket as closing for its rate; true only the first time, so the close is sent and logged once
     * however many messages arrive before it completes.
     */
    public synchronized boolean exceed() {
        if (exceeded) return false;
        exceeded = true;
        return true;
    }

    /**
     * Whether a refused message may be logged now: -1 when not (it is counted), else how many were left out before
     * it, for the line to say.
     */
    public synchronized long logRefusal(long now) {
        if (!logLines.take(now)) {
            suppressed++;
            return -1;
        }
        long before = suppressed;
        suppressed = 0;
        return before;
    }
}
