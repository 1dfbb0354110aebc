package org.gaplab.server.session;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
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
import org.gaplab.data.DatasetCache;
import org.gaplab.server.options.ServerSettings;
import org.gaplab.server.classes.ClassExperiments;
import org.gaplab.server.live.RunControls;
import org.gaplab.server.safety.LogText;
import org.gaplab.server.safety.MemoryBudget;
import org.gaplab.server.safety.RunLimits;
import org.gaplab.server.wire.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every session of one server, and what they share: a small pool of workers that train (every session's slices
 * queue there in turn, so 60 sessions share 2 cores fairly), one loading thread that makes datasets off the workers'
 * turns, one clock thread that paces runs, sends frames, pings sockets and enforces timeouts, the memory budget
 * with its cache of shared datasets, and the count of sessions per client address. The threads exist only while
 * there is work: they time out when the pool is empty, and {@link #close} stops them for good.
 *
 * <p>Heavy sessions (those whose single pieces of work, a minibatch or a measured chunk, are long) take at most all
 * workers but one at a time; the others wait at a gate, so light sessions always find a worker within a slice.
 */
public final class SessionPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionPool.class);
    private static final long THREAD_KEEP_ALIVE_SECONDS = 2;
    private static final long SHORTEST_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /**
     * Pieces of work above this many multiply-adds make a session heavy: about 50 to 100 ms on one core of this
     * project's build machine with the Java products (a 256-row chunk through a 1024×1024 network is 270 M).
     */
    static final long HEAVY_STEP_MACS = 200_000_000;

    private final ServerSettings settings;
    private final RunLimits limits;
    private final AtomicInteger liveThreads = new AtomicInteger();
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor loader;
    private final ScheduledThreadPoolExecutor clock;
    private final String instance;
    private final ClassExperiments classes;
    private final Map<String, TrainingSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Integer> perClient = new HashMap<>();   // guarded by this
    private final ArrayDeque<TrainingSession> heavyWaiting = new ArrayDeque<>();   // guarded by heavyWaiting
    private int heavyRunning;                                                      // guarded by heavyWaiting
    private final AtomicLong sessionCount = new AtomicLong();
    private final long startedAt = System.nanoTime();
    private ScheduledFuture<?> frameTicks;     // guarded by this; running only while there are sessions
    private ScheduledFuture<?> housekeeping;   // guarded by this
    private long lastPingAt;                    // clock thread only
    private volatile boolean stopping;

    public SessionPool(ServerSettings settings, Function<DataSpec, DataSplits> datasets) {
        this.settings = settings;
        this.instance = Long.toHexString(new SecureRandom().nextLong() & 0xffff_ffff_ffffL);
        this.classes = new ClassExperiments(settings);
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), THREAD_KEEP_ALIVE_SECONDS,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads("gaplab-trainer-"));
        workers.allowCoreThreadTimeOut(true);
        this.loader = new ThreadPoolExecutor(1, 1, THREAD_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads("gaplab-loader-"));
        loader.allowCoreThreadTimeOut(true);
        this.limits = new RunLimits(settings, datasets, loader, new MemoryBudget(settings.memoryBudget())
                .eachClientAtMost(settings.safeguards().maxMemoryPerClient()), heapRegion());
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

    /** The class experiments this server holds. */
    public ClassExperiments classes() { return classes; }

    /** What one session may build on this server. */
    public RunLimits limits() { return limits; }

    /** This server instance's name, random per start, so a page that reconnects can tell it reached another one. */
    String instance() { return instance; }

    long heavyStepMacs() { return HEAVY_STEP_MACS; }

    /**
     * Lets a heavy session's slice run unless every worker but one is already busy with heavy slices; then the
     * session waits here (still scheduled) and {@link #leaveHeavy} runs its slice when a heavy slice ends.
     */
    boolean enterHeavy(TrainingSession session) {
        synchronized (heavyWaiting) {
            if (heavyRunning < Math.max(1, settings.workers() - 1)) {
                heavyRunning++;
                return true;
            }
            heavyWaiting.addLast(session);
            return false;
        }
    }

    /** A heavy slice ended: the next waiting heavy session gets its turn (at the back of the workers' queue). */
    void leaveHeavy() {
        TrainingSession next;
        synchronized (heavyWaiting) {
            heavyRunning--;
            next = heavyWaiting.pollFirst();
        }
        if (next == null) return;
        try {
            workers.execute(next::slice);
        } catch (RejectedExecutionException stopping) {
            next.release();
        }
    }

    ThreadPoolExecutor workers() { return workers; }

    ScheduledExecutorService clock() { return clock; }

    /** Why a connection got no session. */
    enum Refusal { STOPPING, FULL, CLIENT_FULL }

    /** A new session for this connection from this client address, or why there is none. */
    synchronized Opening open(String key, Connection connection, String client) {
        if (stopping) return new Opening(null, Refusal.STOPPING);
        if (sessions.size() >= settings.maxSessions()) return new Opening(null, Refusal.FULL);
        int fromClient = perClient.getOrDefault(client, 0);
        if (fromClient >= settings.maxSessionsPerClient()) return new Opening(null, Refusal.CLIENT_FULL);
        TrainingSession session = new TrainingSession("s" + sessionCount.incrementAndGet(), this, connection, client);
        sessions.put(key, session);
        perClient.put(client, fromClient + 1);
        if (frameTicks == null) startTicking();
        LOG.info("session={} event=open sessions={} fromClient={}", session.id, sessions.size(), fromClient + 1);
        return new Opening(session, null);
    }

    /** A session, or the reason there is none. */
    record Opening(TrainingSession session, Refusal refusal) { }

    public boolean isStopping() { return stopping; }

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
        boolean parked;
        synchronized (heavyWaiting) {
            parked = heavyWaiting.remove(session);
        }
        if (parked) {   // it waited at the gate: let its slice run now, to free its run instead of waiting its turn
            try {
                workers.execute(session::slice);
            } catch (RejectedExecutionException stopping) {
                session.release();
            }
        }
        if (!removed) return;
        LOG.info("session={} event=end reason={} seconds={} sessions={}", session.id, LogText.quote(why),
                session.secondsOpen(), sessions.size());
        synchronized (this) {
            perClient.computeIfPresent(session.client(), (client, count) -> count > 1 ? count - 1 : null);
            if (sessions.isEmpty()) stopTicking();
        }
    }

    /** What {@code GET /health} reports. */
    public Map<String, Object> health() {
        List<TrainingSession> all = List.copyOf(sessions.values());
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", stopping ? "stopping" : "ok");
        health.put("sessions", all.size());
        health.put("running", all.stream().filter(s -> s.state() == RunControls.State.RUNNING).count());
        health.put("waitingForBrowser", all.stream().filter(TrainingSession::isWaitingForBrowser).count());
        health.put("pendingEpochs", all.stream().mapToInt(TrainingSession::pendingEpochs).sum());
        health.put("maxPendingEpochs", all.stream().mapToInt(TrainingSession::pendingEpochs).max().orElse(0));
        health.put("maxSessions", settings.maxSessions());
        health.put("instance", instance);
        health.put("threads", liveThreads.get());
        health.put("backend", settings.backend().describe());
        health.put("precision", settings.precision().configName());
        health.put("queuedSlices", workers.getQueue().size());
        synchronized (heavyWaiting) {
            health.put("heavySlices", heavyRunning);
            health.put("heavyWaiting", heavyWaiting.size());
        }
        DatasetCache.Contents cached = limits.datasets().contents();
        health.put("datasets", cached.datasets());
        health.put("datasetLeases", cached.leases());
        health.put("datasetBytes", cached.bytes());
        health.put("memoryBudgetBytes", limits.budget().total());
        health.put("memoryReservedBytes", limits.budget().used());
        health.put("scheduledTasks", clock.getQueue().size());
        health.putAll(classes.health());
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
        classes.close();   // every class's pages get its final chart before the farewells
        List<TrainingSession> all = List.copyOf(sessions.values());
        LOG.info("event=shutdown sessions={}", all.size());
        all.forEach(TrainingSession::shutDown);
        try {
            // The clock sends the farewells; give slow browsers a moment, then Jetty closes what is left.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < deadline && !all.stream().allMatch(TrainingSession::isSilent)) Thread.sleep(20);
            all.forEach(TrainingSession::close);
            workers.shutdown();
            loader.shutdownNow();
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
        try {
            classes.tick(System.nanoTime());
        } catch (RuntimeException e) {
            LOG.error("event=failure where=class-chart", e);
        }
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

    /** G1's heap region size (large arrays take whole regions), or 0 when another collector runs. */
    private static long heapRegion() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotspot == null ? 0 : Long.parseLong(hotspot.getVMOption("G1HeapRegionSize").getValue());
        } catch (RuntimeException notHotSpot) {
            return 0;
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
