package org.gaplab.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.gaplab.data.DataSplits;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.Json;
import org.gaplab.protocol.ModelExport;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.training.Comparison;
import org.gaplab.training.EpochProgress;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An A/B comparison streamed to a browser: run A and run B differ only in the compared settings, share one data split
 * and one seed (so the same initial weights where the architecture matches), and advance in lockstep, both in one
 * step of the session (in as many turns as it takes), so a comparison costs the classroom one session, not two.
 *
 * <p>Like {@link Comparison}, but on shared data admitted within the server's limits (the engine's class makes its own).
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
        EpochReport initial;   // epoch 0, kept until the other run's is measured too

        Side(String name, Trainer trainer, long frameIntervalNanos) {
            this.name = name;
            this.trainer = trainer;
            this.views = new RunViews(trainer, frameIntervalNanos);
            this.config = trainer.config();
        }
    }

    private final RunContext context;
    private final DataSplits data;
    private final List<String> varied;
    private final Side a;
    private final Side b;
    private final long stepMacs;
    private Holdings holdings;
    /** Read by the outbox's sender thread when a frame is written. */
    private volatile List<String> differences;
    private final Outbox.Shape shape = runs -> new Frames.ComparisonFrame(differences, runs.get("a"), runs.get("b"));
    private long viewsAt;
    private boolean initialSent;
    private int steps;
    private boolean drawViews;                    // whether this step's epochs carry views
    private Side training;                        // the side whose epoch of this lockstep step is in progress, or null
    private final List<Outbox.RunEpoch> stepEpochs = new ArrayList<>(2);   // this step's finished epochs, sent together

    /**
     * Both runs of admitted configs on one data split; it owns {@code holdings} from now on. {@code varied} are the
     * compared keys: an update of one of them changes run B only.
     */
    LiveComparison(RunContext context, DataSplits data, TrainingConfig configA, TrainingConfig configB,
                   List<String> varied, Holdings holdings) {
        this.context = context;
        this.data = data;
        this.varied = List.copyOf(varied);
        this.differences = Comparison.differences(configA, configB);
        Trainer trainerA = context.limits().build(configA, data);
        Trainer trainerB;
        try {
            trainerB = context.limits().build(configB, data);
        } catch (RuntimeException e) {
            trainerA.close();
            throw e;
        }
        this.a = new Side("a", trainerA, context.frameIntervalNanos());
        this.b = new Side("b", trainerB, context.frameIntervalNanos());
        this.stepMacs = Math.max(context.limits().footprint(configA, data).stepMacs(),
                context.limits().footprint(configB, data).stepMacs());
        this.holdings = holdings;
    }

    @Override
    public LiveComparison rebuilt() {
        Holdings handed = holdings;
        holdings = null;
        close();
        try {
            return new LiveComparison(context, data, a.config, b.config, varied, handed);
        } catch (RuntimeException | Error e) {
            handed.close();
            throw e;
        }
    }

    @Override
    public void announce(String reason, boolean running, double speed) {
        context.outbox().control(Frames.startedComparison(reason, running, a.config, b.config, data, speed));
    }

    /**
     * First both runs' epoch 0, then one epoch of each run still going, A's then B's, each in as many turns as it
     * takes; both runs' views are drawn together and both epochs go out in one frame, so they show the same epoch.
     */
    @Override
    public boolean advance(BooleanSupplier timeUp, boolean stopsAfter) {
        if (!initialSent) return measureInitial(timeUp);
        if (training == null) {
            long now = System.nanoTime();
            boolean due = stopsAfter || now - viewsAt >= context.frameIntervalNanos();
            if (due) viewsAt = now;
            drawViews = due;
            stepEpochs.clear();
            training = a.trainer.isFinished() ? b : a;
        }
        while (training != null) {
            Optional<EpochReport> report = training.trainer.runEpoch(timeUp);
            if (report.isEmpty() && !training.trainer.isFinished()) return false;   // goes on next turn
            if (report.isPresent()) {
                boolean draw = drawViews || training.trainer.isFinished();
                stepEpochs.add(new Outbox.RunEpoch(training.name, report.get(), draw ? training.views.draw(false) : Map.of()));
            }
            training = training == a && !b.trainer.isFinished() ? b : null;
            if (training != null && timeUp.getAsBoolean()) return false;
        }
        steps++;
        context.outbox().epochs(shape, List.copyOf(stepEpochs));   // together, so no frame splits the lockstep
        stepEpochs.clear();
        announceEnds();
        return true;
    }

    private boolean measureInitial(BooleanSupplier timeUp) {
        if (a.initial == null) {
            Optional<EpochReport> initialA = a.trainer.initialReport(timeUp);
            if (initialA.isEmpty()) return false;
            a.initial = initialA.get();
            if (timeUp.getAsBoolean()) return false;
        }
        Optional<EpochReport> initialB = b.trainer.initialReport(timeUp);
        if (initialB.isEmpty()) return false;
        viewsAt = System.nanoTime();
        context.outbox().epochs(shape, List.of(new Outbox.RunEpoch(a.name, a.initial, a.views.draw(true)),
                new Outbox.RunEpoch(b.name, initialB.get(), b.views.draw(true))));
        a.initial = null;
        initialSent = true;
        return false;
    }

    @Override
    public boolean isBetweenSteps() {
        return initialSent && training == null;
    }

    @Override
    public int position() { return steps; }

    @Override
    public EpochProgress progress() {
        return (training != null ? training : a).trainer.progress();
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
        TrainingConfig nextA = forA.isEmpty() ? a.config : LiveSettings.apply(a.config, forA, context.limits());
        TrainingConfig nextB = changes.isEmpty() ? b.config : LiveSettings.apply(b.config, changes, context.limits());
        try {
            if (nextA != a.config) a.trainer.applyLive(nextA);
            if (nextB != b.config) b.trainer.applyLive(nextB);
        } catch (InvalidSettingException e) {
            throw ProtocolError.needsReset(e);
        }
        a.config = nextA;
        b.config = nextB;
        differences = Comparison.differences(nextA, nextB);
        context.outbox().control(Frames.updatedComparison(a.config, b.config, speed));
        announceEnds();   // fewer epochs can end the runs
    }

    @Override
    public Map<String, Object> command() {
        Map<String, Object> command = new LinkedHashMap<>();
        Map<String, Object> configB = Json.config(b.config);
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String key : Comparison.differences(a.config, b.config)) changes.put(key, configB.get(key));
        command.put("type", "compare");
        command.put("config", Json.config(a.config));
        command.put("changes", changes);
        return command;
    }

    @Override
    public long stepMacs() { return stepMacs; }

    @Override
    public MemoryBudget.Reservation reservation() {
        return holdings == null ? null : holdings.reservation();
    }

    @Override
    public long parameters() {
        return RunLimits.parameters(a.trainer) + RunLimits.parameters(b.trainer);
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
            LOG.info("session={} event=run-end run={} reason={} epochs={} bestEpoch={}", context.session(), side.name,
                    end.reason().configName(), end.epochs(), end.bestEpoch());
            context.outbox().control(Frames.end(end, side.name));
        }
    }

    @Override
    public void close() {
        LOG.info("session={} event=run-freed kind=comparison epochs={}", context.session(), epochs());
        a.trainer.close();
        b.trainer.close();
        if (holdings != null) holdings.close();
    }
}
