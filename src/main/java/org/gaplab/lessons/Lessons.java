package org.gaplab.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lessons: the built-in ones, read from their files inside the jar ({@code org/gaplab/lessons/*.json}, listed in
 * menu order by {@code index.txt}, in the same format an author writes: docs/LESSONS.md), and those an operator adds
 * with {@code --lessons-dir}. The page's menu, the gallery, {@code train --preset} and class experiments all read
 * {@link #all()}, so they list the same lessons.
 *
 * <p>A lesson whose claim is "X helps" or "X differs from Y" is a comparison: run A is the config without X, run B
 * the same config with X, from the same seed, data and (when the architecture matches) initial weights. Its test
 * ({@code LessonClaimsTest}) trains both on several seeds and judges the lesson's claims, the data form of what its
 * text says, with the same {@code Verdicts} the page shows. Lessons on 2-D and feature data train five seeds at once,
 * image lessons one until asked: a verdict needs several seeds to stand.
 */
public final class Lessons {
    /** Where the built-in lesson files are, inside the jar. */
    public static final String RESOURCES = "/org/gaplab/lessons/";

    /** Every built-in lesson, in the order the page lists them. A bad file fails when this class loads (and in its test). */
    public static final List<Lesson> ALL = builtIns();

    public static final Lesson OVERFITTING = builtIn("overfitting");
    public static final Lesson L2_WEIGHT_DECAY = builtIn("l2-weight-decay");
    public static final Lesson L2_TOO_STRONG = builtIn("l2-too-strong");
    public static final Lesson CHOOSING_LAMBDA = builtIn("choosing-lambda");
    public static final Lesson L1_SPARSITY = builtIn("l1-sparsity");
    public static final Lesson L1_SUBGRADIENT = builtIn("l1-subgradient");
    public static final Lesson L1_UNDER_ADAM = builtIn("l1-clip-under-adam");
    public static final Lesson WHY_L1_ZEROS = builtIn("why-l1-zeros");
    public static final Lesson FEATURE_CROSSES = builtIn("feature-crosses");
    public static final Lesson DROPOUT = builtIn("dropout");
    public static final Lesson INPUT_DROPOUT = builtIn("input-dropout");
    public static final Lesson AUGMENTATION = builtIn("augmentation");
    public static final Lesson EARLY_STOPPING = builtIn("early-stopping");
    public static final Lesson INIT_TOO_SMALL = builtIn("init-too-small");
    public static final Lesson INIT_TOO_LARGE = builtIn("init-too-large");
    public static final Lesson INIT_ZEROS = builtIn("init-zeros");
    public static final Lesson INIT_CONSTANT = builtIn("init-constant");

    /** The built-in lessons with the operator's added (and, where allowed, put in place of a built-in of the same id). */
    private static volatile List<Lesson> menu = ALL;

    private Lessons() { }

    /** Every lesson this process offers: the built-in ones, then the operator's ({@link #install}). */
    public static List<Lesson> all() {
        return menu;
    }

    /** The lesson with this id, built-in or the operator's. */
    public static Optional<Lesson> find(String id) {
        return menu.stream().filter(lesson -> lesson.id().equals(id)).findFirst();
    }

    /** Whether this lesson is one of ours (its file is inside the jar), not the operator's. */
    public static boolean isBuiltIn(Lesson lesson) {
        return ALL.contains(lesson);
    }

    /**
     * Adds the operator's lessons to the menu, for the whole process (one server or command a process): those the shelf
     * accepted, an overriding one in its built-in's place. Installing an empty shelf restores the built-in menu.
     */
    public static void install(LessonShelf shelf) {
        Map<String, Lesson> byId = new LinkedHashMap<>();
        for (Lesson lesson : ALL) byId.put(lesson.id(), lesson);
        for (Lesson lesson : shelf.lessons()) byId.put(lesson.id(), lesson);
        menu = List.copyOf(byId.values());
    }

    private static List<Lesson> builtIns() {
        List<Lesson> lessons = new ArrayList<>();
        for (String line : resource("index.txt").split("\n")) {
            String id = line.strip();
            if (id.isEmpty()) continue;
            lessons.add(LessonFiles.read(id + ".json", resource(id + ".json")));
        }
        return List.copyOf(lessons);
    }

    private static Lesson builtIn(String id) {
        return ALL.stream().filter(lesson -> lesson.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no built-in lesson file " + RESOURCES + id + ".json"));
    }

    private static String resource(String name) {
        try (InputStream in = Lessons.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) throw new IllegalStateException("missing from the jar: " + RESOURCES + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCES + name, e);
        }
    }
}
