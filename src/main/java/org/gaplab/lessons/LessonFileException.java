package org.gaplab.lessons;

import org.gaplab.settings.InvalidSettingException;

/**
 * A lesson file that cannot be used: names the file, the field (dotted, with list indices: {@code claims[1].bound}),
 * the value found and what is allowed, so an author can fix it without reading our code.
 */
public final class LessonFileException extends IllegalArgumentException {
    private final String file;
    private final String field;
    private final String value;
    private final String allowed;

    public LessonFileException(String file, String field, Object value, String allowed) {
        this(file, field, allowed, shown(value));
    }

    private LessonFileException(String file, String field, String allowed, String value) {
        super(file + ": " + field + ": " + value + " is not allowed; allowed: " + allowed);
        this.file = file;
        this.field = field;
        this.value = value;
        this.allowed = allowed;
    }

    /** A config value the settings refused, under {@code prefix} ({@code config}, {@code b}, {@code sweep}). */
    static LessonFileException setting(String file, String prefix, InvalidSettingException e) {
        return new LessonFileException(file, prefix + "." + e.field(), e.allowed(), e.value());
    }

    public String file() { return file; }
    public String field() { return field; }
    public String value() { return value; }
    public String allowed() { return allowed; }

    /** The value as the author wrote it, cut short: a file may hold anything, a message stays one readable line. */
    private static String shown(Object value) {
        String text = value instanceof String s ? '"' + s + '"' : String.valueOf(value);
        text = text.replaceAll("\\p{Cntrl}", " ");
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }
}
