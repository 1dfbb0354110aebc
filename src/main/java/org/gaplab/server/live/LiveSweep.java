package org.gaplab.server.live;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.gaplab.data.DataSplits;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.EpochFrames;
import org.gaplab.protocol.ErrorCode;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.Json;
import org.gaplab.protocol.LiveChange;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.server.wire.Outbox;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.training.EpochProgress;
import org.gaplab.training.EpochReport;
import org.gaplab.training.Sweep;
import org.gaplab.training.TrainingConfig;
import org.gaplab.verdicts.BiasVariance;
import org.gaplab.verdicts.RunOutcome;
import org.gaplab.verdicts.SweepVerdicts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sweep streamed to a browser: one run per value of one setting and seed, and the value whose models have the
 * lowest validation loss. A value's seeds train in lockstep ({@link Replicates}); the values train round-robin, one
 * step of one value per step of the session, so a sweep takes the session's one fair share like a single run (the
 * engine's {@link Sweep#run} would hand whole runs to an executor; the session pool's workers are shared, so here the
 * session's slices do the work). When every seed of a value has ended, its seeds' final models give the value's
 * bias/variance decomposition and (2-D data) their decision boundaries ({@link SeedSpread}).
 *
 * <p>Memory stays bounded: the networks training at once hold at most the engine's single-run parameter limit
 * together (and were admitted against the memory budget), a value's trainers are freed as soon as its seeds end,
 * and only what the verdicts read is kept of them.
 */
