package org.gaplab.server.live;

import java.util.ArrayList;
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
import org.gaplab.server.safety.RunLimits;
import org.gaplab.server.wire.Outbox;
import org.gaplab.training.Comparison;
import org.gaplab.training.EpochProgress;
import org.gaplab.training.EpochReport;
import org.gaplab.training.Lockstep;
import org.gaplab.training.RunEnd;
import org.gaplab.training.TrainingConfig;
import org.gaplab.verdicts.Verdicts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An A/B comparison streamed to a browser, over its seeds: run A and run B differ only in the compared settings, and
 * on each seed i they share the training sample, the initial weights (where the architecture matches) and the
 * validation and test points, so A_i against B_i is one fair duel. Every run advances in lockstep (one step is one
 * epoch of every seed of A, then of B, in as many turns as it takes), so a comparison costs the classroom one
 * session however many seeds it has, and its verdicts count the duels.
 *
 * <p>Like {@link Comparison}, but on shared data admitted within the server's limits (the engine's class makes its own).
 */
final class LiveComparison extends HoldingExperiment {
    private static final Logger LOG = LoggerFactory.getLogger(LiveComparison.class);

    /** One of the two runs, over every seed; its part of a lockstep step is one epoch of each seed still going. */
    private static final class Side implements Lockstep.Run {
        final String name;
        final Replicates runs;
        RunViews views;
        TrainingConfig config;

        Side(String name, Replicates runs, long frameIntervalNanos) {
            this.name = name;
            this.runs = runs;
            this.views = new RunViews(runs.trainer(0), frameIntervalNanos);
            this.config = runs.config();
        }

        @Override
        public boolean isFinished() { return runs.isFinished(); }

        @Override
        public boolean advance(BooleanSupplier timeUp) { return runs.advance(timeUp); }
    }

    private final List<DataSplits> data;
    private final List<String> varied;
    private final Lesson lesson;
    private final Side a;
    private final Side b;
    private final Lockstep<Side> lockstep;   // A's part of each step, then B's, like the command line's comparison
    private final long stepMacs;
    /** Read by the outbox's sender thread when a frame is written. */
    private volatile List<String> differences;
    private final Outbox.Shape shape = (runs, notes) ->
            new EpochFrames.ComparisonFrame(differences, runs.get("a"), runs.get("b"), notes);
    private long viewsAt;
    private boolean initialSent;
    private int steps;
    private int viewed;
    private boolean drawViews;    // whether this step's epochs carry views

    /**
     * Both runs of admitted configs, seed i on {@code data.get(i)}; it owns {@code holdings} from now on.
     * {@code varied} are the compared keys: an update of one of them changes run B only.
     */
    LiveComparison(RunContext context, List<DataSplits> data, TrainingConfig configA, TrainingConfig configB,
                   List<String> varied, Lesson lesson, Holdings holdings) {
        super(context, holdings);
        this.data = List.copyOf(data);
        this.varied = List.copyOf(varied);
        this.lesson = lesson;
        this.differences = Comparison.differences(configA, configB);
        Replicates runsA = new Replicates(context.limits(), configA, data);
        Replicates runsB;
        try {
            runsB = new Replicates(context.limits(), configB, data);
        } catch (RuntimeException | Error e) {
            runsA.close();
            throw e;
        }
        boolean probe = lesson != null && lesson.probesEveryEpoch();
        runsA.probeEveryEpoch(probe);
        runsB.probeEveryEpoch(probe);
        this.a = new Side("a", runsA, context.frameIntervalNanos());
        this.b = new Side("b", runsB, context.frameIntervalNanos());
        this.lockstep = new Lockstep<>(List.of(a, b));
        this.stepMacs = Math.max(context.limits().footprint(configA, data.get(0)).stepMacs(),
                context.limits().footprint(configB, data.get(0)).stepMacs());
    }

    @Override
    protected LiveComparison rebuildOn(Holdings handed) {
        return new LiveComparison(context, data, a.config, b.config, varied, lesson, handed);
    }

    @Override
    public void announce(String reason, boolean running, double speed) {
        context.outbox().control(Frames.seeds(Frames.startedComparison(reason, running, a.config, b.config,
                data.get(0), speed), a.config, lesson));
    }

    /**
     * First every run's epoch 0, then one epoch of each seed of each run still going, A's then B's, in as many turns
     * as it takes; both runs' views (of the viewed seed) are drawn together and the whole step goes out in one
     * frame, so A and B show the same epoch.
     */
    @Override
    public boolean advance(BooleanSupplier timeUp, boolean stopsAfter) {
        if (!initialSent) return measureInitial(timeUp);
        if (lockstep.isBetweenSteps()) {
            long now = System.nanoTime();
            drawViews = stopsAfter || now - viewsAt >= context.frameIntervalNanos();
            if (drawViews) viewsAt = now;
        }
        if (!lockstep.advance(timeUp)) return false;   // goes on next turn
        steps++;
        boolean last = isFinished();
        List<Outbox.RunEpoch> epochs = new ArrayList<>(2);
        for (int run = 0; run < 2; run++) {
            if (!lockstep.stepped(run)) continue;
            Side side = lockstep.runs().get(run);
            EpochReport own = side.runs.stepReport(viewed);   // null once the viewed seed has ended: shown again
            boolean draw = (drawViews || last) && own != null;
            epochs.add(new Outbox.RunEpoch(side.name, own != null ? own : side.runs.newest(viewed),
                    draw ? side.views.draw(false) : Map.of(), own != null, side.runs.stepReports(),
                    LiveRun.best(side.runs, viewed)));
        }
        context.outbox().epochs(shape, epochs, drawViews || last ? verdicts() : Map.of(), false);   // one frame
        announceEnds();
        return true;
    }

