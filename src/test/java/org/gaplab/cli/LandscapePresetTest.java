package org.gaplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gaplab.protocol.Json;
import org.junit.jupiter.api.Test;

/** {@code train --preset why-l1-zeros}: the landscape's numbers on stdout, its sentences above them on stderr. */
class LandscapePresetTest {
    @Test
    @SuppressWarnings("unchecked")
    void the_landscape_lesson_prints_its_numbers_and_the_sentences_that_name_them() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Train.run(List.of("--preset", "why-l1-zeros", "--seed", "4"), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), "one landscape line, no epochs: nothing trains");
        Map<String, Object> line = Json.readObject(lines.get(0), "line");
        assertEquals("landscape", line.get("type"));
        assertEquals(4, ((Number) line.get("seed")).intValue());
        List<Number> zeroFrom = (List<Number>) line.get("zeroFrom");
        int marked = ((Number) line.get("marked")).intValue();
        Map<String, Object> minimum = (Map<String, Object>) line.get("minimum");
        double l1 = ((Number) line.get("l1")).doubleValue();
        double markedWeight = ((Number) minimum.get(marked == 0 ? "w1" : "w2")).doubleValue();
        assertEquals(l1 >= zeroFrom.get(marked).doubleValue(), markedWeight == 0.0,
                "the marked weight is exactly 0 exactly when λ₁ is past its threshold: " + line);
        String text = err.toString(StandardCharsets.UTF_8);
        Map<String, Object> sentences = (Map<String, Object>) line.get("sentences");
        for (Object sentence : sentences.values()) assertTrue(text.contains((String) sentence), text);
        assertTrue(text.contains("L1 zeroes w₁ from λ₁") && text.contains("L1 zeroes w₂ from λ₁"), text);
    }

    @Test
    void a_landscape_lesson_has_no_model_to_export() {
        UsageException refused = assertThrows(UsageException.class, () -> Train.run(
                List.of("--preset", "why-l1-zeros", "--export", "target/never.json"), new ByteArrayInputStream(new byte[0]),
                System.out, System.err));
        assertTrue(refused.getMessage().contains("why-l1-zeros"), refused.getMessage());
    }
}
