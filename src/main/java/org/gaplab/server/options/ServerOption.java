package org.gaplab.server.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;

/**
 * One option of the server: its name (the {@code --name} flag and the {@code GAPLAB_NAME} environment variable), its
 * default, its help line, and the type that reads its text, checks it and says what is allowed. {@link ServerOptions}
 * lists them all; the parsing, the errors, {@code --help} and the table in docs/DEPLOY.md come from that list.
 *
 * @param defaultValue the text used when neither the command line nor the environment gives one
 * @param help         one line for {@code --help}
 */
record ServerOption<T>(String name, String defaultValue, String help, Type<T> type) {

    /** How an option's text becomes its value; {@link #allowed} is the sentence an error and the help show. */
    record Type<T>(String allowed, Reader<T> reader) { }

    /** Reads an option's (trimmed) text, or throws {@link Refused}. */
    @FunctionalInterface
    interface Reader<T> {
        T read(String text);
    }

    /** A refused text: {@code shown} is what the error repeats of it (the text, one item of a list, or a mask). */
    static final class Refused extends RuntimeException {
        Refused(String shown, String allowed) {
            super(shown + " is not allowed; allowed: " + allowed);
        }

        private Refused(String detail) {
            super(detail);
        }
    }

    String flag() { return "--" + name; }

    /** {@code GAPLAB_} and the name in capitals, dashes as underscores. */
    String environment() { return "GAPLAB_" + name.toUpperCase(Locale.ROOT).replace('-', '_'); }

    /** The value of {@code text}, or an {@link IllegalArgumentException} naming this option, the text and what is allowed. */
    T read(String text) {
        try {
            return type.reader().read(text.trim());
        } catch (Refused e) {
            throw new IllegalArgumentException(flag() + ": " + e.getMessage());
        }
    }

    // The types. Each says what it allows in words, the same words its errors use.

    static Type<String> text(Predicate<String> valid, String allowed) {
        return new Type<>(allowed, text -> {
            if (!valid.test(text)) throw new Refused(text, allowed);
            return text;
        });
    }

    static Type<Integer> integer(int min, int max) {
        String allowed = min + " to " + max;
        return new Type<>(allowed, text -> {
            int value = parse(text, Integer::parseInt, "a whole number");
            if (value < min || value > max) throw new Refused(String.valueOf(value), allowed);
            return value;
        });
    }

    static Type<Double> number(double min, double max) {
        String allowed = format(min) + " to " + format(max);
        return new Type<>(allowed, text -> {
            double value = parse(text, Double::parseDouble, "a number");
            if (!(value >= min && value <= max)) throw new Refused(String.valueOf(value), allowed);
            return value;
        });
    }

    /** Whole milliseconds from {@code min} to {@code max}. */
    static Type<Duration> millis(int min, int max) {
        Type<Integer> millis = integer(min, max);
        return new Type<>(millis.allowed(), text -> Duration.ofMillis(millis.reader().read(text)));
    }

    /** A positive number of seconds (fractions allowed, up to 10⁹), kept to the millisecond. */
    static Type<Duration> seconds() {
        String allowed = "a positive number of seconds";
        return new Type<>(allowed, text -> {
            double seconds = parse(text, Double::parseDouble, "a number of seconds");
            if (!(seconds > 0 && seconds <= 1e9)) throw new Refused(text, allowed);
            Duration value = Duration.ofMillis(Math.round(seconds * 1000));
            if (value.isZero()) throw new Refused(text, allowed);
            return value;
        });
    }

    /** Megabytes ("300") from 16 MB, or a share of the maximum heap ("60%"), as bytes. */
    static Type<Long> heapShare() {
        String allowed = "megabytes from 16 (e.g. 300) or a percentage of the maximum heap (e.g. 60%)";
        return new Type<>(allowed, text -> {
            long bytes = share(text, allowed).applyAsLong(Runtime.getRuntime().maxMemory());
            if (bytes < 16L * 1024 * 1024) throw new Refused(bytes / (1024 * 1024) + " MB", allowed);
            return bytes;
        });
    }

    /** Megabytes from 1 ("100") or a percentage ("25%") of a whole known later: the bytes as a function of that whole. */
    static Type<LongUnaryOperator> shareOf(String whole) {
        String allowed = "megabytes from 1 (e.g. 100) or a percentage of " + whole + " from 0 to 100 (e.g. 25%)";
        return new Type<>(allowed, text -> share(text, allowed));
    }

    /** Items separated by spaces or commas, each valid; "none" or nothing is the empty list. */
    static Type<List<String>> words(Predicate<String> valid, String allowed) {
        String all = allowed + ", space separated, or none";
        return new Type<>(all, text -> {
            List<String> items = text.isEmpty() || text.equals("none") ? List.of() : List.of(text.split("[\\s,]+"));
            for (String item : items) if (!valid.test(item)) throw new Refused(item, all);
            return items;
        });
    }

    /** A directory that exists, or none. */
    static Type<Optional<Path>> directory(String what) {
        String allowed = what + ", or none";
        return new Type<>(allowed, text -> {
            if (text.isEmpty() || text.equals("none")) return Optional.empty();
            if (!Files.isDirectory(Path.of(text))) throw new Refused(text, allowed);
            return Optional.of(Path.of(text));
        });
    }

    /** A secret matching {@code pattern}, or none; an error never repeats it. */
    static Type<Optional<String>> secret(String pattern, String allowed) {
        return new Type<>(allowed + ", or none", text -> {
            if (text.isEmpty() || text.equals("none")) return Optional.empty();
            if (!text.matches(pattern)) throw new Refused("(not shown)", allowed);
            return Optional.of(text);
        });
    }

    static Type<Boolean> trueOrFalse() {
        return new Type<>("true or false", text -> {
            if (!text.equals("true") && !text.equals("false")) throw new Refused(text, "true or false");
            return text.equals("true");
        });
    }

    /**
     * A choice the engine makes of a name ({@code choose} throws "field: … is not allowed; allowed: …" for another),
     * so the names and the sentence stay the engine's.
     */
    static <T> Type<T> engineChoice(Function<String, T> choose, String allowed) {
        return new Type<>(allowed, text -> {
            try {
                return choose.apply(text);
            } catch (IllegalArgumentException e) {
                throw new Refused(e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
            }
        });
    }

    private static <N> N parse(String text, Function<String, N> parser, String what) {
        try {
            return parser.apply(text);
        } catch (NumberFormatException e) {
            throw new Refused("\"" + text + "\" is not " + what);
        }
    }

    private static LongUnaryOperator share(String text, String allowed) {
        try {
            if (text.endsWith("%")) {
                double percent = Double.parseDouble(text.substring(0, text.length() - 1));
                if (!(percent > 0 && percent <= 100)) throw new NumberFormatException();
                return whole -> (long) (whole * percent / 100);
            }
            double megabytes = Double.parseDouble(text);
            if (!(megabytes >= 1 && megabytes < 1e9)) throw new NumberFormatException();
            return whole -> (long) (megabytes * 1024 * 1024);
        } catch (NumberFormatException e) {
            throw new Refused("\"" + text + "\"", allowed);
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
