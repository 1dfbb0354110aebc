package org.gaplab.server.classes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gaplab.protocol.ClassPlan;
import org.gaplab.protocol.ErrorCode;
import org.gaplab.protocol.Json;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.server.options.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One class experiment: a plan split across the room, the learners' seats (spread evenly over the values), the
 * teacher's pages, and the teacher's orders (pause, restart, lock, reveal). It lives in the server that created it
 * until the teacher ends it or its time is up. The class chart is aggregated here, at most every
 * {@link #UPDATE_INTERVAL_NANOS}, from each seat's newest point, and the same text goes to every page that shows it:
 * a class of 40 costs one small message a learner twice a second, not a message per epoch per member.
 */
public final class ClassExperiment {
    private static final Logger LOG = LoggerFactory.getLogger(ClassExperiment.class);
    /** How often the class chart is sent when something changed: twice a second. */
    static final long UPDATE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /**
     * A class whose teacher's page never connected ends after this (or its lifetime, if shorter): the teacher's page
     * opens within a second of {@code class/new}, and an unclaimed class must not sit in the small pool of them.
     */
    static final long CLAIM_NANOS = TimeUnit.MINUTES.toNanos(2);

    /** What the teacher asks of every run now; read by each learner's session on its own turn. */
    record Orders(boolean paused, boolean locked, boolean revealed, long restarts, boolean ended) { }

    private final String id;
    private final byte[] teacherKey;
    private final ClassPlan plan;
    private final List<Integer> coverage;   // the plan's coverage order, the order values are handed out in
    private final int maxLearners;
    private final int maxSeatsPerClient;
    private final Set<String> removed = new java.util.HashSet<>();          // seat tokens the teacher removed; guarded by this
    private int learnersSeated;                                             // guarded by this: numbers given so far
    private final String creator;       // the client address that made it, counted against --max-classes-per-client
    private final long createdAt = System.nanoTime();
    private final long endsAt;          // System.nanoTime() deadline
    private final long endsAtMillis;    // the same, as wall-clock time for the pages
    private final List<ClassSeat> seats = new ArrayList<>();                 // guarded by this
    private final Set<ClassMember> teachers = new LinkedHashSet<>();     // guarded by this
    private final AtomicLong version = new AtomicLong(1);   // bumped by every change the chart shows
    /** Learners see the class chart beside their run from the start; the teacher may hide it (to ask for guesses first). */
    private volatile Orders orders = new Orders(false, false, true, 0, false);
    private volatile String endReason;
    private long sentVersion;           // the clock thread only
    private long sentAt;
    private int sentStatuses;           // the learners' statuses when last sent, hashed
    private boolean urgent;             // guarded by this: orders changed, send at the next tick
    private volatile boolean claimed;   // a teacher's page has connected

    /** A class {@code id} teaching {@code plan}, made from the address {@code creator}, under the server's limits. */
    ClassExperiment(String id, ClassPlan plan, String teacherKey, ServerSettings settings, String creator) {
        long lifetimeNanos = settings.classTtl().toNanos();
        this.id = id;
        this.maxSeatsPerClient = settings.safeguards().maxSeatsPerClient();
        this.creator = creator;
        this.teacherKey = teacherKey.getBytes(StandardCharsets.UTF_8);
        this.plan = plan;
        this.coverage = plan.coverageOrder();
        this.maxLearners = settings.maxClassSize();
        this.endsAt = System.nanoTime() + lifetimeNanos;
        this.endsAtMillis = System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(lifetimeNanos);
    }

    String id() { return id; }

    public ClassPlan plan() { return plan; }

    Orders orders() { return orders; }

    boolean isEnded() { return orders.ended(); }

    String endReason() { return endReason; }

    public long endsAtMillis() { return endsAtMillis; }

    public int maxLearners() { return maxLearners; }

    String creator() { return creator; }

    /** Whether a teacher's page has connected with the key: only then does the class count against the quotas. */
    boolean isClaimed() { return claimed; }

    void claim() { claimed = true; }

    long createdAt() { return createdAt; }

    /** Why the class should end by itself now ("expired", or "unclaimed" when no teacher ever came), or null. */
    String expiry(long now) {
        if (now - endsAt >= 0) return "expired";
        return !claimed && now - createdAt >= CLAIM_NANOS ? "unclaimed" : null;
    }

    /** Whether this key is the teacher's (compared in constant time). */
    boolean isTeacherKey(String key) {
        return key != null && MessageDigest.isEqual(teacherKey, key.getBytes(StandardCharsets.UTF_8));
    }

    /** Something the chart shows has changed (a learner's epoch, say). */
    void changed() {
        version.incrementAndGet();
    }

    // ---- members ----

    /**
     * Seats a learner: back on their own seat after a reconnect when {@code token} names it; else on the value with
     * the fewest learners (the first such value in {@link ClassPlan#coverageOrder}), counting only seats with a page
     * or a point, on an empty seat
     * of that value (one whose learner left before training: passers-by must not skew the class) or a new one with the
     * value's next seed. A full class still seats a newcomer on an empty seat of any value, the least filled first.
     */
    synchronized ClassSeat join(ClassMember session, String nickname, String token, String newToken) {
        requireOpen();
        if (token != null && removed.contains(token)) {
            throw new ProtocolError(ErrorCode.REMOVED, "seat", "(not shown)", "a seat the teacher has not removed",
                    "your teacher removed you from this class experiment; this page trains on alone");
        }
        for (ClassSeat seat : seats) {
            if (token != null && seat.token.equals(token)) {
                ClassMember before = seat.session();
                if (before != null && before != session) before.seatMoved();
                seat.seat(session);
                if (nickname != null) seat.rename(nickname);
                changed();
                return seat;
            }
        }
        // One address may hold only its share of the seats: a loop of join, one epoch, close must not fill the class.
        long fromClient = seats.stream().filter(seat -> !seat.isEmpty() && seat.client.equals(session.client())).count();
        if (fromClient >= maxSeatsPerClient) {
            throw new ProtocolError(ErrorCode.SEATS_PER_CLIENT, "class", id, "at most " + maxSeatsPerClient + " seats from one address",
                    "your address already holds " + maxSeatsPerClient + " seats in this class, the most one address may "
                            + "(--max-seats-per-client); ask your teacher");
        }
        int[] counts = new int[plan.values().size()];
        for (ClassSeat seat : seats) if (!seat.isEmpty()) counts[seat.index]++;
        int index = coverage.get(0);
        for (int i : coverage) if (counts[i] < counts[index]) index = i;   // the fewest learners; ties in coverage order
        boolean full = seats.size() >= maxLearners;
        int empty = -1;
        for (int i = 0; i < seats.size(); i++) {
            ClassSeat seat = seats.get(i);
            if (!seat.isEmpty() || (!full && seat.index != index)) continue;
            if (empty < 0 || counts[seat.index] < counts[seats.get(empty).index]) empty = i;
        }
        if (empty < 0 && full) {
            throw new ProtocolError(ErrorCode.CLASS_FULL, "class", id, "at most " + maxLearners + " learners",
                    "this class is full: it has " + maxLearners + " learners; ask your teacher");
        }
        ClassSeat seat;
        if (empty >= 0) {   // its value and seed under a new token, so the page that left cannot take it back
            ClassSeat left = seats.get(empty);
            seat = new ClassSeat(this, newToken, left.place(), nickname, session);
            seats.set(empty, seat);
        } else {   // the value has no empty seat, so all its seats are counted and its seeds stay distinct
            int learner = ++learnersSeated;   // not seats.size() + 1: a removed seat's number is never given again
            seat = new ClassSeat(this, newToken, new ClassSeat.Place(learner, index, plan.seed(counts[index])), nickname,
                    session);
            seats.add(seat);
        }
        changed();
        LOG.info("class={} event=join learner={} index={} seed={} learners={} reused={}", id, seat.learner, seat.index,
                seat.seed, seats.size(), empty >= 0);
        return seat;
    }

    /** A teacher's page, once its key was checked. */
    synchronized void teach(ClassMember session) {
        requireOpen();
        teachers.add(session);
        claimed = true;
        urgent = true;
    }

    /** A session closed or moved on: a learner keeps the seat and the point, marked stopped. */
    synchronized void leave(ClassMember session) {
        teachers.remove(session);
        for (ClassSeat seat : seats) {
            if (seat.session() == session) {
                seat.seat(null);
                changed();
            }
        }
    }

    /**
     * The teacher's say over one learner: {@code remove} takes the seat and its point off the chart (the page is told
     * and trains on alone; its seat token is never taken back), {@code rename} changes the name a projector shows.
     */
    void learner(int learner, String action, String nickname) {
        ClassMember leaving = null;
        synchronized (this) {
            requireOpen();
            ClassSeat seat = seats.stream().filter(s -> s.learner == learner).findFirst().orElseThrow(() ->
                    new ProtocolError(ErrorCode.INVALID, "learner", learner, "a learner of this class",
                            "learner: there is no learner " + learner + " in this class"));
            if (action.equals("rename")) {
                seat.rename(nickname);
            } else {
                removed.add(seat.token);
                seats.remove(seat);
                leaving = seat.session();
                seat.seat(null);
            }
            urgent = true;
            changed();
        }
        LOG.info("class={} event=learner-{} learner={}", id, action, learner);
        if (leaving != null) leaving.removedFromClass();
    }

    synchronized boolean isTeacher(ClassMember session) {
        return teachers.contains(session);
    }

    private void requireOpen() {
        if (orders.ended()) {
            throw new ProtocolError(ErrorCode.CLASS_ENDED, "class", id, "a class that is still on",
                    "this class experiment has ended (" + endReason + "); ask your teacher for a new link");
        }
    }

    // ---- the teacher's orders ----

    /** Carries out a teacher's action; every learner's session is woken to follow it between two epochs. */
    void control(String action) {
        List<ClassMember> learners;
        synchronized (this) {
            requireOpen();
            Orders o = orders;
            orders = switch (action) {
                case "pause" -> new Orders(true, o.locked(), o.revealed(), o.restarts(), false);
                case "resume" -> new Orders(false, o.locked(), o.revealed(), o.restarts(), false);
                case "restart" -> new Orders(o.paused(), o.locked(), o.revealed(), o.restarts() + 1, false);
                case "lock" -> new Orders(o.paused(), true, o.revealed(), o.restarts(), false);
                case "unlock" -> new Orders(o.paused(), false, o.revealed(), o.restarts(), false);
                case "reveal" -> new Orders(o.paused(), o.locked(), true, o.restarts(), false);
                case "hide" -> new Orders(o.paused(), o.locked(), false, o.restarts(), false);
                default -> throw new IllegalArgumentException("unknown class action " + action);
            };
            urgent = true;
            changed();
            learners = learnerSessions();
        }
        LOG.info("class={} event=control action={}", id, action);
        learners.forEach(ClassMember::wake);
    }

    /**
     * Ends the class ("teacher", "expired" or "shutdown"): every page gets the final chart, and every learner goes on
     * training alone, free of the class's rules. Idempotent.
     */
    void end(String reason) {
        List<ClassMember> members;
        synchronized (this) {
            if (orders.ended()) return;
            endReason = reason;
            Orders o = orders;
            orders = new Orders(false, false, true, o.restarts(), true);
            changed();
            members = new ArrayList<>(teachers);
            members.addAll(learnerSessions());
        }
        String text = Json.write(ClassChart.message(this, snapshot(), true));
        LOG.info("class={} event=end reason={} learners={}", id, reason, seatCount());
        for (ClassMember member : members) {
            member.classEnded(this);   // first: a page told the class ended may at once train what the class forbade
            member.classUpdate(text);
        }
        synchronized (this) {
            teachers.clear();
        }
    }

    // ---- the class chart ----

    /** On the clock: sends the chart when it changed and is due, or at once after an order. */
    void tick(long now) {
        List<ClassMember> teacherPages;
        List<ClassMember> learners;
        boolean revealed;
        synchronized (this) {
            if (orders.ended() || (!urgent && now - sentAt < UPDATE_INTERVAL_NANOS)) return;
            long current = version.get();
            int statuses = statuses();   // a pause by the learner changes no number, yet the table must say it
            if (!urgent && current == sentVersion && statuses == sentStatuses) return;
            boolean ordersChanged = urgent;
            urgent = false;
            sentVersion = current;
            sentStatuses = statuses;
            sentAt = now;
            teacherPages = List.copyOf(teachers);
            revealed = orders.revealed();
            learners = revealed || ordersChanged ? learnerSessions() : List.of();
        }
        List<ClassSeat> seatsNow = snapshot();
        String full = Json.write(ClassChart.message(this, seatsNow, true));
        for (ClassMember teacher : teacherPages) teacher.classUpdate(full);
        if (learners.isEmpty()) return;
        String shown = revealed ? full : Json.write(ClassChart.message(this, seatsNow, false));
        for (ClassMember learner : learners) learner.classUpdate(shown);
    }

    synchronized List<ClassSeat> snapshot() {
        return List.copyOf(seats);
    }

    synchronized int seatCount() {
        return seats.size();
    }

    private int statuses() {
        int hash = 1;
        for (ClassSeat seat : seats) hash = 31 * hash + seat.status().hashCode();
        return hash;
    }

    private List<ClassMember> learnerSessions() {
        List<ClassMember> sessions = new ArrayList<>();
        for (ClassSeat seat : seats) if (seat.session() != null) sessions.add(seat.session());
        return sessions;
    }
}
