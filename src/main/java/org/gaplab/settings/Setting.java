package org.gaplab.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * One user-facing setting: its name (the config key), its kind, its allowed values, its default and what else the
 * project knows of it ({@link About}: label, help, when it applies, sweep and comparison). The config validates and
 * converts with these, and the page, the protocol's schema and the docs are rendered from the same objects, so adding a
 * setting means adding one descriptor (and the code that uses its value).
 */
public sealed interface Setting permits Setting.Integer, Setting.Number, Setting.Choice, Setting.Flag, Setting.IntegerList,
        Setting.NumberList, Setting.ChoiceList {

    /** The config key, camelCase; nested keys are dotted ("earlyStopping.patience"). */
    String name();

    /** Label, help, when it applies, sweep and comparison. */
    About about();

    /** The default value as a plain Java value (Integer, Double, String, Boolean, List). */
    Object defaultValue();

    /**
     * A JSON value (Number, String, Boolean, List) read as this setting's value and checked: an Integer, Double,
     * String, Boolean or an unmodifiable List of them. Throws naming the setting, the value and the allowed range.
     */
    Object read(Object json);

    /** One line for a tooltip or the docs. */
    default String description() { return about().description(); }

    /** What the page calls it. */
    default String label() { return about().label(); }

    /** Whether a running session can take a new value without a reset. */
    default boolean live() { return about().applies() == Applies.LIVE; }

    /**
     * A number as a person writes it, in messages and on the page: 0, 1, 0.03, 0.0001, and 1e-6 below 10⁻⁴ (never
     * Java's "1.0E-6" or "1.0").
     */
    static String plain(double value) {
        if (!Double.isFinite(value)) return String.valueOf(value);
        if (value == 0) return "0";
        java.math.BigDecimal exact = java.math.BigDecimal.valueOf(value).stripTrailingZeros();
        double size = Math.abs(value);
        if (size >= 1e-4 && size < 1e15) return exact.toPlainString();
        int exponent = exact.precision() - exact.scale() - 1;                 // value = m · 10^exponent, 1 ≤ |m| < 10
        String mantissa = exact.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        return mantissa + "e" + exponent;
    }

    /** A list of numbers as {@link #plain} writes them. */
    static String plain(double[] values) {
        return java.util.Arrays.stream(values).mapToObj(Setting::plain).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    /** Whole numbers in [min, max]. */
    record Integer(String name, int min, int max, int defaultInt, About about) implements Setting {
        public int check(int value) {
            if (value < min || value > max) throw new InvalidSettingException(name, value, allowed());
            return value;
        }

        private String allowed() { return "an integer in [" + min + ", " + max + "]"; }

        @Override public Object defaultValue() { return defaultInt; }

        @Override public Object read(Object json) {
            if (json instanceof java.lang.Number n && JsonValues.isWhole(n) && n.doubleValue() >= java.lang.Integer.MIN_VALUE
                    && n.doubleValue() <= java.lang.Integer.MAX_VALUE) {
                return check(n.intValue());
            }
            throw new InvalidSettingException(name, JsonValues.describe(json), allowed());
        }
    }

    /** Finite reals in [min, max]; {@code scale} tells the page which slider to use. */
    record Number(String name, double min, double max, double defaultNumber, Scale scale, About about) implements Setting {
        public double check(double value) {
            if (!Double.isFinite(value) || value < min || value > max) {
                throw new InvalidSettingException(name, value, "a number in [" + plain(min) + ", " + plain(max) + "]");
            }
            return value;
        }

        /** Whether the page shows a log slider. */
        public boolean logScale() { return scale == Scale.LOG; }

        @Override public Object defaultValue() { return defaultNumber; }

        @Override public Object read(Object json) {
            if (json instanceof java.lang.Number n) return check(n.doubleValue());
            throw new InvalidSettingException(name, JsonValues.describe(json), "a number in [" + min + ", " + max + "]");
        }
    }

    /** One of a fixed list of words (enum constants are shown in their config spelling). */
    record Choice(String name, List<String> choices, String defaultChoice, About about) implements Setting {
        public Choice {
            choices = List.copyOf(choices);
        }

        public String check(String value) {
            if (value == null || !choices.contains(value)) throw new InvalidSettingException(name, value, "one of " + choices);
            return value;
        }

        @Override public Object defaultValue() { return defaultChoice; }

        @Override public Object read(Object json) {
            if (json instanceof String s) return check(s);
            throw new InvalidSettingException(name, JsonValues.describe(json), "one of " + choices);
        }
    }

    /** On or off. */
    record Flag(String name, boolean defaultFlag, About about) implements Setting {
        @Override public Object defaultValue() { return defaultFlag; }

        @Override public Object read(Object json) {
            if (json instanceof Boolean b) return b;
            throw new InvalidSettingException(name, JsonValues.describe(json), "true or false");
        }
    }

    /** A list of whole numbers, each in [min, max], with [minLength, maxLength] entries. */
    record IntegerList(String name, int minLength, int maxLength, int min, int max, List<java.lang.Integer> defaultList,
                       About about) implements Setting {
        public IntegerList {
            defaultList = List.copyOf(defaultList);
        }

        public int[] check(int[] values) {
            if (values == null || values.length < minLength || values.length > maxLength) {
                throw new InvalidSettingException(name, values == null ? null : java.util.Arrays.toString(values), allowed());
            }
            for (int value : values) {
                if (value < min || value > max) throw new InvalidSettingException(name, java.util.Arrays.toString(values), allowed());
            }
            return values.clone();
        }

        private String allowed() {
            return "a list of " + minLength + " to " + maxLength + " integers, each in [" + min + ", " + max + "]";
        }

        @Override public Object defaultValue() { return defaultList; }

        @Override public Object read(Object json) {
            List<java.lang.Integer> out = new ArrayList<>();
            for (Object item : JsonValues.list(name, json, "a list of integers")) {
                if (!(item instanceof java.lang.Number n) || !JsonValues.isWhole(n) || Math.abs(n.doubleValue()) > java.lang.Integer.MAX_VALUE) {
                    throw new InvalidSettingException(name, JsonValues.describe(json), allowed());
                }
                out.add(n.intValue());
            }
            return java.util.Arrays.stream(check(out.stream().mapToInt(java.lang.Integer::intValue).toArray())).boxed().toList();
        }
    }

    /**
     * A list of reals, each in [min, max], with [minLength, maxLength] entries. JSON may give one number for a list of
     * one (which the config applies to every layer), and a list of equal numbers is written as that one number.
     */
    record NumberList(String name, int minLength, int maxLength, double min, double max, List<Double> defaultList,
                      About about) implements Setting {
        public NumberList {
            defaultList = List.copyOf(defaultList);
        }

        public double[] check(double[] values) {
            String allowed = "a list of " + minLength + " to " + maxLength + " numbers, each in [" + plain(min) + ", " + plain(max) + "]";
            if (values == null || values.length < minLength || values.length > maxLength) {
                throw new InvalidSettingException(name, values == null ? null : plain(values), allowed);
            }
            for (double value : values) {
                if (!Double.isFinite(value) || value < min || value > max) throw new InvalidSettingException(name, plain(values), allowed);
            }
            return values.clone();
        }

        @Override public Object defaultValue() { return defaultList; }

        @Override public Object read(Object json) {
            List<Double> out = new ArrayList<>();
            if (json instanceof java.lang.Number single) {
                out.add(single.doubleValue());
            } else {
                for (Object item : JsonValues.list(name, json, "a number or a list of numbers")) {
                    if (!(item instanceof java.lang.Number n)) {
                        throw new InvalidSettingException(name, JsonValues.describe(json), "a number or a list of numbers in ["
                                + min + ", " + max + "]");
                    }
                    out.add(n.doubleValue());
                }
            }
            return java.util.Arrays.stream(check(out.stream().mapToDouble(Double::doubleValue).toArray())).boxed().toList();
        }

        /** The JSON of a list: one number when every entry is the same, so it still applies to every layer. */
        public Object json(List<Double> values) {
            boolean uniform = !values.isEmpty() && values.stream().distinct().count() == 1;
            return uniform ? (Object) values.get(0) : values;
        }
    }

    /** A list of distinct words, each one of a fixed list, with [minLength, maxLength] entries. */
    record ChoiceList(String name, List<String> choices, int minLength, int maxLength, List<String> defaultList,
                      About about) implements Setting {
        public ChoiceList {
            choices = List.copyOf(choices);
            defaultList = List.copyOf(defaultList);
        }

        public List<String> check(List<String> values) {
            String allowed = minLength + " to " + maxLength + " distinct values from " + choices;
            if (values == null || values.size() < minLength || values.size() > maxLength
                    || values.stream().distinct().count() != values.size() || !choices.containsAll(values)) {
                throw new InvalidSettingException(name, values, allowed);
            }
            return List.copyOf(values);
        }

        @Override public Object defaultValue() { return defaultList; }

        @Override public Object read(Object json) {
            List<String> out = new ArrayList<>();
            for (Object item : JsonValues.list(name, json, "a list of values from " + choices)) {
                if (!(item instanceof String s)) throw new InvalidSettingException(name, JsonValues.describe(item), "values from " + choices);
                out.add(s);
            }
            return check(out);
        }
    }
}
