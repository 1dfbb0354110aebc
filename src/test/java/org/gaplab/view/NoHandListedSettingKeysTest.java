package org.gaplab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The browser code names no setting by hand: every list of config keys, their nesting and what is live reaches it
 * from Java (the controls' data attributes, {@code data-nested}). A quoted setting name, nested object name or dotted
 * key in a script fails this test unless it is one of the few below, each a word with another meaning or one use of
 * one setting's meaning, never a list to keep in step with the descriptors.
 */
class NoHandListedSettingKeysTest {
    /** Script -> the setting names it may quote, and why. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "address.js", Set.of("init"),                        // the weight-initialization detail tab's id
            "app.js", Set.of("dataset"),                         // a new dataset re-describes the automatic choices
            "controls.js", Set.of("dataset"),                    // the dataset control's options carry the families
            "landscape.js", Set.of("l1", "learningRate"),        // keys of the landscape's own query (geometry)
            "landscape-paths.js", Set.of("l1", "l2"),            // the landscape's penalty names, not config keys
            "objective.js", Set.of("momentum"),                  // the optimizer choice "momentum"
            "sparsity.js", Set.of("noise"),                      // a kind of input feature (noise features)
            "sweep-table.js", Set.of("epochs"),                  // a column title
            "sweep-view.js", Set.of("l1", "l2"));                // the sentence for a λ sweep
    private static final Map<String, Set<String>> ALLOWED_PREFIXES = Map.of("state.js", Set.of("augmentation."));

    private static final Pattern LITERAL = Pattern.compile("'([^'\\n]*)'|\"([^\"\\n]*)\"|`([^`$\\n]*)`");

    @Test
    void no_script_quotes_a_setting_name_the_page_did_not_get_from_java() throws IOException {
        Set<String> names = new TreeSet<>();
        Set<String> objects = new TreeSet<>(ConfigSchema.nestedObjects().keySet());
        for (Setting setting : ConfigSchema.all()) names.add(setting.name());
        Map<String, Set<String>> found = new TreeMap<>();
        try (Stream<Path> scripts = Files.list(Path.of("web/js"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".js")).sorted().toList()) {
                String code = withoutComments(Files.readString(script));
                Matcher literal = LITERAL.matcher(code);
                while (literal.find()) {
                    String text = literal.group(1) != null ? literal.group(1) : literal.group(2) != null ? literal.group(2) : literal.group(3);
                    boolean prefix = objects.stream().anyMatch(o -> text.startsWith(o + ".")) && !names.contains(text);
                    if (names.contains(text) || objects.contains(text) || prefix) {
                        String file = script.getFileName().toString();
                        boolean allowed = prefix ? ALLOWED_PREFIXES.getOrDefault(file, Set.of()).contains(text)
                                : ALLOWED.getOrDefault(file, Set.of()).contains(text);
                        if (!allowed) found.computeIfAbsent(file, f -> new TreeSet<>()).add(text);
                    }
                }
            }
        }
        assertEquals(Map.of(), found, "setting names written by hand in the browser code: render them from Java");
    }

    @Test
    void the_page_carries_the_configs_nesting_from_java() {
        String page = Pages.playground(false);
        assertTrue(page.contains("data-nested=\"" + org.gaplab.protocol.Json.write(ConfigSchema.nestedObjects()).replace("\"", "&quot;") + "\""),
                "the settings carry " + ConfigSchema.nestedObjects());
    }

    /** The code without its comments, so prose may name settings. */
    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)(^|[^:'\"\\\\])//.*$", "$1");
    }
}
