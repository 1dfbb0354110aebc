package org.gaplab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lesson files: every built-in lesson is one, a file says what it means, and a bad field is named with what is allowed. */
class LessonFilesTest {
    private static final Path RESOURCES = Path.of("src/main/resources/org/gaplab/lessons");

    /** A small good lesson an author could write: one run, one claim. */
    static final String GOOD = """
            {
              "id": "my-gap",
              "title": "My gap",
              "topic": "overfitting",
              "kind": "comparison",
              "config": {"dataset": "circle", "trainSize": 60, "noise": 0.5, "hiddenLayers": [16], "epochs": 20, "seeds": 3},
              "b": {"l2": 0.01},
              "watch": ["Watch the gap.", "It narrows."],
              "about": ["l2"],
              "claims": [{"id": "b-small", "says": "B's weights are smaller", "quantity": "l2-norm", "who": "b-minus-a",
                          "relation": "below", "bound": 0}]
            }
            """;

    @Test
    void every_built_in_lesson_is_its_file_written_back_byte_for_byte() throws IOException {
        for (Lesson lesson : Lessons.ALL) {
            String file = Files.readString(RESOURCES.resolve(lesson.id() + ".json"));
            assertEquals(file, LessonFiles.write(lesson), lesson.id() + ": load, write gives the file back");
            assertEquals(lesson, LessonFiles.read(lesson.id() + ".json", LessonFiles.write(lesson)), lesson.id());
        }
    }

    @Test
    void the_index_lists_every_lesson_file_once() throws IOException {
        List<String> index = Files.readAllLines(RESOURCES.resolve("index.txt")).stream().filter(l -> !l.isBlank()).toList();
        try (Stream<Path> files = Files.list(RESOURCES)) {
            List<String> ids = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            assertEquals(ids, index.stream().sorted().toList());
        }
        assertEquals(index, Lessons.ALL.stream().map(Lesson::id).toList());
    }

    @Test
    void a_lesson_built_in_java_becomes_a_file_that_reads_back_to_it() {
        Lesson made = new Lesson("made-in-java", "Made in Java", "dropout", Lessons.DROPOUT.config(), Lessons.DROPOUT.watch())
                .comparing("dropout", 0.25).about("dropout").claiming(Lessons.DROPOUT.claims().get(0))
                .writtenIn("de", "ltr").showingCards("watch", "curves");
        assertEquals(made, LessonFiles.read("made-in-java.json", LessonFiles.write(made)));
    }

    @Test
    void a_good_file_reads_as_its_lesson() {
        Lesson lesson = LessonFiles.read("my-gap.json", GOOD);
        assertEquals("my-gap", lesson.id());
        assertEquals("l2:0.01", lesson.compare());
        assertEquals(60, lesson.config().data().trainSize());
        assertEquals(0.8, lesson.claims().get(0).share());
        assertEquals("en", lesson.language());
        assertEquals("ltr", lesson.direction());
        assertTrue(lesson.classExperiment().isEmpty(), "no class plan: the teacher picks");
    }

    @Test
    void a_class_plan_gives_a_run_or_comparison_lessons_class_its_defaults_and_is_refused_in_a_sweep() {
        Lesson lesson = LessonFiles.read("c.json", GOOD.replace("\"b\": {", "\"class\": {\"param\": \"l2\", \"values\": [0.001, 0.1]}, \"b\": {"));
        assertEquals(new Lesson.SweepPlan("l2", List.of(0.001, 0.1)), lesson.classExperiment().orElseThrow());
        assertEquals(lesson, LessonFiles.read("c.json", LessonFiles.write(lesson)));
        assertEquals(Lessons.CHOOSING_LAMBDA.sweepPlan(), Lessons.CHOOSING_LAMBDA.classExperiment().orElseThrow(), "a sweep's class varies its sweep");
        refused(GOOD.replace("\"b\": {", "\"class\": {\"param\": \"l2\", \"values\": [0.001, 99]}, \"b\": {"), "class.l2", "99", "[0, ");
    }

    @Test
    void a_right_to_left_language_reads_right_to_left_unless_the_file_says() {
        String arabic = GOOD.replace("\"title\": \"My gap\"", "\"title\": \"الفجوة\", \"language\": \"ar\"");
        assertEquals("rtl", LessonFiles.read("ar.json", arabic).direction());
        assertEquals("الفجوة", LessonFiles.read("ar.json", arabic).title());
        String forced = arabic.replace("\"language\": \"ar\"", "\"language\": \"ar\", \"direction\": \"ltr\"");
        assertEquals("ltr", LessonFiles.read("ar.json", forced).direction());
    }

    @Test
    void a_bad_field_is_refused_with_the_file_the_field_the_value_and_what_is_allowed() {
        refused(GOOD.replace("\"l2\": 0.01", "\"l2\": 50"), "b.l2", "50", "[0, ");
        refused(GOOD.replace("\"noise\": 0.5", "\"noise\": -1"), "config.noise", "-1", "[0, ");
        refused(GOOD.replace("\"l2-norm\"", "\"weights-gone\""), "claims[0].quantity", "weights-gone", "best-validation-loss");
        refused(GOOD.replace("\"bound\": 0", "\"bound\": 0, \"share\": 0.3"), "claims[0].share", "0.3", "[0.5, 1.0]");
        refused(GOOD.replace("\"kind\": \"comparison\"", "\"kind\": \"run\""), "b", "l2", "only in a lesson of kind comparison");
        refused(GOOD.replace("\"title\"", "\"titel\""), "titel", "an unknown key", "title");
        refused(GOOD.replace("\"about\": [\"l2\"]", "\"about\": [\"lambda\"]"), "about[0]", "lambda", "config keys");
        refused(GOOD.replace("\"id\": \"my-gap\"", "\"id\": \"My Gap\""), "id", "My Gap", "lower-case words");
        refused(GOOD.replace("\"watch\": [\"Watch the gap.\", ", "\"watch\": ["), "watch", "1 items", "exactly two");
        refused(GOOD.replace("\"b\": {\"l2\": 0.01}", "\"b\": {\"trainSize\": 10}"), "b.trainSize", "10", "B trains on A's data");
        refused("{\"id\": ", "(file)", "malformed JSON", "one JSON object");
        refused(GOOD.replace("\"about\": [\"l2\"]", "\"about\": [\"l2\"], \"evidence\": \"norms\""), "evidence", "norms", "weight-norm");
    }

