package org.gaplab.server.classes;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.gaplab.protocol.ClassPlan;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.ErrorCode;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.server.options.ServerSettings;
import org.gaplab.server.safety.TokenBucket;

/**
 * The class experiments of one server: at most {@code --max-classes} at once (and {@code --max-classes-per-client} of
 * them made from one client address, so no one address holds them all), each ending after {@code --class-ttl}
 * or when its teacher ends it, each with an unguessable id and a separate teacher key (128 random bits each; the
 * id is drawn by {@link #newId} in the first step of {@code class/new}, and the second takes only an id of its form).
 * A class counts in the quotas once its teacher's page has claimed it; unclaimed ones wait in a pool of their own. An
 * ended class is remembered for a while, so its link says "ended" rather than "unknown". Handles the class messages
 * of every session ({@code join}, {@code teach}, {@code class-control}, {@code nickname}) on the socket threads: they
 * are quick, and a learner's {@code start} right after its {@code join} must already find the seat.
 */
public final class ClassExperiments {
    /** Ended classes remembered for their "ended" answer; older ones are answered as unknown. */
    private static final int REMEMBERED_ENDINGS = 1000;
    /** New joins one address may make a second, sustained (a burst may take all its seats at once). */
    static final double JOINS_PER_SECOND = 1;

