package org.gaplab.server.safety;

/**
 * A rate limit that allows bursts: {@code capacity} tokens, refilled at {@code perSecond}; each action takes one.
 * Used for what one client may do often but not endlessly (joins of a class, messages on a socket). Not thread-safe:
 * its owner guards it. The capacity is a whole number of tokens and the rate need not be, so the two cannot be
 * swapped by mistake.
 */
public final class TokenBucket {
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updatedAt;

    public TokenBucket(int capacity, double perSecond, long now) {
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes a token if there is one at {@code now} (System.nanoTime()). */
    public boolean take(long now) {
        refill(now);
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }

    /** Whether the bucket is full again at {@code now}: its owner may forget it. */
    public boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        tokens = Math.min(capacity, tokens + Math.max(0, now - updatedAt) * perNano);
        updatedAt = now;
    }
}
