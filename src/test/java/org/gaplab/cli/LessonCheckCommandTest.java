package org.gaplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gaplab lesson check FILE}, run as a separate JVM as a course author runs it, on small lessons and few seeds. */
class LessonCheckCommandTest {
    /** A false claim an author might make: L2 (weight decay) sets weights to exactly 0. It shrinks them; L1 zeroes them. */
    static final String L2_ZEROES = """
            {
              "id": "l2-zeroes",
              "title": "L2 zeroes weights",
              "topic": "L2 weight decay",
              "kind": "comparison",
              "config": {"dataset": "xor", "hiddenLayers": [8], "epochs": 40, "seeds": 3},
              "b": {"l2": 0.01},
              "watch": ["B uses L2.", "Half of B's weights end exactly 0."],
              "about": ["l2"],
              "claims": [
                {"id": "b-zeros", "says": "Over half of B's weights are exactly 0", "quantity": "zero-fraction",
                 "who": "b", "relation": "above", "bound": 0.5},
                {"id": "b-smaller", "says": "B's weights are smaller than A's", "quantity": "l2-norm",
                 "who": "b-minus-a", "relation": "below", "bound": 0}
              ]
            }
            """;

    @TempDir
    Path dir;

    record Result(int status, String out, String err) { }

    static Result gaplab(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.gaplab.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the command finished");
        return new Result(process.exitValue(), out, err);
    }

    @Test
    void a_false_claim_exits_non_zero_saying_on_how_many_seeds_it_failed() throws Exception {
        Path file = dir.resolve("l2-zeroes.json");
        Files.writeString(file, L2_ZEROES);
        Result result = gaplab("lesson", "check", file.toString(), "--seeds", "1-3");
        assertEquals(3, result.status(), result.out() + result.err());
        assertTrue(result.out().contains("FALLS SHORT b-zeros: held on 0 of 3 seeds, needs 3, failed on 3"), result.out());
        assertTrue(result.out().contains("holds       b-smaller: held on 3 of 3 seeds, needs 3"), result.out());
        assertTrue(result.out().contains("1 of 2 claims fell short"), result.out());
        assertTrue(result.out().lines().anyMatch(l -> l.strip().startsWith("by seed: 1: 0.0%, 2: 0.0%, 3: 0.0%")), result.out());
    }

    @Test
    void a_built_in_lesson_file_passes_its_own_check() throws Exception {
        Result result = gaplab("lesson", "check", "src/main/resources/org/gaplab/lessons/init-zeros.json", "--seeds", "1-3");
        assertEquals(0, result.status(), result.out() + result.err());
        assertTrue(result.out().contains("All 4 claims held"), result.out());
        Result byId = gaplab("lesson", "check", "init-zeros", "--seeds", "1-3");
        assertEquals(result.out(), byId.out(), "a built-in lesson named by its id is its file");
    }

    @Test
    void a_bad_file_is_refused_naming_the_file_and_the_field_before_anything_trains() throws Exception {
        Path file = dir.resolve("typo.json");
        Files.writeString(file, L2_ZEROES.replace("\"zero-fraction\"", "\"zero-weights\""));
        Result result = gaplab("lesson", "check", file.toString());
        assertEquals(2, result.status(), result.err());
        assertTrue(result.err().startsWith("gaplab lesson: bad lesson file: typo.json: claims[0].quantity: \"zero-weights\" is not "
                + "allowed; allowed: one of [best-validation-loss,"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void train_preset_finds_an_authors_lesson_in_lessons_dir() throws Exception {
        Files.writeString(dir.resolve("l2-zeroes.json"), L2_ZEROES.replace("\"epochs\": 40", "\"epochs\": 3"));
        Result result = gaplab("train", "--preset", "l2-zeroes", "--lessons-dir", dir.toString(), "--seeds", "1");
        assertEquals(3, result.status(), result.err());   // its false claim falls short, as lesson check says
        assertEquals(2 * 3 + 2, result.out().lines().count(), "A's and B's epochs and ends: " + result.out());
        assertTrue(result.err().contains("Lesson l2-zeroes (L2 zeroes weights)"), result.err());
    }
}
