package org.gaplab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dependencies point one way: the engine knows nothing of the web, nor of our other packages. */
class ArchitectureTest {
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @ParameterizedTest(name = "{0} imports only {1}")
    @CsvSource(delimiter = ';', value = {
        "engine;java. org.ejml. org.bytedeco. org.gaplab.engine.",
        "settings;java. org.gaplab.settings.",
        "data;java. org.gaplab.data. org.gaplab.settings.",
        "training;java. org.ejml. org.gaplab.engine. org.gaplab.data. org.gaplab.settings. org.gaplab.training.",
        "verdicts;java. org.gaplab.engine. org.gaplab.data. org.gaplab.settings. org.gaplab.training. org.gaplab.verdicts.",
        "geometry;java. org.gaplab.engine. org.gaplab.data. org.gaplab.settings. org.gaplab.training. org.gaplab.geometry.",
    })
    void package_imports_only_what_it_may(String pkg, String allowedPrefixes) throws IOException {
        List<String> allowed = List.of(allowedPrefixes.split(" "));
        List<String> violations = new ArrayList<>();
        Path root = Path.of("src/main/java/org/gaplab", pkg);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String imported = m.group(1);
                    if (allowed.stream().noneMatch(imported::startsWith)) violations.add(file.getFileName() + " imports " + imported);
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }
}
