package org.gaplab.settings;

import java.util.List;

/** Small checks on plain JSON values shared by the settings' readers. */
final class JsonValues {
    private JsonValues() { }

    static boolean isWhole(Number n) {
        double d = n.doubleValue();
        return Double.isFinite(d) && d == Math.rint(d);
    }

    /** A value as an error message shows it: text in quotes. */
    static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    static List<?> list(String name, Object value, String allowed) {
        if (value instanceof List<?> items) return items;
        throw new InvalidSettingException(name, describe(value), allowed);
    }
}