final class LiveSweep extends HoldingExperiment {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSweep.class);

    /** A value's runs, one per seed, while they train. */
    private static final class Member {
        final int index;
        final Replicates runs;
        boolean initialSent;

        Member(int index, Replicates runs) {
            this.index = index;
            this.runs = runs;
            runs.probeEveryEpoch(false);   // a sweep's verdicts read no layer statistics after the start
        }
    }

    private final Command.Sweep sweep;
    private final List<TrainingConfig> configs;
    private final List<DataSplits> data;            // value v's seed i at v·seeds + i (the same splits when shared)
    private final int seeds;
    private final int concurrent;
    private final long stepMacs;
    private final Outbox.Shape shape;
    private final List<Member> training = new ArrayList<>();
    private final List<Map<String, Object>> results;   // each value's first seed's sweep-run message, once ended
    private final List<List<RunOutcome>> outcomes;     // each value's seeds' outcomes, once they ended
    private final List<BiasVariance> parts;            // each value's decomposition (null with one seed)
    private int started;                 // values whose runs have begun
    private int turn;                    // position in training of the value that trains next
    private Member current;              // the value whose step is in progress, or null between steps
    private int steps;
    private boolean summarized;

    /**
     * A sweep of admitted runs on their data (one split per value and seed, or one per seed for all values when the
     * data is shared), {@code concurrent} values training at once; it owns {@code holdings} from now on.
     */
    LiveSweep(RunContext context, Command.Sweep sweep, List<DataSplits> data, int concurrent, Holdings holdings) {
        super(context, holdings);
        this.sweep = sweep;
        this.configs = configs(sweep);
        this.seeds = sweep.base().seeds();
        List<DataSplits> all = new ArrayList<>();
        for (int v = 0; v < configs.size(); v++) all.addAll(data.size() == seeds ? data : data.subList(v * seeds, (v + 1) * seeds));
        this.data = all;
        this.concurrent = concurrent;
        this.results = new ArrayList<>(Collections.nCopies(configs.size(), null));
        this.outcomes = new ArrayList<>(Collections.nCopies(configs.size(), List.of()));
        this.parts = new ArrayList<>(Collections.nCopies(configs.size(), null));
        long macs = 0;
        for (int v = 0; v < configs.size(); v++) {
            macs = Math.max(macs, context.limits().footprint(configs.get(v), this.data.get(v * seeds)).stepMacs());
        }
        this.stepMacs = macs;
        List<Double> values = sweep.values();
        this.shape = (runs, notes) -> {
            List<EpochFrames.SweepProgress> progress = new ArrayList<>();
            runs.forEach((lane, run) -> {
                int index = Integer.parseInt(lane.substring(0, lane.indexOf(':')));
                int seed = Integer.parseInt(lane.substring(lane.indexOf(':') + 1));
                progress.add(new EpochFrames.SweepProgress(index, values.get(index), seed, run.epochs()));
            });
            return new EpochFrames.SweepFrame(progress);
        };
        try {
            startWaiting();
        } catch (RuntimeException | Error e) {
            training.forEach(member -> member.runs.close());
            throw e;
        }
    }

    /** Each value's config, checked: the command line's sweep's configs ({@link Sweep#configs}). */
    static List<TrainingConfig> configs(Command.Sweep sweep) {
        try {
            return Sweep.configs(sweep.base(), sweep.param(), sweep.values());
        } catch (InvalidSettingException e) {
            throw ProtocolError.invalid(e);
        }
    }

    /** Whether every value trains on the same data (else each value has its own and they train one at a time). */
    static boolean sharesData(Command.Sweep sweep) {
        return Sweep.sharesData(sweep.base(), configs(sweep));
    }

    /**
     * How many values, each of {@code seeds} runs of {@code parameters} weights, train at once: as many as fit in one
     * run's parameter limit.
     */
    static int concurrent(Command.Sweep sweep, long parameters) {
        long perValue = Math.max(1, parameters) * sweep.base().seeds();
        return !sharesData(sweep) ? 1
                : (int) Math.max(1, Math.min(sweep.values().size(), TrainingConfig.MAX_PARAMETERS / perValue));
    }

    @Override
    protected LiveSweep rebuildOn(Holdings handed) {
        return new LiveSweep(context, sweep, data, concurrent, handed);
    }

    @Override
    public void announce(String reason, boolean running, double speed) {
        context.outbox().control(Frames.seeds(Frames.startedSweep(reason, running, sweep.base(), sweep.param(),
                sweep.values(), concurrent, data.get(0), speed), sweep.base(), sweep.lesson()));
    }

    /** Each new value's epoch 0 first, then one step of the next value in turn; a value that ends makes room. */
    @Override
    public boolean advance(BooleanSupplier timeUp, boolean stopsAfter) {
        if (summarized) return false;
        for (Member member : training) {
            if (member.initialSent) continue;
            if (!member.runs.measureInitial(timeUp)) return false;
            send(member);
            member.initialSent = true;
            if (timeUp.getAsBoolean()) return false;
        }
        if (training.isEmpty()) throw new IllegalStateException("a sweep with values left has no run training");
        if (current == null) current = training.get(turn % training.size());
        if (!current.runs.advance(timeUp)) return false;   // goes on next turn
        Member member = current;
        current = null;
        steps++;
        send(member);
        for (int seed : member.runs.newEnds()) {
            Map<String, Object> run = Frames.sweepRun(member.index, sweep.param(), sweep.values().get(member.index),
                    member.runs.end(seed));
            run.put("seed", seed);
            if (seed == 0) results.set(member.index, run);
            context.outbox().control(run);
        }
        int position = training.indexOf(member);
        if (member.runs.isFinished()) {
            training.remove(position);
            turn = position;
            ended(member);
            startWaiting();
            if (training.isEmpty()) summarize();
        } else {
            turn = position + 1;
        }
        return true;
    }

    /** A value's new epochs, one lane per seed ("index:seed"). */
    private void send(Member member) {
        List<Outbox.RunEpoch> epochs = new ArrayList<>();
        List<EpochReport> reports = member.runs.stepReports();
        for (int seed = 0; seed < reports.size(); seed++) {
            if (reports.get(seed) != null) epochs.add(new Outbox.RunEpoch(member.index + ":" + seed, reports.get(seed), Map.of()));
        }
        context.outbox().epochs(shape, epochs);
    }

    @Override
    public boolean isBetweenSteps() {
        return current == null && training.stream().allMatch(m -> m.initialSent);
    }

    @Override
    public int position() { return steps; }

    @Override
    public EpochProgress progress() {
        Member member = current != null ? current : training.isEmpty() ? null : training.get(turn % training.size());
        return member == null ? new EpochProgress(0, EpochProgress.Phase.TRAINING, 0, 0) : member.runs.progress();
    }

    /** The step button: one epoch of every seed of every value in training. */
    @Override
    public int stepSize() {
        return Math.max(1, training.size());
    }

    @Override
    public void viewSeed(int index) {
        throw new ProtocolError(ErrorCode.INVALID, "type", "view-seed", "view-seed in a run or a comparison",
                "a sweep shows no single seed's model; its sweep-value messages carry every seed's boundary");
    }

    @Override
    public void update(LiveChange change, double speed) {
        if (!change.isEmpty()) {
            String key = change.sent().keySet().iterator().next();
            throw ProtocolError.needsReset(new InvalidSettingException(key, change.sent().get(key), "a live setting"));
        }
        context.outbox().control(Frames.updated(sweep.base(), speed));
    }

    @Override
    public Map<String, Object> command() {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("type", "sweep");
        command.put("config", Json.config(sweep.base()));
        command.put("param", sweep.param());
        command.put("values", sweep.values());
        if (sweep.lesson() != null) command.put("lesson", sweep.lesson().id());
        return command;
    }

    @Override
    public long parameters() {
        return 0;
    }

    @Override
    public Map<String, Object> export() {
        throw new ProtocolError(ErrorCode.NO_MODEL, "type", "export", "export of a run or a comparison",
                "a sweep keeps no model; start a run with the best value to export its weights");
    }

    @Override
    public boolean isFinished() {
        return summarized;
    }

    @Override
    public String endReason() {
        return "the sweep finished";
    }

    @Override
    public int epochs() {
        return steps * seeds;
    }

    @Override
    public long stepMacs() { return stepMacs; }

    @Override
    public String describe() {
        TrainingConfig base = sweep.base();
        return "kind=sweep param=" + sweep.param() + " values=" + sweep.values().size() + " seeds=" + seeds
                + " concurrent=" + concurrent + " dataset=" + base.data().dataset() + " trainSize="
                + base.data().trainSize() + " hiddenLayers=" + base.hiddenLayers() + " epochs=" + base.epochs();
    }

    /** Starts values' runs until as many values train as may at once; each shows its untrained networks first. */
    private void startWaiting() {
        while (training.size() < concurrent && started < configs.size()) {
            int index = started++;
            training.add(new Member(index, new Replicates(context.limits(), configs.get(index),
                    data.subList(index * seeds, (index + 1) * seeds))));
        }
    }

    /** Every seed of a value has ended: what its final models say together, then its trainers are freed. */
    private void ended(Member member) {
        int index = member.index;
        outcomes.set(index, member.runs.outcomes());
        SeedSpread together = SeedSpread.of(member.runs, data.get(index * seeds));
        parts.set(index, together.biasVariance());
        member.runs.close();
        context.outbox().control(Frames.sweepValue(index, sweep.values().get(index), together.biasVariance(),
                together.boundaries()));
    }

    /**
     * The value whose final models (the best epoch's, when early stopping restored it) have the lowest mean
     * validation loss over the seeds; the test split never enters the choice.
     */
    private void summarize() {
        int best = SeedSpread.bestValue(outcomes);
        summarized = true;
        LOG.info("session={} event=sweep-end param={} values={} seeds={} bestIndex={} steps={}", context.session(),
                sweep.param(), sweep.values().size(), seeds, best, steps);
        Map<String, Object> summary = Frames.sweepSummary(sweep.param(), sweep.values(), best, results);
        summary.put("verdicts", EpochFrames.verdicts(SweepVerdicts.of(sweep.param(), sweep.values(), outcomes, parts)));
        context.outbox().control(summary);
    }

    @Override
    protected void freeTrainers() {
        LOG.info("session={} event=run-freed kind=sweep steps={}", context.session(), steps);
        training.forEach(member -> member.runs.close());
        training.clear();
    }
}
