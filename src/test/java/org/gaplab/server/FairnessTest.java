package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Twelve learners keep getting frames and keep training while two attackers replay issue 12's repros against the
 * same server (in its own JVM). The bounds here are generous, so the test holds on a loaded two-core machine; the
 * 500 ms target is measured by {@code ClassroomBenchmark attack} (docs/DEPLOY.md has the numbers).
 */
class FairnessTest {

    @Test
    void twelve_learners_keep_advancing_with_frames_while_two_attackers_replay_both_repros() throws Exception {
        try (ServerProcess server = ServerProcess.start(List.of("-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                List.of("--max-sessions-per-client", "30"))) {
            AttackedClassroom.Result result = AttackedClassroom.run(server.socket(), 12, 2, Duration.ofSeconds(3),
                    Duration.ofSeconds(8));
            String seen = AttackedClassroom.describe(result) + "\nserver: " + server.lastOutput();
            assertTrue(result.worstP95() < 2000, "every learner gets a frame at least every 2 s (95%): " + seen);
            assertTrue(result.fewestEpochs() >= 20, "every learner's run keeps advancing (15 epochs/s asked): " + seen);

            // The attackers closed their sockets: their work stops within a turn, and nothing stays behind.
            HttpClient http = HttpClient.newHttpClient();
            Map<String, Object> health = health(http, server);
            long deadline = System.nanoTime() + 20_000_000_000L;
            // The piece of work in progress (one of the attacker's minibatches, seconds on a busy machine) ends first.
            while (System.nanoTime() < deadline && (((Number) health.get("sessions")).intValue() > 0
                    || ((Number) health.get("heavySlices")).intValue() > 0 || ((Number) health.get("datasetLeases")).intValue() > 0)) {
                Thread.sleep(100);
                health = health(http, server);
            }
            assertEquals(0, health.get("sessions"), health.toString());
            assertEquals(0, health.get("heavySlices"), "a closed socket's work stops: " + health);
            assertEquals(0, health.get("datasetLeases"), "and its data is let go: " + health);
        }
    }

    static Map<String, Object> health(HttpClient http, ServerProcess server) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + "health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return Browser.parse(response.body());
    }
}
