package org.gaplab.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.Sweep;
import org.gaplab.training.TrainingConfig;

/**
 * What a class experiment splits across the room: one config, one setting to vary and its values; every learner
 * trains that config with one of the values (docs/PROTOCOL.md, "Class experiments"). The setting is any a sweep may
 * vary, or {@code init}, whose values are names (a category on the class chart). Values are checked against the
 * setting, as a sweep's are, before the class exists.
 *
 * @param lesson the lesson it came from, or null
 */
public record ClassPlan(TrainingConfig base, String param, List<Object> values, String lesson) {
    /** The setting whose values are names, not numbers. */
    public static final String CATEGORY = TrainingConfig.INIT.name();

    /** Settings a class may vary: the sweep's, and the initializer. */
    public static final List<String> PARAMETERS = concat(Sweep.PARAMETERS, CATEGORY);

    /** The most values one class may split: as many as a sweep may train. */
    public static final int MAX_VALUES = Command.MAX_SWEEP_VALUES;

    public ClassPlan {
        values = List.copyOf(values);
    }

    /** Whether the values are names (a category axis) rather than numbers. */
    public boolean isCategory() {
        return param.equals(CATEGORY);
    }

    /**
     * The config of a learner on value {@code index}: the base config with that value and the given seed. Learners on
     * one value get different seeds (different data and initial weights), so the class sees the spread.
     */
    public TrainingConfig config(int index, long seed) {
        return vary(base.withSeed(seed), param, values.get(index));
    }

    /**
     * The order values are handed out in when learners are fewer than values: both ends, then the middle, then
     * halving each gap (8 values: 0, 7, 3, 1, 5, 2, 4, 6). Smallest first would leave a small class only one side of
     * the U, and its "best" at the edge of what ran; ends first show the whole range from the third learner on.
     */
    public List<Integer> coverageOrder() {
        int count = values.size();
        List<Integer> order = new ArrayList<>(List.of(0));
        if (count > 1) order.add(count - 1);
        java.util.ArrayDeque<int[]> gaps = new java.util.ArrayDeque<>();
        gaps.add(new int[] {0, count - 1});
        while (!gaps.isEmpty()) {   // breadth first: every gap is halved before any half is halved again
            int[] gap = gaps.poll();
            if (gap[1] - gap[0] < 2) continue;
            int middle = (gap[0] + gap[1]) / 2;
            order.add(middle);
            gaps.add(new int[] {gap[0], middle});
            gaps.add(new int[] {middle, gap[1]});
        }
        return order;
    }

    /**
     * The seed of the {@code replica}-th learner on a value: the base seed, then the next ones. Learners with the same
     * replica number share a seed across values, as a sweep's runs do, so their runs differ only in the value.
     */
    public long seed(int replica) {
        long seed = (long) base.seed() + replica;
        return seed > Integer.MAX_VALUE ? seed - Integer.MAX_VALUE - 1 : seed;
    }

    /**
     * Reads {@code param} and either {@code values} (a comma-separated list) or {@code grid} ({@code from:to:count}, log
     * spaced) from a link's query. Without them: the lesson's sweep ({@code lessonParam}, {@code lessonValues}), else
     * the setting's usual sweep, else every initializer. Throws a {@link ProtocolError} naming the field.
     */
    public static ClassPlan read(TrainingConfig base, Map<String, String> query, String lesson, String lessonParam,
                                 List<Double> lessonValues) {
        String param = query.getOrDefault("param", lessonParam);
        if (param == null || !PARAMETERS.contains(param)) {
            throw new ProtocolError(ErrorCode.INVALID, "param", param, "one of " + PARAMETERS,
                    param == null ? "a class experiment needs param: the setting each learner trains with a different value"
                            : "param: " + param + " cannot be varied; the settings a class can vary are " + PARAMETERS);
        }
        if (query.containsKey("values") && query.containsKey("grid")) {
            throw new ProtocolError(ErrorCode.INVALID, "grid", query.get("grid"), "values or grid, not both",
                    "a class takes a list of values or a grid, not both");
        }
        List<Object> values = new ArrayList<>();
        if (query.containsKey("values")) {
            for (String text : query.get("values").split(",")) values.add(param.equals(CATEGORY) ? text.trim() : number("values", text));
        } else if (query.containsKey("grid")) {
            values.addAll(grid(query.get("grid")));
        } else if (param.equals(lessonParam) && lessonValues != null) {
            values.addAll(lessonValues);
        } else if (param.equals(CATEGORY)) {
            values.addAll(TrainingConfig.INIT.choices());
        } else {
            values.addAll(SweepValues.usual(param).orElseThrow(() -> new ProtocolError(ErrorCode.INVALID, "values", null,
                    "a list of 2 to " + MAX_VALUES + " values", "a class varying " + param + " needs values, e.g. values=0.01,0.1")));
        }
        return new ClassPlan(base, param, checked(base, param, values), lesson);
    }

