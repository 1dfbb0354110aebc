package org.gaplab.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaplab.engine.Backend;
import org.gaplab.engine.Precision;

/** {@code --name value} pairs of a command line, checked against the names a command knows. */
final class Options {
    private Options() { }

    static Map<String, String> parse(List<String> args, List<String> known) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!known.contains(name)) throw new UsageException("unknown option " + name + " (known: " + known + ")");
            if (i + 1 >= args.size()) throw new UsageException(name + " needs a value");
            options.put(name, args.get(i + 1));
        }
        return options;
    }

    static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) throw new UsageException(name + " is required");
        return value;
    }

    static double number(String text, String what) {
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) throw new NumberFormatException();
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(what + ": " + text + " is not a number");
        }
    }

    static int integer(Map<String, String> options, String name, int fallback, int min, int max) {
        if (!options.containsKey(name)) return fallback;
        double value = number(options.get(name), name);
        if (value != Math.rint(value) || value < min || value > max) {
            throw new UsageException(name + " must be a whole number in [" + min + ", " + max + "]");
        }
        return (int) value;
    }

    /** {@code --backend blas|java|auto} (default auto: OpenBLAS when its natives load, else Java). */
    static Backend backend(Map<String, String> options) {
        try {
            return Backend.choose(options.getOrDefault("--backend", "auto"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
    }

    /** {@code --precision f32|f64} (default: {@value Precision#PROPERTY} when set, else f32). */
    static Precision precision(Map<String, String> options) {
        try {
            return Precision.choose(options.get("--precision"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
    }

    /** {@code --threads N}: threads for one run's products, 1 to the cores of this machine (default 1). */
    static int threads(Map<String, String> options) {
        return integer(options, "--threads", 1, 1, Backend.maxThreads());
    }
}
