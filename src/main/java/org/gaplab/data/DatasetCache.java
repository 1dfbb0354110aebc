package org.gaplab.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * One shared copy of each dataset for a whole server: every session that asks for the same data gets the same
 * immutable splits, made once and dropped as soon as no session holds a {@link Lease} on it. Large data (and
 * anything read from the full Fashion-MNIST files) is made on the {@code loading} executor, so it never holds a
 * trainer's thread; small data (at most {@link #SMALL_VALUES} values) is made at once on the caller's thread, charged
 * to the session that asked, so a class starting tiny runs never queues behind someone's big dataset. Datasets are keyed by what defines them: the spec, without the options its
 * dataset ignores ({@link #key}), so a Fashion-MNIST run with another noise setting still shares the images.
 *
 * <p>Before a dataset is made, {@code admission} may refuse it (a server checks its memory budget there); what it
 * returns is closed when the dataset is dropped.
 */
public final class DatasetCache {

    /** Decides whether a dataset may be made; what it returns is released when the dataset is dropped. */
    public interface Admission {
        AutoCloseable admit(DataSpec spec);
    }

    /** Data with at most this many input values is made on the caller's thread: a few milliseconds' work. */
    public static final long SMALL_VALUES = 1_000_000;

    /** What the cache holds now, for a server's health report. */
    public record Contents(int datasets, int leases, long bytes) { }

    private final Function<DataSpec, DataSplits> source;
    private final Executor loading;
    private final Admission admission;
    private final Map<DataSpec, Entry> entries = new HashMap<>();   // guarded by this

    /** One dataset, made or being made, and who holds it. */
    private static final class Entry {
        final DataSpec key;
        final CompletableFuture<DataSplits> data = new CompletableFuture<>();
        int users;              // guarded by the cache
        boolean dropped;        // guarded by the cache
        long bytes;             // guarded by the cache
        AutoCloseable admitted; // guarded by the cache

        Entry(DataSpec key) {
            this.key = key;
        }
    }

    public DatasetCache(Function<DataSpec, DataSplits> source, Executor loading, Admission admission) {
        this.source = source;
        this.loading = loading;
        this.admission = admission;
    }

    /** A share of the data the spec names: the cached copy, or one being made now. Close the lease when done. */
    public Lease acquire(DataSpec spec) {
        DataSpec key = key(spec);
        Entry entry;
        boolean fresh;
        synchronized (this) {
            entry = entries.get(key);
            fresh = entry == null;
            if (fresh) {
                entry = new Entry(key);
                entries.put(key, entry);
            }
            entry.users++;
        }
        if (fresh && isSmall(key)) {
            load(entry);
        } else if (fresh) {
            Entry made = entry;
            try {
                loading.execute(() -> load(made));
            } catch (RejectedExecutionException stopping) {
                fail(made, new DataUnavailableException("the server is stopping"));
            }
        }
        return new Lease(entry);
    }

    /** What is cached now. */
    public synchronized Contents contents() {
        int leases = 0;
        long bytes = 0;
        for (Entry entry : entries.values()) {
            leases += entry.users;
            bytes += entry.bytes;
        }
        return new Contents(entries.size(), leases, bytes);
    }

    /**
     * The spec with every option its dataset ignores set to its default (the table in {@link Datasets}), so specs
     * that make the same data share one copy.
     */
    public static DataSpec key(DataSpec spec) {
        DataSpec d = DataSpec.DEFAULTS;
        boolean points = PointPattern.ofDataset(spec.dataset()) != null;
        boolean noisyFeatures = spec.dataset().equals(NoisyFeatures.NAME);
        boolean cross = spec.dataset().equals(FeatureCross.NAME);
        boolean fashion = spec.dataset().equals(FashionMnist.NAME);
        return new DataSpec(spec.dataset(), spec.trainSize(), spec.validationSize(), spec.testSize(),
                fashion ? d.noise() : spec.noise(),
                points ? spec.inputFeatures() : d.inputFeatures(),
                cross ? spec.crossRows() : d.crossRows(), cross ? spec.crossColumns() : d.crossColumns(),
                noisyFeatures ? spec.informativeFeatures() : d.informativeFeatures(),
                noisyFeatures ? spec.noiseFeatures() : d.noiseFeatures(),
                fashion ? spec.fashionSource() : d.fashionSource(), spec.seed(), spec.sampleSeed());
    }

    /** Whether making this data is a few milliseconds' work: few values, and no files to read. */
    static boolean isSmall(DataSpec spec) {
        long examples = (long) spec.trainSize() + spec.validationSize() + spec.testSize();
        long width = switch (spec.dataset()) {
            case FashionMnist.NAME -> spec.fashionSource().equals("full") ? Long.MAX_VALUE / examples : 784;
            case ShapeImages.NAME -> 784;
            case NoisyFeatures.NAME -> spec.informativeFeatures() + spec.noiseFeatures();
            case FeatureCross.NAME -> 4;
            default -> spec.inputFeatures().size();
        };
        return examples * width <= SMALL_VALUES;
    }

    private void load(Entry entry) {
        synchronized (this) {
            if (entry.dropped) return;   // everyone left before it was made
        }
        AutoCloseable admitted = null;
        try {
            admitted = admission.admit(entry.key);
            DataSplits data = source.apply(entry.key);
            long bytes = DataFootprint.bytes(data);
            boolean wanted;
            synchronized (this) {
                wanted = !entry.dropped;
                if (wanted) {
                    entry.admitted = admitted;
                    entry.bytes = bytes;
                }
            }
            if (!wanted) {
                release(admitted);
                return;
            }
            entry.data.complete(data);
        } catch (RuntimeException | OutOfMemoryError e) {
            release(admitted);
            fail(entry, e);
        }
    }

    private void fail(Entry entry, Throwable error) {
        synchronized (this) {
            if (entries.get(entry.key) == entry) entries.remove(entry.key);   // the next request tries again
            entry.dropped = true;
        }
        entry.data.completeExceptionally(error);
    }

    private void leave(Entry entry) {
        AutoCloseable admitted;
        synchronized (this) {
            if (--entry.users > 0) return;
            if (entries.get(entry.key) == entry) entries.remove(entry.key);
            entry.dropped = true;
            admitted = entry.admitted;
            entry.admitted = null;
            entry.bytes = 0;
        }
        release(admitted);
    }

    private static void release(AutoCloseable admitted) {
        if (admitted == null) return;
        try {
            admitted.close();
        } catch (Exception e) {
            throw new IllegalStateException("releasing a dataset's admission failed", e);
        }
    }

    /** One holder's share of a dataset. */
    public final class Lease implements AutoCloseable {
        private final Entry entry;
        private final CompletableFuture<DataSplits> data;
        private boolean closed;

        private Lease(Entry entry) {
            this.entry = entry;
            this.data = entry.data.copy();   // a holder cannot complete the shared future
        }

        /** The data, when it has been made (or why it could not be). */
        public CompletableFuture<DataSplits> data() { return data; }

        /** Another share of the same data, for a run rebuilt on it. */
        public Lease another() {
            synchronized (DatasetCache.this) {
                if (closed) throw new IllegalStateException("the lease is closed");
                entry.users++;
            }
            return new Lease(entry);
        }

        @Override
        public void close() {
            synchronized (DatasetCache.this) {
                if (closed) return;
                closed = true;
            }
            leave(entry);
        }
    }

    /** Closes every lease given, ignoring none: for owners that hold several. */
    public static void closeAll(List<Lease> leases) {
        for (Lease lease : new ArrayList<>(leases)) lease.close();
    }
}
