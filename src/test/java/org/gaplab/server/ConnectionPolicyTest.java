package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gaplab.server.options.ServerSettings;
import org.gaplab.server.session.TrainingSession;
import org.junit.jupiter.api.Test;

/** Who may hold a socket: pages of GapLab's own origin (or allowed ones), a bounded number per client address. */
class ConnectionPolicyTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_page_of_another_website_is_refused_and_gaplabs_own_and_allowed_origins_are_served() {
        Javalin app = App.create(ServerSettings.parse(new String[] {"--port", "0", "--allowed-origins",
                "https://lms.example.org", "--frame-ancestors", "https://moodle.example.edu"}, Map.of())).start();
        try {
            for (String origin : List.of("https://evil.example", "null", "http://127.0.0.1:1")) {
                try (Browser evil = Browser.open(http, Browser.socketAddress(app), Map.of("Origin", origin))) {
                    Browser.Received error = evil.awaitType("error", WAIT);
                    assertEquals("forbidden", error.message().get("code"), origin);
                    assertEquals("origin", error.message().get("field"));
                    assertEquals(1008, evil.awaitClose(WAIT), "policy violation");
                }
            }
            String own = "http://127.0.0.1:" + app.port();
            for (String origin : List.of(own, "https://lms.example.org", "https://moodle.example.edu")) {
                try (Browser page = Browser.open(http, Browser.socketAddress(app), Map.of("Origin", origin))) {
                    assertEquals("hello", page.next(WAIT).type(), origin);
                }
            }
        } finally {
            app.stop();
        }
    }

    @Test
    void seventy_sockets_from_one_address_get_at_most_the_per_client_cap_and_forwarded_clients_count_apart() {
        Javalin app = App.create(ServerSettings.parse(new String[] {"--port", "0", "--max-sessions-per-client", "10"},
                Map.of())).start();
        List<Browser> sockets = new ArrayList<>();
        try {
            int served = 0;
            int refused = 0;
            for (int i = 0; i < 70; i++) {
                Browser socket = Browser.open(http, app);
                sockets.add(socket);
                Browser.Received first = socket.next(WAIT);
                if (first.type().equals("hello")) {
                    served++;
                } else {
                    assertEquals("busy", first.message().get("code"));
                    assertEquals("client", first.message().get("field"));
                    assertEquals(1013, socket.awaitClose(WAIT));
                    refused++;
                }
            }
            assertEquals(10, served);
            assertEquals(60, refused);
            // Behind a trusted proxy (loopback by default), X-Forwarded-For names the client: others are served.
            for (String client : List.of("203.0.113.7", "203.0.113.8")) {
                Browser behindProxy = Browser.open(http, Browser.socketAddress(app), Map.of("X-Forwarded-For", client));
                sockets.add(behindProxy);
                assertEquals("hello", behindProxy.next(WAIT).type(), client);
            }
        } finally {
            sockets.forEach(Browser::close);
            app.stop();
        }
    }

    @Test
    void a_socket_that_starts_nothing_gives_its_slot_back_and_one_that_trains_keeps_it() {
        Javalin app = App.create(ServerSettings.parse(new String[] {"--port", "0", "--start-timeout", "1"}, Map.of())).start();
        try (Browser idle = Browser.open(http, app); Browser training = Browser.open(http, app)) {
            training.start(Map.of("epochs", 10_000), 10);
            assertEquals("idle", idle.awaitEvent("stopped", WAIT).message().get("reason"));
            assertEquals(TrainingSession.IDLE_CLOSE, idle.awaitClose(WAIT));
            assertTrue(training.collect(Duration.ofMillis(1500)).stream().noneMatch(r -> r.isEvent("stopped")));
            assertTrue(training.isOpen());
        } finally {
            app.stop();
        }
    }
}
