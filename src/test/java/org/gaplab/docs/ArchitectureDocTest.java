package org.gaplab.docs;

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

/**
 * {@code docs/ARCHITECTURE.md} stays a true map: every path it names exists, and its two tables name every package
 * and every server room there is (a new one cannot be added without being placed on the map).
 */
class ArchitectureDocTest {
    private static final Path DOC = Path.of("docs/ARCHITECTURE.md");
    private static final Path SOURCES = Path.of("src/main/java/org/gaplab");
    /** A path in backticks: it has a slash, or ends like a file this repository holds. */
    private static final Pattern QUOTED_PATH = Pattern.compile("`([\\w./-]+(?:/[\\w./-]*|\\.(?:java|js|json|md|txt|css)))`");
    private static final Pattern TABLE_PATH = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);

    @Test
    void every_path_it_names_exists() throws IOException {
        List<String> missing = new ArrayList<>();
        int named = 0;
        Matcher m = QUOTED_PATH.matcher(Files.readString(DOC));
        while (m.find()) {
            named++;
            if (!Files.exists(Path.of(m.group(1)))) missing.add(m.group(1));
        }
        assertTrue(named > 30, "the map names " + named + " paths");
        assertEquals(List.of(), missing, "paths in docs/ARCHITECTURE.md that do not exist");
    }

    @Test
    void its_tables_name_every_package_and_every_server_room() throws IOException {
        TreeSet<String> tabled = new TreeSet<>();
        Matcher m = TABLE_PATH.matcher(Files.readString(DOC));
        while (m.find()) tabled.add(m.group(1));
        TreeSet<String> folders = new TreeSet<>();
        for (Path parent : List.of(SOURCES, SOURCES.resolve("server"))) {
            try (Stream<Path> listed = Files.list(parent)) {
                listed.filter(Files::isDirectory).forEach(p -> folders.add(p.toString().replace('\\', '/')));
            }
        }
        assertEquals(folders, tabled, "the packages and rooms docs/ARCHITECTURE.md tabulates");
    }
}
