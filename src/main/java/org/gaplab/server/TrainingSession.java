package org.gaplab.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaplab.data.DataSpec;
import org.gaplab.data.DataSplits;
import org.gaplab.data.DataUnavailableException;
import org.gaplab.data.Examples;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.gaplab.training.Views;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser's training run. The socket only hands commands over ({@link #accept}); everything that touches the
 * trainer happens in {@link #slice}, which runs on the classroom's worker threads and never overlaps itself, so the
 * run needs no locks and a slow epoch never blocks a socket.
 *
 * <p>Fairness: a slice trains for at most the configured slice time, then yields its worker by queueing itself again
 * behind every other session's slice; a paced session instead sleeps on the clock until its next epoch is due.
 */
final class TrainingSession {
    /** Commands a browser may have waiting before more are refused: a page sends a handful per second. */
    static final int MAX_WAITING_COMMANDS = 64;
    /** Hidden units whose first-layer weights are drawn as images. */
    static final int WEIGHT_IMAGES = 16;
    /** Points of each split drawn under the decision boundary. */
    static final int POINTS = 500;
    /** Augmented copies of one example shown beside the training set. */
    static final int AUGMENTED_SAMPLES = 8;
    /** Examples per split made to learn how many values one example of a dataset stores. */
    private static final int SAMPLE_SIZE = 10;
    private static final long AUGMENTED_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Logger LOG = LoggerFactory.getLogger(TrainingSession.class);

    enum State { IDLE, RUNNING, PAUSED, ENDED }

    final String id;
    private final Classroom room;
    private final Connection connection;
    private final Outbox outbox;
    private final Queue<Command> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCommands = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean wakeWanted = new AtomicBoolean();
    private final long openedAt = System.nanoTime();
    private volatile long lastHeardAt = openedAt;
    private volatile boolean closed;
    private volatile boolean released;
    private volatile boolean waitingForBrowser;
    private volatile boolean closing;
    private volatile State state = State.IDLE;
    private ScheduledFuture<?> wakeup;   // guarded by this

    // Owned by the slice (one at a time, handed between worker threads by the executor's happens-before).
    private Trainer trainer;
    private Views views;
    private long viewsAt;
    private long augmentedAt;
    private DataSplits data;
    private TrainingConfig config;
    private double speed;
    private long nextEpochAt;
    private int epochsTrained;

    TrainingSession(String id, Classroom room, Connection connection) {
        this.id = id;
        this.room = room;
        this.connection = connection;
        this.outbox = new Outbox(connection, room.clock(), room.settings().maxPendingEpochs());
    }

    // ---- called by the socket and the clock (any thread) ----

    /** Greets the browser with the protocol version, the schema and the limits. */
    void greet() {
        send(Frames.hello(room.settings().limits(), Pace.defaults()));
    }

    /** Hands a parsed command to the session's next slice. */
    void accept(Command command) {
        heard();
        if (waitingCommands.incrementAndGet() > MAX_WAITING_COMMANDS) {
            waitingCommands.decrementAndGet();
            reject(new ProtocolError("overloaded", "message", command.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT),
                    "at most " + MAX_WAITING_COMMANDS + " commands waiting", "too many commands at once; this one was dropped"));
            return;
        }
        inbox.add(command);
        wake();
    }

    /** Answers a message the server refuses; a running session keeps running. */
    void reject(ProtocolError error) {
        heard();
        LOG.info("session={} event=rejected code={} field={} value={}", id, error.code(), error.field(),
                abbreviate(error.value()));
        send(Frames.error(error));
    }

    /** Notes that the browser said something, which keeps the session from timing out. */
    void heard() {
        lastHeardAt = System.nanoTime();
    }

    /** Ends the session: the next slice frees the run. Safe to call more than once, from any thread. */
    void close() {
        if (closed) return;
        closed = true;
        cancelWakeup();
        outbox.close();
        wake();
    }

    /** Once per frame tick, on the clock: sends a frame, and resumes training once a slow browser caught up. */
    void tick() {
        outbox.flush(true);
        if (waitingForBrowser && !outbox.isBackedUp()) {
            waitingForBrowser = false;
            wake();
        }
    }

    /** About once a second, on the clock: drops a browser that stopped reading, closes an idle session. */
    void checkTimeouts(long now) {
        if (closed) return;
        long stalled = outbox.stalledNanos(now);
        if (stalled > room.settings().stallTimeout().toNanos()) {
            LOG.info("session={} event=stalled seconds={} pendingEpochs={}", id, TimeUnit.NANOSECONDS.toSeconds(stalled),
                    outbox.pendingEpochs());
            room.end(this, "stalled");
            connection.disconnect();
        } else if (!closing && state != State.RUNNING && now - lastHeardAt > room.settings().idleTimeout().toNanos()) {
            LOG.info("session={} event=idle seconds={}", id, TimeUnit.NANOSECONDS.toSeconds(now - lastHeardAt));
            closeAfterTelling("idle", "idle");
        }
    }

    /** Tells the browser the server is going away, then closes the socket. */
    void shutDown() {
        closeAfterTelling("shutdown", "server shutting down");
    }

    /**
     * Sends "stopped" after what is already queued and then closes the socket; nothing is trained or queued after
     * it. The socket's close handler then ends the session.
     */
    private void closeAfterTelling(String reason, String closeReason) {
        closing = true;
        send(Frames.stopped(reason));
        outbox.finish(1001, closeReason);
    }

    /** Whether the farewell of {@link #shutDown} went out (or the socket is gone). */
    boolean isSilent() {
        return outbox.isClosed() || !connection.isOpen();
    }

    void ping() {
        connection.ping();
    }

    State state() { return state; }

    int pendingEpochs() { return outbox.pendingEpochs(); }

    boolean isWaitingForBrowser() { return waitingForBrowser; }

    long secondsOpen() { return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - openedAt); }

    /**
     * Queues a slice on the workers unless one is queued or running. A wake-up that arrives while a slice runs is
     * remembered and honoured when that slice ends (a paced session's clock wake-up can fire before the slice that
     * set it has finished; dropping it would leave the session asleep for good).
     */
    void wake() {
        if (released) return;
        wakeWanted.set(true);
        if (!scheduled.compareAndSet(false, true)) return;
        wakeWanted.set(false);
        try {
            room.workers().execute(this::slice);
        } catch (RejectedExecutionException stopping) {
            scheduled.set(false);
        }
    }

    /** Frees the run now; for the classroom once the workers have stopped. */
    synchronized void release() {
        if (released) return;
        released = true;
        closed = true;
        cancelWakeup();
        outbox.close();
        endRun();
    }

    // ---- the slice: worker threads only ----

    private void slice() {
        boolean yielded = false;
        try {
            long sliceEnd = System.nanoTime() + room.sliceNanos();
            while (!closed) {
                Command command = inbox.poll();
                if (command != null) {
                    waitingCommands.decrementAndGet();
                    handle(command);
                    continue;
                }
                if (state != State.RUNNING || closing) break;
                if (outbox.isBackedUp()) {
                    waitingForBrowser = true;
                    break;
                }
                long now = System.nanoTime();
                if (speed > 0 && now < nextEpochAt) {
                    scheduleWakeup(nextEpochAt - now);
                    break;
                }
                if (now >= sliceEnd) {
                    yielded = true;
                    break;
                }
                guarded(this::trainEpoch);
                if (speed > 0) {
                    long period = (long) (1e9 / speed);
                    // Catch up at most one epoch after a wait for the CPU, rather than racing through the backlog.
                    nextEpochAt = Math.max(nextEpochAt + period, now - period);
                }
            }
            if (closed) release();
        } finally {
            scheduled.set(false);
        }
        // A command or a wake-up may have arrived after the inbox was last polled but before the flag was cleared.
        if (!released && (yielded || closed || wakeWanted.get() || !inbox.isEmpty())) wake();
    }

    private void handle(Command command) {
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

    /** Runs part of a slice; a refused command becomes an error message, a bug ends the run but not the socket. */
    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (ProtocolError e) {
            reject(e);
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.error("session={} event=failure state={} epoch={}", id, state, trainer == null ? 0 : trainer.epoch(), e);
            endRun();
            send(Frames.error(new ProtocolError("internal", "session", e.getClass().getSimpleName(), "",
                    "the server failed on this run and stopped it: " + e.getMessage())));
        }
    }

    private void start(TrainingConfig next, Double requestedSpeed) {
        requireWithinLimits(next);
        DataSplits loaded = load(next);
        Trainer built = build(next, loaded);
        endRun();
        trainer = built;
        views = new Views(built);
        data = loaded;
        config = next;
        speed = requestedSpeed != null ? requestedSpeed : Pace.defaultFor(next.data().dataset());
        epochsTrained = 0;
        state = State.RUNNING;
        nextEpochAt = System.nanoTime();
        LOG.info("session={} event=start dataset={} trainSize={} hiddenLayers={} epochs={} speed={}", id,
                next.data().dataset(), next.data().trainSize(), next.hiddenLayers(), next.epochs(), speed);
        send(Frames.started("start", true, config, data, speed));
        outbox.epoch(trainer.initialReport(), views(true));
    }

    private void update(Map<String, Object> changes, Double requestedSpeed) {
        requireRun("update");
        if (!changes.isEmpty()) {
            requireOnlyLiveKeys(config, changes);
            TrainingConfig next;
            try {
                next = ConfigValues.applyTo(config, changes);
            } catch (InvalidSettingException e) {
                throw ProtocolError.invalid(e);
            }
            requireWithinLimits(next);
            requireOnlyLiveChanges(config, next);
            try {
                trainer.applyLive(next);
            } catch (InvalidSettingException e) {
                throw ProtocolError.needsReset(e);
            }
            config = next;
        }
        if (requestedSpeed != null) {
            speed = requestedSpeed;
            nextEpochAt = System.nanoTime();
        }
        send(Frames.updated(config, speed));
        if (state != State.ENDED && trainer.isFinished()) ended(trainer.end().orElseThrow());
    }

    private void pause() {
        requireRun("pause");
        if (state == State.ENDED) return;   // the run ended on its own meanwhile: there is nothing to pause
        state = State.PAUSED;
        send(Frames.event("paused"));
    }

    private void resume() {
        requireRunning("resume");
        state = State.RUNNING;
        nextEpochAt = System.nanoTime();
        send(Frames.event("resumed"));
    }

    private void step() {
        requireRunning("step");
        if (state == State.RUNNING) {
            state = State.PAUSED;
            send(Frames.event("paused"));
        }
        trainEpoch();
    }

    private void reset() {
        requireRun("reset");
        Trainer rebuilt = build(config, data);
        trainer.close();
        trainer = rebuilt;
        views = new Views(rebuilt);
        epochsTrained = 0;
        state = State.PAUSED;
        LOG.info("session={} event=reset dataset={}", id, config.data().dataset());
        send(Frames.event("reset"));
        send(Frames.started("reset", false, config, data, speed));
        outbox.epoch(trainer.initialReport(), views(true));
    }

    private void stop() {
        requireRun("stop");
        endRun();
        send(Frames.stopped("client"));
    }

    private void trainEpoch() {
        Optional<EpochReport> report = trainer.runEpoch();
        epochsTrained++;
        if (report.isPresent()) {
            // Views cost a forward pass over a grid: draw them at most once per frame, and whenever the run stops.
            boolean due = System.nanoTime() - viewsAt >= room.frameIntervalNanos() || trainer.isFinished()
                    || state != State.RUNNING;
            outbox.epoch(report.get(), due ? views(false) : Map.of());
        }
        if (trainer.isFinished()) ended(trainer.end().orElseThrow());
    }

    /**
     * The heavy views of the network as it is now. Only what changed is included (docs/PROTOCOL.md: a view that is
     * absent is unchanged): the points only with a new run, augmented samples at most once a second.
     */
    private Map<String, Object> views(boolean newRun) {
        long now = System.nanoTime();
        viewsAt = now;
        Map<String, Object> drawn = new LinkedHashMap<>();
        drawn.put("epoch", trainer.epoch());
        views.decisionBoundary().ifPresent(boundary -> drawn.put("boundary", boundary));
        views.firstLayerWeights(WEIGHT_IMAGES).ifPresent(weights -> drawn.put("weights", weights));
        if (newRun || now - augmentedAt >= AUGMENTED_REFRESH_NANOS) {
            augmentedAt = now;
            views.augmentedSamples(0, AUGMENTED_SAMPLES, trainer.epoch()).ifPresent(samples -> drawn.put("augmented", samples));
        }
        if (newRun) views.points(POINTS).ifPresent(points -> drawn.put("points", points));
        return drawn;
    }

    private void ended(RunEnd end) {
        state = State.ENDED;
        LOG.info("session={} event=run-end reason={} epochs={} bestEpoch={}", id, end.reason().configName(),
                end.epochs(), end.bestEpoch());
        send(Frames.end(end));
    }

    /** Frees the trainer and its data; the session can start again. */
    private void endRun() {
        if (trainer != null) {
            LOG.info("session={} event=run-freed epochs={}", id, epochsTrained);
            trainer.close();
        }
        trainer = null;
        views = null;
        data = null;
        config = null;
        state = State.IDLE;
    }

    /**
     * Makes the run's data, refusing data above the server's limit before making it: a sample of ten examples per
     * split tells how many values an example stores (it depends on the dataset and its options), and the sizes say
     * how many examples there will be.
     */
    private DataSplits load(TrainingConfig next) {
        DataSpec spec = next.data();
        long examples = (long) spec.trainSize() + spec.validationSize() + spec.testSize();
        try {
            DataSplits sample = room.datasets().apply(spec.withSizes(SAMPLE_SIZE, SAMPLE_SIZE, SAMPLE_SIZE));
            double perExample = storedValues(sample) / (3.0 * SAMPLE_SIZE);
            requireWithinDataLimit(spec, (long) Math.ceil(perExample * examples));
            DataSplits loaded = room.datasets().apply(spec);
            requireWithinDataLimit(spec, storedValues(loaded));
            return loaded;
        } catch (InvalidSettingException e) {
            throw ProtocolError.invalid(e);
        } catch (DataUnavailableException e) {
            // Only the full Fashion-MNIST files can be missing; the embedded subset is always there.
            throw new ProtocolError("invalid", DataSpec.FASHION_SOURCE.name(), spec.fashionSource(),
                    "\"embedded\", or \"full\" once the server has the files (docs/DEPLOY.md)", e.getMessage());
        }
    }

    private void requireWithinDataLimit(DataSpec spec, long values) {
        long limit = room.settings().maxDataValues();
        if (values > limit) {
            throw new ProtocolError("invalid", DataSpec.TRAIN_SIZE.name(), spec.trainSize(),
                    "data of at most " + limit + " stored input values on this server (this data needs " + values + ")",
                    "this data is too large for the server: " + values + " stored input values, the limit is " + limit
                            + "; use fewer examples or fewer features");
        }
    }

    private static Trainer build(TrainingConfig next, DataSplits data) {
        try {
            return new Trainer(next, data);
        } catch (InvalidSettingException e) {
            throw ProtocolError.invalid(e);
        }
    }

    private static long storedValues(DataSplits data) {
        return storedValues(data.train()) + storedValues(data.validation()) + storedValues(data.test());
    }

    private static long storedValues(Examples examples) {
        return examples.isSparse() ? examples.sparseValues().length : (long) examples.size() * examples.inputSize();
    }

    private void requireWithinLimits(TrainingConfig next) {
        int limit = room.settings().maxEpochs();
        if (next.epochs() > limit) {
            String allowed = "an integer in [1, " + limit + "] on this server";
            throw new ProtocolError("invalid", TrainingConfig.EPOCHS.name(), next.epochs(), allowed,
                    "epochs: " + next.epochs() + " is not allowed; allowed: " + allowed);
        }
    }

    /**
     * Refuses new values for settings that are not live before anything else is checked, so the error names what the
     * browser changed rather than a combination it made invalid (new layers with the old per-layer dropout rates).
     */
    private static void requireOnlyLiveKeys(TrainingConfig current, Map<String, Object> changes) {
        Map<String, Object> was = flat(ConfigValues.toMap(current));
        flat(changes).forEach((name, value) -> ConfigSchema.find(name).ifPresent(setting -> {
            if (!setting.live() && !sameValue(was.get(name), value)) {
                throw ProtocolError.needsReset(new InvalidSettingException(name, value, "a live setting"));
            }
        }));
    }

    /** Equal as JSON values: 1 and 1.0 are the same number. */
    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!sameValue(x.get(i), y.get(i))) return false;
            return true;
        }
        return Objects.equals(a, b);
    }

    /**
     * Refuses a change to any setting that is not live, naming the setting the browser changed (the trainer would
     * only name its group, e.g. "dataset" for a change of noise). Resending a value unchanged is fine.
     */
    private static void requireOnlyLiveChanges(TrainingConfig before, TrainingConfig after) {
        Map<String, Object> was = flat(ConfigValues.toMap(before));
        Map<String, Object> now = flat(ConfigValues.toMap(after));
        for (Setting setting : ConfigSchema.all()) {
            String name = setting.name();
            if (!setting.live() && !sameValue(was.get(name), now.get(name))) {
                throw ProtocolError.needsReset(new InvalidSettingException(name, now.get(name), "a live setting"));
            }
        }
    }

    private static Map<String, Object> flat(Map<String, Object> nested) {
        Map<String, Object> flat = new LinkedHashMap<>();
        nested.forEach((key, value) -> {
            if (value instanceof Map<?, ?> inner) inner.forEach((k, v) -> flat.put(key + "." + k, v));
            else flat.put(key, value);
        });
        return flat;
    }

    private void requireRun(String what) {
        if (trainer == null) {
            throw new ProtocolError("no-run", "type", what, "start first",
                    "there is no run to " + what + "; send start first");
        }
    }

    private void requireRunning(String what) {
        requireRun(what);
        if (state == State.ENDED) {
            throw new ProtocolError("run-ended", "type", what, "reset or start",
                    "the run has ended (" + trainer.end().map(e -> e.reason().configName()).orElse("ended")
                            + "); send reset or start to train again");
        }
    }

    private void send(Map<String, Object> message) {
        if (!outbox.control(message)) {
            LOG.info("session={} event=dropped reason=unread-messages", id);
            room.end(this, "unread-messages");
            connection.disconnect();
        }
    }

    private synchronized void scheduleWakeup(long delayNanos) {
        if (closed) return;
        if (wakeup != null) wakeup.cancel(false);
        try {
            wakeup = room.clock().schedule(this::wake, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            wakeup = null;
        }
    }

    private synchronized void cancelWakeup() {
        if (wakeup != null) wakeup.cancel(false);
        wakeup = null;
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
