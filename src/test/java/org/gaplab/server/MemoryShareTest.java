package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.Test;

/**
 * One client address holds at most its share of the memory budget ({@code --max-memory-per-client}) beside its
 * first run: its next large run is refused {@code too-large} while another address still trains (issue 19, point 2).
 */
class MemoryShareTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, Object> LARGE = Map.of("dataset", "gauss", "hiddenLayers", List.of(256, 256),
            "optimizer", "adam", "epochs", 10000);

    @Test
    void a_greedy_address_is_refused_its_second_large_run_while_another_address_trains() throws Exception {
        Javalin app = App.create(ServerSettings.parse(new String[] {"--port", "0", "--workers", "1",
                "--max-memory-per-client", "1"}, Map.of())).start();
        HttpClient http = HttpClient.newHttpClient();
        // The test connects from loopback, a trusted proxy by default: X-Forwarded-For names each client.
        try (Browser first = Browser.open(http, Browser.socketAddress(app), Map.of("X-Forwarded-For", "203.0.113.7"));
             Browser second = Browser.open(http, Browser.socketAddress(app), Map.of("X-Forwarded-For", "203.0.113.7"));
             Browser other = Browser.open(http, Browser.socketAddress(app), Map.of("X-Forwarded-For", "198.51.100.9"))) {
            Browser.Received hello = first.awaitType("hello", WAIT);
            assertEquals(1024 * 1024, ((Number) ((Map<?, ?>) hello.message().get("limits")).get("maxMemoryPerClientBytes")).intValue(),
                    "hello announces the share");
            first.start(LARGE, 1);
            first.awaitType("epoch", WAIT);   // a client's first run is always its to try, whatever the share

            second.awaitType("hello", WAIT);
            second.start(LARGE, 1);
            Browser.Received refused = second.await(r -> "error".equals(r.type()) || "epoch".equals(r.type()), WAIT,
                    "an error or a frame");
            assertEquals("too-large", refused.message().get("code"), refused.text());
            assertEquals("hiddenLayers", refused.message().get("field"), refused.text());
            assertTrue(String.valueOf(refused.message().get("message")).contains("your address"), refused.text());

            other.awaitType("hello", WAIT);
            other.start(LARGE, 1);
            Browser.Received trains = other.await(r -> "error".equals(r.type()) || "epoch".equals(r.type()), WAIT,
                    "an error or a frame");
            assertEquals("epoch", trains.type(), "another address is not refused for the first one's runs: " + trains.text());
        } finally {
            app.stop();
        }
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.parse(new String[] {"--max-memory-per-client", "0%"}, Map.of()));
        assertTrue(bad.getMessage().contains("--max-memory-per-client") && bad.getMessage().contains("percentage"), bad.getMessage());
    }
}
