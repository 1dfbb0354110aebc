package org.gaplab.server.safety;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host names this server answers for. A page's origin is compared with the {@code Host} its request carries, so
 * a site that rebinds its own name to 127.0.0.1 or a school-internal address (DNS rebinding) would otherwise be
 * GapLab's own origin and drive a GapLab that is not on the internet. Any other name is answered 421, "misdirected
 * request": IP literals, {@code localhost}, the {@code --host} name and the names of {@code --public-host} pass.
 */
public final class PublicHosts {
    private static final Logger LOG = LoggerFactory.getLogger(PublicHosts.class);
    /** What {@code --public-host} accepts: host names, or {@code *} for any (an operator's explicit opt-out). */
    public static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("\\*|[A-Za-z0-9]([A-Za-z0-9.-]{0,252})");

    private final Set<String> names;
    private final boolean anyName;
    private final Clients clients;

    public PublicHosts(GuardedSettings settings, Clients clients) {
        List<String> listed = settings.publicHosts();
        this.anyName = listed.contains("*");
        this.names = java.util.stream.Stream.concat(listed.stream(), java.util.stream.Stream.of("localhost", settings.host()))
                .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.clients = clients;
    }

    /** A before-handler for every request: 421 for a {@code Host} (or a trusted proxy's forwarded host) not served. */
    public void check(Context ctx) {
        String host = ctx.header("Host");
        String forwarded = ctx.header("X-Forwarded-Host");
        boolean proxied = forwarded != null && clients.isTrustedProxy(ctx.req().getRemoteAddr());
        if (allows(host) && (!proxied || allows(forwarded))) return;
        String named = proxied ? forwarded : host;
        LOG.info("event=misdirected host={}", LogText.quote(named));
        ctx.status(HttpStatus.MISDIRECTED_REQUEST).contentType("text/plain; charset=utf-8")
                .result("This GapLab server does not answer for the host name " + LogText.escape(named)
                        + "; its operator lists the names it answers for with --public-host.");
        ctx.skipRemainingHandlers();
    }

    /** Whether a {@code Host} value (a name or an IP literal, with an optional port) is one this server answers for. */
    boolean allows(String host) {
        if (host == null) return true;   // HTTP/1.0 without a Host: no browser sends that
        String name = hostPart(host.trim());
        if (name.isEmpty()) return false;
        if (anyName || AddressRange.literal(name).isPresent()) return true;
        return names.contains(name.toLowerCase(Locale.ROOT).replaceFirst("\\.$", ""));
    }

    private static String hostPart(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? "" : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
