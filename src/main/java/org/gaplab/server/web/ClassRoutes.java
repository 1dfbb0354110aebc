package org.gaplab.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gaplab.lessons.Lesson;
import org.gaplab.lessons.Lessons;
import org.gaplab.protocol.ClassPlan;
import org.gaplab.protocol.ErrorCode;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.protocol.UrlConfig;
import org.gaplab.server.classes.ClassExperiment;
import org.gaplab.server.classes.ClassExperiments;
import org.gaplab.server.classes.RoomCodes;
import org.gaplab.server.safety.AddressRange;
import org.gaplab.server.safety.Clients;
import org.gaplab.server.safety.LogText;
import org.gaplab.server.safety.RunLimits;
import org.gaplab.training.TrainingConfig;
import org.gaplab.view.ClassPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of class experiments. {@code class/new} shows a form; posting it from GapLab's own page creates a
 * class in two steps: the first (on any instance) draws an unguessable id and sends the form on with
 * {@code class=ID}; the second, which a proxy routing by class id sends to the instance that will hold the class,
 * creates it and redirects to the teacher's page, the teacher key
 * in the fragment (never sent to a server, never in a log or a Referer). Every later request of the class carries its
 * id as {@code class=} too: the teacher's page, its QR code, the join link {@code ?class=ID} and both sockets.
 */
