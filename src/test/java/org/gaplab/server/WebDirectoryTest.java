package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * Started in a directory that happens to hold a {@code web/} (a checkout, with its {@code .git}), the server serves
 * its own page from the jar, never that folder; a directory is served only when {@code --web-dir} names it, and
 * then never its dotfiles (issue 19, point 9).
 */
class WebDirectoryTest {
    /** The server's own INFO lines, which the tests' logger settings otherwise hide. */
    private static final List<String> INFO = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_web_folder_in_the_working_directory_is_not_served_and_a_named_one_hides_its_dotfiles(@TempDir Path here)
            throws Exception {
        Path web = here.resolve("web");
        Files.createDirectories(web.resolve("js"));
        Files.createDirectories(web.resolve(".git"));
        Files.writeString(web.resolve("js/app.js"), "stranger's script\n");
        Files.writeString(web.resolve(".git/config"), "[remote \"origin\"] url = https://token@example.org/secret.git\n");
        try (ServerProcess server = ServerProcess.startIn(here, INFO, List.of())) {
            assertTrue(get(server, "js/app.js").body().contains("import "), "GapLab's own page script, from the jar");
            assertEquals(404, get(server, ".git/config").statusCode());
            assertEquals(404, get(server, "web/.git/config").statusCode());
            assertTrue(server.lastOutput().contains("source=jar"), "the log says what is served: " + server.lastOutput());
        }
        try (ServerProcess server = ServerProcess.startIn(here, INFO, List.of("--web-dir", "web"))) {
            assertEquals("stranger's script\n", get(server, "js/app.js").body(), "named explicitly, the directory is served");
            assertEquals(404, get(server, ".git/config").statusCode(), "but never its dotfiles");
            assertTrue(server.lastOutput().contains("source=directory"), server.lastOutput());
        }
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.parse(new String[] {"--web-dir", here.resolve("nowhere").toString()}, Map.of()));
        assertTrue(missing.getMessage().startsWith("--web-dir: "), missing.getMessage());
    }

    private HttpResponse<String> get(ServerProcess server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
