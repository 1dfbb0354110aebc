package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A course author's lesson directory on a real server process: the good lesson is in the playground's menu, the
 * gallery and the class experiment form (and {@code train --preset}: LessonCheckCommandTest); the bad file is refused at
 * start-up naming the file, the field, the value and what is allowed, and the server starts with the others; a file
 * replaces a built-in lesson only with {@code --lessons-override true}.
 */
class AuthorLessonsTest {
    private static final String GOOD = """
            {"id": "my-gap", "title": "Mein Abstand", "topic": "overfitting", "language": "de", "kind": "run",
             "config": {"dataset": "circle", "trainSize": 60, "noise": 0.5, "hiddenLayers": [16], "epochs": 5},
             "watch": ["Sieh die Lücke.", "Sie wächst."], "about": ["trainSize"], "cards": ["watch", "curves"]}
            """;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_good_lesson_appears_everywhere_and_a_bad_one_is_refused_by_name_while_the_server_starts() throws Exception {
        Files.writeString(dir.resolve("my-gap.json"), GOOD);
        Files.writeString(dir.resolve("broken.json"), GOOD.replace("my-gap", "broken").replace("\"noise\": 0.5", "\"noise\": 3"));
        Files.writeString(dir.resolve("dropout.json"), GOOD.replace("my-gap", "dropout").replace("Mein Abstand", "Meine Dropout-Lektion"));
        try (ServerProcess server = ServerProcess.start(List.of(), List.of("--lessons-dir", dir.toString()))) {
            String log = server.lastOutput();
            assertTrue(log.contains("broken.json: config.noise: 3 is not allowed; allowed: a number in [0, 0.5]"), log);
            assertTrue(log.contains("dropout.json: id: \"dropout\" is not allowed; allowed: an id no built-in lesson has"), log);

            String menu = get(server, "/");
            String option = menu.substring(menu.indexOf("<option value=\"my-gap\" data-claim="));
            assertTrue(option.substring(0, option.indexOf('>')).endsWith(" lang=\"de\" dir=\"ltr\""), "the playground's lesson menu, in German");
            assertFalse(menu.contains("value=\"broken\""), "a refused file is on no menu");
            assertFalse(menu.contains("Meine Dropout-Lektion"), "no override unless the operator says so");

            String gallery = get(server, "/lessons");
            assertTrue(gallery.contains("<h2 lang=\"de\" dir=\"ltr\">Mein Abstand</h2>"), "the gallery's card");
            assertTrue(gallery.contains("data-id=\"my-gap\" data-title=\"Mein Abstand\" data-cards=\"watch,curves\""), "its embed defaults");
            assertTrue(get(server, "/class/new?preset=my-gap").contains("<option value=\"my-gap\" selected>Mein Abstand</option>"),
                    "the class experiment form");
            assertTrue(get(server, "/lessons/my-gap/picture.svg").startsWith("<svg"), "its picture, of a real run");
        }
    }

    @Test
    void a_file_replaces_a_built_in_lesson_only_when_the_operator_allows_it() throws Exception {
        Files.writeString(dir.resolve("dropout.json"), GOOD.replace("my-gap", "dropout").replace("Mein Abstand", "Meine Dropout-Lektion"));
        try (ServerProcess server = ServerProcess.start(List.of(), List.of("--lessons-dir", dir.toString(), "--lessons-override", "true"))) {
            String menu = get(server, "/");
            assertTrue(menu.contains(">Meine Dropout-Lektion</option>"), "the operator's dropout lesson");
            assertEquals(1, menu.split("<option value=\"dropout\" data-claim=", -1).length - 1, "once, in the built-in's place");
        }
    }

    private String get(ServerProcess server, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }
}
