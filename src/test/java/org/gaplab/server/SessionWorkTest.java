package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaplab.data.Datasets;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.Test;

/** How a session's work is cut and coalesced: a flood of starts costs one build, a long epoch shows its progress. */
class SessionWorkTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thirty_starts_at_once_build_the_data_of_only_the_last_few_and_the_session_trains_the_last() {
        AtomicInteger built = new AtomicInteger();
        Javalin app = App.create(ServerSettings.DEFAULTS.withPort(0), spec -> {
            if (spec.trainSize() != 10) {   // the admission's ten-example samples aside
                built.incrementAndGet();
                sleep(300);                  // as long as the full Fashion-MNIST took to read
            }
            return Datasets.load(spec);
        }).start();
        try (Browser browser = Browser.open(http, app)) {
            for (int seed = 1; seed <= 30; seed++) {
                browser.send(Map.of("type", "start", "speed", 0, "config", Map.of("seed", seed, "epochs", 3,
                        "dataset", "noisy-features", "trainSize", 2000)));
            }
            Browser.Received started = browser.awaitType("started", WAIT);
            browser.awaitEvent("finished", WAIT);
            assertEquals(30, ((Number) ((Map<?, ?>) started.message().get("config")).get("seed")).intValue(),
                    "the last start replaced those still waiting");
            assertTrue(built.get() <= 3, "datasets made for 30 starts: " + built.get());
        } finally {
            app.stop();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void an_epoch_longer_than_a_frame_is_trained_over_several_turns_and_its_progress_is_shown() {
        Javalin app = App.create(ServerSettings.DEFAULTS.withPort(0)).start();
        try (Browser browser = Browser.open(http, app)) {
            browser.send(Map.of("type", "start", "speed", 0, "config", Map.of("dataset", "noisy-features",
                    "trainSize", 20_000, "batchSize", 1, "hiddenLayers", List.of(64), "epochs", 2)));
            Browser.Received progress = browser.await(r -> "progress".equals(r.type())
                    && "training".equals(r.message().get("phase")), WAIT, "progress of the first epoch");
            assertEquals(1, progress.message().get("epoch"));
            assertEquals(20_000, progress.message().get("total"), "minibatches of one example");
            long done = ((Number) progress.message().get("done")).longValue();
            assertTrue(done > 0 && done < 20_000, progress.text());
            browser.send(Map.of("type", "pause"));
            int paused = TrainingSocketTest.lastEpochBefore(browser, "paused");
            assertEquals(1, paused, "pause waits for the end of the epoch in progress");
        } finally {
            app.stop();
        }
    }
}
