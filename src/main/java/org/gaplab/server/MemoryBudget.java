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
     * Reserves {@code bytes}, or returns empty when they do not fit next to what is reserved (the caller refuses
     * what it was about to make). Closing the reservation gives the bytes back.
     */
    synchronized Optional<Reservation> reserve(long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("bytes must not be negative");
        if (bytes > total - used) return Optional.empty();
        used += bytes;
        return Optional.of(new Reservation(bytes));
    }

    private synchronized void give(long bytes) {
        used -= bytes;
    }

    /** Bytes held until closed (closing twice gives them back once). */
    final class Reservation implements AutoCloseable {
        private final long bytes;
        private boolean closed;

        private Reservation(long bytes) {
            this.bytes = bytes;
        }

        long bytes() { return bytes; }

        @Override
        public void close() {
            synchronized (this) {
                if (closed) return;
                closed = true;
            }
            give(bytes);
        }
    }
}
