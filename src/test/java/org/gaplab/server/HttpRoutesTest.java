package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP side: the pages and who may frame them, health, the browser files and Chart.js. */
class HttpRoutesTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_embed_page_may_be_framed_by_the_configured_origins_and_the_full_page_only_by_itself() throws Exception {
        ServerSettings settings = ServerSettings.parse(new String[] {"--port", "0",
                "--frame-ancestors", "https://lms.example.org https://moodle.example.edu"}, Map.of());
        Javalin app = App.create(settings).start();
        try {
            HttpResponse<String> embed = get(app, "/embed");
            assertEquals(200, embed.statusCode());
            assertTrue(embed.headers().firstValue("Content-Security-Policy").orElseThrow()
                    .endsWith("; frame-ancestors https://lms.example.org https://moodle.example.edu"));
            assertFalse(embed.headers().firstValue("X-Frame-Options").isPresent(), "no X-Frame-Options on /embed");
            assertTrue(embed.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));

            HttpResponse<String> full = get(app, "/");
            assertEquals(200, full.statusCode());
            assertTrue(full.headers().firstValue("Content-Security-Policy").orElseThrow().endsWith("; frame-ancestors 'self'"));
            assertTrue(full.body().contains("<html"));
        } finally {
            app.stop();
        }
    }

    @Test
    void by_default_anyone_may_embed_the_lesson() throws Exception {
        Javalin app = App.create(ServerSettings.DEFAULTS.withPort(0)).start();
        try {
            assertTrue(get(app, "/embed").headers().firstValue("Content-Security-Policy").orElseThrow()
                    .endsWith("; frame-ancestors *"));
        } finally {
            app.stop();
        }
    }

    @Test
    void every_response_forbids_sniffing_leaks_no_referrer_and_runs_only_the_servers_own_scripts() throws Exception {
        Javalin app = App.create(ServerSettings.DEFAULTS.withPort(0)).start();
        try {
            for (String path : List.of("/", "/embed", "/js/app.js", "/health", "/no-such-page")) {
                HttpResponse<String> response = get(app, path);
                assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), path);
                assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(null), path);
                String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
                assertTrue(policy.contains("script-src 'self';") && policy.contains("object-src 'none'"), path + ": " + policy);
            }
            String page = get(app, "/").body();
            assertFalse(java.util.regex.Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page).find(),
                    "no inline script, which the policy would block");
            assertFalse(java.util.regex.Pattern.compile("\\son[a-z]+=\"").matcher(page).find(), "no inline event handler");
        } finally {
            app.stop();
        }
    }

    @Test
    void health_reports_status_sessions_and_uptime() throws Exception {
        Javalin app = App.create(ServerSettings.DEFAULTS.withPort(0)).start();
        try {
            HttpResponse<String> response = get(app, "/health");
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
            Map<String, Object> health = Browser.parse(response.body());
            assertEquals("ok", health.get("status"));
            assertEquals(0, health.get("sessions"));
            assertTrue(health.containsKey("uptimeSeconds"));
            assertEquals(ServerSettings.DEFAULTS.backend().describe(), health.get("backend"));
            assertEquals(ServerSettings.DEFAULTS.precision().configName(), health.get("precision"));
        } finally {
            app.stop();
        }
    }

    @Test
    void chart_js_comes_from_the_webjar_and_browser_files_from_the_web_directory(@TempDir Path web) throws Exception {
        Files.createDirectories(web.resolve("js"));
        Files.writeString(web.resolve("js/app.js"), "export const hello = 'GapLab';\n");
        Files.writeString(web.resolve("index.html"), "a stray static index");
        ServerSettings settings = ServerSettings.parse(new String[] {"--port", "0", "--web-dir", web.toString()}, Map.of());
        Javalin app = App.create(settings).start();
        try {
            HttpResponse<String> chart = get(app, "/webjars/chart.js/4.5.1/dist/chart.umd.min.js");
            assertEquals(200, chart.statusCode());
            assertTrue(chart.body().length() > 100_000, "the whole library");
            HttpResponse<String> script = get(app, "/js/app.js");
            assertEquals(200, script.statusCode());
            assertEquals("export const hello = 'GapLab';\n", script.body());
            assertEquals(404, get(app, "/js/missing.js").statusCode());
            String page = get(app, "/").body();
            assertTrue(page.contains("<html") && !page.contains("stray"), "the page route wins over the files");
        } finally {
            app.stop();
        }
    }

    private HttpResponse<String> get(Javalin app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
