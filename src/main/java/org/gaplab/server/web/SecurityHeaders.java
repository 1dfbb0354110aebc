package org.gaplab.server.web;

import io.javalin.http.Context;

/**
 * The headers every response carries: no content sniffing, no referrer beyond GapLab itself, and a content security
 * policy that runs only GapLab's own scripts (the page has no inline script) and lets pages be framed only where
 * the settings say ({@link #page}).
 */
public final class SecurityHeaders {
    private SecurityHeaders() { }

    /** For every response: the page and its files, {@code /health}, errors. */
    public static void everywhere(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", policy("'none'"));
    }

    /**
     * Whether a frame-ancestors source list lets any site frame the page: {@code *}, a bare scheme ({@code https:})
     * or a host of {@code *}. Then the browser's check protects no one, and an embedded page waits for a click.
     */
    static boolean admitsAnySite(String frameAncestors) {
        for (String source : frameAncestors.trim().split("\\s+")) {
            String host = source.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
            if (source.equals("*") || source.matches("[A-Za-z][A-Za-z0-9+.-]*:") || host.equals("*") || host.startsWith("*:")) {
                return true;
            }
        }
        return false;
    }

    /** The policy of a page that these frame ancestors (a CSP source list) may embed. */
    static String policy(String frameAncestors) {
        return "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "img-src 'self' data: blob:; style-src 'self'; connect-src 'self'; "
                + "frame-ancestors " + frameAncestors;
    }
}
