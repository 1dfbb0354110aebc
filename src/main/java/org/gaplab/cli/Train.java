package org.gaplab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.gaplab.data.Datasets;
import org.gaplab.engine.Backend;
import org.gaplab.lessons.Lesson;
import org.gaplab.lessons.LessonShelf;
import org.gaplab.lessons.LessonTrials;
import org.gaplab.lessons.Lessons;
import org.gaplab.protocol.Json;
import org.gaplab.protocol.ModelExport;
import org.gaplab.training.EpochReport;
import org.gaplab.engine.Precision;
import org.gaplab.training.RunEnd;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.gaplab.training.TrainingListener;
import org.gaplab.verdicts.Verdicts;

/**
 * {@code train (--config FILE|- | --preset NAME) [--seed S | --seeds LIST] [--export MODEL.json]
 * [--backend blas|java|auto] [--precision f32|f64] [--threads N]}: trains and prints JSON Lines, one {@code epoch} object per epoch and a final {@code end} object (the same objects the WebSocket streams); optionally
 * writes the trained model with its config. The config may itself be such an export: its config is retrained.
 *
 * <p>A preset runs a lesson exactly as the page does: one run; or, for a comparison lesson, runs A and B in lockstep
 * from the same seed, data and initial weights, every line marked {@code "run": "a"} or {@code "b"}; or, for a sweep
 * lesson, the sweep's lines as {@code sweep --seeds} prints them. Every line carries its {@code seed}: a lesson trains
 * on several (its {@code seeds}, or {@code --seeds}), each its own training sample and initial weights, all judged on
 * the first seed's validation and test points. On stderr follow the first seed's numbers ({@link LessonSummary}), then
 * the lesson's claims and the comparison's verdicts over the seeds; the exit status is 3 when a claim falls short.
 * With several seeds, {@code --threads N} trains N seeds at once; the lines come out in seed order all the same.
 */
