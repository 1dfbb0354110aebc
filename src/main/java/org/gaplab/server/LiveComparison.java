package org.gaplab.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaplab.data.DataSplits;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.ModelExport;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.training.Comparison;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An A/B comparison streamed to a browser: run A and run B differ only in the compared settings, share one data split
 * and one seed (so the same initial weights where the architecture matches), and advance in lockstep, both in one
 * turn of the session, so a comparison costs the classroom one session, not two.
 *
 * <p>Like {@link Comparison}, but on data made within the server's limits (the engine's class makes its own).
 */
final class LiveComparison implements Experiment {
    private static final Logger LOG = LoggerFactory.getLogger(LiveComparison.class);

    /** One of the two runs. */
    private static final class Side {
        final String name;
        final Trainer trainer;
        final RunViews views;
        TrainingConfig config;
        boolean endAnnounced;

        Side(String name, Trainer trainer, long frameIntervalNanos) {
            this.name = name;
            this.trainer = trainer;
            this.views = new RunViews(trainer, frameIntervalNanos);
            this.config = trainer.config();
        }
    }

    private final String session;
    private final Outbox outbox;
    private final RunLimits limits;
    private final long frameIntervalNanos;
    private final DataSplits data;
    private final List<String> varied;
    private final Side a;
    private final Side b;
    /** Read by the outbox's sender thread when a frame is written. */
    private volatile List<String> differences;
    private final Outbox.Shape shape = runs -> new Frames.ComparisonFrame(differences, runs.get("a"), runs.get("b"));
    private long viewsAt;

    private LiveComparison(String session, Outbox outbox, RunLimits limits, long frameIntervalNanos, DataSplits data,
                           TrainingConfig configA, TrainingConfig configB, List<String> varied) {
        this.session = session;
        this.outbox = outbox;
        this.limits = limits;
        this.frameIntervalNanos = frameIntervalNanos;
        this.data = data;
        this.varied = List.copyOf(varied);
        this.differences = Comparison.differences(configA, configB);
        Trainer trainerA = limits.build(configA, data);
        Trainer trainerB;
        try {
            trainerB = limits.build(configB, data);
        } catch (RuntimeException e) {
            trainerA.close();
            throw e;
        }
        this.a = new Side("a", trainerA, frameIntervalNanos);
        this.b = new Side("b", trainerB, frameIntervalNanos);
    }

    /**
     * Builds both runs within the server's limits on one data split, or refuses naming the setting. {@code varied}
     * are the compared keys: an update of one of them changes run B only.
     */
    static LiveComparison build(String session, Outbox outbox, RunLimits limits, long frameIntervalNanos,
                                TrainingConfig configA, TrainingConfig configB, List<String> varied) {
        limits.requireEpochs(configA);
        limits.requireEpochs(configB);
        DataSplits data = limits.load(configA);
        return new LiveComparison(session, outbox, limits, frameIntervalNanos, data, configA, configB, varied);
    }

    @Override
    public LiveComparison rebuilt() {
        return new LiveComparison(session, outbox, limits, frameIntervalNanos, data, a.config, b.config, varied);
    }

    @Override
    public void announce(String reason, boolean running, double speed) {
        outbox.control(Frames.startedComparison(reason, running, a.config, b.config, data, speed));
        viewsAt = System.nanoTime();
        outbox.epochs(shape, List.of(new Outbox.RunEpoch(a.name, a.trainer.initialReport(), a.views.draw(true)),
                new Outbox.RunEpoch(b.name, b.trainer.initialReport(), b.views.draw(true))));
    }

    /** One epoch of each run still going; both runs' views are drawn together, so they show the same epoch. */
    @Override
    public void advance(boolean stopsAfter) {
        long now = System.nanoTime();
        boolean due = stopsAfter || now - viewsAt >= frameIntervalNanos;
        if (due) viewsAt = now;
        List<Outbox.RunEpoch> epochs = new ArrayList<>(2);
        for (Side side : List.of(a, b)) {
            if (side.trainer.isFinished()) continue;
            Optional<EpochReport> report = side.trainer.runEpoch();
            if (report.isPresent()) {
                boolean draw = due || side.trainer.isFinished();
                epochs.add(new Outbox.RunEpoch(side.name, report.get(), draw ? side.views.draw(false) : Map.of()));
            }
        }
        outbox.epochs(shape, epochs);   // together, so no frame splits the lockstep
        announceEnds();
    }

    /**
     * Changes live settings of both runs, except the compared keys, which change run B only: so the runs keep
     * differing in what is compared and nothing else. Both runs' new configs are checked before either changes.
     */
    @Override
    public void update(Map<String, Object> changes, double speed) {
        Map<String, Object> forA = new LinkedHashMap<>();
        changes.forEach((key, value) -> {
            if (!varied.contains(key)) forA.put(key, value);
        });
        TrainingConfig nextA = forA.isEmpty() ? a.config : LiveSettings.apply(a.config, forA, limits);
        TrainingConfig nextB = changes.isEmpty() ? b.config : LiveSettings.apply(b.config, changes, limits);
        try {
            if (nextA != a.config) a.trainer.applyLive(nextA);
            if (nextB != b.config) b.trainer.applyLive(nextB);
        } catch (InvalidSettingException e) {
            throw ProtocolError.needsReset(e);
        }
        a.config = nextA;
        b.config = nextB;
        differences = Comparison.differences(nextA, nextB);
        outbox.control(Frames.updatedComparison(a.config, b.config, speed));
        announceEnds();   // fewer epochs can end the runs
    }

    @Override
    public Map<String, Object> export() {
        RunLimits.requireExportable(RunLimits.parameters(a.trainer) + RunLimits.parameters(b.trainer));
        return Frames.models(differences, ModelExport.of(a.trainer), ModelExport.of(b.trainer));
    }

    @Override
    public boolean isFinished() {
        return a.trainer.isFinished() && b.trainer.isFinished();
    }

    @Override
    public String endReason() {
        return "a " + reason(a) + ", b " + reason(b);
    }

    @Override
    public int epochs() {
        return a.trainer.epoch() + b.trainer.epoch();
    }

    @Override
    public String describe() {
        return "kind=comparison differences=" + differences + " dataset=" + a.config.data().dataset() + " trainSize="
                + a.config.data().trainSize() + " hiddenLayers=" + a.config.hiddenLayers() + " epochs=" + a.config.epochs();
    }

    private static String reason(Side side) {
        return side.trainer.end().map(e -> e.reason().configName()).orElse("running");
    }

    private void announceEnds() {
        for (Side side : List.of(a, b)) {
            if (side.endAnnounced || !side.trainer.isFinished()) continue;
            side.endAnnounced = true;
            RunEnd end = side.trainer.end().orElseThrow();
            LOG.info("session={} event=run-end run={} reason={} epochs={} bestEpoch={}", session, side.name,
                    end.reason().configName(), end.epochs(), end.bestEpoch());
            outbox.control(Frames.end(end, side.name));
        }
    }

    @Override
    public void close() {
        LOG.info("session={} event=run-freed kind=comparison epochs={}", session, epochs());
        a.trainer.close();
        b.trainer.close();
    }
}
