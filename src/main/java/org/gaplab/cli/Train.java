package org.gaplab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.gaplab.data.Datasets;
import org.gaplab.engine.Backend;
import org.gaplab.lessons.Lesson;
import org.gaplab.lessons.Lessons;
import org.gaplab.protocol.Json;
import org.gaplab.protocol.ModelExport;
import org.gaplab.training.Comparison;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.gaplab.training.TrainingListener;

/**
 * {@code train (--config FILE|- | --preset NAME) [--seed S] [--export MODEL.json] [--backend blas|java|auto]
 * [--threads N]}: trains and prints JSON Lines, one {@code epoch} object per epoch and a final {@code end} object (the same objects the WebSocket streams); optionally
 * writes the trained model with its config. The config may itself be such an export: its config is retrained.
 *
 * <p>A preset runs a lesson exactly as the page does: one run; or, for a comparison lesson, runs A and B in lockstep
 * from the same seed, data and initial weights, every line marked {@code "run": "a"} or {@code "b"}; or, for a sweep
 * lesson, the sweep's lines as the {@code sweep} command prints them. A one-run or comparison lesson then prints, on
 * stderr, its two sentences and the numbers they name ({@link LessonSummary}).
 */
final class Train {
    private Train() { }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        Map<String, String> options = Options.parse(args, List.of("--config", "--preset", "--seed", "--export", "--backend",
                "--threads"));
        if (options.containsKey("--config") == options.containsKey("--preset")) {
            throw new UsageException("give either --config or --preset");
        }
        if (options.containsKey("--export")) requireWritable(Path.of(options.get("--export")));   // before a long run
        if (options.containsKey("--preset")) return preset(options, out, err);
        TrainingConfig config = withSeed(ModelExport.readConfig(ConfigFiles.read(options.get("--config"), in)), options);
        single(config, options, out, new LessonSummary.Tally("run"));
        return 0;
    }

    private static int preset(Map<String, String> options, PrintStream out, PrintStream err) {
        String name = options.get("--preset");
        Lesson lesson = Lessons.find(name).orElseThrow(() -> new UsageException("no lesson is called " + name
                + " (known: " + String.join(", ", Lessons.ALL.stream().map(Lesson::id).toList()) + ")"));
        TrainingConfig config = withSeed(lesson.config(), options);
        if (lesson.view() != null) {
            if (options.containsKey("--export")) throw new UsageException("--export takes one run; lesson " + name + " trains none");
            LandscapeSummary.print(lesson, config, out, err);
        } else if (!lesson.isComparison() && lesson.sweep() == null) {
            LessonSummary.Tally run = new LessonSummary.Tally("run");
            single(config, options, out, run);
            LessonSummary.print(lesson, config, List.of(run), err);
        } else if (options.containsKey("--export")) {
            throw new UsageException("--export takes one run; lesson " + name + " is a "
                    + (lesson.isComparison() ? "comparison" : "sweep"));
        } else if (lesson.isComparison()) {
            List<LessonSummary.Tally> runs = List.of(new LessonSummary.Tally("A"), new LessonSummary.Tally("B"));
            comparison(config, withSeed(lesson.configB(), options), Options.backend(options), out, runs);
            LessonSummary.print(lesson, config, runs, err);
        } else {
            Lesson.SweepPlan plan = lesson.sweepPlan();
            SweepCommand.print(config, plan.param(), plan.values(),
                    Math.min(2, Backend.maxThreads()), Options.backend(options), out);
        }
        out.flush();
        return 0;
    }

    private static void single(TrainingConfig config, Map<String, String> options, PrintStream out,
                               LessonSummary.Tally tally) {
        try (Trainer trainer = new Trainer(config, Datasets.load(config.data()), Options.backend(options),
                Options.threads(options))) {
            tally.initial(trainer.initialReport());
            trainer.run(new TrainingListener() {
                @Override public void onEpoch(EpochReport report) {
                    tally.epoch(report);
                    out.println(Json.write(Json.epoch(report)));
                }

                @Override public void onEnd(RunEnd end) {
                    tally.end(end);
                    out.println(Json.write(Json.end(end)));
                }
            });
            if (options.containsKey("--export")) export(trainer, Path.of(options.get("--export")));
        }
        out.flush();
    }

    /**
     * Runs A and B in lockstep, as the page's comparison does; each line says which run it belongs to, and each run's
     * numbers go to its tally ({@code runs}: A's, then B's).
     */
    private static void comparison(TrainingConfig a, TrainingConfig b, Backend backend, PrintStream out,
                                   List<LessonSummary.Tally> runs) {
        try (Comparison comparison = new Comparison(a, b, backend)) {
            runs.get(0).initial(comparison.a().initialReport());
            runs.get(1).initial(comparison.b().initialReport());
            boolean[] ended = new boolean[2];
            while (!comparison.isFinished()) {
                Comparison.Step step = comparison.step();
                step.a().ifPresent(report -> printEpoch(report, "a", runs.get(0), out));
                step.b().ifPresent(report -> printEpoch(report, "b", runs.get(1), out));
                ended[0] = announceEnd(comparison.a(), "a", ended[0], runs.get(0), out);
                ended[1] = announceEnd(comparison.b(), "b", ended[1], runs.get(1), out);
            }
        }
    }

    private static void printEpoch(EpochReport report, String run, LessonSummary.Tally tally, PrintStream out) {
        tally.epoch(report);
        out.println(Json.write(marked(Json.epoch(report), run)));
    }

    private static boolean announceEnd(Trainer trainer, String run, boolean announced, LessonSummary.Tally tally,
                                       PrintStream out) {
        if (announced || trainer.end().isEmpty()) return announced;
        tally.end(trainer.end().get());
        out.println(Json.write(marked(Json.end(trainer.end().get()), run)));
        return true;
    }

    private static Map<String, Object> marked(Map<String, Object> line, String run) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("type", line.get("type"));
        out.put("run", run);
        out.putAll(line);
        return out;
    }

    private static TrainingConfig withSeed(TrainingConfig config, Map<String, String> options) {
        if (!options.containsKey("--seed")) return config;
        return config.withSeed(Options.integer(options, "--seed", 1, 0, Integer.MAX_VALUE));
    }

    /** Refuses an export target that cannot be written, before anything trains. */
    private static void requireWritable(Path file) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) throw new UsageException("--export " + file + " is a directory; name a file");
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UsageException("--export " + file + ": the directory " + parent + " does not exist");
        }
        if (!Files.isWritable(parent)) throw new UsageException("--export " + file + ": cannot write in " + parent);
    }

    /**
     * Writes the model atomically: into a hidden temporary file beside the target, then renamed over it, so a reader
     * never sees half a file and a failure leaves nothing behind.
     */
    private static void export(Trainer trainer, Path file) {
        Path absolute = file.toAbsolutePath();
        requireWritable(absolute);
        Path temporary = null;
        try {
            temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
            Files.writeString(temporary, Json.write(ModelExport.of(trainer)));
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the export " + file + " (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // nothing more can be done; the name starts with a dot and ends in .tmp
                }
            }
        }
    }
}
