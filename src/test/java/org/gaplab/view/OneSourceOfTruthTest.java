package org.gaplab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gaplab.data.DataSpec;
import org.gaplab.protocol.ClassPlan;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.SweepValues;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.gaplab.training.Sweep;
import org.junit.jupiter.api.Test;

/**
 * Facts Java decides (the datasets and their families, which settings a dataset reads, the sweep's plans and its
 * value limit, a class's limits, codes and columns) reach the browser once, in the served page; the browser code
 * repeats none of them.
 */
class OneSourceOfTruthTest {
    private static final String PAGE = Pages.playground(false);

    @Test
    void every_dataset_option_carries_its_family_from_java() {
        for (String dataset : DataSpec.DATASET.choices()) {
            String family = DataSpec.Family.of(dataset).name().toLowerCase(Locale.ROOT);
            assertTrue(PAGE.contains("<option value=\"" + dataset + "\"") && attribute("option value=\"" + dataset + "\"",
                    "data-family").equals(family), dataset + " is marked " + family);
        }
    }

    @Test
    void every_setting_a_dataset_may_ignore_names_the_datasets_that_read_it() {
        for (Setting setting : ConfigSchema.all()) {
            List<String> readers = DataSpec.readBy(setting.name());
            String shown = attribute("data-setting=\"" + setting.name() + "\"", "data-datasets");
            assertEquals(readers == null ? "" : String.join(",", readers), shown, setting.name());
        }
    }

    @Test
    void the_sweep_form_offers_the_servers_plans_and_limit() {
        for (String parameter : Sweep.PARAMETERS) {
            org.gaplab.settings.SweepPlan plan = SweepValues.plans().get(parameter);
            String option = "option value=\"" + parameter + "\" data-search";
            assertEquals(plan.search(), attribute(option, "data-search"), parameter);
            if (plan.search().equals("grid")) {
                assertEquals(Controls.plain(plan.from()), attribute(option, "data-from"), parameter);
                assertEquals(Controls.plain(plan.to()), attribute(option, "data-to"), parameter);
                assertEquals(String.valueOf(plan.count()), attribute(option, "data-count"), parameter);
            } else {
                assertEquals(plan.values().stream().map(Controls::plain).collect(Collectors.joining(",")),
                        attribute(option, "data-values"), parameter);
            }
        }
        assertEquals(String.valueOf(Command.MAX_SWEEP_VALUES), attribute("id=\"sweep-count\"", "max"));
        assertEquals(String.valueOf(Command.MAX_SWEEP_VALUES), attribute("class=\"sweep-bar sweep-form\"", "data-max-values"));
    }

    @Test
    void the_browser_code_lists_no_dataset_sweep_plan_or_limit() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : scripts()) {
            String code = Files.readString(file);
            // A list of datasets (two names on a line) or a test of one ("dataset === 'shapes'"); an SVG circle is fine.
            for (String line : code.split("\n")) {
                List<String> named = DataSpec.DATASET.choices().stream()
                        .filter(d -> Pattern.compile("['\"`]" + Pattern.quote(d) + "['\"`]").matcher(line).find()).toList();
                if (named.size() > 1 || (!named.isEmpty() && line.toLowerCase(Locale.ROOT).contains("dataset"))) {
                    offences.add(file.getFileName() + " names datasets " + named + ": " + line.trim());
                }
            }
            for (org.gaplab.settings.SweepPlan plan : SweepValues.plans().values()) {
                if (plan.values().size() > 2) {
                    String run = plan.values().subList(0, 3).stream().map(Controls::plain).collect(Collectors.joining(",\\s*"));
                    if (Pattern.compile("\\b" + run.replace(".", "\\.") + "\\b").matcher(code).find()) {
                        offences.add(file.getFileName() + " lists a sweep's values " + plan.values());
                    }
                }
            }
            Matcher limit = Pattern.compile("\\b" + Command.MAX_SWEEP_VALUES + "\\b").matcher(code);
            if (file.getFileName().toString().startsWith("sweep") && limit.find()) {
                offences.add(file.getFileName() + " writes the sweep's value limit");
            }
        }
        assertEquals(List.of(), offences);
    }

    @Test
    void the_class_card_carries_the_nickname_limit_the_codes_of_a_refused_join_and_every_setting_a_class_varies() {
        assertEquals(String.valueOf(Command.NICKNAME_LENGTH), attribute("id=\"class-nickname\"", "maxlength"));
        assertEquals(String.join(" ", Command.NO_SEAT), attribute("id=\"class-card\"", "data-no-seat"));
        for (String param : ClassPlan.PARAMETERS) {
            assertEquals(param, attribute("li data-param=\"" + param + "\"", "data-param"), "the card names " + param);
        }
    }

    @Test
    void the_class_scripts_repeat_no_error_code_metric_key_or_column_the_page_carries() throws IOException {
        List<String> rendered = new ArrayList<>(Command.NO_SEAT);
        rendered.addAll(List.of("validationLoss", "validationAccuracy", "trainLoss", "Validation loss", "Own settings"));
        List<String> offences = new ArrayList<>();
        for (Path file : scripts()) {
            if (!file.getFileName().toString().startsWith("class-")) continue;
            String code = Files.readString(file);
            for (String fact : rendered) {
                if (Pattern.compile("['\"`]" + Pattern.quote(fact) + "['\"`]").matcher(code).find()) {
                    offences.add(file.getFileName() + " writes " + fact);
                }
            }
        }
        assertEquals(List.of(), offences);
    }

    @Test
    void deploy_doc_has_an_embed_per_lesson_and_names_every_part_show_and_hide_take() throws IOException {
        String doc = Files.readString(Path.of("docs", "DEPLOY.md"));
        String embeds = doc.substring(doc.indexOf("## Embedding a lesson"), doc.indexOf("## Sharing, lessons"));
        for (var lesson : org.gaplab.lessons.Lessons.ALL) {
            assertTrue(embeds.contains("`preset=" + lesson.id()), "an embed example for " + lesson.id());
        }
        String address = Files.readString(Path.of("web", "js", "address.js"));
        Matcher parts = Pattern.compile("(?:'([a-z-]+)'|\\b([a-z]+)): '[#.]").matcher(
                address.substring(address.indexOf("const PARTS"), address.indexOf("};", address.indexOf("const PARTS"))));
        int named = 0;
        while (parts.find()) {
            String part = parts.group(1) != null ? parts.group(1) : parts.group(2);
            named++;
            if (!part.equals("data-view")) assertTrue(doc.contains("`" + part + "`"), "DEPLOY.md names the part " + part);
        }
        assertTrue(named > 10, "the parts were read from address.js: " + named);
    }

    /** The value of an attribute on the first element whose tag text contains {@code marker}. */
    private static String attribute(String marker, String name) {
        int at = PAGE.indexOf(marker);
        assertTrue(at >= 0, "the page has " + marker);
        int open = PAGE.lastIndexOf('<', at);
        int close = PAGE.indexOf('>', at);
        Matcher m = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(PAGE.substring(open, close));
        return m.find() ? m.group(1) : "";
    }

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("web", "js"))) {
            return walk.filter(p -> p.toString().endsWith(".js")).toList();
        }
    }
}
