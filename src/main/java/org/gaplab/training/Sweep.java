package org.gaplab.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.gaplab.engine.Backend;
import org.gaplab.engine.Precision;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.settings.Setting;

/**
 * Trains one run per value of a single setting (λ by default) and lines up how each ended: the validation curve that
 * shows underfitting on one side and overfitting on the other. The best value is picked on validation loss; the test
 * split is reported for every run but never used to pick.
 */
public final class Sweep {
    /** Settings a sweep may vary: numeric and meaningful to compare on one axis. */
    public static final List<String> PARAMETERS = ConfigSchema.sweepable().stream().map(Setting::name).toList();
    /** Most values one grid or random search draws. */
    public static final int MAX_VALUES = 32;

    /**
     * One run of the sweep, summarized by the model it ended with (the best epoch's, when early stopping restored it).
     */
    public record Point(double value, TrainingConfig config, RunEnd end) {
        public EpochReport model() { return end.finalReport(); }
    }

    /** All points in value order, and the index of the one with the lowest validation loss (−1 if none finished). */
    public record Result(String parameter, List<Point> points, int bestIndex) {
        public Result {
            points = List.copyOf(points);
        }
    }

    /** Called as each run finishes (from the thread that ran it). */
    public interface Progress {
        Progress NONE = (index, point) -> { };

        void finished(int index, Point point);
    }

    private Sweep() { }

    /** {@code count} values spaced evenly in log10 from {@code from} to {@code to}, both included. */
    public static List<Double> logGrid(double from, double to, int count) {
        requireRange(from, to, count);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double exponent = Math.log10(from) + (Math.log10(to) - Math.log10(from)) * i / Math.max(1, count - 1);
            values.add(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", Math.pow(10, exponent))));
        }
        return values;
    }

    /** Random search: {@code count} values drawn log-uniformly from [from, to] with a seed, sorted. */
    public static List<Double> randomLogValues(double from, double to, int count, long seed) {
        requireRange(from, to, count);
        SplittableRandom random = new SplittableRandom(seed);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double exponent = random.nextDouble(Math.log10(from), Math.log10(to));     // log-uniform
            values.add(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", Math.pow(10, exponent))));
        }
        Collections.sort(values);
        return values;
    }

    private static void requireRange(double from, double to, int count) {
        if (!(from > 0) || !(to > from) || Double.isInfinite(to)) {
            throw new InvalidSettingException("values", from + ".." + to, "0 < from < to, both finite");
        }
        if (count < 2 || count > MAX_VALUES) throw new InvalidSettingException("count", count, "an integer in [2, " + MAX_VALUES + "]");
    }

    /** The base config with {@code parameter} set to {@code value}, validated like any config. */
    public static TrainingConfig vary(TrainingConfig base, String parameter, double value) {
        if (!PARAMETERS.contains(parameter)) throw new InvalidSettingException("param", parameter, "one of " + PARAMETERS);
        Setting setting = ConfigSchema.find(parameter).orElseThrow();
        Object typed = setting instanceof Setting.Integer ? (Object) Math.round(value) : (Object) value;
        return ConfigValues.applyTo(base, Map.of(parameter, typed));
    }

    /** Each value's config: the base with {@code parameter} set to the value ({@link #vary}), in value order. */
    public static List<TrainingConfig> configs(TrainingConfig base, String parameter, List<Double> values) {
        return values.stream().map(v -> vary(base, parameter, v)).toList();
    }

    /** Whether every value trains on the base's data (else each value makes its own split). */
    public static boolean sharesData(TrainingConfig base, List<TrainingConfig> configs) {
        return configs.stream().allMatch(c -> c.data().equals(base.data()));
    }

    /** Runs the sweep on this process's preferred backend. */
    public static Result run(TrainingConfig base, String parameter, List<Double> values, Executor executor, Progress progress) {
        return run(base, parameter, values, Backend.preferred(), executor, progress);
    }

    /**
     * Runs the sweep. The data is made once (every value sees the same split) and every run starts from the same
     * initial weights, because both come from the base config's seed. Runs go to {@code executor} in parallel, each
     * on one thread of {@code backend}.
     */
    public static Result run(TrainingConfig base, String parameter, List<Double> values, Backend backend, Executor executor,
                             Progress progress) {
        return run(base, parameter, values, backend, Precision.preferred(), executor, progress);
    }

    /** Runs the sweep in {@code precision}, each run on one thread of {@code backend}. */
    public static Result run(TrainingConfig base, String parameter, List<Double> values, Backend backend,
                             Precision precision, Executor executor, Progress progress) {
        List<TrainingConfig> configs = configs(base, parameter, values);
        DataSplits shared = sharesData(base, configs) ? Datasets.load(base.data()) : null;
        List<CompletableFuture<Point>> runs = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            int index = i;
            TrainingConfig config = configs.get(i);
            runs.add(CompletableFuture.supplyAsync(() -> {
                DataSplits data = shared != null ? shared : Datasets.load(config.data());
                try (Trainer trainer = new Trainer(config, data, backend, precision, 1)) {
                    while (!trainer.isFinished()) trainer.runEpoch();
                    Point point = new Point(values.get(index), config, trainer.end().orElseThrow());
                    progress.finished(index, point);
                    return point;
                }
            }, executor));
        }
        List<Point> points = runs.stream().map(CompletableFuture::join).toList();
        return new Result(parameter, points, bestIndex(points.stream().map(Point::model).toList()));
    }

    /** The index of the model with the lowest validation loss (the first on ties), −1 when none has a model. */
    public static int bestIndex(List<EpochReport> models) {
        return bestMean(models.stream().map(model -> model == null ? List.<EpochReport>of() : List.of(model)).toList());
    }

    /**
     * The index of the value whose models (one per seed; a seed without one is left out) have the lowest mean
     * validation loss, the first of equals; −1 when no value has a model: the one rule for picking, on the command
     * line and the server, so the test split never enters the choice.
     */
    public static int bestMean(List<List<EpochReport>> models) {
        int best = -1;
        double lowest = Double.POSITIVE_INFINITY;
        for (int v = 0; v < models.size(); v++) {
            double sum = 0;
            for (EpochReport model : models.get(v)) sum += model.losses().validation();
            int count = models.get(v).size();
            if (count > 0 && sum / count < lowest) {   // mean = Σ validation loss / seeds
                lowest = sum / count;
                best = v;
            }
        }
        return best;
    }
}