public final class ClassRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ClassRoutes.class);
    /** Keys of {@code class/new} besides config keys. */
    private static final Set<String> KEYS = Set.of("preset", "param", "values", "grid");
    private static final int LONGEST_LINK = 512;

    private final ClassExperiments classes;
    private final RunLimits limits;
    private final Clients clients;
    private final String policy;

    public ClassRoutes(ClassExperiments classes, RunLimits limits, Clients clients) {
        this.classes = classes;
        this.limits = limits;
        this.clients = clients;
        this.policy = SecurityHeaders.policy("'self'");
    }

    /**
     * {@code GET class/new}: the form, filled in from the link's keys. A GET never makes a class: an image or a link
     * preview on another site would make classes with its visitors' quotas.
     */
    public void form(Context ctx) {
        Map<String, String> query = keys(ctx.queryParamMap());
        query.remove("class");
        List<String> unknown = unknownKeys(query);
        page(ctx, unknown.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST,
                ClassPages.newClass(unknown.isEmpty() ? null : unknownText(unknown), query));
    }

    /**
     * {@code POST class/new}, from GapLab's own page only: the first step (no {@code class=}) draws the id and sends
     * the form on to {@code new?class=ID} (307 keeps the method and the form); the second, which a proxy routing by
     * class id sends to the instance that will hold the class, makes it. The id is never one the requester chose:
     * another site cannot post here, and GapLab's pages post only to {@code new}.
     */
    public void create(Context ctx) {
        Map<String, String> query = keys(ctx.formParamMap());
        if (!Clients.fromOwnPage(ctx.header("Origin"), ctx.header("Sec-Fetch-Site"), addressedHost(ctx))) {
            LOG.info("event=forbidden-class-create origin={} site={}", LogText.quote(ctx.header("Origin")),
                    LogText.quote(ctx.header("Sec-Fetch-Site")));
            page(ctx, HttpStatus.FORBIDDEN, ClassPages.newClass("A class is made only from this server's own form: "
                    + "check the settings below and press Create the class.", withoutUnknown(query)));
            return;
        }
        List<String> unknown = unknownKeys(query);
        if (!unknown.isEmpty()) {
            page(ctx, HttpStatus.BAD_REQUEST, ClassPages.newClass(unknownText(unknown), withoutUnknown(query)));
            return;
        }
        String id = ctx.queryParam("class");
        if (id == null || id.isEmpty()) {
            ctx.redirect("new?class=" + classes.newId(), HttpStatus.TEMPORARY_REDIRECT);
            return;
        }
        try {
            // Only an id of the form the first step draws: a made-up short one would make a class anyone could guess.
            if (!ClassExperiments.ID.matcher(id).matches()) {
                throw new ProtocolError(ErrorCode.INVALID, "class", id, "an id drawn by class/new (22 letters, digits, - and _)",
                        "class: " + id + " is not an id this server draws (22 letters, digits, - and _); start again from class/new");
            }
            boolean sweepLesson = Lessons.find(query.getOrDefault("preset", "")).map(l -> l.classExperiment().isPresent()).orElse(false);
            if (!query.containsKey("param") && !sweepLesson) {
                throw new ProtocolError(ErrorCode.INVALID, "param", "", "a setting to vary, or a lesson with a sweep",
                        "param: choose the setting every learner varies (or a lesson with a sweep)");
            }
            Lesson lesson = null;
            if (query.containsKey("preset")) {
                lesson = Lessons.find(query.get("preset")).orElseThrow(() -> new ProtocolError(ErrorCode.INVALID, "preset",
                        query.get("preset"), "a lesson id", "preset: there is no lesson " + query.get("preset")));
            }
            TrainingConfig base = UrlConfig.apply(lesson != null ? lesson.config() : TrainingConfig.DEFAULTS, query);
            limits.requireEpochs(base);
            Lesson.SweepPlan sweep = lesson != null ? lesson.classExperiment().orElse(null) : null;   // its sweep or class plan
            ClassPlan plan = ClassPlan.read(base, query, lesson == null ? null : lesson.id(),
                    sweep == null ? null : sweep.param(), sweep == null ? null : sweep.values());
            ClassExperiments.Created created = classes.create(id, plan, client(ctx));
            LOG.info("class={} event=create param={} values={} lesson={} dataset={}", id, plan.param(), plan.valuesText(),
                    plan.lesson(), base.data().dataset());
            ctx.redirect("teacher?class=" + id + "#key=" + created.teacherKey(), HttpStatus.SEE_OTHER);
        } catch (ProtocolError e) {
            HttpStatus status = e.errorCode() != ErrorCode.BUSY ? HttpStatus.BAD_REQUEST
                    : e.field().equals("max-classes-per-client") ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE;
            page(ctx, status, ClassPages.newClass(e.getMessage(), query));
        }
    }

    /** The first value of each key that has one. */
    private static Map<String, String> keys(Map<String, List<String>> params) {
        Map<String, String> query = new LinkedHashMap<>();
        params.forEach((key, values) -> {
            if (!values.isEmpty() && !values.get(0).isEmpty()) query.put(key, values.get(0));
        });
        return query;
    }

    private static List<String> unknownKeys(Map<String, String> query) {
        return query.keySet().stream().filter(k -> !KEYS.contains(k) && !UrlConfig.isConfigKey(k)).toList();
    }

    private static Map<String, String> withoutUnknown(Map<String, String> query) {
        Map<String, String> known = new LinkedHashMap<>(query);
        unknownKeys(query).forEach(known::remove);
        return known;
    }

    private static String unknownText(List<String> unknown) {
        return "Unknown keys in the link: " + String.join(", ", unknown)
                + ". A class takes preset, param, values or grid, and the playground's config keys.";
    }

    /**
     * {@code GET join}, and {@code join?code=...} from its form: the room code a learner typed leads to the class's
     * join link (303), while the class lives on this server. Tries are limited per address ({@link RoomCodes}).
     */
    public void join(Context ctx) {
        String typed = ctx.queryParam("code");
        if (typed == null || typed.isBlank()) {
            page(ctx, HttpStatus.OK, ClassPages.join(null, ""));
            return;
        }
        String shown = typed.length() > 20 ? typed.substring(0, 20) + "…" : typed;
        RoomCodes codes = classes.codes();
        if (!codes.mayTry(client(ctx), System.nanoTime())) {
            page(ctx, HttpStatus.TOO_MANY_REQUESTS, ClassPages.join("Too many codes tried from your address just now: wait a "
                    + "few seconds and type it again (or scan the QR code).", shown));
            return;
        }
        Optional<String> id = codes.classOf(typed);
        if (id.isEmpty()) {
            page(ctx, HttpStatus.NOT_FOUND, ClassPages.join("code: no class has the code " + shown + " on this server now; "
                    + "a code is " + RoomCodes.LENGTH + " letters and digits and lasts while its class does. Check it with your teacher.",
                    shown));
            return;
        }
        ctx.redirect("./?class=" + id.get(), HttpStatus.SEE_OTHER);
    }

    /** The host the browser addressed: behind a trusted proxy, the one it forwards. */
    private String addressedHost(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Host");
        return forwarded != null && clients.isTrustedProxy(ctx.req().getRemoteAddr()) ? forwarded : ctx.header("Host");
    }

    /** {@code GET class/teacher?class=ID}: the teacher's page; the key comes over the socket from the fragment. */
    public void teacher(Context ctx) {
        String id = ctx.queryParam("class");
        Optional<ClassExperiment> found = id == null ? Optional.empty() : classes.find(id);
        if (found.isEmpty()) {
            missing(ctx, id);
            return;
        }
        ClassExperiment experiment = found.get();
        ClassPlan plan = experiment.plan();
        page(ctx, HttpStatus.OK, ClassPages.teacher(new ClassPages.Teacher(id, plan.param(), plan.lesson(),
                experiment.maxLearners(), experiment.endsAtMillis(), isPlainHttpAcrossNetwork(ctx),
                classes.codes().codeOf(id).orElse(""), plan.values().size())));
    }

    /**
     * {@code GET class/qr.svg?class=ID&link=URL}: the QR code of a join link. The teacher's page knows the absolute
     * link (the server does not know the proxy's scheme, host or path prefix); only a link to this live class is drawn.
     */
    public void qr(Context ctx) {
        String id = ctx.queryParam("class");
        String link = ctx.queryParam("link");
        if (id == null || classes.find(id).isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("no such class");
            return;
        }
        if (!isJoinLink(link, id) || !isOwnHost(link, addressedHost(ctx))) {
            ctx.status(HttpStatus.BAD_REQUEST).contentType("text/plain; charset=utf-8")
                    .result("link: an absolute http(s) link to this server ending in ?class=" + id + ", at most "
                            + LONGEST_LINK + " characters");
            return;
        }
        ctx.header("Cache-Control", "no-store").contentType("image/svg+xml").result(JoinCode.svg(link));
    }

    /**
     * Whether a link points at the host the request was addressed to: the school's domain must not draw a QR code
     * that leads elsewhere (a phishing page with the school's name on the code's source).
     */
    static boolean isOwnHost(String link, String host) {
        try {
            URI uri = new URI(link);
            return uri.getRawAuthority() != null && Clients.fromOwnPage(uri.getScheme() + "://" + uri.getRawAuthority(), null, host);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Whether the teacher's page came over plain HTTP to an address other than this machine's: then the teacher key
     * crosses the classroom's network readable by anyone on it, and the page says so.
     */
    private boolean isPlainHttpAcrossNetwork(Context ctx) {
        boolean proxied = clients.isTrustedProxy(ctx.req().getRemoteAddr());
        String scheme = proxied && ctx.header("X-Forwarded-Proto") != null ? ctx.header("X-Forwarded-Proto") : ctx.scheme();
        if (!"http".equalsIgnoreCase(scheme.trim())) return false;
        String host = addressedHost(ctx);
        if (host == null) return false;
        String name = host.replaceFirst(":\\d+$", "").replace("[", "").replace("]", "");
        return !(name.equalsIgnoreCase("localhost") || AddressRange.literal(name).map(java.net.InetAddress::isLoopbackAddress).orElse(false));
    }

    static boolean isJoinLink(String link, String id) {
        if (link == null || link.length() > LONGEST_LINK) return false;
        try {
            URI uri = new URI(link);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && ("class=" + id).equals(uri.getRawQuery()) && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The teacher's address, resolved as a socket's is (behind a trusted proxy, from X-Forwarded-For). */
    private String client(Context ctx) {
        return clients.client(ctx.req().getRemoteAddr(), java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
    }

    private void missing(Context ctx, String id) {
        Optional<String> ending = id == null ? Optional.empty() : classes.endingOf(id);
        if (ending.isPresent()) {
            page(ctx, HttpStatus.GONE, ClassPages.notice("This class has ended",
                    "This class experiment has ended (" + ending.get() + "). Its results were on the teacher's page; "
                            + "start a new class for another experiment."));
        } else {
            page(ctx, HttpStatus.NOT_FOUND, ClassPages.notice("No such class",
                    "There is no class with this link on this server. Check the link, or start a new class."));
        }
    }

    private void page(Context ctx, HttpStatus status, String html) {
        ctx.status(status).header("Content-Security-Policy", policy).contentType("text/html; charset=utf-8").result(html);
    }
}
