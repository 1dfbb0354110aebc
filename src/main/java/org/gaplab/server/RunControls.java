package org.gaplab.server;

import java.util.Map;
import java.util.function.Consumer;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.training.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the learner's buttons do to what a session trains (a run, a comparison or a sweep: an {@link Experiment}):
 * start, compare, sweep, pause, resume, step, reset, update, stop and export, with its state and pace. Used only on
 * the session's slice; {@link #state} may be read from any thread.
 */
final class RunControls {
    private static final Logger LOG = LoggerFactory.getLogger(RunControls.class);

    enum State { IDLE, RUNNING, PAUSED, ENDED }

    private final String session;
    private final Classroom room;
    private final Outbox outbox;
    private final Consumer<ProtocolError> reject;
    private final Pace pace = new Pace(0);
    private volatile State state = State.IDLE;
    private Experiment experiment;

    /** {@code reject} answers a refused command; the run it refused stays as it was. */
    RunControls(String session, Classroom room, Outbox outbox, Consumer<ProtocolError> reject) {
        this.session = session;
        this.room = room;
        this.outbox = outbox;
        this.reject = reject;
    }

    State state() { return state; }

    Pace pace() { return pace; }

    /** Carries out one command. */
    void handle(Command command) {
        guarded(() -> {
            // Java 17 has no pattern switch; this chain is the one dispatch over the sealed Command type.
            if (command instanceof Command.Start start) start(start.config(), start.speed());
            else if (command instanceof Command.Update update) update(update.changes(), update.speed());
            else if (command instanceof Command.Pause) pause();
            else if (command instanceof Command.Resume) resume();
            else if (command instanceof Command.Step) step();
            else if (command instanceof Command.Reset) reset();
            else if (command instanceof Command.Stop) stop();
            else if (command instanceof Command.Compare compare) compare(compare);
            else if (command instanceof Command.Sweep sweep) sweep(sweep);
            else if (command instanceof Command.Export) export();
            else throw new IllegalStateException("unhandled command " + command);
        });
    }

    /**
     * Trains the next step of what is running. A refusal here is not a refused command but something the run cannot
     * go on without (a sweep's next data beyond the limit): the browser is told why and the run ends.
     */
    void advance() {
        guarded(() -> {
            try {
                trainStep();
            } catch (ProtocolError e) {
                endRun();
                throw e;
            }
        });
    }

    /** Frees what was training and its data; the session can start again. */
    void endRun() {
        if (experiment != null) experiment.close();
        experiment = null;
        state = State.IDLE;
    }

    /** Runs a command or an epoch; a refused command becomes an error message, a bug ends the run but not the socket. */
    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (ProtocolError e) {
            reject.accept(e);
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.error("session={} event=failure state={} epochs={}", session, state, experiment == null ? 0 : experiment.epochs(), e);
            endRun();
            outbox.control(Frames.error(new ProtocolError("internal", "session", e.getClass().getSimpleName(), "",
                    "the server failed on this run and stopped it: " + e.getMessage())));
        }
    }

    private void start(TrainingConfig next, Double requestedSpeed) {
        begin(LiveRun.build(session, outbox, room.limits(), room.frameIntervalNanos(), next),
                requestedSpeed != null ? requestedSpeed : Pace.defaultFor(next.data().dataset()));
    }

    private void compare(Command.Compare compare) {
        LiveComparison built = LiveComparison.build(session, outbox, room.limits(), room.frameIntervalNanos(),
                compare.a(), compare.b(), compare.varied());
        begin(built, compare.speed() != null ? compare.speed() : Pace.defaultFor(compare.a().data().dataset()));
    }

    /** A sweep is many runs: it goes as fast as the fair share allows unless asked otherwise. */
    private void sweep(Command.Sweep sweep) {
        begin(LiveSweep.build(session, outbox, room.limits(), sweep), sweep.speed() != null ? sweep.speed() : 0);
    }

    /** Replaces whatever was training with what was just built, and runs it. */
    private void begin(Experiment built, double speed) {
        endRun();
        experiment = built;
        pace.change(speed);
        state = State.RUNNING;
        LOG.info("session={} event=start {} speed={}", session, experiment.describe(), pace.speed());
        experiment.announce("start", true, pace.speed());
    }

    private void update(Map<String, Object> changes, Double requestedSpeed) {
        requireRun("update");
        experiment.update(changes, requestedSpeed != null ? requestedSpeed : pace.speed());
        if (requestedSpeed != null) pace.change(requestedSpeed);
        noteEnd();
    }

    private void pause() {
        requireRun("pause");
        if (state == State.ENDED) return;   // the run ended on its own meanwhile: there is nothing to pause
        state = State.PAUSED;
        outbox.control(Frames.event("paused"));
    }

    private void resume() {
        requireRunning("resume");
        state = State.RUNNING;
        pace.restart();
        outbox.control(Frames.event("resumed"));
    }

    private void step() {
        requireRunning("step");
        if (state == State.RUNNING) {
            state = State.PAUSED;
            outbox.control(Frames.event("paused"));
        }
        experiment.step();
        noteEnd();
    }

    private void reset() {
        requireRun("reset");
        Experiment rebuilt = experiment.rebuilt();
        experiment.close();
        experiment = rebuilt;
        state = State.PAUSED;
        LOG.info("session={} event=reset {}", session, experiment.describe());
        outbox.control(Frames.event("reset"));
        experiment.announce("reset", false, pace.speed());
    }

    private void stop() {
        requireRun("stop");
        endRun();
        outbox.control(Frames.stopped("client"));
    }

    /** The model for download; one at a time, since a model can be megabytes. */
    private void export() {
        requireRun("export");
        if (!outbox.large(experiment::export)) {
            throw new ProtocolError("overloaded", "type", "export", "one export at a time",
                    "the previous export is still on its way; wait for its model message");
        }
    }

    private void trainStep() {
        experiment.advance(state != State.RUNNING);
        noteEnd();
    }

    private void noteEnd() {
        if (experiment.isFinished()) state = State.ENDED;
    }

    private void requireRun(String what) {
        if (experiment == null) {
            throw new ProtocolError("no-run", "type", what, "start first",
                    "there is no run to " + what + "; send start first");
        }
    }

    private void requireRunning(String what) {
        requireRun(what);
        if (state == State.ENDED) {
            throw new ProtocolError("run-ended", "type", what, "reset or start",
                    "the run has ended (" + experiment.endReason() + "); send reset or start to train again");
        }
    }
}
