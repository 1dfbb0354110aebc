package org.gaplab.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.settings.Setting;
import org.gaplab.settings.SweepPlan;
import org.gaplab.training.ConfigSchema;
import org.gaplab.training.Sweep;
import org.gaplab.training.TrainingConfig;

/**
 * Reads what a {@code sweep} message asks for: the setting to vary and its values, listed, on a log grid or drawn at
 * random (docs/PROTOCOL.md, "Sweeps"). Every value is checked against the setting before anything trains.
 */
public final class SweepValues {
    private SweepValues() { }

    /** The settings a sweep of no {@code param} varies: the chosen regularizer's λ. */
    public static final String DEFAULT_PARAMETER_RULE = "the chosen regularizer's λ: l1 when only L1 is on, else l2";

    /**
     * What the page's sweep form offers for each setting of {@link Sweep#PARAMETERS}, from the setting's descriptor: the
     * server's own default where a sweep may omit its values, and for the others the values the form suggests.
     */
    public static Map<String, SweepPlan> plans() {
        Map<String, SweepPlan> plans = new java.util.LinkedHashMap<>();
        for (Setting setting : ConfigSchema.sweepable()) plans.put(setting.name(), setting.about().sweep());
        return plans;
    }

    /** The swept setting (default: the chosen regularizer's λ) and its values, each checked against the setting. */
    static Command.Sweep read(TrainingConfig base, Map<String, Object> message, Double speed) {
        String param = sweptSetting(base, message.get("param"));
        List<String> sources = new ArrayList<>();
        for (String key : List.of("values", "grid", "random")) if (message.get(key) != null) sources.add(key);
        if (sources.size() > 1) {
            throw new ProtocolError(ErrorCode.INVALID, sources.get(1), "(with " + sources.get(0) + ")",
                    "one of values, grid or random", "a sweep takes values, a grid or a random range, not two of them");
        }
        List<Double> values = new ArrayList<>(sources.isEmpty() ? defaultValues(param)
                : switch (sources.get(0)) {
                    case "values" -> listedValues(message.get("values"));
                    case "grid" -> range("grid", message.get("grid"), base.seed());
                    default -> range("random", message.get("random"), base.seed());
                });
        boolean integer = ConfigSchema.find(param).orElseThrow() instanceof Setting.Integer;
        if (integer) values.replaceAll(v -> (double) Math.round(v));
        Collections.sort(values);
        for (double value : values) {
            try {
                Sweep.vary(base, param, value);
            } catch (InvalidSettingException e) {
                throw new ProtocolError(ErrorCode.INVALID, "values", value, e.allowed(),
                        "values: " + value + " is not a valid " + param + "; allowed: " + e.allowed());
            }
        }
        return new Command.Sweep(base, param, List.copyOf(values), speed);
    }

    private static String sweptSetting(TrainingConfig base, Object param) {
        if (param == null) return base.l1() > 0 && base.l2() == 0 ? TrainingConfig.L1.name() : TrainingConfig.L2.name();
        List<String> allowed = Sweep.PARAMETERS;
        if (param instanceof String name && allowed.contains(name)) return name;
        throw new ProtocolError(ErrorCode.INVALID, "param", param, "one of " + allowed,
                "param: " + param + " cannot be swept; the settings a sweep can vary are " + allowed);
    }

    /** Values for a sweep that names none: the U-curve's usual range for each setting. */
    private static List<Double> defaultValues(String param) {
        return usual(param).orElseThrow(() -> new ProtocolError(ErrorCode.INVALID, "values", null, "values, a grid or a random range",
                "a sweep of " + param + " needs values, a grid or a random range"));
    }

    /**
     * A setting's usual sweep (the socket's and the {@code sweep} command's default), or empty when a sweep of it
     * must give its values (the page's form still suggests some: see {@link #plans()}).
     */
    public static Optional<List<Double>> usual(String param) {
        SweepPlan plan = plans().get(param);
        if (plan == null || !plan.byDefault()) return Optional.empty();
        return Optional.of(plan.search().equals("grid") ? Sweep.logGrid(plan.from(), plan.to(), plan.count()) : plan.values());
    }

    private static List<Double> listedValues(Object listed) {
        String allowed = "a list of 2 to " + Command.MAX_SWEEP_VALUES + " numbers";
        if (!(listed instanceof List<?> list) || list.size() < 2 || list.size() > Command.MAX_SWEEP_VALUES
                || !list.stream().allMatch(v -> v instanceof Number n && Double.isFinite(n.doubleValue()))) {
            throw ProtocolError.notAllowed("values", listed, allowed);
        }
        return list.stream().map(v -> ((Number) v).doubleValue()).toList();
    }

    /** A log grid or a random log-uniform range: {@code {"from":..,"to":..,"count":..}} (random: and a seed). */
    private static List<Double> range(String kind, Object range, long defaultSeed) {
        boolean random = kind.equals("random");
        if (!(range instanceof Map<?, ?>)) {
            throw new ProtocolError(ErrorCode.INVALID, kind, range, "an object with from, to and count",
                    kind + " must be an object like {\"from\":1e-5,\"to\":1,\"count\":8}");
        }
        Map<String, Object> fields = Command.object(range);
        for (String key : fields.keySet()) {
            if (!List.of("from", "to", "count").contains(key) && !(random && key.equals("seed"))) {
                throw new ProtocolError(ErrorCode.INVALID, kind + "." + key, "(unknown key)", random
                        ? "from, to, count and seed" : "from, to and count", kind + " has no key \"" + key + "\"");
            }
        }
        double from = positive(kind + ".from", fields.get("from"));
        double to = positive(kind + ".to", fields.get("to"));
        if (!(to > from)) {
            throw new ProtocolError(ErrorCode.INVALID, kind + ".to", to, "a number above from (" + from + ")",
                    kind + ".to must be above " + kind + ".from");
        }
        int count = wholeNumber(kind + ".count", fields.get("count"), 2, Command.MAX_SWEEP_VALUES);
        if (!random) return Sweep.logGrid(from, to, count);
        long seed = fields.get("seed") == null ? defaultSeed : wholeNumber(kind + ".seed", fields.get("seed"), 0, Integer.MAX_VALUE);
        return Sweep.randomLogValues(from, to, count, seed);
    }

    private static double positive(String field, Object value) {
        if (value instanceof Number n && n.doubleValue() > 0 && Double.isFinite(n.doubleValue())) return n.doubleValue();
        throw new ProtocolError(ErrorCode.INVALID, field, value, "a positive number (the range is on a log scale)",
                field + ": " + value + " is not allowed; allowed: a positive number");
    }

    private static int wholeNumber(String field, Object value, int min, int max) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= min
                && n.doubleValue() <= max) {
            return n.intValue();
        }
        String allowed = "an integer in [" + min + ", " + max + "]";
        throw ProtocolError.notAllowed(field, value, allowed);
    }

}
