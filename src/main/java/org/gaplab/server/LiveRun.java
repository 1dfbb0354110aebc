package org.gaplab.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.gaplab.data.DataSplits;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.Json;
import org.gaplab.protocol.ModelExport;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.training.EpochProgress;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run streamed to a browser: the trainer with its data and views, and what the run tells the browser
 * (its start, its epochs, its end).
 */
final class LiveRun implements Experiment {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRun.class);

    private final RunContext context;
    private final DataSplits data;
    private final Trainer trainer;
    private final RunViews views;
    private final long stepMacs;
    private Holdings holdings;
    private TrainingConfig config;
    private boolean initialSent;
    private boolean endAnnounced;

    /** A run of an admitted config on its data; it owns {@code holdings} from now on. */
    LiveRun(RunContext context, TrainingConfig config, DataSplits data, Holdings holdings) {
        this.context = context;
        this.data = data;
        this.holdings = holdings;
        this.trainer = context.limits().build(config, data);
        this.views = new RunViews(trainer, context.frameIntervalNanos());
        this.config = config;
        this.stepMacs = context.limits().footprint(config, data).stepMacs();
    }

    @Override
    public LiveRun rebuilt() {
        Holdings handed = holdings;
        holdings = null;
        close();
        try {
            return new LiveRun(context, config, data, handed);
        } catch (RuntimeException | Error e) {
            handed.close();
            throw e;
        }
    }

    @Override
    public void announce(String reason, boolean running, double speed) {
        context.outbox().control(Frames.started(reason, running, config, data, speed));
    }

    /** Views go with the epoch when a frame interval has passed, or when no epoch follows soon or ever. */
    @Override
    public boolean advance(BooleanSupplier timeUp, boolean stopsAfter) {
        if (!initialSent) {
            Optional<EpochReport> initial = trainer.initialReport(timeUp);
            if (initial.isEmpty()) return false;
            context.outbox().epoch(initial.get(), views.draw(true));
            context.watch().epoch(config, initial.get());
            initialSent = true;
            return false;
        }
        Optional<EpochReport> report = trainer.runEpoch(timeUp);
        if (report.isEmpty() && !trainer.isFinished()) return false;   // the epoch goes on next turn
        if (report.isPresent()) {
            boolean due = views.isDue() || trainer.isFinished() || stopsAfter;
            context.outbox().epoch(report.get(), due ? views.draw(false) : Map.of());
            context.watch().epoch(config, report.get());
        }
        announceEnd();
        return true;
    }

    @Override
    public boolean isBetweenSteps() {
        return initialSent && trainer.isBetweenEpochs();
    }

    @Override
    public int position() { return trainer.epoch(); }

    @Override
    public EpochProgress progress() { return trainer.progress(); }

    @Override
    public void update(Map<String, Object> changes, double speed) {
        if (!changes.isEmpty()) {
            TrainingConfig next = LiveSettings.apply(config, changes, context.limits());
            try {
                trainer.applyLive(next);
            } catch (InvalidSettingException e) {
                throw ProtocolError.needsReset(e);
            }
            config = next;
        }
        context.outbox().control(Frames.updated(config, speed));
        announceEnd();   // fewer epochs can end the run
    }

    @Override
    public Map<String, Object> command() {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("type", "start");
        command.put("config", Json.config(config));
        return command;
    }

    @Override
    public long parameters() {
        return RunLimits.parameters(trainer);
    }

    @Override
    public Map<String, Object> export() {
        RunLimits.requireExportable(RunLimits.parameters(trainer));
        return Frames.model(ModelExport.of(trainer));
    }

    @Override
    public boolean isFinished() { return trainer.isFinished(); }

    @Override
    public String endReason() {
        return trainer.end().map(e -> e.reason().configName()).orElse("ended");
    }

    @Override
    public int epochs() { return trainer.epoch(); }

    @Override
    public long stepMacs() { return stepMacs; }

    @Override
    public MemoryBudget.Reservation reservation() {
        return holdings == null ? null : holdings.reservation();
    }

    @Override
    public String describe() {
        return "dataset=" + config.data().dataset() + " trainSize=" + config.data().trainSize() + " hiddenLayers="
                + config.hiddenLayers() + " epochs=" + config.epochs();
    }

    private void announceEnd() {
        if (endAnnounced || !trainer.isFinished()) return;
        endAnnounced = true;
        RunEnd end = trainer.end().orElseThrow();
        LOG.info("session={} event=run-end reason={} epochs={} bestEpoch={}", context.session(), end.reason().configName(),
                end.epochs(), end.bestEpoch());
        context.outbox().control(Frames.end(end));
        context.watch().ended(end);
    }

    /** Frees the trainer, then the data and memory it holds (unless a rebuilt run took them). */
    @Override
    public void close() {
        LOG.info("session={} event=run-freed epochs={}", context.session(), trainer.epoch());
        trainer.close();
        if (holdings != null) holdings.close();
    }
}
