package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.Test;

/** A classroom's worth of sessions on this 2-core machine: everyone progresses, one too many is told busy. */
class ClassroomTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int STUDENTS = 30;

    @Test
    void thirty_sessions_all_get_frames_within_two_seconds_keep_getting_them_and_leave_nothing_behind_when_closed()
            throws Exception {
        Javalin app = App.create(ServerSettings.DEFAULTS.withPort(0).withMaxSessions(STUDENTS).withMaxSessionsPerClient(STUDENTS + 1)).start();
        HttpClient http = HttpClient.newHttpClient();
        List<Browser> browsers = new ArrayList<>();
        try {
            for (int i = 0; i < STUDENTS; i++) {
                Browser browser = Browser.open(http, app);
                browser.awaitType("hello", WAIT);
                browsers.add(browser);
            }
            long[] startedAt = new long[STUDENTS];
            for (int i = 0; i < STUDENTS; i++) {
                startedAt[i] = System.nanoTime();
                browsers.get(i).send(Map.of("type", "start", "config", Map.of("seed", i + 1)));   // default pace
            }
            for (int i = 0; i < STUDENTS; i++) {
                Browser.Received first = browsers.get(i).awaitType("epoch", WAIT);
                long millis = TimeUnit.NANOSECONDS.toMillis(first.atNanos() - startedAt[i]);
                assertTrue(millis < 2000, "student " + i + " waited " + millis + " ms for the first frame");
            }

            try (Browser late = Browser.open(http, app)) {
                Browser.Received busy = late.awaitType("error", WAIT);
                assertEquals("busy", busy.message().get("code"));
                assertEquals("session", busy.message().get("field"));
                assertEquals(1013, late.awaitClose(WAIT), "busy closes with 'try again later'");
            }

            Thread.sleep(3000);
            for (int i = 0; i < STUDENTS; i++) {
                List<Browser.Received> all = browsers.get(i).drain();
                List<Browser.Received> frames = all.stream().filter(r -> "epoch".equals(r.type())).toList();
                int epochs = frames.stream().mapToInt(f -> f.epochs().size()).sum();
                assertTrue(epochs >= 10, "student " + i + " trained only " + epochs + " epochs in 3 s at 15 per second: "
                        + all.stream().filter(r -> !"epoch".equals(r.type())).map(Browser.Received::text).toList());
                long longestGap = 0;
                for (int f = 1; f < frames.size(); f++) {
                    longestGap = Math.max(longestGap, frames.get(f).atNanos() - frames.get(f - 1).atNanos());
                }
                assertTrue(longestGap < TimeUnit.MILLISECONDS.toNanos(1500),
                        "student " + i + " waited " + TimeUnit.NANOSECONDS.toMillis(longestGap) + " ms between frames");
            }
            assertEquals(STUDENTS, ((Number) health(http, app).get("sessions")).intValue());
        } finally {
            browsers.forEach(Browser::close);
        }

        Map<String, Object> health = health(http, app);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && !isEmpty(health)) {
            Thread.sleep(100);
            health = health(http, app);
        }
        assertEquals(0, health.get("sessions"), health.toString());
        assertEquals(0, health.get("threads"), "trainer and clock threads end when the room is empty: " + health);
        assertEquals(0, health.get("scheduledTasks"), "no timer is left: " + health);
        assertEquals(0, health.get("queuedSlices"), health.toString());
        app.stop();
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("gaplab-") && t.isAlive()),
                "no gaplab thread outlives the app");
    }

    private static boolean isEmpty(Map<String, Object> health) {
        return health.get("sessions").equals(0) && health.get("threads").equals(0) && health.get("scheduledTasks").equals(0);
    }

    static Map<String, Object> health(HttpClient http, Javalin app) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return Browser.parse(response.body());
    }
}
