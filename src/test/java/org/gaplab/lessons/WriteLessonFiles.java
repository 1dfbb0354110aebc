package org.gaplab.lessons;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns lessons written as Java values into built-in lesson files: every {@code public static final Lesson} field of
 * the classes named writes {@code src/main/resources/org/gaplab/lessons/ID.json}, and their ids not yet in
 * {@code index.txt} are appended to it (menu order: the fields' order). Then delete the Java definitions; the files are
 * the lessons. Run from the project directory:
 *
 * <pre>mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.gaplab.lessons.WriteLessonFiles \
 *     org.gaplab.lessons.SomeLessons</pre>
 */
public final class WriteLessonFiles {
    private WriteLessonFiles() { }

    public static void main(String[] classNames) throws IOException, ReflectiveOperationException {
        Path dir = Path.of("src/main/resources/org/gaplab/lessons");
        List<String> index = new ArrayList<>(Files.readAllLines(dir.resolve("index.txt")).stream()
                .filter(line -> !line.isBlank()).toList());
        for (String className : classNames) {
            for (Field field : Class.forName(className).getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (field.getType() != Lesson.class || !Modifier.isStatic(modifiers) || !Modifier.isPublic(modifiers)) continue;
                Lesson lesson = (Lesson) field.get(null);
                String text = LessonFiles.write(lesson);
                if (!LessonFiles.read(lesson.id() + ".json", text).equals(lesson)) {
                    throw new IllegalStateException(lesson.id() + " does not survive the trip through its file");
                }
                Files.writeString(dir.resolve(lesson.id() + ".json"), text);
                if (!index.contains(lesson.id())) index.add(lesson.id());
                System.out.println("wrote " + dir.resolve(lesson.id() + ".json"));
            }
        }
        Files.writeString(dir.resolve("index.txt"), String.join("\n", index) + "\n");
    }
}
