package org.gaplab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.gaplab.engine.Backend;
import org.gaplab.engine.Precision;
import org.gaplab.training.Comparison;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.Sweep;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.gaplab.verdicts.BiasVariance;
import org.gaplab.verdicts.RunOutcome;
import org.gaplab.verdicts.SweepVerdicts;
import org.gaplab.verdicts.Verdict;
import org.gaplab.verdicts.Verdicts;

/**
 * A lesson trained for real over several seeds, exactly as the page trains it: each seed its own training sample and
 * initial weights, all in the world of the first seed and judged on its validation and test points; runs A and B of a
 * comparison in lockstep from the same seed; a sweep's every value on every seed. Then what its seeds say: the lesson's
 * claims and the comparison's verdicts, from the same {@link Verdicts} the page shows.
 */
public final class LessonTrials {
    /** What one run printed as it trained: the lines {@code train} writes, kept so seeds trained at once print in order. */
    public interface Listener {
        Listener NONE = new Listener() { };

        /** An epoch of run {@code run} ("a", "b", or null for a one-run lesson) on {@code seed}. */
        default void epoch(long seed, String run, EpochReport report) { }

        /** Run {@code run} on {@code seed} ended. */
        default void end(long seed, String run, RunEnd end) { }
    }

    /** One seed's runs: A and, for a comparison, B (else null). */
    public record Pair(RunOutcome a, RunOutcome b) { }

    /**
     * What the seeds showed. For a comparison or one run, {@code pairs} (a seed each); for a sweep, {@code sweep}:
     * value v's runs by seed, and each value's bias/variance over its seeds.
     */
    public record Trial(Lesson lesson, List<Long> seeds, List<Pair> pairs, SweepTrial sweep) {
        public List<RunOutcome> a() { return pairs.stream().map(Pair::a).toList(); }

        public List<RunOutcome> b() { return pairs.stream().map(Pair::b).toList(); }

        /** The lesson's claims, judged over the seeds. */
        public List<Verdict> claims() {
            if (sweep != null) return sweep.verdicts();
            return Verdicts.claims(lesson.claims(), a(), lesson.isComparison() ? b() : null);
        }

        /** What any run or comparison of these seeds says, whatever the lesson claims. */
        public List<Verdict> verdicts() {
            if (sweep != null) return List.of();
            return lesson.isComparison() ? Verdicts.comparison(a(), b()) : Verdicts.run(a());
        }

        /**
         * Whether every claim held on its required share of the seeds (on one seed: on it). A verdict on fewer than
         * three seeds still says only "on these seeds"; this asks only whether they fell short.
         */
        public boolean holds() {
            return claims().stream().allMatch(v -> v.seeds() > 0 && v.held() >= v.required());
        }
    }

    private LessonTrials() { }

    /** Trains the lesson on each seed (the first seed's world for all), the seeds' runs spread over {@code executor}. */
    public static Trial train(Lesson lesson, List<Long> seeds, Backend backend, Executor executor, Listener listener) {
        return train(lesson, seeds, backend, Precision.preferred(), executor, listener);
    }

    /** {@link #train} computing in {@code precision}. */
    public static Trial train(Lesson lesson, List<Long> seeds, Backend backend, Precision precision, Executor executor,
                              Listener listener) {
        if (seeds.isEmpty()) throw new IllegalArgumentException("no seeds");
        TrainingConfig world = lesson.config().withSeed(seeds.get(0));
        if (lesson.sweep() != null) {
            Lesson.SweepPlan plan = lesson.sweepPlan();
            return new Trial(lesson, List.copyOf(seeds), List.of(),
                    sweep(world, plan.param(), plan.values(), seeds, backend, precision, executor, listener));
        }
        TrainingConfig b = lesson.isComparison() ? lesson.configB().withSeed(seeds.get(0)) : null;
        return new Trial(lesson, List.copyOf(seeds),
                pairs(world, b, seeds, backend, precision, executor, listener, lesson.probesEveryEpoch()), null);
    }

    /**
     * Config {@code a} (and, when not null, {@code b}, in lockstep) on each seed, in {@code a}'s world and judged on its
     * validation and test points; a pair per seed, in seed order.
     */
    public static List<Pair> pairs(TrainingConfig a, TrainingConfig b, List<Long> seeds, Backend backend,
                                   Executor executor, Listener listener) {
        return pairs(a, b, seeds, backend, Precision.preferred(), executor, listener);
    }

    /** {@link #pairs} computing in {@code precision}. */
    public static List<Pair> pairs(TrainingConfig a, TrainingConfig b, List<Long> seeds, Backend backend,
                                   Precision precision, Executor executor, Listener listener) {
        return pairs(a, b, seeds, backend, precision, executor, listener, false);
    }

    /** As above; {@code probeEveryEpoch}: whether runs nobody prints still probe their layers after epoch 0. */
    private static List<Pair> pairs(TrainingConfig a, TrainingConfig b, List<Long> seeds, Backend backend,
                                    Precision precision, Executor executor, Listener listener, boolean probeEveryEpoch) {
        List<CompletableFuture<Pair>> runs = new ArrayList<>();
        for (long seed : seeds) {
            runs.add(CompletableFuture.supplyAsync(() -> b != null
                    ? pair(a.onSeed(seed), b.onSeed(seed), seed, backend, precision, listener, probeEveryEpoch)
                    : new Pair(trained(a.onSeed(seed), Datasets.load(a.onSeed(seed).data()), seed, null, backend,
                            precision, listener, probeEveryEpoch).outcome, null), executor));
        }
        return runs.stream().map(CompletableFuture::join).toList();
    }

