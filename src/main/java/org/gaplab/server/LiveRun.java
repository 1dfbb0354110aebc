package org.gaplab.server;

import java.util.Map;
import java.util.Optional;
import org.gaplab.data.DataSplits;
import org.gaplab.protocol.Frames;
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
 * (its start, its epochs, its end). Used only on its session's slice, one thread at a time.
 */
final class LiveRun implements AutoCloseable {
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
        this.trainer = RunLimits.build(config, data);
        this.views = new RunViews(trainer, frameIntervalNanos);
        this.config = config;
    }

    /** Builds a run within the server's limits, or refuses naming the setting; nothing is sent yet. */
    static LiveRun build(String session, Outbox outbox, RunLimits limits, long frameIntervalNanos, TrainingConfig config) {
        limits.requireEpochs(config);
        DataSplits data = limits.load(config);
        return new LiveRun(session, outbox, limits, frameIntervalNanos, config, data);
    }

    /** The same run from its start: the config now in effect on the same data, so the same first frame. */
    LiveRun rebuilt() {
        return new LiveRun(session, outbox, limits, frameIntervalNanos, config, data);
    }

    /** Tells the browser the run exists ({@code reason} "start" or "reset") and shows it untrained (epoch 0). */
    void announce(String reason, boolean running, double speed) {
        outbox.control(Frames.started(reason, running, config, data, speed));
        outbox.epoch(trainer.initialReport(), views.draw(true));
    }

    /**
     * Trains one epoch and queues it. Views go with it when a frame interval has passed, or when no epoch follows
     * soon ({@code stopsAfter}: a step or a pause) or ever (the run ended).
     */
    void advance(boolean stopsAfter) {
        Optional<EpochReport> report = trainer.runEpoch();
        if (report.isPresent()) {
            boolean due = views.isDue() || trainer.isFinished() || stopsAfter;
            outbox.epoch(report.get(), due ? views.draw(false) : Map.of());
        }
        announceEnd();
    }

    /** Takes new values for live settings at the next epoch; tells the browser what is now in effect. */
    void update(Map<String, Object> changes, double speed) {
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

    boolean isFinished() { return trainer.isFinished(); }

    /** How the run ended ("finished", "early-stopped", "diverged"), for a refusal to go on. */
    String endReason() {
        return trainer.end().map(e -> e.reason().configName()).orElse("ended");
    }

    int epoch() { return trainer.epoch(); }

    TrainingConfig config() { return config; }

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
