package org.gaplab.server.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.gaplab.data.DataSplits;
import org.gaplab.lessons.Lesson;
import org.gaplab.protocol.EpochFrames;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.Json;
import org.gaplab.protocol.LiveChange;
import org.gaplab.protocol.ModelExport;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.server.safety.RunLimits;
import org.gaplab.server.wire.Outbox;
import org.gaplab.training.EpochProgress;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.gaplab.verdicts.Verdicts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run streamed to a browser, over its seeds: the seeds' trainers in lockstep ({@link Replicates}), the
 * views of the seed the learner looks at, and what the run tells the browser (its start, its epochs with every
 * seed's scalars and the verdicts over them, its ends).
 */
final class LiveRun extends HoldingExperiment {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRun.class);

    private final List<DataSplits> data;
    private final Replicates replicates;
    private final Lesson lesson;
    private final long stepMacs;
    private TrainingConfig config;
    private int viewed;
    private RunViews views;
    private boolean initialSent;
    private long judgedAt;      // when the verdicts last went out

    /** A run of an admitted config, seed i on {@code data.get(i)}; it owns {@code holdings} from now on. */
    LiveRun(RunContext context, TrainingConfig config, List<DataSplits> data, Lesson lesson, Holdings holdings) {
        super(context, holdings);
        this.data = List.copyOf(data);
        this.lesson = lesson;
        this.replicates = new Replicates(context.limits(), config, data);
        replicates.probeEveryEpoch(lesson != null && lesson.probesEveryEpoch());
        this.views = new RunViews(replicates.trainer(0), context.frameIntervalNanos());
        this.config = config;
        this.stepMacs = context.limits().footprint(config, data.get(0)).stepMacs();
    }

    @Override
    protected LiveRun rebuildOn(Holdings handed) {
        return new LiveRun(context, config, data, lesson, handed);
    }

    @Override
    public void announce(String reason, boolean running, double speed) {
        context.outbox().control(Frames.seeds(Frames.started(reason, running, config, data.get(0), speed), config, lesson));
    }

    /** Views go with the epoch when a frame interval has passed, or when no epoch follows soon or ever. */
    @Override
    public boolean advance(BooleanSupplier timeUp, boolean stopsAfter) {
        if (!initialSent) {
            if (!replicates.measureInitial(timeUp)) return false;
            Map<String, Object> notes = verdicts();
            notes.put("viewSeed", viewed);
            send(true, views.draw(true), notes, false);
            context.watch().epoch(config, replicates.stepReport(0));
            initialSent = true;
            return false;
        }
        if (!replicates.advance(timeUp)) return false;   // the step goes on next turn
        long now = System.nanoTime();
        boolean due = views.isDue() || replicates.isFinished() || stopsAfter;
        boolean drawn = due && replicates.stepReport(viewed) != null;
        // Verdicts at the views' cadence, also once the viewed seed has ended and its views are no longer drawn.
        boolean judge = replicates.isFinished() || stopsAfter || (due && now - judgedAt >= context.frameIntervalNanos());
        if (judge) judgedAt = now;
        send(true, drawn ? views.draw(false) : Map.of(), judge ? verdicts() : Map.of(), false);
        if (replicates.stepReport(0) != null) context.watch().epoch(config, replicates.stepReport(0));
        announceEnds();
        return true;
    }

    /**
     * The viewed seed's new epoch (if any), every seed's, the viewed seed's best epoch, and the frame's notes; or, not
     * {@code fresh}, the viewed seed's newest report again with no new epochs (in a frame of its own: {@code newFrame}).
     */
    private void send(boolean fresh, Map<String, Object> drawn, Map<String, Object> notes, boolean newFrame) {
        EpochReport own = fresh ? replicates.stepReport(viewed) : null;
        EpochReport shown = own != null ? own : fresh ? replicates.newest(viewed) : replicates.trainer(viewed).reportNow();
        context.outbox().epochs(Outbox.SINGLE_RUN, List.of(new Outbox.RunEpoch(Outbox.RUN, shown, drawn, own != null,
                fresh ? replicates.stepReports() : null, best(replicates, viewed))), notes, newFrame);
    }

    /** The run's verdicts over its seeds, and its lesson's claims that speak of one run. */
    private Map<String, Object> verdicts() {
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("verdicts", EpochFrames.verdicts(Verdicts.run(replicates.outcomes())));
        if (lesson != null) {
            notes.put("claims", EpochFrames.verdicts(Verdicts.claims(lesson.claims().stream()
                    .filter(claim -> !claim.who().readsB()).toList(), replicates.outcomes(), null)));
        }
        return notes;
    }

    /** The {@code best} note of a seed: its best epoch so far and that epoch's reliability diagram. */
    static Map<String, Object> best(Replicates replicates, int seed) {
        var best = replicates.outcome(seed).best();
        return best == null ? Map.of() : Map.of("best", EpochFrames.best(best));
    }

    /** Another seed in the report, the views and the export: a frame of its own with that seed's newest report. */
    @Override
    public void viewSeed(int index) {
        requireSeed(index, replicates.size());
        viewed = index;
        replicates.detail(index);
        views = new RunViews(replicates.trainer(index), context.frameIntervalNanos());
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("viewSeed", index);
        send(false, views.draw(true), notes, true);
    }

    /** Refuses a seed index the experiment does not have, naming the field and the range. */
    static void requireSeed(int index, int seeds) {
        if (index < seeds) return;
        String allowed = "a whole number in [0, " + (seeds - 1) + "]: this run has " + seeds + (seeds == 1 ? " seed" : " seeds");
        throw ProtocolError.notAllowed("index", index, allowed);
    }

    @Override
    public boolean isBetweenSteps() {
        return initialSent && replicates.isBetweenSteps();
    }

    @Override
    public int position() { return replicates.steps(); }

    @Override
    public EpochProgress progress() { return replicates.progress(); }

    @Override
    public void update(LiveChange change, double speed) {
        if (!change.isEmpty()) {
            TrainingConfig next = LiveSettings.apply(config, change, context.limits());
            replicates.applyLive(next);
            config = next;
            if (replicates.isFinished()) send(false, Map.of(), verdicts(), false);   // the last frame's verdicts
        }
        context.outbox().control(Frames.updated(config, speed));
        announceEnds();   // fewer epochs can end the run
    }

    @Override
    public Map<String, Object> command() {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("type", "start");
        command.put("config", Json.config(config));
        if (lesson != null) command.put("lesson", lesson.id());
        return command;
    }

    @Override
    public long parameters() {
        return RunLimits.parameters(replicates.trainer(viewed));
    }

    /** The viewed seed's model, with what retrains it exactly ({@link ModelExport}). */
    @Override
    public Map<String, Object> export() {
        Trainer trainer = replicates.trainer(viewed);
        RunLimits.requireExportable(RunLimits.parameters(trainer));
        return Frames.model(ModelExport.of(trainer));
    }

    @Override
    public boolean isFinished() { return replicates.isFinished(); }

    @Override
    public String endReason() {
        return replicates.trainer(0).end().map(e -> e.reason().configName()).orElse("ended");
    }

    @Override
    public int epochs() { return replicates.epochs(); }

    @Override
    public long stepMacs() { return stepMacs; }

    @Override
    public String describe() {
        return "dataset=" + config.data().dataset() + " trainSize=" + config.data().trainSize() + " hiddenLayers="
                + config.hiddenLayers() + " epochs=" + config.epochs() + " seeds=" + config.seeds()
                + (lesson == null ? "" : " lesson=" + lesson.id());
    }

    private void announceEnds() {
        for (int seed : replicates.newEnds()) {
            RunEnd end = replicates.end(seed);
            LOG.info("session={} event=run-end seed={} reason={} epochs={} bestEpoch={}", context.session(), seed,
                    end.reason().configName(), end.epochs(), end.bestEpoch());
            Map<String, Object> message = Frames.end(end);
            message.put("seed", seed);
            context.outbox().control(message);
            if (seed == 0) context.watch().ended(end);
        }
    }

    @Override
    protected void freeTrainers() {
        LOG.info("session={} event=run-freed epochs={}", context.session(), replicates.epochs());
        replicates.close();
    }
}
