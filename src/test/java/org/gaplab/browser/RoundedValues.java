package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that a shown number is rounded to what matters (3 significant figures) with its exact value in the tooltip. */
final class RoundedValues {
    /** The first number in a cell's text: "0.504 (79)" → 0.504, "+0.139" → 0.139, "−0.0123" → -0.0123. */
    private static final Pattern NUMBER = Pattern.compile("[+−-]?\\d+(\\.\\d+)?");

    private RoundedValues() {
    }

    /** The element with this data-testid shows its number to 3 significant figures; its title holds the exact value. */
    static void assertThreeFigures(PageDriver page, String testId) {
        @SuppressWarnings("unchecked")
        List<String> read = (List<String>) page.js().executeScript(
                "const e = document.querySelector(`[data-testid='${arguments[0]}']`); return [e.textContent, e.title, e.parentElement.outerHTML];", testId);
        String text = read.get(0).trim();
        Matcher number = NUMBER.matcher(text);
        assertTrue(number.find(), testId + " shows a number: " + text + " in " + read.get(2));
        BigDecimal shown = new BigDecimal(number.group().replace('−', '-').replace("+", ""));
        assertEquals(3, shown.precision(), testId + " to 3 significant figures: " + text);
        assertTrue(!read.get(1).isEmpty(), testId + "'s exact value in its tooltip: " + text);
        BigDecimal exact = new BigDecimal(read.get(1));
        assertTrue(exact.precision() > 3, testId + "'s tooltip holds more than is shown: " + read.get(1));
        assertEquals(0, exact.round(new MathContext(3, RoundingMode.HALF_UP)).compareTo(shown),
                testId + " is its tooltip's value rounded: " + text + " vs " + read.get(1));
    }
}
