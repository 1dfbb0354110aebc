package org.gaplab.server;

import io.javalin.http.Context;
import org.gaplab.view.Pages;

/**
 * The playground page, full and embeddable. Which sites may frame it is the browser's decision, made from the
 * Content-Security-Policy frame-ancestors directive: the full page only in GapLab's own frames, {@code /embed} in
 * the frames of the configured origins (any by default, so a teacher can put a live demo in a course page; then a
 * framed page trains nothing before a click inside it, see {@link SecurityHeaders#admitsAnySite}).
 */
final class PlaygroundPage {
    private final String embedAncestors;
    private final boolean clickToStart;

    PlaygroundPage(String frameAncestors) {
        this.embedAncestors = frameAncestors;
        this.clickToStart = SecurityHeaders.admitsAnySite(frameAncestors);
    }

    void full(Context ctx) {
        ctx.header("Content-Security-Policy", SecurityHeaders.policy("'self'"));
        ctx.contentType("text/html; charset=utf-8").result(Pages.playground(false));
    }

    void embed(Context ctx) {
        ctx.header("Content-Security-Policy", SecurityHeaders.policy(embedAncestors));
        ctx.contentType("text/html; charset=utf-8").result(Pages.playground(true, clickToStart));
    }
}
