package org.gaplab.server.live;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.ErrorCode;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.protocol.Recipe;
import org.gaplab.training.EpochProgress;
import org.gaplab.training.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the learner's buttons do to what a session trains (a run, a comparison or a sweep: an {@link Experiment}):
 * start, compare, sweep, restore, pause, resume, step, reset, update, stop and export, with its state and pace. Used
 * only on the session's slice; {@link #state} may be read from any thread.
 *
 * <p>Building comes in two parts ({@link Build}): the data is acquired from the server's shared cache and made on
 * the loading thread while the session waits (a new build replaces one that waits); once it is there, the experiment
 * is admitted against the memory budget and built on the session's own turn. Commands that act on the run (pause, step, update,
 * reset, export) wait for the end of the step in progress, so live changes always take effect between epochs and
 * the {@link Recipe} (the building command and each change with its epoch) defines the run exactly.
 */
public final class RunControls {
    private static final Logger LOG = LoggerFactory.getLogger(RunControls.class);
    public enum State { IDLE, RUNNING, PAUSED, ENDED }
    /** Heap an export takes while written and sent, per weight: array copies, its JSON (~21 chars, 2 bytes each), the builder. */
    static final long EXPORT_BYTES_PER_PARAMETER = 120;
    private final RunContext context;
    private final Consumer<ProtocolError> reject;
    private final Runnable wake;
    private final Pace pace = new Pace(0);
    private volatile State state = State.IDLE;
    private Experiment experiment;
    private Recipe recipe;
    private Build pending;
    private Replay restoring;        // a restore replaying the page's run, or null
    private int stepsLeft;          // epochs a step command still owes (paused)
    private long stepStartedAt;     // when the step in progress began, for the progress bar
    private boolean overran;        // a turn of this experiment ran long: it is heavy whatever its estimate says
    private boolean announcedLoading;

    /** {@code reject} answers a refused command; {@code wake} asks for a turn (when data has arrived). */
    public RunControls(RunContext context, Consumer<ProtocolError> reject, Runnable wake) {
        this.context = context;
        this.reject = reject;
        this.wake = wake;
    }

    public State state() { return state; }

    // ---- what the session's slice asks ----

    /**
     * Whether the command may be handled now. Commands that build something new or stop always may; those that act
     * on the run wait until nothing is being built or restored and no step is half done.
     */
    public boolean mayHandle(Command command) {
        if (command.replacesRun() || command instanceof Command.Stop) return true;
        return pending == null && restoring == null && (experiment == null || experiment.isBetweenSteps());
    }

    /** Whether there is work for a turn: a build whose data has arrived, or something to train or to finish. */
    public boolean hasWork() {
        if (pending != null) return pending.isReady();
        if (experiment == null || experiment.isFinished()) return false;
        return !experiment.isBetweenSteps() || state == State.RUNNING || stepsLeft > 0 || restoring != null;
    }

    /** How long until the next step is due at the chosen pace (0: now); only a plain running step waits. */
    public long waitNanos(long now) {
        boolean paced = pending == null && restoring == null && stepsLeft == 0 && state == State.RUNNING
                && experiment != null && experiment.isBetweenSteps();
        return paced ? pace.waitNanos(now) : 0;
    }

    /** Whether this session's pieces of work are long enough that it must not take every worker at once. */
    public boolean isHeavy(long heavyMacs) {
        return experiment != null && pending == null && (overran || experiment.stepMacs() > heavyMacs);
    }

    /** A turn ran far past its slice: treat this experiment as heavy from now on. */
    public void noteOverrun() {
        if (experiment != null) overran = true;
    }

    /** Works on the build whose data has arrived, or on the next step, until done or {@code timeUp}. */
    public void work(BooleanSupplier timeUp) {
        guarded(() -> {
            if (pending != null) {
                build();
                return;
            }
            try {   // a refusal mid-step ends the run: it cannot go on half-stepped
                trainStep(timeUp);
            } catch (ProtocolError e) {
                endRun();
                throw e;
            }
        });
    }

    /** A progress message for the step in progress when it has taken longer than a frame, else null. */
    public Map<String, Object> progress(long now) {
        if (pending != null) {
            if (announcedLoading) return null;
            announcedLoading = true;
            return Frames.loading(pending.dataset());
        }
        if (experiment == null || now - stepStartedAt < context.frameIntervalNanos()) return null;
        if (restoring != null) return Frames.progress("restoring", experiment.position(), experiment.position(), restoring.target());
        if (experiment.isBetweenSteps()) return null;
        EpochProgress progress = experiment.progress();
        return Frames.progress(progress.phase().configName(), progress.epoch(), progress.done(), progress.total());
    }

