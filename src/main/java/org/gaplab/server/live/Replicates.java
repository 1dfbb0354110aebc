package org.gaplab.server.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.gaplab.data.DataSplits;
import org.gaplab.server.safety.RunLimits;
import org.gaplab.training.EpochProgress;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.gaplab.verdicts.RunOutcome;

/**
 * The runs of one config over its seeds ({@link TrainingConfig#replicate}), trained in lockstep: one step is one
 * epoch of every run still training, in seed order, in as many of the session's turns as it takes, so k seeds take
 * the session's one fair share and always show the same epoch. Of each run it keeps only what verdicts read (a
 * {@link RunOutcome.Tally}), never every epoch's report. The run, the comparison (two of these, paired seed by seed)
 * and the sweep (one per value) all train their seeds here.
 */
final class Replicates implements AutoCloseable {
    private final TrainingConfig config;
    private final List<Trainer> trainers = new ArrayList<>();
    private final RunOutcome.Tally[] tallies;
    private final EpochReport[] stepReports;   // this step's new report of each seed, null where none
    private final boolean[] endsTold;
    private int measured;       // seeds whose untrained network is measured
    private int training = -1;  // the seed whose epoch is in progress; −1 between steps
    private int steps;

    /** The runs of an admitted config, seed i on {@code data.get(i)} (its own training sample). */
    Replicates(RunLimits limits, TrainingConfig config, List<DataSplits> data) {
        this.config = config;
        int k = config.seeds();
        this.tallies = new RunOutcome.Tally[k];
        this.stepReports = new EpochReport[k];
        this.endsTold = new boolean[k];
        try {
            for (int i = 0; i < k; i++) trainers.add(limits.build(config.replicate(i), data.get(i)));
            detail(0);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /**
     * Only seed {@code seed}'s reports carry the layers' distributions (−1: none's): the others' reports are read by
     * verdicts and curves only, and skipping their histograms and spectra nearly halves a small network's report.
     */
    void detail(int seed) {
        for (int i = 0; i < trainers.size(); i++) trainers.get(i).setDetailed(i == seed);
    }

    /**
     * Whether the seeds not viewed still probe their layers' activations and gradients after epoch 0: only when a
     * claim of the lesson reads them in every epoch ({@code Lesson.probesEveryEpoch}); otherwise they skip that third
     * of a small network's epoch.
     */
    void probeEveryEpoch(boolean value) {
        for (Trainer trainer : trainers) trainer.setProbedEveryEpoch(value);
    }

    /** The experiment's config (with every seed), as the page set it. */
    TrainingConfig config() { return config; }

    int size() { return trainers.size(); }

    Trainer trainer(int seed) { return trainers.get(seed); }

    /** Lockstep steps completed: the epoch every seed still training has reached. */
    int steps() { return steps; }

    /**
     * Measures the untrained networks, seed after seed, until done (true) or {@code timeUp}; their reports are then
     * this step's ({@link #stepReports}).
     */
    boolean measureInitial(BooleanSupplier timeUp) {
        while (measured < trainers.size()) {
            Optional<EpochReport> initial = trainers.get(measured).initialReport(timeUp);
            if (initial.isEmpty()) return false;
            stepReports[measured] = initial.get();
            tallies[measured] = new RunOutcome.Tally(initial.get());
            measured++;
            if (measured < trainers.size() && timeUp.getAsBoolean()) return false;
        }
        return true;
    }

    /** Whether every seed's untrained network has been measured. */
    boolean isMeasured() {
        return measured == trainers.size();
    }

    /** Trains the step in progress, or a new one, until done (true: one epoch of every seed still training) or {@code timeUp}. */
    boolean advance(BooleanSupplier timeUp) {
        if (training < 0) {
            Arrays.fill(stepReports, null);
            training = nextTraining(0);
        }
        while (training < trainers.size()) {
            Trainer trainer = trainers.get(training);
            Optional<EpochReport> report = trainer.runEpoch(timeUp);
            if (report.isEmpty() && !trainer.isFinished()) return false;   // the epoch goes on next turn
            if (report.isPresent()) {
                stepReports[training] = report.get();
                tallies[training].epoch(report.get());
            }
            noteEnd(training);
            training = nextTraining(training + 1);
            if (training < trainers.size() && timeUp.getAsBoolean()) return false;
        }
        training = -1;
        steps++;
        return true;
    }

    /** Whether all are measured and no step is half done. */
    boolean isBetweenSteps() {
        return isMeasured() && training < 0;
    }

    boolean isFinished() {
        return trainers.stream().allMatch(Trainer::isFinished);
    }

    /** How far the step in progress has come (the seed training now, else the first still training). */
    EpochProgress progress() {
        int seed = training >= 0 ? training : Math.min(nextTraining(0), trainers.size() - 1);
        return trainers.get(seed).progress();
    }

    /** This step's new reports in seed order (null where a seed trained no epoch). */
    List<EpochReport> stepReports() {
        return Arrays.asList(stepReports.clone());
    }

    EpochReport stepReport(int seed) {
        return stepReports[seed];
    }

    /** The newest report of a seed: its latest epoch's, or its untrained network's (a frame repeats it once it ended). */
    EpochReport newest(int seed) {
        RunOutcome outcome = tallies[seed].outcome();
        return outcome.latest() != null ? outcome.latest() : outcome.initial();
    }

    /** What each seed showed so far, in seed order. */
    List<RunOutcome> outcomes() {
        List<RunOutcome> outcomes = new ArrayList<>(tallies.length);
        for (RunOutcome.Tally tally : tallies) outcomes.add(tally.outcome());
        return outcomes;
    }

    RunOutcome outcome(int seed) {
        return tallies[seed].outcome();
    }

    /**
     * Takes new live settings for every seed (each its own replicate of {@code next}), already checked by
     * {@code LiveChange.applyTo}: the seed count is not live, so it is the same.
     */
    void applyLive(TrainingConfig next) {
        for (int i = 0; i < trainers.size(); i++) trainers.get(i).applyLive(next.replicate(i));
        for (int i = 0; i < trainers.size(); i++) noteEnd(i);
    }

    /** Seeds that ended since last asked, in seed order, each told once. */
    List<Integer> newEnds() {
        List<Integer> ended = new ArrayList<>();
        for (int i = 0; i < trainers.size(); i++) {
            if (!endsTold[i] && trainers.get(i).isFinished()) {
                endsTold[i] = true;
                ended.add(i);
            }
        }
        return ended;
    }

    RunEnd end(int seed) {
        return trainers.get(seed).end().orElseThrow();
    }

    /** Epochs trained over all seeds, for the logs. */
    int epochs() {
        return trainers.stream().mapToInt(Trainer::epoch).sum();
    }

    private void noteEnd(int seed) {
        Trainer trainer = trainers.get(seed);
        if (trainer.isFinished() && tallies[seed] != null && !tallies[seed].ended()) {
            tallies[seed].end(trainer.end().orElseThrow(), trainer);
        }
    }

    private int nextTraining(int from) {
        int seed = from;
        while (seed < trainers.size() && trainers.get(seed).isFinished()) seed++;
        return seed;
    }

    @Override
    public void close() {
        trainers.forEach(Trainer::close);
    }
}
