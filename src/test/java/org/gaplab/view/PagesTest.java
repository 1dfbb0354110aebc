package org.gaplab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaplab.lessons.Lessons;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.junit.jupiter.api.Test;

class PagesTest {
    private static final String FULL = Pages.playground(false);
    private static final String EMBED = Pages.playground(true);

    @Test
    void every_schema_setting_has_exactly_one_control_with_its_default() {
        for (Setting setting : ConfigSchema.all()) {
            Matcher m = Pattern.compile("<div class=\"setting\" data-setting=\"" + Pattern.quote(setting.name())
                    + "\" data-kind=\"([^\"]+)\" data-live=\"(true|false)\" data-default=\"([^\"]*)\"").matcher(FULL);
            assertTrue(m.find(), "a control for " + setting.name());
            assertEquals(String.valueOf(setting.live()), m.group(2), setting.name() + " live flag");
            assertEquals(Controls.defaultText(setting.defaultValue()), m.group(3), setting.name() + " default");
            assertTrue(!m.find(), "only one control for " + setting.name());
        }
    }

    @Test
    void every_schema_group_is_a_section_named_for_hide() {
        for (String slug : Pages.groupSlugs()) assertTrue(FULL.contains("data-group=\"" + slug + "\""), slug);
    }

    @Test
    void the_stable_test_hooks_are_present() {
        for (String hook : List.of("start", "pause", "step", "reset", "epoch", "train-loss", "validation-loss",
                "test-loss", "train-accuracy", "validation-accuracy", "gap", "status")) {
            assertEquals(1, count(FULL, "data-testid=\"" + hook + "\""), hook);
        }
    }

    @Test
    void each_tab_has_its_own_bench_with_the_same_hooks() {
        for (String panel : List.of("run-panel", "compare-panel", "sweep-panel")) {
            String html = panel(panel);
            // A comparison's third chart is its lesson's evidence (ComparePanel), the others' the exact zeros.
            String third = panel.equals("compare-panel") ? "evidence-chart" : "sparsity-chart";
            for (String hook : List.of("loss-chart", "accuracy-chart", "model-view", third)) {
                assertEquals(1, count(html, "data-testid=\"" + hook + "\""), panel + ": " + hook);
            }
            assertEquals(1, count(html, "class=\"bench\""), panel + " has one bench");
        }
        // The comparison's exact-zero row is a row of its table, drawn by the page.
        assertEquals(1, count(panel("run-panel"), "data-testid=\"zero-fraction\""));
        assertEquals(1, count(panel("sweep-panel"), "data-testid=\"zero-fraction\""));
    }

