package org.gaplab.server;

import io.javalin.http.Context;

/**
 * The headers every response carries: no content sniffing, no referrer beyond GapLab itself, and a content security
 * policy that runs only GapLab's own scripts (the page has no inline script) and lets pages be framed only where
 * the settings say ({@link #page}).
 */
final class SecurityHeaders {
    private SecurityHeaders() { }

    /** For every response: the page and its files, {@code /health}, errors. */
    static void everywhere(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", policy("'none'"));
    }

    /** The policy of a page that these frame ancestors (a CSP source list) may embed. */
    static String policy(String frameAncestors) {
        return "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
                + "frame-ancestors " + frameAncestors;
    }
}
