package org.gaplab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One copy of each dataset: shared by everyone asking for the same data, dropped when the last one lets go. */
class DatasetCacheTest {
    private final ExecutorService loading = Executors.newSingleThreadExecutor();
    private final AtomicInteger made = new AtomicInteger();
    private final AtomicInteger admitted = new AtomicInteger();

    @AfterEach
    void stop() {
        loading.shutdownNow();
    }

    private DatasetCache cache() {
        return new DatasetCache(spec -> {
            made.incrementAndGet();
            return Datasets.load(spec);
        }, loading, spec -> {
            admitted.incrementAndGet();
            return admitted::decrementAndGet;
        });
    }

    @Test
    void sessions_asking_for_the_same_data_share_one_copy_made_once_and_released_with_the_last_lease() {
        DatasetCache cache = cache();
        DataSpec spec = DataSpec.DEFAULTS.withDataset("fashion-mnist").withSizes(500, 100, 100);
        DatasetCache.Lease first = cache.acquire(spec);
        DatasetCache.Lease second = cache.acquire(spec.withNoise(0.3));   // Fashion-MNIST ignores noise: same data
        DataSplits a = first.data().join();
        assertSame(a, second.data().join());
        assertEquals(1, made.get());
        assertEquals(new DatasetCache.Contents(1, 2, DataFootprint.bytes(a)), cache.contents());

        first.close();
        first.close();   // closing twice lets go once
        assertEquals(1, cache.contents().leases());
        second.close();
        assertEquals(new DatasetCache.Contents(0, 0, 0), cache.contents());
        assertEquals(0, admitted.get(), "the admission is released with the data");

        DatasetCache.Lease again = cache.acquire(spec);
        assertNotSame(a, again.data().join(), "made anew once nobody held it");
        assertEquals(2, made.get());
        again.close();
    }

    @Test
    void an_option_left_out_of_the_key_is_one_its_dataset_ignores_so_the_shared_data_is_identical() {
        for (String dataset : Datasets.names()) {
            if (dataset.equals("fashion-mnist")) continue;   // the full files are optional; noise is checked above
            DataSpec spec = DataSpec.DEFAULTS.withDataset(dataset).withSizes(50, 20, 20);
            List<DataSpec> variants = List.of(spec.withNoise(0.3), spec.withInputFeatures(List.of("x1", "x2", "sinX1")),
                    spec.withCross(7, 9), spec.withFeatureCounts(3, 11), spec.withFashionSource("full"));
            DataSplits data = Datasets.load(spec);
            for (DataSpec variant : variants) {
                if (!DatasetCache.key(variant).equals(DatasetCache.key(spec))) continue;   // read: another copy
                DataSplits other = Datasets.load(variant);
                assertEquals(data.inputSize(), other.inputSize(), dataset);
                double[] row = new double[data.inputSize()];
                double[] otherRow = new double[other.inputSize()];
                for (int i = 0; i < data.train().size(); i++) {
                    data.train().copyRow(i, row, 0);
                    other.train().copyRow(i, otherRow, 0);
                    assertArrayEquals(row, otherRow, 0.0, dataset + " would share one copy with " + variant);
                }
            }
        }
    }

    @Test
    void data_that_cannot_be_made_fails_every_waiting_lease_and_the_next_request_tries_again() {
        AtomicInteger attempts = new AtomicInteger();
        DatasetCache cache = new DatasetCache(spec -> {
            if (attempts.incrementAndGet() == 1) throw new DataUnavailableException("not installed");
            return Datasets.load(spec);
        }, loading, spec -> () -> { });
        DatasetCache.Lease failed = cache.acquire(DataSpec.DEFAULTS);
        CompletionException error = assertThrows(CompletionException.class, () -> failed.data().join());
        assertTrue(error.getCause() instanceof DataUnavailableException);
        failed.close();
        try (DatasetCache.Lease retried = cache.acquire(DataSpec.DEFAULTS)) {
            assertEquals(200, retried.data().join().train().size());
        }
    }

    @Test
    void a_refused_admission_makes_nothing() {
        DatasetCache cache = new DatasetCache(spec -> {
            made.incrementAndGet();
            return Datasets.load(spec);
        }, loading, spec -> {
            throw new IllegalStateException("no room");
        });
        try (DatasetCache.Lease lease = cache.acquire(DataSpec.DEFAULTS)) {
            assertThrows(CompletionException.class, () -> lease.data().join());
        }
        assertEquals(0, made.get());
        assertEquals(0, cache.contents().datasets());
    }
}
