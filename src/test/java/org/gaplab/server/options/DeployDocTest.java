package org.gaplab.server.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/DEPLOY.md stays true to the options the server reads. */
class DeployDocTest {
    @Test
    void the_options_table_lists_every_option_with_its_variable_and_default() throws Exception {
        String doc = Files.readString(Path.of("docs/DEPLOY.md"));
        for (ServerOption<?> option : ServerSettings.OPTIONS) {
            String row = "| `" + option.flag() + "` | `" + option.environment() + "` | ";
            assertTrue(doc.contains(row), "DEPLOY.md has no row starting " + row);
            String rest = doc.substring(doc.indexOf(row) + row.length());
            String defaultCell = rest.substring(0, rest.indexOf(" |"));
            // The number of workers depends on the machine; the table says so instead of this machine's count.
            String expected = option.name().equals("workers") ? "cores" : "`" + option.defaultValue() + "`";
            assertTrue(defaultCell.equals(expected), option.flag() + ": DEPLOY.md says " + defaultCell + ", the server " + expected);
        }
    }

    @Test
    void the_options_table_has_a_row_for_each_option_and_no_other_in_the_servers_order() throws Exception {
        List<String> rows = Files.readString(Path.of("docs/DEPLOY.md")).lines().filter(l -> l.startsWith("| `--"))
                .map(l -> l.substring("| `".length(), l.indexOf('`', "| `".length()))).toList();
        assertEquals(ServerSettings.OPTIONS.stream().map(ServerOption::flag).toList(), rows);
    }
}