    @Test
    void a_lessons_evidence_reads_back_and_each_kind_is_documented() throws IOException {
        Lesson l2 = Lessons.L2_WEIGHT_DECAY;
        assertEquals(Evidence.WEIGHT_NORM, l2.evidence());
        assertEquals(l2, LessonFiles.read("l2.json", LessonFiles.write(l2)));
        assertEquals(null, Lessons.CHOOSING_LAMBDA.evidence(), "a sweep draws its own");
        assertThrows(IllegalArgumentException.class, () -> Lessons.CHOOSING_LAMBDA.evidencedBy(Evidence.GAP));
        String doc = Files.readString(Path.of("docs/LESSONS.md"));
        for (Evidence e : Evidence.values()) assertTrue(doc.contains("| `" + e.configName() + "` | "), "LESSONS.md explains " + e.configName());
    }

    private static void refused(String text, String field, String value, String allowed) {
        LessonFileException e = assertThrows(LessonFileException.class, () -> LessonFiles.read("bad.json", text));
        assertEquals("bad.json", e.file());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.value().contains(value), e.getMessage());
        assertTrue(e.allowed().contains(allowed), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.json: " + field + ": "), e.getMessage());
    }

    @Test
    void a_directory_keeps_its_good_files_refuses_its_bad_ones_and_overrides_a_built_in_only_when_allowed(@TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("good.json"), GOOD);
        Files.writeString(dir.resolve("bad.json"), GOOD.replace("my-gap", "other").replace("\"noise\": 0.5", "\"noise\": 9"));
        Files.writeString(dir.resolve("mine.json"), GOOD.replace("my-gap", "dropout"));
        Files.writeString(dir.resolve("notes.txt"), "not a lesson");
        LessonShelf shelf = LessonShelf.load(dir, false);
        assertEquals(List.of("my-gap"), shelf.lessons().stream().map(Lesson::id).toList());
        assertEquals(2, shelf.problems().size(), shelf.problems().toString());
        assertTrue(shelf.problems().get(0).startsWith("bad.json: config.noise: 9 is not allowed; allowed: "), shelf.problems().get(0));
        assertTrue(shelf.problems().get(1).startsWith("mine.json: id: \"dropout\""), shelf.problems().get(1));
        LessonShelf overriding = LessonShelf.load(dir, true);
        assertEquals(List.of("dropout", "my-gap"), overriding.lessons().stream().map(Lesson::id).sorted().toList());
    }

    @Test
    void lessons_md_documents_every_key_and_quantity_and_its_example_is_a_lesson_that_reads() throws IOException {
        String doc = Files.readString(Path.of("docs/LESSONS.md"));
        for (String key : LessonFiles.KEYS) assertTrue(doc.contains("| `" + key + "` |"), "LESSONS.md's table lists " + key);
        for (String key : LessonFiles.CLAIM_KEYS) assertTrue(doc.contains("| `" + key + "` |"), "LESSONS.md's claims list " + key);
        for (org.gaplab.verdicts.Quantity q : org.gaplab.verdicts.Quantity.values()) {
            assertTrue(doc.contains("| `" + q.configName() + "` | " + q.label().replace("|", "\\|") + " |"), "LESSONS.md lists " + q.configName());
        }
        String example = doc.substring(doc.indexOf("```json\n") + 8, doc.indexOf("\n```", doc.indexOf("```json\n")));
        Lesson lesson = LessonFiles.read("l2-small-data.json", example);
        assertEquals("l2:0.1", lesson.compare());
        assertEquals(List.of("watch", "metrics", "curves", "sparsity"), lesson.cards());
        assertEquals(1.0, lesson.claims().get(2).share());
    }

    @Test
    void the_schema_offers_what_the_reader_accepts() {
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> properties = (java.util.Map<String, Object>) LessonSchema.schema().get("properties");
        assertEquals(LessonFiles.READ_KEYS, List.copyOf(properties.keySet()));
        assertEquals(Lessons.DROPOUT, LessonFiles.read("d.json", LessonFiles.write(Lessons.DROPOUT)
                .replaceFirst("\\{", "{\"\\$schema\": \"http://localhost:7070/lessons/schema.json\",")));
    }

    @Test
    void every_card_a_lesson_may_name_is_one_the_pages_show_list_knows() throws IOException {
        // address.js applies show=; a card the file format allows but the page does not know would be refused in the URL.
        String address = Files.readString(Path.of("web/js/address.js"));
        String parts = address.substring(address.indexOf("const PARTS = {"), address.indexOf("};", address.indexOf("const PARTS = {")));
        for (String card : Lesson.CARDS) {
            assertTrue(parts.contains(" " + card + ":") || parts.contains("'" + card + "':"), "address.js's PARTS has " + card);
        }
    }
}
