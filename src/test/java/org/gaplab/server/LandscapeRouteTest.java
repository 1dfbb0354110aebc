package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.gaplab.protocol.Json;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.Test;

/** {@code GET landscape}: the view as JSON, and every refused value named with its range. */
class LandscapeRouteTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_landscape_comes_as_json_and_a_bad_value_is_refused_by_name() throws Exception {
        Javalin app = App.create(ServerSettings.DEFAULTS.withPort(0)).start();
        try {
            HttpResponse<String> ok = get(app, "/landscape?l1=0.2&learningRate=0.3&grid=21&steps=50");
            assertEquals(200, ok.statusCode(), ok.body());
            Map<String, Object> reply = Json.readObject(ok.body(), "reply");
            assertEquals("landscape", reply.get("type"));
            @SuppressWarnings("unchecked")
            Map<String, Object> view = (Map<String, Object>) reply.get("view");
            assertEquals("l1", view.get("penalty"));
            @SuppressWarnings("unchecked")
            Map<String, Object> surface = (Map<String, Object>) view.get("surface");
            assertEquals(21 * 21, ((List<?>) surface.get("loss")).size());
            assertEquals(4, ((List<?>) view.get("trails")).size());

            long before = System.nanoTime();
            HttpResponse<String> largest = get(app, "/landscape?l1=1&learningRate=10&grid=101&steps=1000&w1=-3&w2=3");
            long millis = (System.nanoTime() - before) / 1_000_000;
            assertEquals(200, largest.statusCode(), "the largest query a client may ask, with steps that diverge: " + largest.body());
            System.out.println("the largest landscape query took " + millis + " ms, " + largest.body().length() + " bytes");

            for (String[] bad : new String[][] {{"grid=102", "grid"}, {"steps=0", "steps"}, {"w2=abc", "w2"},
                    {"l2=2", "l2"}, {"learningRate=NaN", "learningRate"}, {"seed=3", "seed"}}) {
                HttpResponse<String> refused = get(app, "/landscape?" + bad[0]);
                assertEquals(400, refused.statusCode(), bad[0]);
                Map<String, Object> error = Json.readObject(refused.body(), "error");
                assertEquals(bad[1], error.get("field"), refused.body());
                assertTrue(((String) error.get("message")).startsWith(bad[1] + ": "), refused.body());
            }
        } finally {
            app.stop();
        }
    }

    private HttpResponse<String> get(Javalin app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
