package org.gaplab.lessons;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.Sweep;
import org.gaplab.training.TrainingConfig;
import org.gaplab.verdicts.Claim;

/**
 * A lesson's JSON file (docs/LESSONS.md), read and written. Reading checks every field and refuses the first bad one
 * with the file, the field, the value and what is allowed; the base config goes through {@link ConfigValues}, exactly as
 * a config sent by the page or to {@code train --config}. Writing is the inverse: {@code read(write(lesson))} equals
 * the lesson, so any {@link Lesson} value can become a file (built-in lessons are such files).
 */
public final class LessonFiles {
    /** Largest lesson file read: a lesson is a page of text, and the operator's directory is read at start-up. */
    public static final int MAX_BYTES = 64 * 1024;
    /** The kinds of lesson a file may be. */
    public static final List<String> KINDS = List.of("run", "comparison", "sweep", "view");
    /** How a sweep's values are spread between {@code from} and {@code to}: a log grid, or log-uniform at random. */
    public static final List<String> SPACINGS = List.of("grid", "random");
    /** The keys a lesson file may have, in the order they are written. */
    public static final List<String> KEYS = List.of("id", "title", "topic", "language", "direction", "kind", "config",
            "b", "sweep", "view", "class", "watch", "about", "cards", "evidence", "claims");
    /** What the reader accepts: the keys, and {@code $schema}, which an editor reads to check the file as it is typed. */
    static final List<String> READ_KEYS = java.util.stream.Stream.concat(java.util.stream.Stream.of("$schema"), KEYS.stream()).toList();
    static final List<String> CLAIM_KEYS = List.of("id", "says", "quantity", "who", "relation", "bound", "share");
    static final int MAX_TEXT = 400;
    static final int MAX_TITLE = 100;
    static final int MAX_CLAIMS = 24;
    static final int MAX_NAMES = 24;
    static final int MAX_SWEEP_VALUES = Sweep.MAX_VALUES;
    /** Languages written right to left, whose lessons default to {@code rtl} (a file may say otherwise). */
    static final List<String> RTL_LANGUAGES = List.of("ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Two-space indents, {@code "key": value}, and one list item a line: a file an author can read and diff. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));

    private LessonFiles() { }

    /** The lesson in {@code text}, read from {@code file} (the name errors give). */
    public static Lesson read(String file, String text) {
        if (text.length() > MAX_BYTES) {
            throw new LessonFileException(file, "(file)", text.length() + " characters", "at most " + MAX_BYTES);
        }
        Map<String, Object> map;
        try {
            map = MAPPER.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new LessonFileException(file, "(file)", "malformed JSON" + where, "one JSON object (docs/LESSONS.md)");
        }
        if (map == null) throw new LessonFileException(file, "(file)", null, "one JSON object (docs/LESSONS.md)");
        return read(file, map);
    }

    /** The lesson in an already parsed file. */
    public static Lesson read(String file, Map<String, Object> map) {
        Fields f = new Fields(file);
        f.onlyKnown("", map, READ_KEYS);
        String id = f.text(map, "id", Fields.ID, "lower-case words joined by hyphens, like l2-on-my-data", 60);
        String title = f.text(map, "title", null, "a title of at most " + MAX_TITLE + " characters", MAX_TITLE);
        String topic = f.text(map, "topic", null, "the point it teaches, in a few words", MAX_TITLE);
        String language = f.optionalText(map, "language", Lesson.LANGUAGE_TAG, "a BCP 47 language tag: en, de, ar, pt-BR", "en");
        String direction = f.optionalChoice(map, "direction", Lesson.DIRECTIONS,
                RTL_LANGUAGES.contains(language.split("-")[0]) ? "rtl" : "ltr");
        String kind = f.choice(map, "kind", KINDS);
        TrainingConfig config = config(f, map.get("config"));
        List<String> watch = f.texts(map, "watch", 2, 2, null, "exactly two one-line sentences: what to watch, and what it means");
        List<String> about = f.names(map, "about", "config keys (docs/CONFIG.md)", LessonFiles::isConfigKey);
        List<String> cards = f.names(map, "cards", "one of " + Lesson.CARDS, Lesson.CARDS::contains);
        List<Claim> claims = claims(f, map.get("claims"));
        if (map.containsKey("evidence") && (kind.equals("sweep") || kind.equals("view"))) {
            throw f.bad("evidence", map.get("evidence"), "only in a lesson of kind run or comparison (a sweep draws its own)");
        }
        Evidence evidence = map.containsKey("evidence") ? Evidence.find(f.choice(map, "evidence", Evidence.names())).orElseThrow() : null;
        f.only(map, "b", kind.equals("comparison"), "only in a lesson of kind comparison, where it is required");
        f.only(map, "sweep", kind.equals("sweep"), "only in a lesson of kind sweep, where it is required");
        f.only(map, "view", kind.equals("view"), "only in a lesson of kind view, where it is required");
        Map<String, Object> changes = kind.equals("comparison") ? changes(f, config, map.get("b")) : Map.of();
        String sweep = kind.equals("sweep") ? sweep(f, "sweep", map.get("sweep")) : null;
        String view = kind.equals("view") ? f.choice(map, "view", Lesson.VIEWS) : null;
        if (map.containsKey("class") && (kind.equals("sweep") || kind.equals("view"))) {
            throw f.bad("class", "a class plan", "only in a lesson of kind run or comparison (a sweep's class varies its sweep)");
        }
        String classPlan = map.containsKey("class") ? sweep(f, "class", map.get("class")) : null;
        for (int i = 0; i < claims.size(); i++) {
            if (claims.get(i).who() != Claim.Who.A && !kind.equals("comparison")) {
                throw new LessonFileException(file, "claims[" + i + "].who", claims.get(i).who().configName(),
                        "a in a lesson of kind " + kind + " (only a comparison has a run B)");
            }
        }
        try {
            return new Lesson(id, title, topic, config, watch, changes, sweep, about, claims, view, language, direction, cards,
                    classPlan, evidence);
        } catch (IllegalArgumentException e) {
            throw new LessonFileException(file, "(lesson)", id, e.getMessage());
        }
    }

    /** The lesson as its file: {@code read(file, write(lesson))} gives the lesson back. */
    public static String write(Lesson lesson) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", lesson.id());
        map.put("title", lesson.title());
        map.put("topic", lesson.claim());
        map.put("language", lesson.language());
        map.put("direction", lesson.direction());
        map.put("kind", lesson.view() != null ? "view" : lesson.sweep() != null ? "sweep" : lesson.isComparison() ? "comparison" : "run");
        map.put("config", differences(lesson.config()));
        if (lesson.isComparison()) map.put("b", lesson.changes());
        if (lesson.sweep() != null) map.put("sweep", sweepObject(lesson.sweep()));
        if (lesson.view() != null) map.put("view", lesson.view());
        if (lesson.classPlan() != null) map.put("class", sweepObject(lesson.classPlan()));
        map.put("watch", lesson.watch());
        map.put("about", lesson.focus());
        if (!lesson.cards().isEmpty()) map.put("cards", lesson.cards());
        if (lesson.evidence() != null) map.put("evidence", lesson.evidence().configName());
        List<Map<String, Object>> claims = new ArrayList<>();
        for (Claim claim : lesson.claims()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", claim.id());
            c.put("says", claim.says());
            c.put("quantity", claim.quantity().configName());
            c.put("who", claim.who().configName());
            c.put("relation", claim.relation().configName());
            c.put("bound", claim.bound());
            c.put("share", claim.share());
            claims.add(c);
        }
        map.put("claims", claims);
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(map) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lesson " + lesson.id() + " cannot be written", e);
        }
    }

    /** Every config key, dotted for nested ones ({@code earlyStopping.patience}). */
    static boolean isConfigKey(String key) {
        return org.gaplab.training.ConfigSchema.find(key).isPresent() || key.equals("seeds");
    }

    private static TrainingConfig config(Fields f, Object value) {
        if (!(value instanceof Map<?, ?> raw)) throw new LessonFileException(f.file, "config", value, "an object of config keys (docs/CONFIG.md)");
        try {
            return ConfigValues.fromMap(Fields.stringKeys(raw));
        } catch (InvalidSettingException e) {
            throw LessonFileException.setting(f.file, "config", e);
        }
    }

    private static Map<String, Object> changes(Fields f, TrainingConfig config, Object value) {
        if (!(value instanceof Map<?, ?> raw) || raw.isEmpty()) {
            throw new LessonFileException(f.file, "b", value, "an object of the config keys run B changes (dotted for nested ones)");
        }
        Map<String, Object> changes = Fields.stringKeys(raw);
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            if (!isConfigKey(change.getKey()) || change.getKey().startsWith("seed") || change.getValue() instanceof Map
                    || org.gaplab.data.DataSpec.SETTINGS.stream().anyMatch(s -> s.name().equals(change.getKey()))) {
                throw new LessonFileException(f.file, "b." + change.getKey(), change.getValue(),
                        "a setting of the model, regularization, augmentation, early stopping or optimization (B trains on A's data), dotted for nested ones");
            }
        }
        try {
            ConfigValues.applyTo(config, changes);
        } catch (InvalidSettingException e) {
            throw LessonFileException.setting(f.file, "b", e);
        }
        return changes;
    }

    /** A sweep, or a class plan ({@code field}), in the URL form the page and {@link Lesson#sweepPlan} read. */
    private static String sweep(Fields f, String field, Object value) {
        if (!(value instanceof Map<?, ?> raw)) throw new LessonFileException(f.file, field, value,
                "an object: {param, spacing, from, to, count} or {param, values}");
        Map<String, Object> sweep = Fields.stringKeys(raw);
        String param = f.choice(sweep, field + ".param", "param", Sweep.PARAMETERS);
        if (sweep.containsKey("values")) {
            f.onlyKnown(field + ".", sweep, List.of("param", "values"));
            List<Double> values = f.numbers(sweep, field + ".values", 2, MAX_SWEEP_VALUES);
            checkValues(f, field, param, values);
            return param + ":values:" + String.join(",", values.stream().map(LessonFiles::plain).toList());
        }
        f.onlyKnown(field + ".", sweep, List.of("param", "spacing", "from", "to", "count"));
        String spacing = f.choice(sweep, field + ".spacing", "spacing", SPACINGS);
        double from = f.number(sweep, field + ".from", "from");
        double to = f.number(sweep, field + ".to", "to");
        double count = f.number(sweep, field + ".count", "count");
        if (count != Math.rint(count) || count < 2 || count > MAX_SWEEP_VALUES) {
            throw new LessonFileException(f.file, field + ".count", count, "a whole number in [2, " + MAX_SWEEP_VALUES + "]");
        }
        if (!(from > 0 && to > from)) throw new LessonFileException(f.file, field + ".to", to, "above from (" + plain(from) + " > 0): the grid is log-spaced");
        checkValues(f, field, param, List.of(from, to));
        return param + ":" + spacing + ":" + plain(from) + ":" + plain(to) + ":" + (int) count;
    }

    /** A swept value goes through the same setting check as the config would. */
    private static void checkValues(Fields f, String field, String param, List<Double> values) {
        for (double value : values) {
            try {
                Sweep.vary(TrainingConfig.DEFAULTS, param, value);
            } catch (InvalidSettingException e) {
                throw LessonFileException.setting(f.file, field, e);
            }
        }
    }

    private static Map<String, Object> sweepObject(String plan) {
        String[] parts = plan.split(":");
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("param", parts[0]);
        if (parts[1].equals("values")) {
            sweep.put("values", java.util.Arrays.stream(parts[2].split(",")).map(Double::valueOf).toList());
        } else {
            sweep.put("spacing", parts[1]);
            sweep.put("from", Double.valueOf(parts[2]));
            sweep.put("to", Double.valueOf(parts[3]));
            sweep.put("count", Integer.valueOf(parts[4]));
        }
        return sweep;
    }

    private static List<Claim> claims(Fields f, Object value) {
        if (value == null) return List.of();
        if (!(value instanceof List<?> list) || list.size() > MAX_CLAIMS) {
            throw new LessonFileException(f.file, "claims", value instanceof List<?> l ? l.size() + " claims" : value,
                    "a list of at most " + MAX_CLAIMS + " claims");
        }
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) claims.add(ClaimFields.read(f, "claims[" + i + "]", list.get(i)));
        return claims;
    }

    /** The config keys whose value differs from the defaults: what an author would write. */
    private static Map<String, Object> differences(TrainingConfig config) {
        Map<String, Object> defaults = ConfigValues.toMap(TrainingConfig.DEFAULTS);
        Map<String, Object> differences = new LinkedHashMap<>();
        ConfigValues.toMap(config).forEach((key, value) -> {
            if (!Objects.equals(value, defaults.get(key))) differences.put(key, value);
        });
        return differences;
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
