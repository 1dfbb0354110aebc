package org.gaplab.settings;

import java.util.List;

/**
 * One user-facing setting: its name (the config key), its kind, its allowed values and its default. The config
 * records validate with these, and the page and the protocol's schema are rendered from the same objects, so the
 * rules live in one place.
 */
public sealed interface Setting permits Setting.Integer, Setting.Number, Setting.Choice, Setting.Flag, Setting.IntegerList,
        Setting.NumberList, Setting.ChoiceList {

    /** The config key, camelCase; nested keys are dotted ("earlyStopping.patience"). */
    String name();

    /** One line for a tooltip or the docs. */
    String description();

    /** Whether a running session can take a new value without a reset. */
    boolean live();

    /** The default value as a plain Java value (Integer, Double, String, Boolean, List). */
    Object defaultValue();

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
    record Integer(String name, int min, int max, int defaultInt, boolean live, String description) implements Setting {
        public int check(int value) {
            if (value < min || value > max) throw new InvalidSettingException(name, value, "an integer in [" + min + ", " + max + "]");
            return value;
        }

        @Override public Object defaultValue() { return defaultInt; }
    }

    /** Finite reals in [min, max]; {@code logScale} tells the page to use a log slider. */
    record Number(String name, double min, double max, double defaultNumber, boolean logScale, boolean live,
                  String description) implements Setting {
        public double check(double value) {
            if (!Double.isFinite(value) || value < min || value > max) {
                throw new InvalidSettingException(name, value, "a number in [" + plain(min) + ", " + plain(max) + "]");
            }
            return value;
        }

        @Override public Object defaultValue() { return defaultNumber; }
    }

    /** One of a fixed list of words (enum constants are shown in their config spelling). */
    record Choice(String name, List<String> choices, String defaultChoice, boolean live, String description) implements Setting {
        public Choice {
            choices = List.copyOf(choices);
        }

        public String check(String value) {
            if (value == null || !choices.contains(value)) throw new InvalidSettingException(name, value, "one of " + choices);
            return value;
        }

        @Override public Object defaultValue() { return defaultChoice; }
    }

    /** On or off. */
    record Flag(String name, boolean defaultFlag, boolean live, String description) implements Setting {
        @Override public Object defaultValue() { return defaultFlag; }
    }

    /** A list of whole numbers, each in [min, max], with [minLength, maxLength] entries. */
    record IntegerList(String name, int minLength, int maxLength, int min, int max, List<java.lang.Integer> defaultList,
                       boolean live, String description) implements Setting {
        public IntegerList {
            defaultList = List.copyOf(defaultList);
        }

        public int[] check(int[] values) {
            if (values == null || values.length < minLength || values.length > maxLength) {
                throw new InvalidSettingException(name, values == null ? null : java.util.Arrays.toString(values),
                        "a list of " + minLength + " to " + maxLength + " integers, each in [" + min + ", " + max + "]");
            }
            for (int value : values) {
                if (value < min || value > max) {
                    throw new InvalidSettingException(name, java.util.Arrays.toString(values),
                            "a list of " + minLength + " to " + maxLength + " integers, each in [" + min + ", " + max + "]");
                }
            }
            return values.clone();
        }

        @Override public Object defaultValue() { return defaultList; }
    }

    /** A list of reals, each in [min, max], with [minLength, maxLength] entries. */
    record NumberList(String name, int minLength, int maxLength, double min, double max, List<Double> defaultList,
                      boolean live, String description) implements Setting {
        public NumberList {
            defaultList = List.copyOf(defaultList);
        }

        public double[] check(double[] values) {
            String allowed = "a list of " + minLength + " to " + maxLength + " numbers, each in [" + plain(min) + ", " + plain(max) + "]";
            if (values == null || values.length < minLength || values.length > maxLength) {
                throw new InvalidSettingException(name, values == null ? null : plain(values), allowed);
            }
            for (double value : values) {
                if (!Double.isFinite(value) || value < min || value > max) {
                    throw new InvalidSettingException(name, plain(values), allowed);
                }
            }
            return values.clone();
        }

        @Override public Object defaultValue() { return defaultList; }
    }

    /** A list of distinct words, each one of a fixed list, with [minLength, maxLength] entries. */
    record ChoiceList(String name, List<String> choices, int minLength, int maxLength, List<String> defaultList,
                      boolean live, String description) implements Setting {
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
    }
}
