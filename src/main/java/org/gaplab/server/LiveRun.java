package org.gaplab.server;

import java.util.Map;
import java.util.Optional;
import org.gaplab.data.DataSplits;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.ModelExport;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.settings.InvalidSettingException;
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

    private final String session;
    private final Outbox outbox;
    private final RunLimits limits;
    private final long frameIntervalNanos;
    private final DataSplits data;
    private final Trainer trainer;
    private final RunViews views;
    private TrainingConfig config;
    private boolean endAnnounced;

    private LiveRun(String session, Outbox outbox, RunLimits limits, long frameIntervalNanos, TrainingConfig config,
                    DataSplits data) {
        this.session = session;
        this.outbox = outbox;
        this.limits = limits;
        this.frameIntervalNanos = frameIntervalNanos;
        this.data = data;
        this.trainer = limits.build(config, data);
        this.views = new RunViews(trainer, frameIntervalNanos);
        this.config = config;
    }

    /** Builds a run within the server's limits, or refuses naming the setting; nothing is sent yet. */
    static LiveRun build(String session, Outbox outbox, RunLimits limits, long frameIntervalNanos, TrainingConfig config) {
        limits.requireEpochs(config);
        DataSplits data = limits.load(config);
        return new LiveRun(session, outbox, limits, frameIntervalNanos, config, data);
    }

    @Override
    public LiveRun rebuilt() {
        return new LiveRun(session, outbox, limits, frameIntervalNanos, config, data);
    }

    @Override
    public void announce(String reason, boolean running, double speed) {
        outbox.control(Frames.started(reason, running, config, data, speed));
        outbox.epoch(trainer.initialReport(), views.draw(true));
    }

    /** Views go with the epoch when a frame interval has passed, or when no epoch follows soon or ever. */
    @Override
    public void advance(boolean stopsAfter) {
        Optional<EpochReport> report = trainer.runEpoch();
        if (report.isPresent()) {
            boolean due = views.isDue() || trainer.isFinished() || stopsAfter;
            outbox.epoch(report.get(), due ? views.draw(false) : Map.of());
        }
        announceEnd();
    }

    @Override
    public void update(Map<String, Object> changes, double speed) {
        if (!changes.isEmpty()) {
            TrainingConfig next = LiveSettings.apply(config, changes, limits);
            try {
                trainer.applyLive(next);
            } catch (InvalidSettingException e) {
                throw ProtocolError.needsReset(e);
            }
            config = next;
        }
        outbox.control(Frames.updated(config, speed));
        announceEnd();   // fewer epochs can end the run
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
    public String describe() {
        return "dataset=" + config.data().dataset() + " trainSize=" + config.data().trainSize() + " hiddenLayers="
                + config.hiddenLayers() + " epochs=" + config.epochs();
    }

    private void announceEnd() {
        if (endAnnounced || !trainer.isFinished()) return;
        endAnnounced = true;
        RunEnd end = trainer.end().orElseThrow();
        LOG.info("session={} event=run-end reason={} epochs={} bestEpoch={}", session, end.reason().configName(),
                end.epochs(), end.bestEpoch());
        outbox.control(Frames.end(end));
    }

    /** Frees the trainer; the data goes with this object. */
    @Override
    public void close() {
        LOG.info("session={} event=run-freed epochs={}", session, trainer.epoch());
        trainer.close();
    }
}
