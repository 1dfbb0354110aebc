package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gaplab.server.options.ServerSettings;
import org.gaplab.server.session.TrainingSession;
import org.junit.jupiter.api.Test;

/** How sessions end: idle timeouts, pings that keep quiet sockets alive, and a graceful shutdown. */
class LifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_session_that_is_not_training_and_hears_nothing_is_told_and_closed_but_a_running_one_is_not() throws Exception {
        Javalin app = App.create(ServerSettings.parse(new String[] {"--port", "0", "--idle-timeout", "1"}, Map.of())).start();
        try (Browser silent = Browser.open(http, app); Browser running = Browser.open(http, app)) {
            running.start(Map.of("epochs", 10_000), 20);
            Browser.Received stopped = silent.awaitEvent("stopped", WAIT);
            assertEquals("idle", stopped.message().get("reason"));
            assertEquals(TrainingSession.IDLE_CLOSE, silent.awaitClose(WAIT), "idle: the page reconnects when its learner acts");

            List<Browser.Received> later = running.collect(Duration.ofMillis(2500));
            assertTrue(later.stream().noneMatch(r -> r.isEvent("stopped")), "a running session is not idle");
            assertTrue(running.isOpen());
            running.send(Map.of("type", "pause"));
            assertEquals("idle", running.awaitEvent("stopped", WAIT).message().get("reason"));
            assertEquals(TrainingSession.IDLE_CLOSE, running.awaitClose(WAIT));
            assertEquals(0, ClassroomTest.health(http, app).get("sessions"));
        } finally {
            app.stop();
        }
    }

    @Test
    void the_server_pings_every_socket_so_proxies_keep_it_open() {
        Javalin app = App.create(ServerSettings.parse(new String[] {"--port", "0", "--ping-interval", "0.5"}, Map.of())).start();
        try (Browser browser = Browser.open(http, app)) {
            browser.collect(Duration.ofMillis(2500));
            assertTrue(browser.pings() >= 2, browser.pings() + " pings in 2.5 s");
        } finally {
            app.stop();
        }
    }

    @Test
    void stopping_the_server_tells_every_browser_closes_every_socket_and_ends_every_thread() {
        Javalin app = App.create(ServerSettings.DEFAULTS.withPort(0)).start();
        try (Browser first = Browser.open(http, app); Browser second = Browser.open(http, app)) {
            first.start(Map.of("epochs", 10_000), 0);
            second.start(Map.of("epochs", 10_000), 20);
            first.awaitType("epoch", WAIT);
            second.awaitType("epoch", WAIT);
            app.stop();
            for (Browser browser : List.of(first, second)) {
                assertEquals("shutdown", browser.awaitEvent("stopped", WAIT).message().get("reason"));
                assertEquals(1001, browser.awaitClose(WAIT));
            }
            assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("gaplab-") && t.isAlive()),
                    "no gaplab thread outlives the app");
        }
    }
}
