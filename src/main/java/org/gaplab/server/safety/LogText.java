package org.gaplab.server.safety;

/**
 * Text from a browser made safe for one log line: control characters (a forged "\r\n" line, an escape sequence for
 * the terminal) are written as {@code \\uXXXX}, and long values are cut.
 */
public final class LogText {
    private static final int LONGEST = 80;

    private LogText() { }

    /**
     * A value for a {@code key=value} log field: escaped, and in quotes with its own quotes and backslashes escaped,
     * so a value such as {@code x event=create} cannot pass for another field of the line.
     */
    public static String quote(String text) {
        if (text == null) return "null";
        return '"' + escape(text.replace("\\", "\\\\").replace("\"", "\\\"")) + '"';
    }

    static String escape(String text) {
        if (text == null) return "null";
        String cut = text.length() <= LONGEST ? text : text.substring(0, LONGEST - 3) + "...";
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
