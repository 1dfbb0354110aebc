package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gaplab.protocol.Json;
import org.gaplab.server.App;
import org.gaplab.server.WholeTextListener;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two instances behind nginx configured as docs/DEPLOY.md says (hash on the class id): every class made through
 * nginx is found by its teacher's page and by its learners' sockets, whichever instance created it. Without the
 * routing about half of them would land on the instance that does not hold them.
 */
class ClassRoutingTest {
    /** Classes made at least, and at most: ids are random, so six may all hash to one instance (1 in 32). */
    private static final int CLASSES = 6, MAX_CLASSES = 40;

    @Test
    void every_request_of_a_class_reaches_the_instance_that_holds_it() throws Exception {
        Assumptions.assumeTrue(Nginx.isInstalled(), "nginx is not installed: routing test skipped");
        // Every class comes from this one address: let it hold them all.
        ServerSettings settings = ServerSettings.parse(new String[] {"--port", "0", "--max-classes", String.valueOf(MAX_CLASSES),
                "--max-classes-per-client", String.valueOf(MAX_CLASSES)},
                Map.of()).withMaxSessionsPerClient(60);
        Javalin one = App.create(settings).start();
        Javalin two = App.create(settings).start();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try (Nginx nginx = Nginx.startRoutingClasses(List.of(one.port(), two.port()))) {
            List<String> instances = new ArrayList<>();
            // until both instances hold one (40 classes all on one instance: 2 in 2⁴⁰)
            for (int i = 0; i < MAX_CLASSES && (i < CLASSES || instances.stream().distinct().count() < 2); i++) {
                String first = location(http, nginx.url(), "class/new", 307);
                String teacher = location(http, nginx.url(), "class/" + first, 303);
                String id = teacher.substring(teacher.indexOf("class=") + 6, teacher.indexOf('#'));
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(nginx.url() + "class/"
                        + teacher.substring(0, teacher.indexOf('#')))).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, page.statusCode(), "class " + i + "'s teacher page through nginx: " + nginx.log());
                Map<String, Object> joined = join(http, nginx.url().replace("http:", "ws:") + "ws/train?class=" + id, id);
                assertEquals("class-assignment", joined.get("type"), "class " + i + "'s learner through nginx: " + joined);
                instances.add(String.valueOf(joined.get("server")));
            }
            assertTrue(instances.stream().distinct().count() == 2,
                    "the classes were spread over both instances, so the routing was tested: " + instances);
        } finally {
            one.stop();
            two.stop();
        }
    }

    /** Posts the class form to {@code path} as GapLab's own page would through nginx, and reads where it leads. */
    private static String location(HttpClient http, String base, String path, int status) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Origin", base.substring(0, base.length() - 1)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("param=dropout&values=0,0.5&epochs=10")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), path + ": " + response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** Joins over a socket and returns the answer (an assignment, or an error), with the instance that sent hello. */
    private static Map<String, Object> join(HttpClient http, String url, String id) throws Exception {
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        String[] server = new String[1];
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(url), new WholeTextListener() {
            @Override
            protected void onMessage(WebSocket ws, String text, long arrivalNanos) {
                Map<String, Object> message = Json.readObject(text, "message");
                if ("hello".equals(message.get("type"))) {
                    server[0] = String.valueOf(message.get("server"));
                    ws.sendText(Json.write(Map.of("type", "join", "class", id)), true);
                } else if ("class-assignment".equals(message.get("type")) || "error".equals(message.get("type"))) {
                    message.put("server", server[0]);
                    answer.complete(message);
                }
            }
        }).get(10, TimeUnit.SECONDS);
        try {
            return answer.get(Duration.ofSeconds(20).toSeconds(), TimeUnit.SECONDS);
        } finally {
            socket.abort();
        }
    }
}
