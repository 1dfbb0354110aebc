package org.gaplab.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaplab.data.DataSplits;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.Sweep;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sweep streamed to a browser: one run per value of one setting, all from the same seed, and the value whose model
 * has the lowest validation loss. The runs train round-robin, one epoch of one run per turn of the session, so a
 * sweep takes the session's one fair share like a single run (the engine's {@link Sweep#run} would hand whole runs to
 * an executor; the classroom's workers are shared, so here the session's slices do the work).
 *
 * <p>Memory stays bounded: the networks training at once hold at most the engine's single-run parameter limit
 * together, a run's trainer is freed as soon as it ends, and only its final summary is kept.
 */
final class LiveSweep implements Experiment {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSweep.class);

    /** A value's run while it trains. */
    private record Member(int index, Trainer trainer) { }

    private final String session;
    private final Outbox outbox;
    private final RunLimits limits;
    private final Command.Sweep sweep;
    private final List<TrainingConfig> configs;
    private final DataSplits shared;     // null when the swept setting changes the data
    private final DataSplits firstData;  // what started describes
    private final int concurrent;
    private final Outbox.Shape shape;
    private final List<Member> training = new ArrayList<>();
    private final List<Map<String, Object>> results;   // each value's sweep-run message, once its run ended
    private final EpochReport[] models;
    private Trainer first;               // built to check the network; trains as the first value's run
    private int started;                 // values whose run has begun
    private int turn;                    // position in training of the run that trains next
    private int epochs;
    private boolean summarized;

    private LiveSweep(String session, Outbox outbox, RunLimits limits, Command.Sweep sweep, DataSplits shared) {
        this.session = session;
        this.outbox = outbox;
        this.limits = limits;
        this.sweep = sweep;
        this.configs = sweep.values().stream().map(v -> vary(sweep, v)).toList();
        this.shared = shared;
        this.firstData = shared != null ? shared : limits.load(configs.get(0));
        this.first = limits.build(configs.get(0), firstData);
        // Networks of every value have the same shape: as many train at once as fit in one run's parameter budget.
        long parameters = RunLimits.parameters(first);
        this.concurrent = shared == null ? 1
                : (int) Math.max(1, Math.min(configs.size(), TrainingConfig.MAX_PARAMETERS / parameters));
        this.results = new ArrayList<>(Collections.nCopies(configs.size(), null));
        this.models = new EpochReport[configs.size()];
        List<Double> values = sweep.values();
        this.shape = runs -> {
            List<Frames.SweepProgress> progress = new ArrayList<>();
            runs.forEach((lane, run) -> {
                int index = Integer.parseInt(lane);
                progress.add(new Frames.SweepProgress(index, values.get(index), run.epochs()));
            });
            return new Frames.SweepFrame(progress);
        };
    }

    /**
     * Builds a sweep within the server's limits, or refuses naming the setting: each run's epochs, the sweep's
     * epochs in all, every value's data, and the network.
     */
    static LiveSweep build(String session, Outbox outbox, RunLimits limits, Command.Sweep sweep) {
        TrainingConfig base = sweep.base();
        limits.requireEpochs(base);
        limits.requireSweepEpochs(sweep.values().size(), base.epochs());
        List<TrainingConfig> configs = sweep.values().stream().map(v -> vary(sweep, v)).toList();
        boolean sameData = configs.stream().allMatch(c -> c.data().equals(base.data()));
        if (!sameData) configs.forEach(limits::requireData);
        return new LiveSweep(session, outbox, limits, sweep, sameData ? limits.load(base) : null);
    }

    @Override
    public LiveSweep rebuilt() {
        return new LiveSweep(session, outbox, limits, sweep, shared);
    }

    @Override
    public void announce(String reason, boolean running, double speed) {
        outbox.control(Frames.startedSweep(reason, running, sweep.base(), sweep.param(), sweep.values(), concurrent,
                firstData, speed));
        startWaiting();
    }

    /** One epoch of the next run in turn; a run that ends makes room for the next value. */
    @Override
    public void advance(boolean stopsAfter) {
        if (summarized) return;
        if (training.isEmpty()) throw new IllegalStateException("a sweep with values left has no run training");
        int position = turn % training.size();
        Member member = training.get(position);
        Optional<EpochReport> report = member.trainer().runEpoch();
        epochs++;
        report.ifPresent(r -> outbox.epoch(shape, String.valueOf(member.index()), r, Map.of()));
        if (member.trainer().isFinished()) {
            training.remove(position);
            turn = position;
            ended(member);
            startWaiting();
            if (training.isEmpty()) summarize();
        } else {
            turn = position + 1;
        }
    }

    /** One epoch of every run in training. */
    @Override
    public void step() {
        int runs = training.size();
        for (int i = 0; i < runs && !isFinished(); i++) advance(true);
    }

    @Override
    public void update(Map<String, Object> changes, double speed) {
        if (!changes.isEmpty()) {
            String key = changes.keySet().iterator().next();
            throw ProtocolError.needsReset(new InvalidSettingException(key, changes.get(key), "a live setting"));
        }
        outbox.control(Frames.updated(sweep.base(), speed));
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
            Trainer trainer;
            if (first != null) {
                trainer = first;
                first = null;
            } else {
                DataSplits data = shared != null ? shared : limits.load(configs.get(index));
                trainer = limits.build(configs.get(index), data);
            }
            training.add(new Member(index, trainer));
            outbox.epoch(shape, String.valueOf(index), trainer.initialReport(), Map.of());
        }
    }

    private void ended(Member member) {
        RunEnd end = member.trainer().end().orElseThrow();
        member.trainer().close();
        int index = member.index();
        models[index] = end.finalReport();
        results.set(index, Frames.sweepRun(index, sweep.param(), sweep.values().get(index), end));
        outbox.control(results.get(index));
    }

    /**
     * The value whose final model (the best epoch's, when early stopping restored it) has the lowest validation loss,
     * as {@link Sweep#run} picks it; the test split never enters the choice.
     */
    private void summarize() {
        int best = Sweep.bestIndex(java.util.Arrays.asList(models));
        summarized = true;
        LOG.info("session={} event=sweep-end param={} values={} bestIndex={} epochs={}", session, sweep.param(),
                sweep.values().size(), best, epochs);
        outbox.control(Frames.sweepSummary(sweep.param(), sweep.values(), best, results));
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
        LOG.info("session={} event=run-freed kind=sweep epochs={}", session, epochs);
        if (first != null) first.close();
        training.forEach(member -> member.trainer().close());
        training.clear();
    }
}
