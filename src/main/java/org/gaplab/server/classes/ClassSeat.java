package org.gaplab.server.classes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.ErrorCode;
import org.gaplab.protocol.Json;
import org.gaplab.protocol.LiveChange;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.protocol.Recipe;
import org.gaplab.server.live.RunControls;
import org.gaplab.server.live.RunWatch;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.training.Comparison;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.TrainingConfig;

/**
 * One learner's place in a class experiment: the value and seed assigned, the learner's point (their run's numbers at
 * its best epoch, kept after they leave), and the class's say over their session. The session's run is an ordinary
 * run with the assigned config, so it takes one fair share like any other; the seat only refuses what would change the
 * assigned value or seed (or, while the teacher locks them, any setting), and carries out the teacher's pause and
 * restart between two epochs, on the session's own turn.
 */
public final class ClassSeat implements RunWatch {
    private static final Command PAUSE = new Command.Pause();
    private static final Command RESUME = new Command.Resume();
    private static final Command RESET = new Command.Reset();
    /** The share of its epochs a run trains before its point counts in the class's medians (unless it ended first). */
    static final double COUNTED_SHARE = 0.2;

    /** A learner's numbers: the newest epoch, and every number at the best epoch so far (lowest validation loss). */
    record Point(int epoch, EpochReport best, String ended, List<String> changed) {
        static final Point NONE = new Point(-1, null, null, List.of());
    }

    final ClassExperiment experiment;
    final int learner;          // 1, 2, ...: how the chart names the learner (seat tokens are never shown)
    final String token;
    final int index;            // which value
    final long seed;
    final TrainingConfig config;
    final String client;        // the address whose share of the class's seats this is (--max-seats-per-client)
    private volatile String nickname;
    private volatile ClassMember session;   // null once the learner left
    private volatile Point point = Point.NONE;
    private TrainingConfig lastTrained;          // the session's slice only: the config the changes were read from
    private volatile boolean lastAssigned;       // written by the session's slice: whether that config is this seat's
    private long restartsSeen;                   // the session's slice only
    private boolean pausedByClass;               // the session's slice only

    /**
     * Where a seat is in its class: the learner's number, which value, and the seed; a seat left empty keeps its place
     * for the next learner.
     */
    record Place(int learner, int index, long seed) {
    }

    /**
     * A seat for {@code session} at {@code place}, under a fresh {@code token}: the learner's {@code nickname} (or, when
     * none was given, "Learner n"). The seat counts against the session's client address, and has seen every restart
     * the class ordered before it.
     */
    ClassSeat(ClassExperiment experiment, String token, Place place, String nickname, ClassMember session) {
        this.experiment = experiment;
        this.client = session.client();
        this.learner = place.learner();
        this.token = token;
        this.index = place.index();
        this.seed = place.seed();
        this.config = experiment.plan().config(index, seed);
        this.nickname = nickname != null ? nickname : "Learner " + learner;
        this.session = session;
        this.restartsSeen = experiment.orders().restarts();
    }

    /** The place this seat holds, for the next learner once it is empty. */
    Place place() { return new Place(learner, index, seed); }

    String nickname() { return nickname; }

    void rename(String name) { nickname = name; }

    ClassMember session() { return session; }

    void seat(ClassMember next) { session = next; }

    Point point() { return point; }

    /**
     * Whether the point counts in the class's medians and best value: its run ended by itself (finished, stopped
     * early, diverged) or trained {@link #COUNTED_SHARE} of its epochs. A run of one epoch and a closed tab would
     * otherwise move the best value: anyone with the join link could poison the class's result.
     */
    boolean counts() {
        Point p = point;
        if (p.best() == null || p.epoch() <= 0) return false;
        return p.ended() != null || p.epoch() >= Math.ceil(COUNTED_SHARE * config.epochs());
    }

    /** A seat its learner left before training an epoch: nothing to keep, so a newcomer may take it. */
    boolean isEmpty() {
        return session == null && point.epoch() <= 0;
    }

    /** How the table shows the learner: left, or what their session does now. */
    String status() {
        ClassMember now = session;
        if (now == null) return "stopped";
        if (!lastAssigned) return "waiting";   // no run yet, or one that is not the class's (its numbers are not shown)
        Point p = point;
        return switch (now.state()) {
            case IDLE -> "waiting";
            case RUNNING -> "running";
            case PAUSED -> p.epoch() <= 0 ? "ready" : "paused";
            case ENDED -> p.ended() != null ? p.ended() : "finished";
        };
    }