    /** Carries out one command. */
    public void handle(Command command) {
        guarded(() -> {
            // Java 17 has no pattern switch; this chain is the one dispatch over the sealed Command type.
            if (command.replacesRun()) request(command);
            else if (command instanceof Command.Update update) update(update.change(), update.speed());
            else if (command instanceof Command.Pause) pause();
            else if (command instanceof Command.Resume) resume();
            else if (command instanceof Command.Step) step();
            else if (command instanceof Command.Reset) reset();
            else if (command instanceof Command.Stop) stop();
            else if (command instanceof Command.Export) export();
            else if (command instanceof Command.ViewSeed view) viewSeed(view.index());
            else throw new IllegalStateException("unhandled command " + command);
        });
    }

    /** Frees what was training and its data, and any build waiting; the session can start again. */
    public void endRun() {
        cancelPending();
        if (experiment != null) experiment.close();
        experiment = null;
        recipe = null;
        restoring = null;
        stepsLeft = 0;
        overran = false;
        state = State.IDLE;
    }

    /** Runs a command or a piece of work; a refusal becomes an error message, a bug ends the run but not the socket. */
    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (ProtocolError e) {
            reject.accept(e);
        } catch (OutOfMemoryError e) {
            LOG.error("session={} event=out-of-memory state={}", context.session(), state, e);
            endRun();
            context.outbox().control(Frames.error(new ProtocolError(ErrorCode.TOO_LARGE, TrainingConfig.HIDDEN_LAYERS.name(),
                    "(out of memory)", "a smaller run", "the server ran out of memory for this run and stopped it; "
                    + "use fewer or smaller hidden layers, a smaller batch or fewer examples")));
        } catch (RuntimeException e) {
            LOG.error("session={} event=failure state={} epochs={}", context.session(), state,
                    experiment == null ? 0 : experiment.epochs(), e);
            endRun();
            context.outbox().control(Frames.error(new ProtocolError(ErrorCode.INTERNAL, "session", "", "",
                    "the server failed on this run and stopped it; the server's log says why")));
        }
    }

    // ---- building ----

    /** Asks for the data of what the command builds; the build happens once it has arrived. Replaces a waiting build. */
    private void request(Command command) {
        Build build = Build.request(context, command, wake);
        cancelPending();
        pending = build;
        announcedLoading = build.isReady();
    }

    /** Builds what the waiting command asked for, now that its data is here, replacing whatever was training. */
    private void build() {
        Build built = pending;
        pending = null;
        Experiment next = built.build(experiment == null ? null : experiment.reservation(), this::endRun);
        experiment = next;
        recipe = Recipe.of(next.command());
        restoring = built.restore() == null ? null : new Replay(built.restore(), built.speed());
        pace.change(restoring != null ? 0 : built.speed());
        state = State.RUNNING;
        stepStartedAt = System.nanoTime();
        LOG.info("session={} event=start {} speed={}{}", context.session(), next.describe(), built.speed(),
                restoring != null ? " restore=" + restoring.target() : "");
        next.announce(restoring != null ? "restore" : "start", true, pace.speed());
        context.outbox().control(Frames.checkpoint(recipe));
    }

    // ---- the learner's commands ----
    private void update(org.gaplab.protocol.LiveChange change, Double requestedSpeed) {
        requireRun("update");
        experiment.update(change, requestedSpeed != null ? requestedSpeed : pace.speed());
        if (requestedSpeed != null) pace.change(requestedSpeed);
        if (!change.isEmpty()) {
            recipe = recipe.with(new Recipe.Change(experiment.position(), change.sent()), context.limits().maxRecipeBytes());
            context.outbox().control(Frames.checkpoint(recipe));
        }
        noteEnd();
    }

    private void pause() {
        requireRun("pause");
        if (state == State.ENDED) return;   // the run ended on its own meanwhile: there is nothing to pause
        state = State.PAUSED;
        context.outbox().control(Frames.event("paused"));
    }

    private void resume() {
        requireRunning("resume");
        state = State.RUNNING;
        pace.restart();
        context.outbox().control(Frames.event("resumed"));
    }

    private void step() {
        requireRunning("step");
        if (state == State.RUNNING) {
            state = State.PAUSED;
            context.outbox().control(Frames.event("paused"));
        }
        stepsLeft = experiment.stepSize();
        stepStartedAt = System.nanoTime();
    }

    private void reset() {
        requireRun("reset");
        experiment = experiment.rebuilt();
        recipe = Recipe.of(experiment.command());
        stepsLeft = 0;
        overran = false;
        state = State.PAUSED;
        stepStartedAt = System.nanoTime();
        LOG.info("session={} event=reset {}", context.session(), experiment.describe());
        context.outbox().control(Frames.event("reset"));
        experiment.announce("reset", false, pace.speed());
        context.outbox().control(Frames.checkpoint(recipe));
    }

    private void viewSeed(int index) {
        requireRun("view-seed");
        experiment.viewSeed(index);   // answered by a frame of that seed
    }

    private void stop() {
        if (experiment == null && pending == null) requireRun("stop");
        endRun();
        context.outbox().control(Frames.stopped("client"));
    }

    /**
     * The model for download; one at a time, since a model can be megabytes, and only while the server's memory
     * budget has room for its text (about {@link #EXPORT_BYTES_PER_PARAMETER} bytes a weight while it is written).
     */
    private void export() {
        requireRun("export");
        long bytes = EXPORT_BYTES_PER_PARAMETER * experiment.parameters();
        var held = context.limits().budget().reserve(bytes, null).orElseThrow(() ->
                new ProtocolError(ErrorCode.OVERLOADED, "type", "export", "an export when the server has memory for it",
                        "the server is busy writing other models; try the download again in a moment"));
        boolean queued;
        try {
            queued = context.outbox().large(experiment::export, held);
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
        if (!queued) {
            held.close();
            throw new ProtocolError(ErrorCode.OVERLOADED, "type", "export", "one export at a time",
                    "the previous export is still on its way; wait for its model message");
        }
    }

    // ---- training ----

    private void trainStep(BooleanSupplier timeUp) {
        boolean wasBetween = experiment.isBetweenSteps();
        if (wasBetween && restoring != null && applyRestoredChanges()) return;
        if (wasBetween) stepStartedAt = System.nanoTime();
        boolean stopsAfter = state != State.RUNNING && stepsLeft <= 1 && restoring == null;
        boolean stepped = experiment.advance(timeUp, stopsAfter);
        if (!stepped) return;
        if (stepsLeft > 0) stepsLeft--;
        pace.stepped(System.nanoTime());
        noteEnd();
        if (restoring != null && restoring.isReachedBy(experiment)) finishRestore();
    }

    /** Applies the recipe's changes that took effect after this epoch; true when the restore is over instead. */
    private boolean applyRestoredChanges() {
        for (Recipe.Change change : restoring.changesDueAfter(experiment.position())) {
            try {
                update(org.gaplab.protocol.LiveChange.read(change.config()), null);
            } catch (ProtocolError refused) {
                reject.accept(refused);   // a change this server refuses is skipped, named; the rest is replayed
            }
        }
        if (restoring.isReachedBy(experiment)) {
            finishRestore();
            return true;
        }
        return false;
    }

    /** The replay reached the position the page had: from here the run goes on as the learner left it. */
    private void finishRestore() {
        Replay done = restoring;
        restoring = null;
        pace.change(done.speed());
        LOG.info("session={} event=restored position={}", context.session(), experiment.position());
        context.outbox().control(Frames.restored(experiment.position(), done.running() && !experiment.isFinished()));
        noteEnd();
        if (state == State.RUNNING && !done.running()) {
            state = State.PAUSED;
            context.outbox().control(Frames.event("paused"));
        }
    }

    private void noteEnd() {
        if (experiment != null && experiment.isFinished()) state = State.ENDED;
    }

    private void cancelPending() {
        if (pending != null) pending.cancel();
        pending = null;
    }

    private void requireRun(String what) {
        if (experiment == null) {
            throw new ProtocolError(ErrorCode.NO_RUN, "type", what, "start first",
                    "there is no run to " + what + "; send start first");
        }
    }

    private void requireRunning(String what) {
        requireRun(what);
        if (state == State.ENDED) {
            throw new ProtocolError(ErrorCode.RUN_ENDED, "type", what, "reset or start",
                    "the run has ended (" + experiment.endReason() + "); send reset or start to train again");
        }
    }
}
