package org.gaplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The data package knows nothing of the web: it imports only the JDK, EJML and its own project packages. */
class DataImportsTest {
    private static final List<String> ALLOWED = List.of("java.", "org.ejml.", "org.gaplab.data.", "org.gaplab.settings.");

    @Test
    void data_sources_import_only_the_jdk_ejml_and_gaplab_data_and_settings() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/gaplab/data"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(source)) {
                    String trimmed = line.strip();
                    if (!trimmed.startsWith("import ")) continue;
                    String imported = trimmed.replaceFirst("^import\\s+(static\\s+)?", "");
                    if (ALLOWED.stream().noneMatch(imported::startsWith)) offending.add(source.getFileName() + ": " + trimmed);
                }
            }
        }
        assertEquals(List.of(), offending);
    }
}