    private final ServerSettings settings;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ClassExperiment> live = new ConcurrentHashMap<>();
    private final RoomCodes codes = new RoomCodes();
    private final Map<String, TokenBucket> joins = new java.util.HashMap<>();   // per client address; guarded by itself
    private final Map<String, String> ended = new LinkedHashMap<>() {   // id -> why; guarded by ClassExperiments.this
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_ENDINGS;
        }
    };

    public ClassExperiments(ServerSettings settings) {
        this.settings = settings;
    }

    /** A new class and its teacher key. */
    public record Created(ClassExperiment experiment, String teacherKey) { }

    /** What {@link #newId} draws: 128 bits in 22 URL-safe characters. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    /** A fresh id: 128 random bits, URL-safe. */
    public String newId() {
        return token(16);
    }

    /**
     * Creates a class under {@code id} (one this server handed out in the first step of {@code /class/new}, so a proxy
     * that routes by class id sends both steps' second half and every member to the same instance) for a teacher at
     * the address {@code client}.
     */
    public synchronized Created create(String id, ClassPlan plan, String client) {
        expire(System.nanoTime());
        if (live.containsKey(id) || ended.containsKey(id)) {
            throw new ProtocolError(ErrorCode.INVALID, "class", id, "a new class id", "a class with this id exists already; start again from class/new");
        }
        requireRoom(client);
        // Unclaimed classes (no teacher's page yet) count in no quota, so they sit in a small pool of their own: the
        // oldest makes way, since a real teacher's page claims its class within a second.
        List<ClassExperiment> unclaimed = live.values().stream().filter(e -> !e.isClaimed())
                .sorted(java.util.Comparator.comparingLong(ClassExperiment::createdAt)).toList();
        for (int i = 0; i <= unclaimed.size() - settings.maxClasses(); i++) end(unclaimed.get(i), "unclaimed");
        String key = token(16);
        ClassExperiment experiment = new ClassExperiment(id, plan, key, settings, client);
        live.put(id, experiment);
        codes.assign(id);
        return new Created(experiment, key);
    }

    /**
     * Refuses a class beyond the quotas: {@code --max-classes} claimed classes on this server, and
     * {@code --max-classes-per-client} of them made from one address. Only claimed classes count, so classes that
     * no teacher's page ever opened (a link preview, a stray request) lock no one out.
     */
    private void requireRoom(String client) {
        List<ClassExperiment> claimed = live.values().stream().filter(ClassExperiment::isClaimed).toList();
        if (claimed.size() >= settings.maxClasses()) {
            throw new ProtocolError(ErrorCode.BUSY, "max-classes", claimed.size() + " classes", "at most " + settings.maxClasses()
                    + " classes at once", "this server already holds " + settings.maxClasses()
                    + " class experiments; end one (or wait for one to end) and try again");
        }
        int fromClient = (int) claimed.stream().filter(experiment -> experiment.creator().equals(client)).count();
        if (fromClient >= settings.maxClassesPerClient()) {
            throw new ProtocolError(ErrorCode.BUSY, "max-classes-per-client", fromClient + " classes",
                    "at most " + settings.maxClassesPerClient() + " live classes from one address",
                    "your address already has " + fromClient + " live class experiments on this server, the most one address may"
                            + " have (--max-classes-per-client " + settings.maxClassesPerClient() + "); end one, or wait for one"
                            + " to end, and try again");
        }
    }

    /** A teacher's page opened a class that none had: it counts in the quotas from now on, if they have room. */
    private synchronized void claim(ClassExperiment experiment) {
        if (experiment.isClaimed()) return;
        try {
            requireRoom(experiment.creator());
        } catch (ProtocolError e) {
            end(experiment, "no room");
            throw e;
        }
        experiment.claim();
    }

    /** The live class with this id. */
    public Optional<ClassExperiment> find(String id) {
        ClassExperiment experiment = live.get(id);
        String expiry = experiment == null ? null : experiment.expiry(System.nanoTime());
        if (expiry != null) end(experiment, expiry);
        return experiment == null || experiment.isEnded() ? Optional.empty() : Optional.of(experiment);
    }

    /** Why the class with this id ended, if it did and is still remembered. */
    public synchronized Optional<String> endingOf(String id) {
        return Optional.ofNullable(ended.get(id));
    }

    /** The live class, or the error a page shows for an ended or unknown one. */
    ClassExperiment require(String id) {
        return find(id).orElseThrow(() -> endingOf(id)
                .map(why -> new ProtocolError(ErrorCode.CLASS_ENDED, "class", id, "a class that is still on",
                        "this class experiment has ended (" + why + "); ask your teacher for a new link"))
                .orElseGet(() -> new ProtocolError(ErrorCode.NO_CLASS, "class", id, "the id of a class on this server",
                        "there is no class with this link on this server; check the link with your teacher")));
    }

    /** The short codes typed at {@code /join}. */
    public RoomCodes codes() {
        return codes;
    }

    int count() {
        return live.size();
    }

    // ---- the class messages of a session (socket threads) ----

    public void handle(ClassMember session, Command.ForClass command) {
        if (command instanceof Command.Join join) {
            join(session, join);
        } else if (command instanceof Command.Teach teach) {
            ClassExperiment experiment = require(teach.classId());
            if (!experiment.isTeacherKey(teach.key())) {
                throw new ProtocolError(ErrorCode.FORBIDDEN, "key", "(not shown)", "the teacher key of this class",
                        "this is not the teacher key of this class; open the teacher's link again");
            }
            requireNoOtherRole(session, null, experiment);
            claim(experiment);
            session.role().teach(experiment);
            experiment.teach(session);
            if (session.isClosed()) left(session);   // closed meanwhile: its close found no role to give up
        } else if (command instanceof Command.ClassControl control) {
            ClassExperiment experiment = session.role().teaching();
            if (experiment == null || !experiment.isTeacher(session)) {
                throw new ProtocolError(ErrorCode.FORBIDDEN, "type", "class-control", "the teacher's page of a live class",
                        "only the class's teacher can control it");
            }
            if (control.action().equals("end")) end(experiment, "teacher");
            else experiment.control(control.action());
        } else if (command instanceof Command.ClassLearner learner) {
            ClassExperiment experiment = session.role().teaching();
            if (experiment == null || !experiment.isTeacher(session)) {
                throw new ProtocolError(ErrorCode.FORBIDDEN, "type", "class-learner", "the teacher's page of a live class",
                        "only the class's teacher can remove or rename a learner");
            }
            experiment.learner(learner.learner(), learner.action(), learner.nickname());
        } else if (command instanceof Command.Nickname nickname) {
            ClassSeat seat = session.role().seat();
            if (seat == null) {
                throw new ProtocolError(ErrorCode.NO_CLASS, "type", "nickname", "join a class first", "only a learner in a class has a nickname");
            }
            seat.rename(nickname.nickname());
            seat.experiment.changed();
        }
    }

    private void join(ClassMember session, Command.Join join) {
        ClassExperiment experiment = require(join.classId());
        ClassSeat mine = session.role().seat();
        if (mine != null && mine.experiment == experiment) {
            session.tell(mine.assignment());   // the same seat again: say it again
            return;
        }
        requireNoOtherRole(session, experiment, null);
        if (join.seat() == null) requireJoinRate(session.client());   // taking one's own seat back is no new join
        ClassSeat seat = experiment.join(session, join.nickname(), join.seat(), token(12));
        session.takeSeat(seat);
        if (session.isClosed()) left(session);   // closed meanwhile: its close found no seat to give up
        session.tell(seat.assignment());
    }

    /**
     * Refuses a join beyond the address's rate: a burst of {@code --max-seats-per-client}, then
     * {@link #JOINS_PER_SECOND}. Full buckets are forgotten on the clock, so the map holds only busy addresses.
     */
    private void requireJoinRate(String client) {
        long now = System.nanoTime();
        synchronized (joins) {
            TokenBucket bucket = joins.computeIfAbsent(client,
                    c -> new TokenBucket(settings.safeguards().maxSeatsPerClient(), JOINS_PER_SECOND, now));
            if (bucket.take(now)) return;
        }
        throw new ProtocolError(ErrorCode.OVERLOADED, "type", "join", "at most " + JOINS_PER_SECOND + " joins a second from one address",
                "too many joins from your address just now; wait a few seconds and open the link again");
    }

    /** A page has one role in one class: a learner's seat ({@code learning}) or a teacher's page ({@code teaching}). */
    private static void requireNoOtherRole(ClassMember session, ClassExperiment learning, ClassExperiment teaching) {
        ClassSeat seat = session.role().seat();
        boolean other = (seat != null && seat.experiment != learning)
                || (session.role().teaching() != null && session.role().teaching() != teaching);
        if (other) {
            String id = learning != null ? learning.id() : teaching.id();
            throw new ProtocolError(ErrorCode.INVALID, "class", id, "one class role per page",
                    "this page already belongs to a class; open the link in a new tab");
        }
    }

    /** A session closed: its seat stays with its point, marked stopped; a teacher's page is let go. */
    public void left(ClassMember session) {
        ClassSeat seat = session.role().seat();
        if (seat != null) seat.experiment.leave(session);
        ClassExperiment teaching = session.role().teaching();
        if (teaching != null) teaching.leave(session);
    }

    /** On the clock, while any session is open: ends classes whose time is up, and sends the charts that are due. */
    public void tick(long now) {
        expire(now);
        synchronized (joins) {
            joins.values().removeIf(bucket -> bucket.isFull(now));
        }
        for (ClassExperiment experiment : live.values()) experiment.tick(now);
    }

    /** The server is stopping: every class ends (its members are told). */
    public void close() {
        for (ClassExperiment experiment : List.copyOf(live.values())) end(experiment, "shutdown");
    }

    private void expire(long now) {
        for (ClassExperiment experiment : List.copyOf(live.values())) {
            String expiry = experiment.expiry(now);
            if (expiry != null) end(experiment, expiry);
        }
    }

    /** Ends a class; its link says "ended" from the start of the ending, never "unknown" while it ends. */
    private void end(ClassExperiment experiment, String reason) {
        synchronized (this) {
            ended.putIfAbsent(experiment.id(), reason);
        }
        experiment.end(reason);
        live.remove(experiment.id());
        codes.release(experiment.id());
    }

    /** What {@code /health} says of classes. */
    public Map<String, Object> health() {
        int learners = 0;
        for (ClassExperiment experiment : new ArrayList<>(live.values())) learners += experiment.seatCount();
        return Map.of("classes", live.size(), "classLearners", learners);
    }

    private String token(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