    private static Pair pair(TrainingConfig a, TrainingConfig b, long seed, Backend backend, Precision precision,
                             Listener listener, boolean probeEveryEpoch) {
        try (Comparison comparison = new Comparison(a, b, backend, precision)) {
            light(comparison.a(), listener, probeEveryEpoch);
            light(comparison.b(), listener, probeEveryEpoch);
            RunOutcome.Tally left = new RunOutcome.Tally(comparison.a().initialReport());
            RunOutcome.Tally right = new RunOutcome.Tally(comparison.b().initialReport());
            while (!comparison.isFinished()) {
                Comparison.Step step = comparison.step();
                step.a().ifPresent(report -> {
                    left.epoch(report);
                    listener.epoch(seed, "a", report);
                });
                step.b().ifPresent(report -> {
                    right.epoch(report);
                    listener.epoch(seed, "b", report);
                });
                ended(comparison.a(), left, seed, "a", listener);
                ended(comparison.b(), right, seed, "b", listener);
            }
            return new Pair(left.outcome(), right.outcome());
        }
    }

    /** A run trained to its end, with its validation predictions (for bias/variance). */
    private record Trained(RunOutcome outcome, double[] predictions, int width, DataSplits data) { }

    private static Trained trained(TrainingConfig config, DataSplits data, long seed, String run, Backend backend,
                                   Precision precision, Listener listener, boolean probeEveryEpoch) {
        try (Trainer trainer = new Trainer(config, data, backend, precision, 1)) {
            light(trainer, listener, probeEveryEpoch);
            RunOutcome.Tally tally = new RunOutcome.Tally(trainer.initialReport());
            while (!trainer.isFinished()) {
                trainer.runEpoch().ifPresent(report -> {
                    tally.epoch(report);
                    listener.epoch(seed, run, report);
                });
            }
            ended(trainer, tally, seed, run, listener);
            return new Trained(tally.outcome(), trainer.validationPredictions(), trainer.network().outputSize(), data);
        }
    }

    /** Reports nobody prints are light: no distributions, and no probe after epoch 0 unless a claim reads it. */
    private static void light(Trainer trainer, Listener listener, boolean probeEveryEpoch) {
        trainer.setDetailed(listener != Listener.NONE);
        trainer.setProbedEveryEpoch(listener != Listener.NONE || probeEveryEpoch);
    }

    private static void ended(Trainer trainer, RunOutcome.Tally tally, long seed, String run, Listener listener) {
        if (tally.ended() || trainer.end().isEmpty()) return;
        tally.end(trainer.end().get(), trainer);
        listener.end(seed, run, trainer.end().get());
    }

    /**
     * A sweep over seeds: {@code runs.get(v).get(s)} is value v's run on seed s; {@code parts.get(v)} value v's
     * bias and variance over its seeds' final models, on the shared validation points.
     */
    public record SweepTrial(String param, List<Double> values, List<Long> seeds, List<List<RunOutcome>> runs,
                             List<BiasVariance> parts) {
        public List<Verdict> verdicts() {
            return SweepVerdicts.of(param, values, runs, parts);
        }
    }

    /**
     * Every value on every seed (each seed's own training sample in {@code world}'s world); a value's k final models
     * give its bias and variance on the shared validation points.
     */
    public static SweepTrial sweep(TrainingConfig world, String param, List<Double> values, List<Long> seeds,
                                   Backend backend, Executor executor, Listener listener) {
        return sweep(world, param, values, seeds, backend, Precision.preferred(), executor, listener);
    }

    /** {@link #sweep} computing in {@code precision}. */
    public static SweepTrial sweep(TrainingConfig world, String param, List<Double> values, List<Long> seeds,
                                   Backend backend, Precision precision, Executor executor, Listener listener) {
        List<List<CompletableFuture<Trained>>> futures = new ArrayList<>();
        for (double value : values) {
            TrainingConfig config = Sweep.vary(world, param, value);
            List<CompletableFuture<Trained>> perSeed = new ArrayList<>();
            for (long seed : seeds) {
                TrainingConfig run = config.onSeed(seed);
                perSeed.add(CompletableFuture.supplyAsync(() -> trained(run, Datasets.load(run.data()), seed,
                        param + "=" + value, backend, precision, listener, false), executor));
            }
            futures.add(perSeed);
        }
        List<List<RunOutcome>> runs = new ArrayList<>();
        List<BiasVariance> parts = new ArrayList<>();
        for (List<CompletableFuture<Trained>> perSeed : futures) {
            List<Trained> done = perSeed.stream().map(CompletableFuture::join).toList();
            runs.add(done.stream().map(Trained::outcome).toList());
            parts.add(BiasVariance.of(done.stream().map(Trained::predictions).toList(), done.get(0).data().validation(),
                    done.get(0).width()));
        }
        return new SweepTrial(param, List.copyOf(values), List.copyOf(seeds), runs, parts);
    }
}
