package org.gaplab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gaplab.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

/** The table of error codes in docs/PROTOCOL.md names exactly the codes the server sends ({@link ErrorCode}). */
class ErrorCodesDocTest {
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z-]+)` \\|", Pattern.MULTILINE);

    @Test
    void the_protocol_documents_every_error_code_and_no_other() throws IOException {
        String protocol = Files.readString(Path.of("docs/PROTOCOL.md"));
        int start = protocol.indexOf("### `error`");
        assertTrue(start >= 0, "PROTOCOL.md has an error section");
        int end = protocol.indexOf("\n#", start + 1);
        Matcher rows = TABLE_ROW.matcher(protocol.substring(start, end < 0 ? protocol.length() : end));
        Set<String> documented = new TreeSet<>();
        while (rows.find()) documented.add(rows.group(1));
        Set<String> sent = Arrays.stream(ErrorCode.values()).map(ErrorCode::wire).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(sent, documented);
    }

    @Test
    void a_code_goes_over_the_wire_in_lower_case_with_dashes() {
        assertEquals("needs-reset", ErrorCode.NEEDS_RESET.wire());
        assertEquals("seats-per-client", ErrorCode.SEATS_PER_CLIENT.wire());
    }
}