    // ---- the run's epochs (the session's slice) ----

    /** A session's watch: passes its run's epochs to the class chart while it has a seat (the seat it has now). */
    public static RunWatch watching(java.util.function.Supplier<ClassSeat> seat) {
        return new RunWatch() {
            @Override
            public void epoch(TrainingConfig config, EpochReport report) {
                ClassSeat now = seat.get();
                if (now != null) now.epoch(config, report);
            }

            @Override
            public void ended(RunEnd end) {
                ClassSeat now = seat.get();
                if (now != null) now.ended(end);
            }
        };
    }

    /**
     * Records an epoch of the session's run, if that run is this seat's: its value and seed are the assigned ones. A
     * run started before the seat was taken (a {@code restore} sent before {@code join} on a reconnect, a crafted
     * client) or one that somehow trains another value is not the class's, and its numbers never reach the chart.
     */
    @Override
    public void epoch(TrainingConfig trained, EpochReport report) {
        Point last = point;
        List<String> changed = last.changed();
        // A run's config changes only with a live update: compare it with the class's once, not every epoch.
        if (trained != lastTrained) {
            changed = Comparison.differences(config, trained);
            lastAssigned = !changed.contains(experiment.plan().param()) && !changed.contains(TrainingConfig.SEED.name());
            lastTrained = trained;
        }
        if (!lastAssigned) return;
        boolean fresh = report.epoch() == 0 || last.best() == null;
        EpochReport best = fresh || report.losses().validation() < last.best().losses().validation() ? report : last.best();
        point = new Point(report.epoch(), best, null, changed);
        experiment.changed();
    }

    @Override
    public void ended(RunEnd end) {
        if (!lastAssigned) return;
        Point last = point;
        point = new Point(last.epoch(), last.best(), end.reason().configName(), last.changed());
        experiment.changed();
    }

    // ---- what the learner may send (socket threads) ----

    /** Refuses, naming the field, what the class does not allow this learner now. */
    public void check(Command command) {
        ClassExperiment.Orders orders = experiment.orders();
        if (command instanceof Command.Compare || command instanceof Command.Sweep) {
            throw new ProtocolError(ErrorCode.INVALID, "type", command instanceof Command.Compare ? "compare" : "sweep",
                    "start (a learner in a class trains one run)",
                    "in a class experiment you train one run with your value; compare and sweep after the class");
        }
        if ((command instanceof Command.Resume || command instanceof Command.Step) && orders.paused()) {
            throw new ProtocolError(ErrorCode.CLASS_PAUSED, "type", command instanceof Command.Resume ? "resume" : "step",
                    "wait until your teacher resumes the class", "your teacher has paused the class; it goes on when they resume it");
        }
        if (command instanceof Command.Start start) requireAssigned(start.config(), orders.locked());
        if (command instanceof Command.Update update) requireLive(update.change(), orders.locked());
        if (command instanceof Command.Restore restore) {
            if (!(restore.recipe().build() instanceof Command.Start start)) {
                throw new ProtocolError(ErrorCode.INVALID, "checkpoint.command", "(not a run)", "a run's checkpoint",
                        "a learner in a class restores only a run");
            }
            requireAssigned(start.config(), orders.locked());
            for (Recipe.Change change : restore.recipe().changes()) requireLive(LiveChange.read(change.config()), orders.locked());
        }
    }

    /** A run's config keeps the value and seed (and, while locked, every setting) the class gave. */
    private void requireAssigned(TrainingConfig asked, boolean locked) {
        for (String key : Comparison.differences(config, asked)) {
            if (locked || key.equals(experiment.plan().param()) || key.equals(TrainingConfig.SEED.name())) throw fixed(key, asked);
        }
    }

    private void requireLive(LiveChange change, boolean locked) {
        if (change.isEmpty()) return;
        TrainingConfig asked;
        try {
            asked = ConfigValues.apply(config, change.values());
        } catch (InvalidSettingException e) {
            return;   // the run's own checks name what is wrong
        }
        for (String key : Comparison.differences(config, asked)) {
            if (locked || key.equals(experiment.plan().param()) || key.equals(TrainingConfig.SEED.name())) throw fixed(key, asked);
        }
    }

