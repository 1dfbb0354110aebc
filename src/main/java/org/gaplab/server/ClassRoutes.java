package org.gaplab.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gaplab.lessons.Lesson;
import org.gaplab.lessons.Lessons;
import org.gaplab.protocol.ClassPlan;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.protocol.UrlConfig;
import org.gaplab.training.TrainingConfig;
import org.gaplab.view.ClassPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of class experiments. {@code class/new} creates a class in two steps: the first (on any instance)
 * draws an unguessable id and redirects to itself with {@code class=ID}; the second, which a proxy routing by class
 * id sends to the instance that will hold the class, creates it and redirects to the teacher's page, the teacher key
 * in the fragment (never sent to a server, never in a log or a Referer). Every later request of the class carries its
 * id as {@code class=} too: the teacher's page, its QR code, the join link {@code ?class=ID} and both sockets.
 */
final class ClassRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ClassRoutes.class);
    /** Keys of {@code class/new} besides config keys. */
    private static final Set<String> KEYS = Set.of("preset", "param", "values", "grid", "class");
    private static final int LONGEST_LINK = 512;

    private final ClassExperiments classes;
    private final RunLimits limits;
    private final Clients clients;
    private final String policy;

    ClassRoutes(ClassExperiments classes, RunLimits limits, Clients clients) {
        this.classes = classes;
        this.limits = limits;
        this.clients = clients;
        this.policy = SecurityHeaders.policy("'self'");
    }

    /** {@code GET class/new}: the form, or a class made from the link's keys. */
    void create(Context ctx) {
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((key, values) -> {
            if (!values.isEmpty() && !values.get(0).isEmpty()) query.put(key, values.get(0));
        });
        List<String> unknown = query.keySet().stream().filter(k -> !KEYS.contains(k) && !UrlConfig.isConfigKey(k)).toList();
        if (!unknown.isEmpty()) {
            unknown.forEach(query::remove);
            page(ctx, HttpStatus.BAD_REQUEST, ClassPages.newClass("Unknown keys in the link: " + String.join(", ", unknown)
                    + ". A class takes preset, param, values or grid, and the playground's config keys.", query));
            return;
        }
        boolean sweepLesson = Lessons.find(query.getOrDefault("preset", "")).map(l -> l.sweep() != null).orElse(false);
        if (!query.containsKey("param") && !sweepLesson) {
            query.remove("class");
            page(ctx, HttpStatus.OK, ClassPages.newClass(null, query));   // the current config, waiting for a setting to vary
            return;
        }
        String id = query.get("class");
        if (id == null) {   // the link as read (an empty class= in it would come first and hide the new id for ever)
            ctx.redirect("new?" + queryText(query) + "class=" + classes.newId(), HttpStatus.SEE_OTHER);
            return;
        }
        try {
            // Only an id of the form the first step draws: a made-up short one would make a class anyone could guess.
            if (!ClassExperiments.ID.matcher(id).matches()) {
                throw new ProtocolError("invalid", "class", id, "an id drawn by class/new (22 letters, digits, - and _)",
                        "class: " + id + " is not an id this server draws (22 letters, digits, - and _); start again from class/new");
            }
            Lesson lesson = null;
            if (query.containsKey("preset")) {
                lesson = Lessons.find(query.get("preset")).orElseThrow(() -> new ProtocolError("invalid", "preset",
                        query.get("preset"), "a lesson id", "preset: there is no lesson " + query.get("preset")));
            }
            TrainingConfig base = UrlConfig.apply(lesson != null ? lesson.config() : TrainingConfig.DEFAULTS, query);
            limits.requireEpochs(base);
            Lesson.SweepPlan sweep = lesson != null && lesson.sweep() != null ? lesson.sweepPlan() : null;
            ClassPlan plan = ClassPlan.read(base, query, lesson == null ? null : lesson.id(),
                    sweep == null ? null : sweep.param(), sweep == null ? null : sweep.values());
            ClassExperiments.Created created = classes.create(id, plan, client(ctx));
            LOG.info("class={} event=create param={} values={} lesson={} dataset={}", id, plan.param(), plan.valuesText(),
                    plan.lesson(), base.data().dataset());
            ctx.redirect("teacher?class=" + id + "#key=" + created.teacherKey(), HttpStatus.SEE_OTHER);
        } catch (ProtocolError e) {
            HttpStatus status = !e.code().equals("busy") ? HttpStatus.BAD_REQUEST
                    : e.field().equals("max-classes-per-client") ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE;
            query.remove("class");
            page(ctx, status, ClassPages.newClass(e.getMessage(), query));
        }
    }

    /** The keys as a query, each followed by {@code &}; commas and colons stay as typed, so the link stays readable. */
    private static String queryText(Map<String, String> query) {
        StringBuilder text = new StringBuilder();
        query.forEach((key, value) -> text.append(encode(key)).append('=').append(encode(value)).append('&'));
        return text.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%2C", ",").replace("%3A", ":");
    }

    /** {@code GET class/teacher?class=ID}: the teacher's page; the key comes over the socket from the fragment. */
    void teacher(Context ctx) {
        String id = ctx.queryParam("class");
        Optional<ClassExperiment> found = id == null ? Optional.empty() : classes.find(id);
        if (found.isEmpty()) {
            missing(ctx, id);
            return;
        }
        ClassExperiment experiment = found.get();
        ClassPlan plan = experiment.plan();
        page(ctx, HttpStatus.OK, ClassPages.teacher(new ClassPages.Teacher(id, plan.param(), plan.lesson(),
                experiment.maxLearners(), experiment.endsAtMillis())));
    }

    /**
     * {@code GET class/qr.svg?class=ID&link=URL}: the QR code of a join link. The teacher's page knows the absolute
     * link (the server does not know the proxy's scheme, host or path prefix); only a link to this live class is drawn.
     */
    void qr(Context ctx) {
        String id = ctx.queryParam("class");
        String link = ctx.queryParam("link");
        if (id == null || classes.find(id).isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("no such class");
            return;
        }
        if (!isJoinLink(link, id)) {
            ctx.status(HttpStatus.BAD_REQUEST).contentType("text/plain; charset=utf-8")
                    .result("link: an absolute http(s) link ending in ?class=" + id + ", at most " + LONGEST_LINK + " characters");
            return;
        }
        ctx.header("Cache-Control", "no-store").contentType("image/svg+xml").result(JoinCode.svg(link));
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
        InetAddress peer = AddressRange.literal(ctx.req().getRemoteAddr()).orElse(InetAddress.getLoopbackAddress());
        return clients.client(peer, ctx.header("X-Forwarded-For"));
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
