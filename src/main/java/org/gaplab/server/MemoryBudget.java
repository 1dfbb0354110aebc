package org.gaplab.server;

import java.util.Optional;

/**
 * The heap every session's runs and data may hold together on this server. Before anything large is made (a
 * dataset, a run's network and buffers) its estimated bytes are reserved here; a reservation that does not fit is
 * refused, so the server answers {@code too-large} instead of running out of memory. A shared dataset is reserved
 * once, by the cache, however many runs use it.
 */
final class MemoryBudget {
    private final long total;
    private long used;   // guarded by this

    MemoryBudget(long total) {
        this.total = total;
    }

    long total() { return total; }

    synchronized long used() { return used; }

    synchronized long free() { return total - used; }

    /**
     * Reserves {@code bytes}, counting the bytes of {@code replacing} (a reservation the caller is about to free, or
     * null) as free; returns empty, changing nothing, when they do not fit next to what else is reserved. On success
     * {@code replacing} is closed. Closing the new reservation gives its bytes back.
     */
    synchronized Optional<Reservation> reserve(long bytes, Reservation replacing) {
        if (bytes < 0) throw new IllegalArgumentException("bytes must not be negative");
        long returned = replacing == null || replacing.closed ? 0 : replacing.bytes;
        if (bytes > total - used + returned) return Optional.empty();
        if (replacing != null) replacing.close();
        used += bytes;
        return Optional.of(new Reservation(bytes));
    }

    /** Bytes held until closed (closing twice gives them back once). */
    final class Reservation implements AutoCloseable {
        private final long bytes;
        private boolean closed;   // guarded by the budget

        private Reservation(long bytes) {
            this.bytes = bytes;
        }

        long bytes() { return bytes; }

        @Override
        public void close() {
            synchronized (MemoryBudget.this) {
                if (closed) return;
                closed = true;
                used -= bytes;
            }
        }
    }
}
