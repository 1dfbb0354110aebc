package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gaplab.server.safety.MessageRate;
import org.junit.jupiter.api.Test;

/**
 * A socket that floods the server with messages is closed with 1008, and what it sent costs a bounded number of
 * replies and log lines (issue 19, point 7); the server and its other sessions go on.
 */
class MessageRateTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void three_hundred_bad_messages_close_the_socket_and_log_a_bounded_number_of_lines() throws Exception {
        try (ServerProcess server = ServerProcess.start(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info"), List.of())) {
            HttpClient http = HttpClient.newHttpClient();
            try (Browser flood = Browser.open(http, server.socket(), Map.of());
                 Browser calm = Browser.open(http, server.socket(), Map.of())) {
                flood.awaitType("hello", WAIT);
                calm.awaitType("hello", WAIT);
                Thread.sleep(500);   // the start-up's own lines are written
                long before = server.linesSeen();
                for (int i = 0; i < 300; i++) {
                    try {
                        flood.send("{\"type\":\"teleport\",\"n\":" + i + "}");
                    } catch (RuntimeException closed) {
                        break;   // the server closed it: the rest cannot be sent
                    }
                }
                assertEquals(1008, flood.awaitClose(WAIT), "closed for its message rate");
                Thread.sleep(500);
                long logged = server.linesSeen() - before;
                assertTrue(logged >= MessageRate.LOG_BURST && logged <= MessageRate.LOG_BURST + 5,
                        logged + " log lines for 300 bad messages:\n" + server.lastOutput());
                int replies = 0;
                try {
                    while (true) {
                        flood.next(Duration.ofMillis(100));
                        replies++;
                    }
                } catch (AssertionError none) {
                    // every reply read
                }
                assertTrue(replies <= MessageRate.BURST + 3, replies + " replies: hello, one a message within the burst, the closing error");

                calm.send(Map.of("type", "start", "config", Map.of("dataset", "gauss", "epochs", 3), "speed", 0));
                calm.awaitType("epoch", WAIT);   // everyone else trains on
            }
        }
    }

    @Test
    void a_page_at_its_pace_is_never_closed() {
        MessageRate rate = new MessageRate(0);
        long second = 1_000_000_000L;
        for (int i = 0; i < 10 * 60 * 10; i++) assertTrue(rate.admit(i * second / 10), "10 a second for 10 minutes");
        MessageRate logs = new MessageRate(0);
        for (int i = 0; i < MessageRate.LOG_BURST; i++) assertEquals(0, logs.logRefusal(0));
        assertEquals(-1, logs.logRefusal(0));
        assertEquals(-1, logs.logRefusal(0));
        assertEquals(2, logs.logRefusal(2 * second), "the next line says how many were left out");
    }
}
