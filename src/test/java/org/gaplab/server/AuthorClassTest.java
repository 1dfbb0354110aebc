package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gaplab.lessons.LessonShelf;
import org.gaplab.lessons.Lessons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An author's comparison lesson with a class plan makes a class over the plan's values, from the lesson alone. */
class AuthorClassTest {
    @RegisterExtension
    static final RunningApp server = new RunningApp();

    @Test
    void a_lessons_class_plan_is_the_classs_setting_and_values(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("class.json"), """
                {"id": "l2-for-the-class", "title": "L2, one value each", "topic": "L2 weight decay", "kind": "comparison",
                 "config": {"dataset": "circle", "trainSize": 60, "validationSize": 60, "testSize": 60, "hiddenLayers": [4],
                            "epochs": 3000},
                 "b": {"l2": 0.01}, "class": {"param": "l2", "values": [0.0001, 0.01, 0.3]},
                 "watch": ["Each learner trains one λ₂.", "The class chart draws the U."]}
                """);
        Lessons.install(LessonShelf.load(dir, false));   // as --lessons-dir does when the server starts
        try (Browser learner = server.browser()) {
            ClassLinks.Created created = new ClassLinks(server.port()).create("preset=l2-for-the-class");
            Map<String, Object> assignment = ClassLinks.join(learner, created, "Ada").message();
            assertEquals("l2", assignment.get("param"));
            assertEquals(List.of(0.0001, 0.01, 0.3), assignment.get("values"));
        } finally {
            Lessons.install(LessonShelf.EMPTY);
        }
    }
}