    @Test
    void the_page_has_no_inline_script_or_handler_so_it_runs_under_script_src_self() {
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(FULL);
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains(" src="), "a script with a src: " + scripts.group());
            assertEquals("", scripts.group(2).trim(), "no inline code");
        }
        assertTrue(!Pattern.compile("\\son[a-z]+=").matcher(FULL).find(), "no on*= handler");
    }

    /** The HTML of one tab's panel: from its id to the next panel (or the end of main). */
    private static String panel(String id) {
        int from = FULL.indexOf("id=\"" + id + "\"");
        int to = FULL.length();
        for (String next : List.of("id=\"run-panel\"", "id=\"compare-panel\"", "id=\"sweep-panel\"", "</main>")) {
            int at = FULL.indexOf(next, from + 1);
            if (at > from && at < to) to = at;
        }
        return FULL.substring(from, to);
    }

    @Test
    void every_url_is_relative_so_a_path_prefix_works_and_nothing_comes_from_another_host() {
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(FULL);
        List<String> urls = new ArrayList<>();
        while (m.find()) urls.add(m.group(1));
        assertTrue(urls.contains("css/gaplab.css") && urls.contains("js/app.js") && urls.contains(Pages.CHART_JS), urls.toString());
        for (String url : urls) {
            assertTrue(!url.startsWith("/") && !url.contains("://"), "relative: " + url);
        }
    }

    @Test
    void every_input_has_a_label_or_an_accessible_name() {
        Matcher m = Pattern.compile("<(input|select)([^>]*)>").matcher(FULL);
        while (m.find()) {
            String attributes = m.group(2);
            Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(attributes);
            boolean labelled = attributes.contains("aria-label=") || attributes.contains("aria-labelledby=")
                    || (id.find() && FULL.contains("for=\"" + id.group(1) + "\""))
                    || attributes.contains("data-role=\"choice\"");           // inside its <label class="chip">
            assertTrue(labelled, "unlabelled control: " + m.group());
        }
    }

    @Test
    void every_lesson_is_offered_with_its_config_and_two_hints() {
        for (var lesson : Lessons.ALL) {
            assertTrue(FULL.contains("<option value=\"" + lesson.id() + "\" data-claim="), lesson.id());
        }
        assertEquals(Lessons.ALL.size(), count(FULL, "data-watch-2="));
    }

    @Test
    void the_embed_page_is_marked_compact() {
        assertTrue(EMBED.contains("<body class=\"embed\""));
        assertTrue(FULL.contains("<body class=\"full\""));
    }

    @Test
    void log_sliders_step_through_zero_and_round_values_up_to_the_maximum() {
        assertEquals(List.of(0.0, 1e-5, 2e-5, 3e-5, 5e-5), Controls.ladder(0, 1, false).subList(0, 5));
        List<Double> rates = Controls.ladder(1e-6, 10, false);
        assertEquals(1e-6, rates.get(0));
        assertEquals(10.0, rates.get(rates.size() - 1));
        assertTrue(rates.contains(0.03), "the default learning rate is a stop");
        List<Double> sizes = Controls.ladder(10, 60_000, true);
        assertEquals(List.of(10.0, 20.0, 30.0, 50.0, 100.0), sizes.subList(0, 5));
        assertEquals(60_000.0, sizes.get(sizes.size() - 1));
        for (int i = 1; i < sizes.size(); i++) assertTrue(sizes.get(i) > sizes.get(i - 1));
    }

    @Test
    void numbers_are_written_as_short_as_they_read_back() {
        assertEquals("0.03", Controls.plain(0.03));
        assertEquals("1e-5", Controls.plain(1e-5), "as a person writes it, never 1.0E-5");
        assertEquals("0.0001", Controls.plain(1e-4));
        assertEquals("200", Controls.plain(200));
        assertEquals("8,8", Controls.defaultText(List.of(8, 8)));
    }

    @Test
    void three_tabs_each_control_one_labelled_panel_and_only_the_first_shows_at_first() {
        for (String mode : List.of("run", "compare", "sweep")) {
            assertEquals(1, count(FULL, "data-testid=\"mode-" + mode + "\""), mode);
            assertTrue(FULL.contains("aria-controls=\"" + mode + "-panel\""), mode + " tab controls its panel");
            Matcher panel = Pattern.compile("id=\"" + mode + "-panel\" role=\"tabpanel\" aria-labelledby=\"mode-" + mode
                    + "\"( hidden)?").matcher(FULL);
            assertTrue(panel.find(), mode + " panel");
            assertEquals(!mode.equals("run"), panel.group(1) != null, mode + " panel hidden at first");
        }
    }

    @Test
    void the_take_away_buttons_and_the_comparison_and_sweep_hooks_are_present() {
        for (String hook : List.of("download-csv", "download-json", "download-weights", "compare-differences",
                "sweep-best", "sweep-param")) {
            assertEquals(1, count(FULL, "data-testid=\"" + hook + "\""), hook);
        }
    }

    @Test
    void every_png_button_names_a_chart_on_the_page_and_says_which() {
        Matcher m = Pattern.compile("<button type=\"button\" class=\"png\" data-png=\"([^\"]+)\" aria-label=\"([^\"]+)\"")
                .matcher(FULL);
        int buttons = 0;
        while (m.find()) {
            buttons++;
            assertEquals(1, count(FULL, "<canvas id=\"" + m.group(1) + "\""), m.group(1));
            assertTrue(m.group(2).startsWith("Save the ") && m.group(2).endsWith(" as a PNG picture"), m.group(2));
        }
        assertEquals(13, buttons, "loss, accuracy, sparsity, weight norm, percentiles, gradients, singular values; 3 comparison and 3 sweep charts");
    }

    @Test
    void a_comparison_offers_every_setting_but_the_data_and_the_seed() {
        List<String> offered = ModePanels.comparable().stream().map(Setting::name).toList();
        assertTrue(offered.containsAll(List.of("l1", "l2", "dropout", "init", "augmentation.jitter", "learningRate")), offered.toString());
        for (String shared : List.of("dataset", "trainSize", "noise", "inputFeatures", "seed")) {
            assertTrue(!offered.contains(shared), shared + " must be the same in both runs");
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }
}
