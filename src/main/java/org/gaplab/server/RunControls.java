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
 * What the learner's buttons do to a session's run: start, pause, resume, step, reset, update and stop, with the
 * run's state and pace. Used only on the session's slice; {@link #state} may be read from any thread.
 */
final class RunControls {
    private static final Logger LOG = LoggerFactory.getLogger(RunControls.class);

    enum State { IDLE, RUNNING, PAUSED, ENDED }

    private final String session;
    private final Classroom room;
    private final Outbox outbox;
    private final Consumer<ProtocolError> reject;
    private volatile State state = State.IDLE;
    private LiveRun run;
    private final Pace pace = new Pace(0);

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
            else throw new IllegalStateException("unhandled command " + command);
        });
    }

    /** Trains the running run's next epoch. */
    void advance() {
        guarded(this::trainEpoch);
    }

    /** Frees the run and its data; the session can start again. */
    void endRun() {
        if (run != null) run.close();
        run = null;
        state = State.IDLE;
    }

    /** Runs a command or an epoch; a refused command becomes an error message, a bug ends the run but not the socket. */
    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (ProtocolError e) {
            reject.accept(e);
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.error("session={} event=failure state={} epoch={}", session, state, run == null ? 0 : run.epoch(), e);
            endRun();
            outbox.control(Frames.error(new ProtocolError("internal", "session", e.getClass().getSimpleName(), "",
                    "the server failed on this run and stopped it: " + e.getMessage())));
        }
    }

    private void start(TrainingConfig next, Double requestedSpeed) {
        LiveRun built = LiveRun.build(session, outbox, room.limits(), room.frameIntervalNanos(), next);
        endRun();
        run = built;
        pace.change(requestedSpeed != null ? requestedSpeed : Pace.defaultFor(next.data().dataset()));
        state = State.RUNNING;
        LOG.info("session={} event=start dataset={} trainSize={} hiddenLayers={} epochs={} speed={}", session,
                next.data().dataset(), next.data().trainSize(), next.hiddenLayers(), next.epochs(), pace.speed());
        run.announce("start", true, pace.speed());
    }

    private void update(Map<String, Object> changes, Double requestedSpeed) {
        requireRun("update");
        run.update(changes, requestedSpeed != null ? requestedSpeed : pace.speed());
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
        trainEpoch();
    }

    private void reset() {
        requireRun("reset");
        LiveRun rebuilt = run.rebuilt();
        run.close();
        run = rebuilt;
        state = State.PAUSED;
        LOG.info("session={} event=reset dataset={}", session, run.config().data().dataset());
        outbox.control(Frames.event("reset"));
        run.announce("reset", false, pace.speed());
    }

    private void stop() {
        requireRun("stop");
        endRun();
        outbox.control(Frames.stopped("client"));
    }

    private void trainEpoch() {
        run.advance(state != State.RUNNING);
        noteEnd();
    }

    private void noteEnd() {
        if (run.isFinished()) state = State.ENDED;
    }

    private void requireRun(String what) {
        if (run == null) {
            throw new ProtocolError("no-run", "type", what, "start first",
                    "there is no run to " + what + "; send start first");
        }
    }

    private void requireRunning(String what) {
        requireRun(what);
        if (state == State.ENDED) {
            throw new ProtocolError("run-ended", "type", what, "reset or start",
                    "the run has ended (" + run.endReason() + "); send reset or start to train again");
        }
    }
}
