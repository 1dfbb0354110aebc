package org.gaplab.geometry;

import java.util.List;
import java.util.Map;
import org.gaplab.settings.About;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.settings.Scale;
import org.gaplab.settings.Setting;
import org.gaplab.training.TrainingConfig;

/**
 * What a learner asks of the view, validated at the edge: the penalty strengths and the step size (the config's own
 * settings, with their ranges), where the optimizer starts, how many steps it takes, and how fine the grid is. Every
 * one is bounded, so no request can ask for much work: at most {@code grid}² loss evaluations and 4·{@code steps}
 * gradient steps.
 */
public record LandscapeQuery(double l1, double l2, double learningRate, double start1, double start2, int steps, int grid) {
    public static final Setting.Integer STEPS = new Setting.Integer("steps", 1, 1000, 200,
            About.live("Steps", "Optimizer steps drawn from the start"));
    public static final Setting.Integer GRID = new Setting.Integer("grid", 11, 101, 61,
            About.live("Grid", "Grid points per axis of the loss picture"));
    /** Every key a query may carry. */
    public static final List<String> KEYS = List.of(TrainingConfig.L1.name(), TrainingConfig.L2.name(),
            TrainingConfig.LEARNING_RATE.name(), "w1", "w2", STEPS.name(), GRID.name());

    /** The start's allowed range: the square the pictures cover. */
    public static Setting.Number start(String name, double half, double value) {
        return new Setting.Number(name, -half, half, value, Scale.LINEAR,
                About.live(name.toUpperCase(java.util.Locale.ROOT), "Where the optimizer starts: " + name));
    }

    /** Parses a query (absent keys take their defaults); every refusal names the field and the allowed range. */
    public static LandscapeQuery parse(Map<String, String> query, TwoWeightProblem problem) {
        for (String key : query.keySet()) {
            if (!KEYS.contains(key)) throw new InvalidSettingException(key, query.get(key), "no key of this name; the keys are " + KEYS);
        }
        double l1 = TrainingConfig.L1.check(number(query, TrainingConfig.L1));
        double l2 = TrainingConfig.L2.check(number(query, TrainingConfig.L2));
        double rate = TrainingConfig.LEARNING_RATE.check(number(query, TrainingConfig.LEARNING_RATE));
        Setting.Number w1 = start("w1", problem.half(), problem.defaultStart1());
        Setting.Number w2 = start("w2", problem.half(), problem.defaultStart2());
        return new LandscapeQuery(l1, l2, rate, w1.check(number(query, w1)), w2.check(number(query, w2)),
                STEPS.check(integer(query, STEPS)), GRID.check(integer(query, GRID)));
    }

    private static double number(Map<String, String> query, Setting.Number setting) {
        String text = query.get(setting.name());
        if (text == null || text.isBlank()) return setting.defaultNumber();
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(setting.name(), text,
                    "a number in [" + Setting.plain(setting.min()) + ", " + Setting.plain(setting.max()) + "]");
        }
    }

    private static int integer(Map<String, String> query, Setting.Integer setting) {
        String text = query.get(setting.name());
        if (text == null || text.isBlank()) return setting.defaultInt();
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(setting.name(), text, "an integer in [" + setting.min() + ", " + setting.max() + "]");
        }
    }
}