    private boolean measureInitial(BooleanSupplier timeUp) {
        if (!a.runs.measureInitial(timeUp) || !b.runs.measureInitial(timeUp)) return false;
        viewsAt = System.nanoTime();
        Map<String, Object> notes = verdicts();
        notes.put("viewSeed", viewed);
        context.outbox().epochs(shape, List.of(initial(a), initial(b)), notes, false);
        initialSent = true;
        return false;
    }

    private Outbox.RunEpoch initial(Side side) {
        return new Outbox.RunEpoch(side.name, side.runs.stepReport(viewed), side.views.draw(true), true,
                side.runs.stepReports(), Map.of());
    }

    /** What the paired seeds say (every comparison's verdicts), and the lesson's claims. */
    private Map<String, Object> verdicts() {
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("verdicts", EpochFrames.verdicts(Verdicts.comparison(a.runs.outcomes(), b.runs.outcomes())));
        if (lesson != null) {
            notes.put("claims", EpochFrames.verdicts(Verdicts.claims(lesson.claims(), a.runs.outcomes(), b.runs.outcomes())));
        }
        return notes;
    }

    /** Seed {@code index} of both runs in the reports, views and export: a frame of its own with their newest reports. */
    @Override
    public void viewSeed(int index) {
        LiveRun.requireSeed(index, a.runs.size());
        viewed = index;
        List<Outbox.RunEpoch> shown = new ArrayList<>(2);
        for (Side side : List.of(a, b)) {
            side.runs.detail(index);
            side.views = new RunViews(side.runs.trainer(index), context.frameIntervalNanos());
            shown.add(new Outbox.RunEpoch(side.name, side.runs.trainer(index).reportNow(), side.views.draw(true), false, null,
                    LiveRun.best(side.runs, index)));
        }
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("viewSeed", index);
        context.outbox().epochs(shape, shown, notes, true);
    }

    @Override
    public boolean isBetweenSteps() {
        return initialSent && lockstep.isBetweenSteps();
    }

    @Override
    public int position() { return steps; }

    @Override
    public EpochProgress progress() {
        return lockstep.training().orElse(a).runs.progress();
    }

    /**
     * Changes live settings of both runs, except the compared keys, which change run B only: so the runs keep
     * differing in what is compared and nothing else. Both runs' new configs are checked before either changes.
     */
    @Override
    public void update(LiveChange change, double speed) {
        LiveChange forA = change.without(varied);
        TrainingConfig nextA = forA.isEmpty() ? a.config : LiveSettings.apply(a.config, forA, context.limits());
        TrainingConfig nextB = change.isEmpty() ? b.config : LiveSettings.apply(b.config, change, context.limits());
        if (nextA != a.config) a.runs.applyLive(nextA);
        if (nextB != b.config) b.runs.applyLive(nextB);
        a.config = nextA;
        b.config = nextB;
        differences = Comparison.differences(nextA, nextB);
        if (!change.isEmpty() && isFinished()) context.outbox().epochs(shape, List.of(), verdicts(), false);
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
        if (lesson != null) command.put("lesson", lesson.id());
        return command;
    }

    @Override
    public long stepMacs() { return stepMacs; }

    @Override
    public long parameters() {
        return RunLimits.parameters(a.runs.trainer(viewed)) + RunLimits.parameters(b.runs.trainer(viewed));
    }

    /** The viewed seed's models of both runs. */
    @Override
    public Map<String, Object> export() {
        RunLimits.requireExportable(parameters());
        return Frames.models(differences, ModelExport.of(a.runs.trainer(viewed)), ModelExport.of(b.runs.trainer(viewed)));
    }

    @Override
    public boolean isFinished() {
        return lockstep.isFinished();
    }

    @Override
    public String endReason() {
        return "a " + reason(a) + ", b " + reason(b);
    }

    @Override
    public int epochs() {
        return a.runs.epochs() + b.runs.epochs();
    }

    @Override
    public String describe() {
        return "kind=comparison differences=" + differences + " dataset=" + a.config.data().dataset() + " trainSize="
                + a.config.data().trainSize() + " hiddenLayers=" + a.config.hiddenLayers() + " epochs="
                + a.config.epochs() + " seeds=" + a.config.seeds() + (lesson == null ? "" : " lesson=" + lesson.id());
    }

    private static String reason(Side side) {
        return side.runs.isFinished() ? side.runs.end(0).reason().configName() : "running";
    }

    private void announceEnds() {
        for (Side side : List.of(a, b)) {
            for (int seed : side.runs.newEnds()) {
                RunEnd end = side.runs.end(seed);
                LOG.info("session={} event=run-end run={} seed={} reason={} epochs={} bestEpoch={}", context.session(),
                        side.name, seed, end.reason().configName(), end.epochs(), end.bestEpoch());
                Map<String, Object> message = Frames.end(end, side.name);
                message.put("seed", seed);
                context.outbox().control(message);
            }
        }
    }

    @Override
    protected void freeTrainers() {
        LOG.info("session={} event=run-freed kind=comparison epochs={}", context.session(), epochs());
        a.runs.close();
        b.runs.close();
    }
}
