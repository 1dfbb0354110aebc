package org.gaplab.view;

import static j2html.TagCreator.body;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.head;
import static j2html.TagCreator.html;
import static j2html.TagCreator.meta;
import static j2html.TagCreator.p;
import static j2html.TagCreator.title;

/** The pages the server renders. */
public final class Pages {
    private Pages() { }

    /** The playground page (embed: the compact variant for iframes). */
    public static String playground(boolean embed) {
        return "<!DOCTYPE html>\n" + html(
                head(meta().withCharset("utf-8"), title("GapLab")),
                body(h1("GapLab"), p("The playground page is on its way; the training stream runs at ws/train."))
        ).render();
    }
}
