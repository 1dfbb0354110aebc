package org.gaplab.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gaplab.engine.Backend;
import org.gaplab.engine.Precision;
import org.gaplab.lessons.LessonTrials;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.Json;
import org.gaplab.protocol.ModelExport;
import org.gaplab.protocol.SweepValues;
import org.gaplab.training.Sweep;
import org.gaplab.training.TrainingConfig;

/**
 * {@code sweep --config FILE|- --param l2 (--values 0.0001,0.001,... | --grid FROM,TO,COUNT | --random FROM,TO,COUNT)
 * [--seeds LIST] [--backend blas|java|auto] [--precision f32|f64] [--threads N]}: one JSON line per config as it finishes, in value order at
 * the end, then a summary line with the value that gave the lowest validation loss. With several seeds (the config's
 * {@code seeds}, or {@code --seeds}) every value trains on each seed, and each value's line adds the bias² and the
 * variance of its models across the seeds ({@link SweepLines}). The threads train that many configs at
 * once, each on one thread (default: every core).
 */
final class SweepCommand {
    private SweepCommand() { }

    static int run(List<String> args, InputStream in, PrintStream out) {
        Map<String, String> options = Options.parse(args, List.of("--config", "--param", "--values", "--grid", "--random",
                "--seeds", "--backend", "--precision", "--threads"));
        TrainingConfig base = ModelExport.readConfig(ConfigFiles.read(Options.require(options, "--config"), in));
        String parameter = options.containsKey("--param") ? options.get("--param")
                : base.l1() > 0 && base.l2() == 0 ? TrainingConfig.L1.name() : TrainingConfig.L2.name();   // the chosen regularizer's λ, as the socket's sweep
        if (!Sweep.PARAMETERS.contains(parameter)) {
            throw new UsageException("--param " + parameter + " cannot be swept; the settings a sweep can vary are " + Sweep.PARAMETERS);
        }
        List<Double> values = values(options, parameter);
        for (double value : values) Sweep.vary(base, parameter, value);   // each value valid for it, before anything trains
        int threads = Options.integer(options, "--threads", Backend.maxThreads(), 1, Backend.maxThreads());
        if (options.containsKey("--seeds") || base.seeds() > 1) {
            List<Long> seeds = options.containsKey("--seeds") ? SeedLines.parse(options.get("--seeds"))
                    : java.util.stream.LongStream.range(base.seed(), base.seed() + base.seeds()).boxed().toList();
            ExecutorService pool = SeedLines.pool(threads);
            try {
                SweepLines.print(LessonTrials.sweep(base.withSeed(seeds.get(0)), parameter, values, seeds,
                        Options.backend(options), Options.precision(options), pool, LessonTrials.Listener.NONE), out);
            } finally {
                pool.shutdownNow();
            }
            return 0;
        }
        print(base, parameter, values, threads, Options.backend(options), Options.precision(options), out);
        return 0;
    }

    /**
     * Trains one run per value, {@code threads} runs at once (each on one thread of {@code backend}), and prints a
     * line per run, then the summary.
     */
    static void print(TrainingConfig base, String parameter, List<Double> values, int threads, Backend backend,
                      Precision precision, PrintStream out) {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            Sweep.Result result = Sweep.run(base, parameter, values, backend, precision, executor,
                    Sweep.Progress.NONE);
            List<Map<String, Object>> runs = new ArrayList<>();
            for (int i = 0; i < result.points().size(); i++) {
                Sweep.Point point = result.points().get(i);
                Map<String, Object> line = Frames.sweepRun(i, parameter, point.value(), point.end());
                runs.add(line);
                out.println(Json.write(line));
            }
            Map<String, Object> summary = Frames.sweepSummary(parameter, values, result.bestIndex(), runs);
            summary.remove("runs");                        // each run is on its own line already
            summary.put("precision", precision.configName());
            out.println(Json.write(summary));
            out.flush();
        } finally {
            executor.shutdownNow();
        }
    }

    /** The listed values, the grid or random range, or the parameter's own usual values; strictly read. */
    private static List<Double> values(Map<String, String> options, String parameter) {
        List<String> given = List.of("--values", "--grid", "--random").stream().filter(options::containsKey).toList();
        if (given.size() > 1) throw new UsageException("give one of --values, --grid or --random, not " + given);
        if (given.isEmpty()) {
            return SweepValues.usual(parameter).orElseThrow(() -> new UsageException("a sweep of " + parameter
                    + " needs --values, --grid or --random: it has no usual range"));
        }
        if (options.containsKey("--values")) {
            List<Double> values = new ArrayList<>();
            for (String part : options.get("--values").split(",", -1)) values.add(Options.number(part.trim(), "--values"));
            if (values.size() < 2 || values.size() > Sweep.MAX_VALUES) {
                throw new UsageException("--values takes 2 to " + Sweep.MAX_VALUES + " numbers");
            }
            return values;
        }
        String option = given.get(0);
        String[] parts = options.get(option).split(",", -1);
        if (parts.length != 3) throw new UsageException(option + " takes FROM,TO,COUNT");
        double from = Options.number(parts[0].trim(), option + " FROM");
        double to = Options.number(parts[1].trim(), option + " TO");
        double count = Options.number(parts[2].trim(), option + " COUNT");
        if (!(from > 0) || !(to > from)) throw new UsageException(option + " needs 0 < FROM < TO (the range is on a log scale)");
        if (count != Math.rint(count) || count < 2 || count > Sweep.MAX_VALUES) {
            throw new UsageException(option + " COUNT must be a whole number from 2 to " + Sweep.MAX_VALUES + ", not " + parts[2].trim());
        }
        return option.equals("--random") ? Sweep.randomLogValues(from, to, (int) count, 1) : Sweep.logGrid(from, to, (int) count);
    }
}
