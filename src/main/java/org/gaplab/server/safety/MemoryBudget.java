package org.gaplab.server.safety;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The heap every session's runs and data may hold together on this server. Before anything large is made (a
 * dataset, a run's network and buffers) its estimated bytes are reserved here; a reservation that does not fit is
 * refused, so the server answers {@code too-large} instead of running out of memory. A shared dataset is reserved
 * once, by the cache, however many runs use it. Runs are reserved for a client address, which may hold at most its
 * share ({@code --max-memory-per-client}) beside its first run: one address with five near-limit runs must not leave
 * everyone else {@code too-large}.
 */
public final class MemoryBudget {
    /** Who a shared reservation (a cached dataset) belongs to: no one's share. */
    static final String SHARED = "";

    private final long total;
    private final long perClient;
    private long used;                                      // guarded by this
    private final Map<String, Long> byClient = new HashMap<>();   // guarded by this; no zero entries

    public MemoryBudget(long total) {
        this(total, total);
    }

    private MemoryBudget(long total, long perClient) {
        this.total = total;
        this.perClient = perClient;
    }

    /** This (unused) budget with one client address's runs held to {@code perClient} bytes beside its first run. */
    public MemoryBudget eachClientAtMost(long perClient) {
        return new MemoryBudget(total, perClient);
    }

    public long total() { return total; }

    long perClient() { return perClient; }

    public synchronized long used() { return used; }

    synchronized long free() { return total - used; }

    synchronized long usedBy(String client) { return byClient.getOrDefault(client, 0L); }

    /** Reserves shared bytes (a dataset): see {@link #reserve(long, Reservation, String)}. */
    public synchronized Optional<Reservation> reserve(long bytes, Reservation replacing) {
        return reserve(bytes, replacing, SHARED);
    }

    /**
     * Reserves {@code bytes} for {@code client}, counting the bytes of {@code replacing} (a reservation the caller is
     * about to free, or null) as free; returns empty, changing nothing, when they do not fit next to what else is
     * reserved, or when the client already holds something and would pass its share. On success {@code replacing}
     * is closed. Closing the new reservation gives its bytes back.
     */
    public synchronized Optional<Reservation> reserve(long bytes, Reservation replacing, String client) {
        if (bytes < 0) throw new IllegalArgumentException("bytes must not be negative");
        long returned = replacing == null || replacing.closed ? 0 : replacing.bytes;
        if (bytes > total - used + returned) return Optional.empty();
        if (!isWithinShare(bytes, replacing, client)) return Optional.empty();
        if (replacing != null) replacing.close();
        used += bytes;
        if (!client.equals(SHARED) && bytes > 0) byClient.merge(client, bytes, Long::sum);
        return Optional.of(new Reservation(bytes, client));
    }

    /** Whether {@code client}'s reservations with these bytes instead of {@code replacing}'s stay within its share. */
    synchronized boolean isWithinShare(long bytes, Reservation replacing, String client) {
        if (client.equals(SHARED)) return true;
        long returned = replacing == null || replacing.closed || !replacing.client.equals(client) ? 0 : replacing.bytes;
        long others = usedBy(client) - returned;
        return others <= 0 || others + bytes <= perClient;   // one run, however large, is always the client's to try
    }

    /** Bytes held until closed (closing twice gives them back once). */
    public final class Reservation implements AutoCloseable {
        private final long bytes;
        private final String client;
        private boolean closed;   // guarded by the budget

        private Reservation(long bytes, String client) {
            this.bytes = bytes;
            this.client = client;
        }

        long bytes() { return bytes; }

        @Override
        public void close() {
            synchronized (MemoryBudget.this) {
                if (closed) return;
                closed = true;
                used -= bytes;
                if (!client.equals(SHARED)) byClient.computeIfPresent(client, (c, held) -> held - bytes > 0 ? held - bytes : null);
            }
        }
    }
}
