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
    /**
     * The server's rooms, lowest first: each may import the rooms before it in this list, never one after it. Of the
     * root package it may import only the server's settings (a value every room reads); {@code App} wires the rooms.
     */
    private static final List<String> ROOMS = List.of("safety", "wire", "live", "classes", "session", "web");
    private static final List<String> ROOT_SETTINGS = List.of(SERVER + "ServerSettings", SERVER + "Safeguards");

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
    void each_server_room_imports_only_the_rooms_below_it_and_the_server_settings() throws IOException {
        List<String> violations = new ArrayList<>();
        for (int level = 0; level < ROOMS.size(); level++) {
            String room = ROOMS.get(level);
            List<String> below = ROOMS.subList(0, level + 1).stream().map(r -> SERVER + r + ".").toList();
            for (Path file : sources(SOURCES.resolve("server").resolve(room))) {
                for (String imported : imports(file)) {
                    if (!imported.startsWith(SERVER)) continue;
                    boolean allowed = below.stream().anyMatch(imported::startsWith) || ROOT_SETTINGS.contains(imported);
                    if (!allowed) violations.add(room + "/" + file.getFileName() + " imports " + imported);
                }
            }
        }
        assertTrue(violations.isEmpty(), "a room imports a room above it or the app:\n" + String.join("\n", violations));
    }

    /** A new room (or a file beside App) is a decision: it is placed in {@link #ROOMS} and in the map of the code. */
    @Test
    void the_server_holds_only_its_rooms_and_at_its_root_the_app_and_its_settings() throws IOException {
        TreeSet<String> found = new TreeSet<>();
        try (Stream<Path> entries = Files.list(SOURCES.resolve("server"))) {
            entries.forEach(entry -> found.add(entry.getFileName().toString()));
        }
        TreeSet<String> expected = new TreeSet<>(ROOMS);
        expected.addAll(List.of("App.java", "ServerSettings.java", "Safeguards.java"));
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

    private static List<String> imports(Path file) throws IOException {
        List<String> found = new ArrayList<>();
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) found.add(m.group(1));
        return found;
    }
}
