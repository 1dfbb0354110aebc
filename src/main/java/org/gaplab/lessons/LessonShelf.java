package org.gaplab.lessons;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An operator's lessons ({@code --lessons-dir DIR}): every {@code *.json} file in DIR, read with {@link LessonFiles}. A
 * bad file is refused with a message naming the file, the field, the value and what is allowed, and the others are
 * kept: the server starts with them. A file may take the place of a built-in lesson of the same id only when the
 * operator allows it ({@code --lessons-override}), so a typo cannot silently replace one of ours.
 *
 * @param lessons  the files accepted, in file-name order
 * @param problems one line per file refused
 */
public record LessonShelf(List<Lesson> lessons, List<String> problems) {
    /** Most files read from a directory: each is read at start-up and listed on every page. */
    public static final int MAX_FILES = 200;
    /** No operator's lessons. */
    public static final LessonShelf EMPTY = new LessonShelf(List.of(), List.of());

    public LessonShelf {
        lessons = List.copyOf(lessons);
        problems = List.copyOf(problems);
    }

    /** The lessons in {@code dir}; {@code override}: a file may replace the built-in lesson of its id. */
    public static LessonShelf load(Path dir, boolean override) {
        if (!Files.isDirectory(dir)) {
            return new LessonShelf(List.of(), List.of(dir + ": not a directory; --lessons-dir takes a directory of lesson files (*.json)"));
        }
        Set<Path> files = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : listing) {
                if (files.size() == MAX_FILES) {
                    problems.add(dir + ": more than " + MAX_FILES + " lesson files; only the first " + MAX_FILES + " by name are read");
                    break;
                }
                files.add(file);
            }
        } catch (IOException e) {
            return new LessonShelf(List.of(), List.of(dir + ": cannot be listed (" + e.getMessage() + ")"));
        }
        List<Lesson> lessons = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                Lesson lesson = LessonFiles.read(name, text(file, name));
                String builtIn = Lessons.ALL.stream().anyMatch(l -> l.id().equals(lesson.id())) ? lesson.id() : null;
                if (builtIn != null && !override) {
                    throw new LessonFileException(name, "id", lesson.id(), "an id no built-in lesson has (start the server with "
                            + "--lessons-override to replace the built-in " + builtIn + ")");
                }
                if (!ids.add(lesson.id())) {
                    throw new LessonFileException(name, "id", lesson.id(), "an id no other file in " + dir + " has");
                }
                lessons.add(lesson);
            } catch (LessonFileException e) {
                problems.add(e.getMessage());
            }
        }
        return new LessonShelf(lessons, problems);
    }

    /** A file's text: UTF-8, at most {@link LessonFiles#MAX_BYTES}. */
    static String text(Path file, String name) {
        try {
            long size = Files.size(file);
            if (size > LessonFiles.MAX_BYTES) {
                throw new LessonFileException(name, "(file)", size + " bytes", "at most " + LessonFiles.MAX_BYTES + " bytes");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new LessonFileException(name, "(file)", "text that is not UTF-8", "a UTF-8 text file");
        } catch (IOException e) {
            throw new LessonFileException(name, "(file)", "unreadable (" + e.getMessage() + ")", "a readable file");
        }
    }

    /** One lesson file, as {@code lesson check FILE} reads it: any path, its errors thrown. */
    public static Lesson readFile(Path file) {
        return LessonFiles.read(file.getFileName().toString(), text(file, file.getFileName().toString()));
    }
}