    /** Each value valid for the setting, whole numbers rounded for integer settings, numbers sorted, none twice. */
    private static List<Object> checked(TrainingConfig base, String param, List<Object> values) {
        String allowed = "a list of 2 to " + MAX_VALUES + " different values";
        if (values.size() < 2 || values.size() > MAX_VALUES) {
            throw new ProtocolError(ErrorCode.INVALID, "values", values, allowed, "values: " + values.size() + " values; allowed: " + allowed);
        }
        boolean integer = ConfigSchema.find(param).orElseThrow() instanceof Setting.Integer;
        List<Object> out = new ArrayList<>();
        for (Object value : values) {
            Object typed = integer ? (Object) (double) Math.round((Double) value) : value;
            try {
                vary(base, param, typed);
            } catch (InvalidSettingException e) {
                throw new ProtocolError(ErrorCode.INVALID, "values", value, e.allowed(),
                        "values: " + value + " is not a valid " + param + "; allowed: " + e.allowed());
            }
            out.add(typed);
        }
        if (!param.equals(CATEGORY)) out.sort((a, b) -> Double.compare((Double) a, (Double) b));
        if (new HashSet<>(out).size() != out.size()) {
            throw new ProtocolError(ErrorCode.INVALID, "values", values, allowed, "values: each value may appear once");
        }
        return out;
    }

    private static TrainingConfig vary(TrainingConfig base, String param, Object value) {
        if (param.equals(CATEGORY)) return ConfigValues.applyTo(base, Map.of(param, value));
        return Sweep.vary(base, param, (Double) value);
    }

    private static List<Double> grid(String text) {
        String allowed = "from:to:count, e.g. 0.0001:1:5 (log spaced, both ends included)";
        String[] parts = text.split(":");
        if (parts.length != 3) throw ProtocolError.notAllowed("grid", text, allowed);
        double from = number("grid", parts[0]);
        double to = number("grid", parts[1]);
        double count = number("grid", parts[2]);
        if (!(from > 0) || !(to > from) || count != Math.rint(count) || count < 2 || count > MAX_VALUES) {
            throw new ProtocolError(ErrorCode.INVALID, "grid", text, allowed, "grid: " + text + " is not allowed; allowed: " + allowed
                    + ", with 0 < from < to and 2 to " + MAX_VALUES + " values");
        }
        return Sweep.logGrid(from, to, (int) count);
    }

    private static double number(String field, String text) {
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isFinite(value)) return value;
        } catch (NumberFormatException ignored) {
            // named below
        }
        throw new ProtocolError(ErrorCode.INVALID, field, text, "numbers", field + ": " + text.trim() + " is not a number");
    }

    private static List<String> concat(List<String> list, String one) {
        List<String> all = new ArrayList<>(list);
        all.add(one);
        return List.copyOf(all);
    }

    /** The values as a link writes them ({@code 0.0001,0.01} or {@code xavier-normal,he-normal}). */
    public String valuesText() {
        return String.join(",", values.stream().map(v -> v instanceof Double d ? Setting.plain(d) : String.valueOf(v)).toList());
    }
}