    private ProtocolError fixed(String key, TrainingConfig asked) {
        Object mine = Json.config(config).get(key);
        String allowed = mine + " (set by your class experiment)";
        return new ProtocolError(ErrorCode.FIXED, key, Json.config(asked).get(key), allowed,
                key + " is set by your class experiment" + (key.equals(experiment.plan().param()) || key.equals("seed")
                        ? "" : " while your teacher locks the settings") + ": " + mine);
    }

    // ---- the teacher's orders (the session's slice) ----

    /**
     * Carries out what the class asks of this learner's run: a restart rebuilds it from its config (the assigned one
     * when there is none yet, or when it is not the class's) and runs it; a pause stops it after the epoch in
     * progress; a resume runs again what the pause stopped. Returns true when it did something.
     */
    public boolean follow(RunControls controls) {
        ClassExperiment.Orders orders = experiment.orders();
        if (orders.restarts() > restartsSeen) {
            if (!controls.mayHandle(RESET)) return false;   // after the step in progress
            restartsSeen = orders.restarts();
            pausedByClass = orders.paused();
            if (controls.state() == RunControls.State.IDLE || !lastAssigned) {   // no run of the class's yet
                controls.handle(new Command.Start(config, null));
                return true;
            }
            controls.handle(RESET);
            if (!orders.paused()) controls.handle(RESUME);
            return true;
        }
        if (orders.paused() && controls.state() == RunControls.State.RUNNING && controls.mayHandle(PAUSE)) {
            controls.handle(PAUSE);
            pausedByClass = true;
            return true;
        }
        if (!orders.paused() && pausedByClass) {
            pausedByClass = false;
            if (controls.state() == RunControls.State.PAUSED) controls.handle(RESUME);
            return true;
        }
        return false;
    }

    /** The class ended: a run its pause stopped goes on, as every learner's does after the class. */
    void letGo(RunControls controls) {
        if (!pausedByClass) return;
        pausedByClass = false;
        if (controls.state() == RunControls.State.PAUSED) controls.handle(RESUME);
    }

    /** The learner's row: who, which value, and the numbers at their best epoch. */
    Map<String, Object> row() {
        Point p = point;
        EpochReport best = p.best();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("learner", learner);
        row.put("nickname", nickname);
        row.put("index", index);
        row.put("value", experiment.plan().values().get(index));
        row.put("seed", seed);
        row.put("status", status());
        row.put("left", session == null);
        row.put("epoch", Math.max(0, p.epoch()));
        row.put("bestEpoch", best == null ? null : best.epoch());
        row.put("trainLoss", best == null ? null : best.losses().train());
        row.put("validationLoss", best == null ? null : best.losses().validation());
        row.put("trainAccuracy", best == null ? null : best.accuracies().train());
        row.put("validationAccuracy", best == null ? null : best.accuracies().validation());
        row.put("testLoss", best == null ? null : best.losses().test());
        row.put("testAccuracy", best == null ? null : best.accuracies().test());
        row.put("changed", p.changed());
        row.put("counted", counts());
        return row;
    }

    /**
     * The {@code class-assignment} message: the seat (kept by the page to take it back after a reconnect), the value
     * and seed, the config to train, which settings the class fixes, and the class's state now.
     */
    Map<String, Object> assignment() {
        ClassExperiment.Orders orders = experiment.orders();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "class-assignment");
        message.put("class", experiment.id());
        message.put("seat", token);
        message.put("learner", learner);
        message.put("nickname", nickname);
        message.put("param", experiment.plan().param());
        message.put("index", index);
        message.put("value", experiment.plan().values().get(index));
        message.put("values", experiment.plan().values());
        message.put("axis", experiment.plan().isCategory() ? "category" : "number");
        message.put("seed", seed);
        message.put("config", Json.config(config));
        message.put("fixed", List.of(experiment.plan().param(), TrainingConfig.SEED.name()));
        message.put("lesson", experiment.plan().lesson());
        message.put("paused", orders.paused());
        message.put("locked", orders.locked());
        message.put("revealed", orders.revealed());
        message.put("endsAt", experiment.endsAtMillis());
        return message;
    }
}
