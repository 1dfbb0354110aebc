package org.gaplab.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads one field of a lesson file at a time, refusing a bad one with the file, the field, the value and what is allowed. */
final class Fields {
    static final String ID = "[a-z0-9]+(-[a-z0-9]+)*";

    final String file;

    Fields(String file) {
        this.file = file;
    }

    LessonFileException bad(String field, Object value, String allowed) {
        return new LessonFileException(file, field, value, allowed);
    }

    /** Refuses a key the format does not have (a typo would otherwise be ignored silently). */
    void onlyKnown(String prefix, Map<String, Object> map, List<String> keys) {
        for (String key : map.keySet()) {
            if (!keys.contains(key)) throw bad(prefix + key, "an unknown key", "one of " + keys);
        }
    }

    /** A key that belongs to one kind of lesson: required there, refused elsewhere. */
    void only(Map<String, Object> map, String key, boolean belongs, String allowed) {
        if (map.containsKey(key) != belongs) throw bad(key, map.containsKey(key) ? map.get(key) : "missing", allowed);
    }

    String text(Map<String, Object> map, String key, String pattern, String allowed, int maxLength) {
        return text(key, map.get(key), pattern, allowed, maxLength);
    }

    String text(String field, Object value, String pattern, String allowed, int maxLength) {
        if (!(value instanceof String s) || s.isBlank() || s.length() > maxLength || s.contains("\n")
                || (pattern != null && !s.matches(pattern))) {
            throw bad(field, value, allowed + " (one line of at most " + maxLength + " characters)");
        }
        return s.strip();
    }

    String optionalText(Map<String, Object> map, String key, String pattern, String allowed, String fallback) {
        return map.containsKey(key) ? text(map, key, pattern, allowed, 40) : fallback;
    }

    String choice(Map<String, Object> map, String key, List<String> choices) {
        return choice(map, key, key, choices);
    }

    String choice(Map<String, Object> map, String field, String key, List<String> choices) {
        Object value = map.get(key);
        if (!(value instanceof String s) || !choices.contains(s)) throw bad(field, value, "one of " + choices);
        return s;
    }

    String optionalChoice(Map<String, Object> map, String key, List<String> choices, String fallback) {
        return map.containsKey(key) ? choice(map, key, choices) : fallback;
    }

    double number(Map<String, Object> map, String field, String key) {
        Object value = map.get(key);
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) throw bad(field, value, "a finite number");
        return n.doubleValue();
    }

    List<Double> numbers(Map<String, Object> map, String field, int min, int max) {
        Object value = map.get(field.substring(field.lastIndexOf('.') + 1));
        String allowed = "a list of " + min + " to " + max + " finite numbers";
        if (!(value instanceof List<?> list) || list.size() < min || list.size() > max) throw bad(field, value, allowed);
        List<Double> numbers = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Number n) || !Double.isFinite(n.doubleValue())) throw bad(field, value, allowed);
            numbers.add(n.doubleValue());
        }
        return numbers;
    }

    /** A list of one-line texts, {@code min} to {@code max} of them. */
    List<String> texts(Map<String, Object> map, String key, int min, int max, String pattern, String allowed) {
        Object value = map.get(key);
        if (!(value instanceof List<?> list) || list.size() < min || list.size() > max) {
            throw bad(key, value instanceof List<?> l ? l.size() + " items" : value, allowed);
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) texts.add(text(key + "[" + i + "]", list.get(i), pattern, allowed, LessonFiles.MAX_TEXT));
        return texts;
    }

    /** An optional list of names, each passing {@code known}. */
    List<String> names(Map<String, Object> map, String key, String allowed, Predicate<String> known) {
        if (!map.containsKey(key)) return List.of();
        Object value = map.get(key);
        if (!(value instanceof List<?> list) || list.size() > LessonFiles.MAX_NAMES) {
            throw bad(key, value, "a list of at most " + LessonFiles.MAX_NAMES + " names, each " + allowed);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (!(item instanceof String name) || !known.test(name) || names.contains(name)) {
                throw bad(key + "[" + i + "]", item, allowed + ", each once");
            }
            names.add(name);
        }
        return names;
    }

    static Map<String, Object> stringKeys(Map<?, ?> raw) {
        Map<String, Object> map = new LinkedHashMap<>();
        raw.forEach((key, value) -> map.put(String.valueOf(key), value));
        return map;
    }
}
