package org.gaplab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.junit.jupiter.api.Test;

/**
 * The Java code lists no setting names by hand: outside the {@code settings} package and the files that declare
 * descriptors ({@code new Setting.…(name, …)}), a {@code case} on a setting's name, or two setting names quoted in one
 * statement (a list, a map, a choice between them), fails this test; name the descriptor ({@code L2.name()}) or ask
 * the descriptors ({@link ConfigSchema}). One quoted name alone (a message's field, a JSON key the protocol writes)
 * is not a list and passes. The exceptions below are words that are not config keys, each with its reason.
 */
class NoHandListedSettingNamesTest {
    private static final Path SOURCES = Path.of("src/main/java/org/gaplab");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern STATEMENT = Pattern.compile("[^;{}]+");

    /** File -> the setting names it may list, and why. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            // The landscape's penalty ids ("l1", "l2", "elastic-net", "none"), a choice of picture, not config keys.
            "geometry/LandscapeSentences.java", Set.of("l1", "l2"),
            "geometry/LandscapeView.java", Set.of("l1", "l2"),
            "view/LandscapePanel.java", Set.of("l1", "l2"),
            // Still hand-written: a longer note under a few settings' rows (a case per setting that has one). Moving
            // them into About would change the descriptors of other engineers' settings; no list to keep in step.
            "view/Labels.java", Set.of("augmentation.flip", "augmentation.rotation", "dropout", "init", "l1Mode", "seeds"));

    @Test
    void no_class_outside_the_descriptors_lists_setting_names_as_string_literals() throws IOException {
        Set<String> names = new TreeSet<>(ConfigSchema.nestedObjects().keySet());
        for (Setting setting : ConfigSchema.all()) names.add(setting.name());
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String code = withoutComments(Files.readString(file));
                if (file.startsWith(SOURCES.resolve("settings")) || code.contains("new Setting.")) continue;
                String name = SOURCES.relativize(file).toString();
                Matcher statement = STATEMENT.matcher(code);
                while (statement.find()) {
                    Set<String> quoted = new TreeSet<>();
                    Matcher literal = LITERAL.matcher(statement.group());
                    while (literal.find()) if (names.contains(literal.group(1))) quoted.add(literal.group(1));
                    boolean aCase = statement.group().matches("(?s).*\\bcase\\s+\"[^\"]*\".*") && !quoted.isEmpty();
                    if (quoted.size() >= 2 || aCase) {
                        quoted.removeAll(ALLOWED.getOrDefault(name, Set.of()));
                        if (!quoted.isEmpty()) found.computeIfAbsent(name, f -> new TreeSet<>()).addAll(quoted);
                    }
                }
            }
        }
        assertEquals(Map.of(), found, "setting names listed by hand: name the descriptors instead");
    }

    /** The code without its comments, so prose may name settings. */
    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)(^|[^:\"\\\\])//.*$", "$1");
    }
}
