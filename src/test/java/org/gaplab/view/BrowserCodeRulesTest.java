package org.gaplab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The house rules of web/, checked on the source: data enters the DOM only as text, and nothing is fetched from afar. */
class BrowserCodeRulesTest {
    private static final Path WEB = Path.of("web");

    @Test
    void no_markup_strings_reach_the_dom() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : files("js")) {
            String code = Files.readString(file);
            for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                    "new Function(")) {
                if (code.contains(sink)) offences.add(file + ": " + sink);
            }
        }
        assertEquals(List.of(), offences);
    }

    @Test
    void no_script_style_or_font_comes_from_another_host() throws IOException {
        Pattern remote = Pattern.compile("(?:https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[^\\s'\"`)]*");
        List<String> offences = new ArrayList<>();
        for (Path file : files("")) {
            Matcher m = remote.matcher(Files.readString(file));
            while (m.find()) {
                // The SVG namespace is a name, never fetched.
                if (!m.group().equals("http://www.w3.org/2000/svg")) offences.add(file + ": " + m.group());
            }
        }
        assertEquals(List.of(), offences);
    }

    @Test
    void modules_import_only_relative_siblings() throws IOException {
        Pattern imports = Pattern.compile("^import .* from '([^']+)';", Pattern.MULTILINE);
        for (Path file : files("js")) {
            Matcher m = imports.matcher(Files.readString(file));
            while (m.find()) assertTrue(m.group(1).startsWith("./"), file + " imports " + m.group(1));
        }
    }

    private static List<Path> files(String under) throws IOException {
        try (Stream<Path> walk = Files.walk(WEB.resolve(under))) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".css"))
                    .toList();
        }
    }
}
