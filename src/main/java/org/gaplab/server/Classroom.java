package org.gaplab.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.gaplab.data.DataSpec;
import org.gaplab.data.DataSplits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every session of one server, and the threads they share: a small pool of workers that train (every session's
 * slices queue there in turn, so 60 sessions share 2 cores fairly) and one clock thread that paces runs, sends
 * frames, pings sockets and enforces timeouts. The threads exist only while there is work: they time out when the
 * room is empty, and {@link #close} stops them for good.
 */
final class Classroom implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Classroom.class);
    private static final long THREAD_KEEP_ALIVE_SECONDS = 2;
    private static final long SHORTEST_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final ServerSettings settings;
    private final RunLimits limits;
    private final AtomicInteger liveThreads = new AtomicInteger();
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor clock;
    private final Map<String, TrainingSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong sessionCount = new AtomicLong();
    private final long startedAt = System.nanoTime();
    private ScheduledFuture<?> frameTicks;     // guarded by this; running only while there are sessions
    private ScheduledFuture<?> housekeeping;   // guarded by this
    private long lastPingAt;                    // clock thread only
    private volatile boolean stopping;

    Classroom(ServerSettings settings, Function<DataSpec, DataSplits> datasets) {
        this.settings = settings;
        this.limits = new RunLimits(settings, datasets);
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), THREAD_KEEP_ALIVE_SECONDS,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads("gaplab-trainer-"));
        workers.allowCoreThreadTimeOut(true);
        this.clock = new ScheduledThreadPoolExecutor(1, threads("gaplab-clock-"));
        clock.setKeepAliveTime(THREAD_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        clock.allowCoreThreadTimeOut(true);
        clock.setRemoveOnCancelPolicy(true);   // cancelled wake-ups of closed sessions must not linger
    }

    ServerSettings settings() { return settings; }

    long frameIntervalNanos() { return (long) (1e9 / settings.frameRate()); }

    /**
     * How long the next slice may train. With few sessions waiting, the configured slice; with many, shorter, so
     * that every waiting session gets a turn about once per frame interval and its curves move smoothly instead of
     * in bursts (60 full-speed sessions on 2 workers with 20 ms slices would each wait 600 ms). Never below
     * {@link #SHORTEST_SLICE_NANOS}, where switching would cost more than it gives; a slice always trains at least
     * one epoch.
     */
    long sliceNanos() {
        long configured = settings.slice().toNanos();
        long fair = frameIntervalNanos() * settings.workers() / (workers.getQueue().size() + 1);
        return Math.max(Math.min(SHORTEST_SLICE_NANOS, configured), Math.min(configured, fair));
    }

    /** What one session may build on this server. */
    RunLimits limits() { return limits; }

    ThreadPoolExecutor workers() { return workers; }

    ScheduledExecutorService clock() { return clock; }

    /** A new session for this connection, or empty when the room is full or closing. */
    synchronized Optional<TrainingSession> open(String key, Connection connection) {
        if (stopping || sessions.size() >= settings.maxSessions()) return Optional.empty();
        TrainingSession session = new TrainingSession("s" + sessionCount.incrementAndGet(), this, connection);
        sessions.put(key, session);
        if (frameTicks == null) startTicking();
        LOG.info("session={} event=open sessions={}", session.id, sessions.size());
        return Optional.of(session);
    }

    Optional<TrainingSession> find(String key) {
        return Optional.ofNullable(sessions.get(key));
    }

    /** Ends the session of this connection, if it still exists. */
    void end(String key, String why) {
        TrainingSession session = sessions.get(key);
        if (session != null) end(session, why);
    }

    /** Ends a session (idempotent): frees its run and, when it was the last, stops the periodic tasks. */
    void end(TrainingSession session, String why) {
        boolean removed = sessions.values().remove(session);
        session.close();
        if (!removed) return;
        LOG.info("session={} event=end reason={} seconds={} sessions={}", session.id, why, session.secondsOpen(),
                sessions.size());
        synchronized (this) {
            if (sessions.isEmpty()) stopTicking();
        }
    }

    /** What {@code GET /health} reports. */
    Map<String, Object> health() {
        List<TrainingSession> all = List.copyOf(sessions.values());
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", stopping ? "stopping" : "ok");
        health.put("sessions", all.size());
        health.put("running", all.stream().filter(s -> s.state() == RunControls.State.RUNNING).count());
        health.put("waitingForBrowser", all.stream().filter(TrainingSession::isWaitingForBrowser).count());
        health.put("pendingEpochs", all.stream().mapToInt(TrainingSession::pendingEpochs).sum());
        health.put("maxPendingEpochs", all.stream().mapToInt(TrainingSession::pendingEpochs).max().orElse(0));
        health.put("maxSessions", settings.maxSessions());
        health.put("threads", liveThreads.get());
        health.put("backend", settings.backend().describe());
        health.put("queuedSlices", workers.getQueue().size());
        health.put("scheduledTasks", clock.getQueue().size());
        Runtime runtime = Runtime.getRuntime();
        health.put("heapUsedBytes", runtime.totalMemory() - runtime.freeMemory());
        health.put("heapMaxBytes", runtime.maxMemory());
        health.put("uptimeSeconds", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt));
        return health;
    }

    /**
     * Graceful shutdown: every browser is told and its socket closed, the workers finish their current slice, and
     * every run is freed.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (stopping) return;
            stopping = true;
        }
        List<TrainingSession> all = List.copyOf(sessions.values());
        LOG.info("event=shutdown sessions={}", all.size());
        all.forEach(TrainingSession::shutDown);
        try {
            // The clock sends the farewells; give slow browsers a moment, then Jetty closes what is left.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < deadline && !all.stream().allMatch(TrainingSession::isSilent)) Thread.sleep(20);
            all.forEach(TrainingSession::close);
            workers.shutdown();
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) workers.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clock.shutdownNow();
        try {
            clock.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        all.forEach(TrainingSession::release);
        sessions.clear();
    }

    private void startTicking() {
        long frameNanos = frameIntervalNanos();
        frameTicks = clock.scheduleAtFixedRate(this::tick, frameNanos, frameNanos, TimeUnit.NANOSECONDS);
        housekeeping = clock.scheduleWithFixedDelay(this::keepHouse, 1, 1, TimeUnit.SECONDS);
    }

    private void stopTicking() {
        if (frameTicks != null) frameTicks.cancel(false);
        if (housekeeping != null) housekeeping.cancel(false);
        frameTicks = null;
        housekeeping = null;
    }

    private void tick() {
        for (TrainingSession session : sessions.values()) {
            try {
                session.tick();
            } catch (RuntimeException e) {
                LOG.error("session={} event=failure where=frame", session.id, e);
            }
        }
    }

    private void keepHouse() {
        long now = System.nanoTime();
        boolean ping = now - lastPingAt >= settings.pingInterval().toNanos();
        if (ping) lastPingAt = now;
        for (TrainingSession session : sessions.values()) {
            try {
                session.checkTimeouts(now);
                if (ping) session.ping();
            } catch (RuntimeException e) {
                LOG.error("session={} event=failure where=housekeeping", session.id, e);
            }
        }
    }

    private ThreadFactory threads(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(() -> {
                liveThreads.incrementAndGet();
                try {
                    work.run();
                } finally {
                    liveThreads.decrementAndGet();
                }
            }, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