final class Train {
    private Train() { }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        Map<String, String> options = Options.parse(args, List.of("--config", "--preset", "--seed", "--seeds", "--export",
                "--backend", "--precision", "--threads", "--lessons-dir"));
        if (options.containsKey("--config") == options.containsKey("--preset")) {
            throw new UsageException("give either --config or --preset");
        }
        if (options.containsKey("--seed") && options.containsKey("--seeds")) {
            throw new UsageException("give --seed or --seeds, not both");
        }
        if (options.containsKey("--export")) requireWritable(Path.of(options.get("--export")));   // before a long run
        if (options.containsKey("--preset")) return preset(options, out, err);
        TrainingConfig config = withSeed(ModelExport.readConfig(ConfigFiles.read(options.get("--config"), in)), options);
        List<Long> seeds = seeds(config, options);
        if (seeds.size() == 1 && seeds.get(0) == config.seed()) {
            single(config.withSeeds(1), options, out, new LessonSummary.Tally("run"));
            return 0;
        }
        refuseExport(options, "a run on " + seeds.size() + " seeds");
        SeedLines lines = new SeedLines();
        ExecutorService pool = SeedLines.pool(Options.threads(options));
        try {
            List<LessonTrials.Pair> pairs = LessonTrials.pairs(config.withSeed(seeds.get(0)), null, seeds,
                    Options.backend(options), Options.precision(options), pool, lines);
            lines.print(out);
            err.println();
            SeedLines.printVerdicts(SeedLines.heading(seeds), Verdicts.run(pairs.stream().map(LessonTrials.Pair::a).toList()), err);
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    /**
     * A lesson as the page trains it, on its seeds (its {@code seeds} from {@code --seed} or its own seed, or the
     * {@code --seeds} given): the runs' lines in seed order, then on stderr the first seed's numbers, the lesson's
     * claims judged over the seeds and the comparison's verdicts. Exits 3 when a claim holds on fewer seeds than it
     * must.
     */
    private static int preset(Map<String, String> options, PrintStream out, PrintStream err) {
        String name = options.get("--preset");
        addAuthorsLessons(options, err);
        Lesson lesson = Lessons.find(name).orElseThrow(() -> new UsageException("no lesson is called " + name
                + " (known: " + String.join(", ", Lessons.all().stream().map(Lesson::id).toList()) + ")"));
        TrainingConfig config = withSeed(lesson.config(), options);
        if (lesson.view() != null) {
            if (options.containsKey("--export")) throw new UsageException("--export takes one run; lesson " + name + " trains none");
            LandscapeSummary.print(lesson, config, out, err);
            return 0;
        }
        List<Long> seeds = seeds(config, options);
        if (options.containsKey("--export")) {
            if (lesson.isComparison() || lesson.sweep() != null || seeds.size() > 1) {
                refuseExport(options, "lesson " + name + " (a " + (lesson.isComparison() ? "comparison"
                        : lesson.sweep() != null ? "sweep" : "run on " + seeds.size() + " seeds") + ")");
            }
            LessonSummary.Tally run = new LessonSummary.Tally("run");
            single(config.withSeeds(1), options, out, run);
            LessonSummary.print(lesson, config, List.of(run), err);
            return 0;
        }
        SeedLines lines = new SeedLines();
        ExecutorService pool = SeedLines.pool(Options.threads(options));
        LessonTrials.Trial trial;
        try {
            trial = LessonTrials.train(lesson, seeds, Options.backend(options), Options.precision(options), pool, lines);
        } finally {
            pool.shutdownNow();
        }
        if (trial.sweep() != null) {
            SweepLines.print(trial.sweep(), out);
        } else {
            lines.print(out);
            List<LessonSummary.Tally> tallies = new java.util.ArrayList<>(List.of(LessonSummary.Tally.of("A",
                    trial.pairs().get(0).a())));
            if (lesson.isComparison()) tallies.add(LessonSummary.Tally.of("B", trial.pairs().get(0).b()));
            if (!lesson.isComparison()) tallies.set(0, LessonSummary.Tally.of("run", trial.pairs().get(0).a()));
            LessonSummary.print(lesson, config.withSeed(seeds.get(0)), tallies, err);
        }
        err.println();
        SeedLines.printVerdicts(SeedLines.heading(seeds) + "\nThe lesson's claims:", trial.claims(), err);
        SeedLines.printVerdicts("What the runs say:", trial.verdicts(), err);
        err.flush();
        return trial.holds() ? 0 : 3;
    }

    /**
     * {@code --lessons-dir DIR} (else {@code $GAPLAB_LESSONS_DIR}): the author's lessons join the built-in ones, as on the
     * server; a refused file is named on stderr and the others stay.
     */
    private static void addAuthorsLessons(Map<String, String> options, PrintStream err) {
        String dir = options.getOrDefault("--lessons-dir", System.getenv("GAPLAB_LESSONS_DIR"));
        if (dir == null || dir.isBlank()) return;
        LessonShelf shelf = LessonShelf.load(Path.of(dir), false);
        for (String problem : shelf.problems()) err.println("gaplab train: lesson file refused: " + problem);
        Lessons.install(shelf);
    }

    /** {@code --seeds}, else the config's own seeds from its seed on. */
    private static List<Long> seeds(TrainingConfig config, Map<String, String> options) {
        if (options.containsKey("--seeds")) return SeedLines.parse(options.get("--seeds"));
        List<Long> seeds = new java.util.ArrayList<>();
        for (int i = 0; i < config.seeds(); i++) seeds.add(config.seed() + i);
        return seeds;
    }

    private static void refuseExport(Map<String, String> options, String what) {
        if (options.containsKey("--export")) throw new UsageException("--export takes one run on one seed; " + what + " has more");
    }

    private static void single(TrainingConfig config, Map<String, String> options, PrintStream out,
                               LessonSummary.Tally tally) {
        Precision precision = Options.precision(options);
        try (Trainer trainer = new Trainer(config, Datasets.load(config.data()), Options.backend(options), precision,
                Options.threads(options))) {
            tally.initial(trainer.initialReport());
            trainer.run(new TrainingListener() {
                @Override public void onEpoch(EpochReport report) {
                    tally.epoch(report);
                    out.println(Json.write(Json.epoch(report)));
                }

                @Override public void onEnd(RunEnd end) {
                    tally.end(end);
                    Map<String, Object> line = Json.end(end);
                    line.put("precision", precision.configName());        // what computed these numbers
                    out.println(Json.write(line));
                }
            });
            if (options.containsKey("--export")) export(trainer, Path.of(options.get("--export")));
        }
        out.flush();
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
