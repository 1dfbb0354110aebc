package org.gaplab.server.web;

import io.javalin.http.Context;
import org.gaplab.view.Pages;

/**
 * The playground page, full and embeddable. Which sites may frame it is the browser's decision, made from the
 * Content-Security-Policy frame-ancestors directive: the full page only in GapLab's own frames, {@code /embed} in
 * the frames of the configured origins (any by default, so a teacher can put a live demo in a course page; then a
 * framed page trains nothing before a click inside it, see {@link SecurityHeaders#admitsAnySite}).
 */
public final class PlaygroundPage {
    private final String embedAncestors;
    private final boolean clickToStart;

    public PlaygroundPage(String frameAncestors) {
        this.embedAncestors = frameAncestors;
        this.clickToStart = SecurityHeaders.admitsAnySite(frameAncestors);
    }

    public void full(Context ctx) {
        ctx.header("Content-Security-Policy", SecurityHeaders.policy("'self'"));
        ctx.contentType("text/html; charset=utf-8").result(Pages.playground(false));
    }

    public void embed(Context ctx) {
        ctx.header("Content-Security-Policy", SecurityHeaders.policy(embedAncestors));
        ctx.contentType("text/html; charset=utf-8").result(Pages.playground(true, clickToStart));
    }
}
