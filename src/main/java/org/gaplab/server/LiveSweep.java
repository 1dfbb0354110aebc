package org.gaplab.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.gaplab.data.DataSplits;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.Json;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.training.EpochProgress;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.Sweep;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sweep streamed to a browser: one run per value of one setting, all from the same seed, and the value whose model
 * has the lowest validation loss. The runs train round-robin, one epoch of one run per step of the session, so a
 * sweep takes the session's one fair share like a single run (the engine's {@link Sweep#run} would hand whole runs to
 * an executor; the classroom's workers are shared, so here the session's slices do the work).
 *
 * <p>Memory stays bounded: the networks training at once hold at most the engine's single-run parameter limit
 * together (and were admitted against the memory budget), a run's trainer is freed as soon as it ends, and only its
 * final summary is kept.
 */
final class LiveSweep implements Experiment {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSweep.class);

    /** A value's run while it trains. */
    private static final class Member {
        final int index;
        final Trainer trainer;
        boolean initialSent;

        Member(int index, Trainer trainer) {
            this.index = index;
            this.trainer = trainer;
        }
    }

    private final RunContext context;
    private final Command.Sweep sweep;
    private final List<TrainingConfig> configs;
    private final List<DataSplits> data;            // one per value (the same splits when the data is shared)
    private final int concurrent;
    private final long stepMacs;
    private final Outbox.Shape shape;
    private final List<Member> training = new ArrayList<>();
    private final List<Map<String, Object>> results;   // each value's sweep-run message, once its run ended
    private final EpochReport[] models;
    private Holdings holdings;
    private int started;                 // values whose run has begun
    private int turn;                    // position in training of the run that trains next
    private Member current;              // the run whose epoch is in progress, or null between steps
    private int epochs;
    private boolean summarized;

    /**
     * A sweep of admitted runs on their data (one split per value, or one for all when the data is shared),
     * {@code concurrent} runs training at once; it owns {@code holdings} (all the values' data) from now on.
     */
    LiveSweep(RunContext context, Command.Sweep sweep, List<DataSplits> data, int concurrent, Holdings holdings) {
        this.context = context;
        this.sweep = sweep;
        this.configs = configs(sweep);
        this.data = data.size() == 1 ? Collections.nCopies(configs.size(), data.get(0)) : List.copyOf(data);
        this.concurrent = concurrent;
        this.results = new ArrayList<>(Collections.nCopies(configs.size(), null));
        this.models = new EpochReport[configs.size()];
        long macs = 0;
        for (int i = 0; i < configs.size(); i++) macs = Math.max(macs, context.limits().footprint(configs.get(i), this.data.get(i)).stepMacs());
        this.stepMacs = macs;
        List<Double> values = sweep.values();
        this.shape = runs -> {
            List<Frames.SweepProgress> progress = new ArrayList<>();
            runs.forEach((lane, run) -> {
                int index = Integer.parseInt(lane);
                progress.add(new Frames.SweepProgress(index, values.get(index), run.epochs()));
            });
            return new Frames.SweepFrame(progress);
        };
        this.holdings = holdings;
        try {
            startWaiting();
        } catch (RuntimeException | Error e) {
            training.forEach(member -> member.trainer.close());
            throw e;
        }
    }

    /** Each value's config, checked. */
    static List<TrainingConfig> configs(Command.Sweep sweep) {
        return sweep.values().stream().map(v -> vary(sweep, v)).toList();
    }

    /** Whether every value trains on the same data (else each value has its own and they train one at a time). */
    static boolean sharesData(Command.Sweep sweep) {
        return configs(sweep).stream().allMatch(c -> c.data().equals(sweep.base().data()));
    }

    /** How many runs of {@code parameters} weights each train at once: as many as fit in one run's parameter limit. */
    static int concurrent(Command.Sweep sweep, long parameters) {
        return !sharesData(sweep) ? 1
                : (int) Math.max(1, Math.min(sweep.values().size(), TrainingConfig.MAX_PARAMETERS / Math.max(1, parameters)));
    }

    @Override
    public LiveSweep rebuilt() {
        Holdings handed = holdings;
        holdings = null;
        close();
        try {
            return new LiveSweep(context, sweep, data, concurrent, handed);
        } catch (RuntimeException | Error e) {
            handed.close();
            throw e;
        }
    }

    @Override
    public void announce(String reason, boolean running, double speed) {
        context.outbox().control(Frames.startedSweep(reason, running, sweep.base(), sweep.param(), sweep.values(),
                concurrent, data.get(0), speed));
    }

    /** Each new run's epoch 0 first, then one epoch of the next run in turn; a run that ends makes room for the next. */
    @Override
    public boolean advance(BooleanSupplier timeUp, boolean stopsAfter) {
        if (summarized) return false;
        for (Member member : training) {
            if (member.initialSent) continue;
            Optional<EpochReport> initial = member.trainer.initialReport(timeUp);
            if (initial.isEmpty()) return false;
            context.outbox().epoch(shape, String.valueOf(member.index), initial.get(), Map.of());
            member.initialSent = true;
            if (timeUp.getAsBoolean()) return false;
        }
        if (training.isEmpty()) throw new IllegalStateException("a sweep with values left has no run training");
        if (current == null) current = training.get(turn % training.size());
        Optional<EpochReport> report = current.trainer.runEpoch(timeUp);
        if (report.isEmpty() && !current.trainer.isFinished()) return false;   // goes on next turn
        Member member = current;
        current = null;
        epochs++;
        report.ifPresent(r -> context.outbox().epoch(shape, String.valueOf(member.index), r, Map.of()));
        int position = training.indexOf(member);
        if (member.trainer.isFinished()) {
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

    @Override
    public boolean isBetweenSteps() {
        return current == null && training.stream().allMatch(m -> m.initialSent);
    }

    @Override
    public int position() { return epochs; }

    @Override
    public EpochProgress progress() {
        Member member = current != null ? current : training.isEmpty() ? null : training.get(turn % training.size());
        return member == null ? new EpochProgress(0, EpochProgress.Phase.TRAINING, 0, 0) : member.trainer.progress();
    }

    /** The step button: one epoch of every run in training. */
    @Override
    public int stepSize() {
        return Math.max(1, training.size());
    }

    @Override
    public void update(Map<String, Object> changes, double speed) {
        if (!changes.isEmpty()) {
            String key = changes.keySet().iterator().next();
            throw ProtocolError.needsReset(new InvalidSettingException(key, changes.get(key), "a live setting"));
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
        return command;
    }

    @Override
    public long parameters() {
        return 0;
    }

    @Override
    public Map<String, Object> export() {
        throw new ProtocolError("no-model", "type", "export", "export of a run or a comparison",
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
        return epochs;
    }

    @Override
    public long stepMacs() { return stepMacs; }

    @Override
    public MemoryBudget.Reservation reservation() {
        return holdings == null ? null : holdings.reservation();
    }

    @Override
    public String describe() {
        TrainingConfig base = sweep.base();
        return "kind=sweep param=" + sweep.param() + " values=" + sweep.values().size() + " concurrent=" + concurrent
                + " dataset=" + base.data().dataset() + " trainSize=" + base.data().trainSize() + " hiddenLayers="
                + base.hiddenLayers() + " epochs=" + base.epochs();
    }

    /** Starts values' runs until as many train as may at once; each shows its untrained network first. */
    private void startWaiting() {
        while (training.size() < concurrent && started < configs.size()) {
            int index = started++;
            training.add(new Member(index, context.limits().build(configs.get(index), data.get(index))));
        }
    }

    private void ended(Member member) {
        RunEnd end = member.trainer.end().orElseThrow();
        member.trainer.close();
        int index = member.index;
        models[index] = end.finalReport();
        results.set(index, Frames.sweepRun(index, sweep.param(), sweep.values().get(index), end));
        context.outbox().control(results.get(index));
    }

    /**
     * The value whose final model (the best epoch's, when early stopping restored it) has the lowest validation loss,
     * as {@link Sweep#run} picks it; the test split never enters the choice.
     */
    private void summarize() {
        int best = Sweep.bestIndex(Arrays.asList(models));
        summarized = true;
        LOG.info("session={} event=sweep-end param={} values={} bestIndex={} epochs={}", context.session(), sweep.param(),
                sweep.values().size(), best, epochs);
        context.outbox().control(Frames.sweepSummary(sweep.param(), sweep.values(), best, results));
    }

    private static TrainingConfig vary(Command.Sweep sweep, double value) {
        try {
            return Sweep.vary(sweep.base(), sweep.param(), value);
        } catch (InvalidSettingException e) {
            throw ProtocolError.invalid(e);
        }
    }

    @Override
    public void close() {
        LOG.info("session={} event=run-freed kind=sweep epochs={}", context.session(), epochs);
        training.forEach(member -> member.trainer.close());
        training.clear();
        if (holdings != null) holdings.close();
    }
}
