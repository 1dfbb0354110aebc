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

/**
 * A teacher as the server tests play one: creates a class through {@code class/new} (both steps followed by hand,
 * so the test sees them), and opens sockets that teach it or join it.
 */
final class ClassLinks {
    static final Duration WAIT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    ClassLinks(int port) {
        this.base = "http://127.0.0.1:" + port + "/";
    }

    /** A created class: its id and teacher key, read from the redirect to the teacher's page. */
    record Created(String id, String key, String teacherPath) { }

    /**
     * Creates a class as the form on GapLab's own page does: posts {@code form} (a query's keys) to {@code class/new},
     * follows the 307 to {@code new?class=ID} with the same form, and reads the teacher's link from the 303.
     */
    Created create(String form) throws Exception {
        HttpResponse<String> first = post("class/new", form);
        assertEquals(307, first.statusCode(), first.body());
        String second = first.headers().firstValue("Location").orElseThrow();
        assertTrue(second.matches("new\\?class=[A-Za-z0-9_-]{22}"), second);
        HttpResponse<String> made = post("class/" + second, form);
        assertEquals(303, made.statusCode(), made.body());
        String teacher = made.headers().firstValue("Location").orElseThrow();
        String id = second.substring(second.indexOf("class=") + 6);
        assertTrue(teacher.startsWith("teacher?class=" + id + "#key="), teacher);
        return new Created(id, teacher.substring(teacher.indexOf("#key=") + 5), "class/" + teacher.substring(0, teacher.indexOf('#')));
    }

    /** A GET of a path under the app, with {@code headers} as name, value, name, value, .... */
    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (headers.length > 0) request.headers(headers);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A POST of a form to a path under the app, as GapLab's own page sends it (its origin, same-origin), with further
     * {@code headers} as name, value, ... (a later value of a header replaces the page's).
     */
    HttpResponse<String> post(String path, String form, String... headers) throws Exception {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("Origin", base.substring(0, base.length() - 1));
        all.put("Sec-Fetch-Site", "same-origin");
        all.put("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i + 1 < headers.length; i += 2) all.put(headers[i], headers[i + 1]);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(form));
        all.forEach((name, value) -> {
            if (value != null) request.header(name, value);
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A teacher's socket on the class: it sent teach and received the class's first chart. */
    static Browser teach(Browser teacher, Created created) {
        teacher.awaitType("hello", WAIT);
        teacher.send(Map.of("type", "teach", "class", created.id(), "key", created.key()));
        teacher.awaitType("class", WAIT);
        return teacher;
    }

    /** A learner's socket that joined and got its assignment. */
    static Browser.Received join(Browser learner, Created created, String nickname) {
        learner.awaitType("hello", WAIT);
        learner.send(Map.of("type", "join", "class", created.id(), "nickname", nickname));
        return learner.awaitType("class-assignment", WAIT);
    }

    /** Starts the assigned config, as the page does. */
    static void startAssigned(Browser learner, Browser.Received assignment, double speed) {
        learner.send(Map.of("type", "start", "config", assignment.message().get("config"), "speed", speed));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> points(Map<String, Object> chart) {
        return (List<Map<String, Object>>) chart.get("points");
    }
}
