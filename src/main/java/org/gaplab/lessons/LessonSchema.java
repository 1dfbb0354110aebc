package org.gaplab.lessons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.gaplab.training.Sweep;
import org.gaplab.verdicts.Claim;
import org.gaplab.verdicts.Quantity;
import org.gaplab.verdicts.Verdicts;

/**
 * The JSON Schema (draft 2020-12) of a lesson file, served at {@code /lessons/schema.json} and quoted in
 * docs/LESSONS.md. Built from the same lists {@link LessonFiles} checks against (the config's settings with their ranges,
 * the quantities, the cards, the sweep parameters), so it cannot drift from the reader. The reader is stricter in two
 * ways a schema cannot say: B may change only settings that are not the data's, and a swept value is checked as the
 * config would check it.
 */
public final class LessonSchema {
    private LessonSchema() { }

    public static Map<String, Object> schema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "/lessons/schema.json");
        schema.put("title", "GapLab lesson file (docs/LESSONS.md)");
        schema.putAll(object());
        schema.put("required", List.of("id", "title", "topic", "kind", "config", "watch"));
        Map<String, Object> p = properties(schema);
        p.put("$schema", Map.of("type", "string", "description", "this schema's address, for editors; the reader ignores it"));
        p.put("id", text("lower-case words joined by hyphens: the lesson's URL name (?preset=ID)", Fields.ID, 60));
        p.put("title", text("the title on the menu and the gallery", null, LessonFiles.MAX_TITLE));
        p.put("topic", text("the point it teaches, in a few words", null, LessonFiles.MAX_TITLE));
        p.put("language", text("the language its text is written in (BCP 47)", Lesson.LANGUAGE_TAG, 40));
        p.put("direction", choice("its text's direction; by default rtl for " + LessonFiles.RTL_LANGUAGES + ", else ltr",
                Lesson.DIRECTIONS));
        p.put("kind", choice("one run, A against B (b), a sweep (sweep), or a view of its own (view)", LessonFiles.KINDS));
        p.put("config", config());
        Map<String, Object> b = config();
        b.put("description", "kind comparison: the config keys run B changes (dotted for nested ones: earlyStopping.patience)");
        b.put("minProperties", 1);
        p.put("b", b);
        p.put("sweep", sweep());
        p.put("view", choice("kind view: the view it opens", Lesson.VIEWS));
        Map<String, Object> classPlan = new LinkedHashMap<>(sweep());
        classPlan.put("description", "kind run or comparison: what a class experiment of it varies by default");
        p.put("class", classPlan);
        p.put("watch", list(text("one line", null, LessonFiles.MAX_TEXT), 2, 2, "what to watch, and what it means"));
        p.put("about", list(choice("a config key", configKeys()), 0, LessonFiles.MAX_NAMES,
                "the settings it is about: the page moves them to the top"));
        p.put("cards", list(choice("a part of the page", Lesson.CARDS), 0, LessonFiles.MAX_NAMES,
                "what an embed shows (show=); empty or absent: the whole bench"));
        p.put("evidence", choice("kind run or comparison: what the bench's evidence chart draws; absent: exact zeros "
                + "when L1 is on, else the gap", Evidence.names()));
        p.put("claims", list(claim(), 0, LessonFiles.MAX_CLAIMS, "what its sentences say, as checkable data"));
        return schema;
    }

    private static Map<String, Object> claim() {
        Map<String, Object> claim = object();
        claim.put("required", List.of("id", "says", "quantity", "who", "relation", "bound"));
        Map<String, Object> p = properties(claim);
        p.put("id", text("unique in the lesson", Fields.ID, 40));
        p.put("says", text("the sentence the learner reads, without the seed count", null, LessonFiles.MAX_TEXT));
        List<String> quantities = new ArrayList<>();
        StringBuilder described = new StringBuilder("the number it speaks of: ");
        for (Quantity q : Quantity.values()) {
            quantities.add(q.configName());
            described.append(q.configName()).append(" (").append(q.label()).append(", split ").append(q.split().configName())
                    .append(q.chosenOnValidation() ? ", at an epoch chosen on validation" : "").append("); ");
        }
        p.put("quantity", choice(described.toString().replaceAll("; $", ""), quantities));
        p.put("who", choice("whose number: A's, B's, B's minus A's, B's over A's (b readings only in a comparison)",
                ClaimFields.WHO));
        p.put("relation", choice("how the number must compare with bound", ClaimFields.RELATIONS));
        p.put("bound", Map.of("type", "number", "description", "the bound (0 for \"lower than A's\")"));
        p.put("share", Map.of("type", "number", "minimum", Claim.MIN_SHARE, "maximum", Claim.MAX_SHARE,
                "default", Verdicts.REQUIRED_SHARE, "description", "the share of paired seeds it must hold on"));
        return claim;
    }

    private static Map<String, Object> sweep() {
        Map<String, Object> grid = object();
        grid.put("required", List.of("param", "spacing", "from", "to", "count"));
        Map<String, Object> g = properties(grid);
        g.put("param", choice("the setting swept", Sweep.PARAMETERS));
        g.put("spacing", choice("grid: log-spaced; random: log-uniform, drawn with seed 1", LessonFiles.SPACINGS));
        g.put("from", Map.of("type", "number", "exclusiveMinimum", 0));
        g.put("to", Map.of("type", "number", "exclusiveMinimum", 0));
        g.put("count", Map.of("type", "integer", "minimum", 2, "maximum", Sweep.MAX_VALUES));
        Map<String, Object> values = object();
        values.put("required", List.of("param", "values"));
        Map<String, Object> v = properties(values);
        v.put("param", choice("the setting swept", Sweep.PARAMETERS));
        v.put("values", list(Map.of("type", "number"), 2, Sweep.MAX_VALUES, "the values, in order"));
        return Map.of("description", "kind sweep: the setting varied and its values", "oneOf", List.of(grid, values));
    }

    /** Every config key with its type and range: nested objects for augmentation and earlyStopping (null: off). */
    private static Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", "object");
        config.put("description", "config keys as docs/CONFIG.md lists them; absent keys take their defaults");
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, Map<String, Object>> nested = new LinkedHashMap<>();
        for (Setting setting : ConfigSchema.all()) {
            properties.put(setting.name(), setting(setting));       // dotted names are accepted at the top too
            int dot = setting.name().indexOf('.');
            if (dot > 0) {
                nested.computeIfAbsent(setting.name().substring(0, dot), k -> new LinkedHashMap<>())
                        .put(setting.name().substring(dot + 1), setting(setting));
            }
        }
        properties.put("seeds", setting(org.gaplab.training.TrainingConfig.SEEDS));
        nested.forEach((name, inner) -> properties.put(name, Map.of("type", name.equals("earlyStopping")
                ? List.of("object", "null") : "object", "additionalProperties", false, "properties", inner)));
        config.put("properties", properties);
        config.put("additionalProperties", false);
        return config;
    }

    private static Map<String, Object> setting(Setting setting) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (setting instanceof Setting.Integer s) {
            d.put("type", "integer"); d.put("minimum", s.min()); d.put("maximum", s.max());
        } else if (setting instanceof Setting.Number s) {
            d.put("type", "number"); d.put("minimum", s.min()); d.put("maximum", s.max());
        } else if (setting instanceof Setting.Choice s) {
            d.put("enum", s.choices());
        } else if (setting instanceof Setting.Flag) {
            d.put("type", "boolean");
        } else if (setting instanceof Setting.IntegerList s) {
            d.putAll(list(Map.of("type", "integer", "minimum", s.min(), "maximum", s.max()), s.minLength(), s.maxLength(), null));
        } else if (setting instanceof Setting.NumberList s) {
            d.putAll(list(Map.of("type", "number", "minimum", s.min(), "maximum", s.max()), s.minLength(), s.maxLength(), null));
        } else if (setting instanceof Setting.ChoiceList s) {
            d.putAll(list(Map.of("enum", s.choices()), s.minLength(), s.maxLength(), null));
        }
        d.put("default", setting.defaultValue());
        d.put("description", setting.description());
        return d;
    }

    private static List<String> configKeys() {
        List<String> keys = new ArrayList<>(ConfigSchema.all().stream().map(Setting::name).toList());
        keys.add("seeds");
        return keys;
    }

    private static Map<String, Object> object() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", "object");
        object.put("additionalProperties", false);
        object.put("properties", new LinkedHashMap<String, Object>());
        return object;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> object) {
        return (Map<String, Object>) object.get("properties");
    }

    private static Map<String, Object> text(String description, String pattern, int maxLength) {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("type", "string");
        text.put("minLength", 1);
        text.put("maxLength", maxLength);
        if (pattern != null) text.put("pattern", "^" + pattern + "$");
        text.put("description", description);
        return text;
    }

    private static Map<String, Object> choice(String description, List<String> choices) {
        return Map.of("enum", choices, "description", description);
    }

    private static Map<String, Object> list(Map<String, Object> items, int min, int max, String description) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("type", "array");
        list.put("items", items);
        list.put("minItems", min);
        list.put("maxItems", max);
        if (description != null) list.put("description", description);
        return list;
    }
}
