package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server with a 512 MB heap admits runs against its memory budget: what fits trains, what does not is told
 * {@code too-large} naming the setting, and nothing ever runs it out of memory (issue 12 point 3).
 */
class MemoryAdmissionTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<Integer> DEEP = Collections.nCopies(8, 650);

    @Test
    void at_512_mb_the_650x8_network_and_40_simultaneous_largest_runs_train_or_get_too_large_never_internal()
            throws Exception {
        try (ServerProcess server = ServerProcess.start(List.of("-Xmx512m"), List.of("--max-sessions-per-client", "50"))) {
            HttpClient http = HttpClient.newHttpClient();
            try (Browser deep = Browser.open(http, server.socket(), Map.of())) {
                deep.start(Map.of("hiddenLayers", DEEP, "batchSize", 1024), 0);
                Browser.Received answer = deep.await(r -> "error".equals(r.type()) || "epoch".equals(r.type()), WAIT,
                        "an error or a frame");
                if ("error".equals(answer.type())) {
                    assertEquals("too-large", answer.message().get("code"), answer.text());
                    assertEquals("hiddenLayers", answer.message().get("field"), answer.text());
                }
            }

            // 40 learners at once ask for a run near the parameter limit, with Adam's two copies of every weight.
            Map<String, Object> largest = Map.of("dataset", "fashion-mnist", "trainSize", 1000, "validationSize", 100,
                    "testSize", 100, "hiddenLayers", List.of(1024, 1024), "batchSize", 1024, "optimizer", "adam",
                    "epochs", 2);
            List<Browser> learners = new ArrayList<>();
            try {
                for (int i = 0; i < 40; i++) learners.add(Browser.open(http, server.socket(), Map.of()));
                for (Browser learner : learners) learner.start(largest, 0);
                int trained = 0;
                int refused = 0;
                for (Browser learner : learners) {
                    Browser.Received answer = learner.await(r -> "error".equals(r.type()) || "epoch".equals(r.type()),
                            WAIT, "an error or a frame");
                    if ("epoch".equals(answer.type())) {
                        trained++;
                        continue;
                    }
                    assertEquals("too-large", answer.message().get("code"), answer.text());
                    assertEquals("hiddenLayers", answer.message().get("field"), answer.text());
                    refused++;
                }
                assertTrue(trained >= 1, "what fits trains: " + trained + " trained, " + refused + " refused");
                for (Browser learner : learners) {
                    List<Browser.Received> later = learner.collect(Duration.ofMillis(50));
                    assertTrue(later.stream().noneMatch(r -> "internal".equals(r.message().get("code"))), later.toString());
                }
            } finally {
                learners.forEach(Browser::close);
            }
            Map<String, Object> health = FairnessTest.health(http, server);
            assertEquals("ok", health.get("status"));
            assertFalse(server.lastOutput().contains("OutOfMemoryError"), server.lastOutput());
            assertTrue(server.isAlive());
        }
    }
}
