package org.gaplab.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.junit.jupiter.api.Test;

/** docs/CONFIG.md stays true: its table is exactly what the schema that validates configs says. */
class ConfigDocTest {

    /** The settings table as docs/CONFIG.md must contain it. */
    static String table() {
        StringBuilder out = new StringBuilder("| key | kind | allowed | default | live | meaning |\n|---|---|---|---|---|---|\n");
        for (ConfigSchema.Group group : ConfigSchema.GROUPS) {
            out.append("| **").append(group.title()).append("** | | | | | |\n");
            for (Setting s : group.settings()) {
                out.append("| `").append(s.name()).append("` | ").append(kind(s)).append(" | ").append(allowed(s))
                        .append(" | `").append(s.defaultValue()).append("` | ").append(s.live() ? "yes" : "reset")
                        .append(" | ").append(s.description()).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String kind(Setting s) {
        if (s instanceof Setting.Integer) return "integer";
        if (s instanceof Setting.Number n) return n.logScale() ? "number (log slider)" : "number";
        if (s instanceof Setting.Choice) return "choice";
        if (s instanceof Setting.Flag) return "boolean";
        if (s instanceof Setting.IntegerList) return "list of integers";
        if (s instanceof Setting.NumberList) return "number or list";
        return "list of choices";
    }

    private static String allowed(Setting s) {
        if (s instanceof Setting.Integer i) return "[" + i.min() + ", " + i.max() + "]";
        if (s instanceof Setting.Number n) return "[" + n.min() + ", " + n.max() + "]";
        if (s instanceof Setting.Choice c) return String.join(", ", c.choices());
        if (s instanceof Setting.Flag) return "true, false";
        if (s instanceof Setting.IntegerList l) return l.minLength() + "–" + l.maxLength() + " values in [" + l.min() + ", " + l.max() + "]";
        if (s instanceof Setting.NumberList l) return l.minLength() + "–" + l.maxLength() + " values in [" + l.min() + ", " + l.max() + "]";
        Setting.ChoiceList l = (Setting.ChoiceList) s;
        return l.minLength() + "–" + l.maxLength() + " of " + String.join(", ", l.choices());
    }

    @Test
    void config_doc_lists_every_setting_with_its_range_default_and_liveness() throws IOException {
        String doc = Files.readString(Path.of("docs/CONFIG.md"));
        String expected = table();
        assertTrue(doc.contains(expected), "docs/CONFIG.md is out of date; its table must read:\n" + expected);
    }
}
