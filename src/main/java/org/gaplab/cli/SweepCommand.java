package org.gaplab.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gaplab.engine.Backend;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.Json;
import org.gaplab.protocol.ModelExport;
import org.gaplab.training.Sweep;
import org.gaplab.training.TrainingConfig;

/**
 * {@code sweep --config FILE|- --param l2 (--values 0.0001,0.001,... | --grid FROM,TO,COUNT | --random FROM,TO,COUNT)
 * [--backend blas|java|auto] [--threads N]}: one JSON line per config as it finishes, in value order at the end, then
 * a summary line with the value that gave the lowest validation loss. The threads train that many configs at once,
 * each on one thread (default: every core).
 */
final class SweepCommand {
    private SweepCommand() { }

    static int run(List<String> args, InputStream in, PrintStream out) {
        Map<String, String> options = Options.parse(args, List.of("--config", "--param", "--values", "--grid", "--random", "--backend", "--threads"));
        TrainingConfig base = ModelExport.readConfig(ConfigFiles.read(Options.require(options, "--config"), in));
        String parameter = options.getOrDefault("--param", "l2");
        List<Double> values = values(options);
        int threads = Options.integer(options, "--threads", Backend.maxThreads(), 1, Backend.maxThreads());
        Backend backend = Options.backend(options);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            Sweep.Result result = Sweep.run(base, parameter, values, backend, executor, Sweep.Progress.NONE);
            List<Map<String, Object>> runs = new ArrayList<>();
            for (int i = 0; i < result.points().size(); i++) {
                Sweep.Point point = result.points().get(i);
                Map<String, Object> line = Frames.sweepRun(i, parameter, point.value(), point.end());
                runs.add(line);
                out.println(Json.write(line));
            }
            Map<String, Object> summary = Frames.sweepSummary(parameter, values, result.bestIndex(), runs);
            summary.remove("runs");                        // each run is on its own line already
            out.println(Json.write(summary));
            out.flush();
            return 0;
        } finally {
            executor.shutdownNow();
        }
    }

    private static List<Double> values(Map<String, String> options) {
        if (options.containsKey("--values")) {
            List<Double> values = new ArrayList<>();
            for (String part : options.get("--values").split(",")) values.add(Options.number(part.trim(), "--values"));
            if (values.isEmpty() || values.size() > 32) throw new UsageException("--values takes 1 to 32 numbers");
            return values;
        }
        String range = options.containsKey("--random") ? options.get("--random") : options.getOrDefault("--grid", "1e-5,1,8");
        String[] parts = range.split(",");
        if (parts.length != 3) throw new UsageException("--grid and --random take FROM,TO,COUNT");
        double from = Options.number(parts[0], "range");
        double to = Options.number(parts[1], "range");
        int count = (int) Options.number(parts[2], "count");
        return options.containsKey("--random") ? Sweep.randomLogValues(from, to, count, 1) : Sweep.logGrid(from, to, count);
    }
}
