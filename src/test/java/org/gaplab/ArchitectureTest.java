package org.gaplab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dependencies point one way: the engine knows nothing of the web, nor of our other packages; inside the server,
 * each room imports only the rooms below it. The project's one import-rule test.
 */
class ArchitectureTest {
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Path SOURCES = Path.of("src/main/java/org/gaplab");
    private static final String SERVER = "org.gaplab.server.";
    /** A name in the server: a package, then a class (capitalised); a static import's member is left off. */
    private static final Pattern SERVER_NAME = Pattern.compile("\\b(org\\.gaplab\\.server\\.(?:[a-z]\\w*\\.)*[A-Z]\\w*)");
    private static final Pattern PACKAGE_LINE = Pattern.compile("^package\\s+[\\w.]+;", Pattern.MULTILINE);
    /**
     * The server's rooms, lowest first: each may import the rooms before it in this list, never one after it, and
     * never the server's root, where {@code App} alone wires the rooms together.
     */
    private static final List<String> ROOMS = List.of("safety", "options", "wire", "live", "classes", "session", "web");

    @ParameterizedTest(name = "{0} imports only {1}")
    @CsvSource(delimiter = ';', value = {
        "engine;java. org.ejml. org.bytedeco. org.gaplab.engine.",
        "settings;java. org.gaplab.settings.",
        "data;java. org.gaplab.data. org.gaplab.settings.",
        "training;java. org.ejml. org.gaplab.engine. org.gaplab.data. org.gaplab.settings. org.gaplab.training.",
        "verdicts;java. org.gaplab.engine. org.gaplab.data. org.gaplab.settings. org.gaplab.training. org.gaplab.verdicts.",
        "geometry;java. org.gaplab.engine. org.gaplab.data. org.gaplab.settings. org.gaplab.training. org.gaplab.geometry.",
        "lessons;java. com.fasterxml. org.gaplab.engine. org.gaplab.data. org.gaplab.settings. org.gaplab.training. "
                + "org.gaplab.verdicts. org.gaplab.lessons.",
        "protocol;java. com.fasterxml. org.gaplab.engine. org.gaplab.data. org.gaplab.settings. org.gaplab.training. "
                + "org.gaplab.verdicts. org.gaplab.lessons. org.gaplab.protocol.",
        "view;java. j2html. org.gaplab.engine. org.gaplab.data. org.gaplab.settings. org.gaplab.training. "
                + "org.gaplab.verdicts. org.gaplab.geometry. org.gaplab.lessons. org.gaplab.protocol. org.gaplab.view.",
        "cli;java. org.ejml. org.gaplab.engine. org.gaplab.data. org.gaplab.settings. org.gaplab.training. "
                + "org.gaplab.verdicts. org.gaplab.geometry. org.gaplab.lessons. org.gaplab.protocol. org.gaplab.cli.",
    })
    void package_imports_only_what_it_may(String pkg, String allowedPrefixes) throws IOException {
        List<String> allowed = List.of(allowedPrefixes.split(" "));
        List<String> violations = new ArrayList<>();
        for (Path file : sources(SOURCES.resolve(pkg))) {
            for (String imported : imports(file)) {
                if (allowed.stream().noneMatch(imported::startsWith)) violations.add(file.getFileName() + " imports " + imported);
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    @Test
    void each_server_room_imports_only_itself_and_the_rooms_below_it_never_the_root() throws IOException {
        List<String> violations = new ArrayList<>();
        for (int level = 0; level < ROOMS.size(); level++) {
            String room = ROOMS.get(level);
            List<String> below = ROOMS.subList(0, level + 1).stream().map(r -> SERVER + r + ".").toList();
            for (Path file : sources(SOURCES.resolve("server").resolve(room))) {
                for (String used : serverNamesUsed(file)) {
                    if (below.stream().noneMatch(used::startsWith)) violations.add(room + "/" + file.getFileName() + " uses " + used);
                }
            }
        }
        assertTrue(violations.isEmpty(), "a room reaches up to a room above it or to the root:\n" + String.join("\n", violations));
    }

    /** The rule above reads imports and fully qualified names alike, so that neither form slips a cycle past it. */
    @Test
    void the_room_rule_sees_a_fully_qualified_name_as_well_as_an_import() {
        String source = "package org.gaplab.server.safety;\nimport org.gaplab.server.wire.Outbox;\n"
                + "class X { Object y = org.gaplab.server.App.class; }\n";
        assertEquals(List.of(SERVER + "wire.Outbox", SERVER + "App"), serverNamesIn(source));
    }

    /** A new room (or a file beside App) is a decision: it is placed in {@link #ROOMS} and in the map of the code. */
    @Test
    void the_server_holds_only_its_rooms_and_at_its_root_the_app() throws IOException {
        TreeSet<String> found = new TreeSet<>();
        try (Stream<Path> entries = Files.list(SOURCES.resolve("server"))) {
            entries.forEach(entry -> found.add(entry.getFileName().toString()));
        }
        TreeSet<String> expected = new TreeSet<>(ROOMS);
        expected.add("App.java");
        assertEquals(expected, found);
    }

    @Test
    void nothing_outside_the_server_imports_it_but_main() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources(SOURCES)) {
            if (file.startsWith(SOURCES.resolve("server")) || file.equals(SOURCES.resolve("Main.java"))) continue;
            for (String imported : imports(file)) {
                if (imported.startsWith(SERVER)) violations.add(file.getFileName() + " imports " + imported);
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    private static List<Path> sources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** Every server class a source names, by import or fully qualified, except its own package line. */
    private static List<String> serverNamesUsed(Path file) throws IOException {
        return serverNamesIn(Files.readString(file));
    }

    private static List<String> serverNamesIn(String source) {
        List<String> found = new ArrayList<>();
        Matcher m = SERVER_NAME.matcher(PACKAGE_LINE.matcher(source).replaceFirst(""));
        while (m.find()) found.add(m.group(1));
        return found;
    }

    private static List<String> imports(Path file) throws IOException {
        List<String> found = new ArrayList<>();
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) found.add(m.group(1));
        return found;
    }
}
