package org.gaplab.server.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** A browser's text cannot forge a log line or drive the terminal that shows the log. */
class LogTextTest {
    @Test
    void control_characters_are_escaped_so_a_value_stays_on_its_line() {
        String escaped = LogText.escape("fly\r\nsession=s1 event=forged \u001b[31m");
        assertFalse(escaped.chars().anyMatch(c -> c < 0x20), escaped);
        assertEquals("fly\\u000d\\u000asession=s1 event=forged \\u001b[31m", escaped);
        assertEquals(80, LogText.escape("x".repeat(500)).length(), "long values are cut");
    }
}
