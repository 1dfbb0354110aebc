package org.gaplab.view;

import static j2html.TagCreator.button;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.nav;

import j2html.tags.DomContent;
import java.util.List;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;

/**
 * The three things a learner can train (one run, an A/B comparison, a sweep of one setting) as tabs, and the row of
 * detail tabs under each bench: panels that are hidden, never rebuilt, so each keeps its state.
 */
final class ModePanels {
    private ModePanels() { }

    /** One detail tab: its id (also the name {@code show=} and {@code hide=} take), its title and its panel. */
    record Tab(String id, String title, DomContent panel) { }

    static DomContent tabs() {
        return nav(
                tab("run", "One run", true),
                tab("compare", "Compare A/B", false),
                tab("sweep", "Sweep", false))
                .withClass("modes").attr("role", "tablist").attr("aria-label", "What to train");
    }

    private static DomContent tab(String mode, String title, boolean selected) {
        return button(title).withType("button").withId("mode-" + mode).attr("role", "tab").attr("data-mode", mode)
                .attr("data-testid", "mode-" + mode).attr("aria-controls", mode + "-panel")
                .attr("aria-selected", String.valueOf(selected)).attr("tabindex", selected ? "0" : "-1");
    }

    /** The detail tabs of one mode's panel; the first is shown. */
    static DomContent details(String mode, List<Tab> tabs) {
        return div(
                nav(each(tabs, t -> {
                    boolean first = t == tabs.get(0);
                    return button(t.title()).withType("button").withId("tab-" + t.id()).attr("role", "tab")
                            .attr("data-detail", t.id()).attr("aria-controls", "detail-" + t.id())
                            .attr("aria-selected", String.valueOf(first)).attr("tabindex", first ? "0" : "-1");
                })).withClass("detail-tabs").attr("role", "tablist").attr("aria-label", "More views"),
                each(tabs, t -> {
                    var panel = div(t.panel()).withId("detail-" + t.id()).withClass("detail-panel")
                            .attr("role", "tabpanel").attr("aria-labelledby", "tab-" + t.id());
                    return t == tabs.get(0) ? panel : panel.attr("hidden", "");
                }))
                .withClass("details").attr("data-details", mode);
    }

    /** Settings a comparison may change: anything but the data and the seed, which both runs must share. */
    static List<Setting> comparable() {
        return ConfigSchema.comparable();
    }
}
