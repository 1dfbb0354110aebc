package org.gaplab.protocol;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gaplab.data.DataSpec;
import org.gaplab.lessons.Lesson;
import org.gaplab.lessons.Lessons;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.training.Comparison;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.TrainingConfig;

/**
 * What a browser may ask of its training session (docs/PROTOCOL.md). Parsing is strict: anything the server would
 * otherwise have to guess about is a {@link ProtocolError} naming the field.
 */
public sealed interface Command {

    /** The fastest pace a client may ask for, in epochs per second (0 means "as fast as the fair share allows"). */
    double MAX_SPEED = 1000;

    /** What a speed may be, as every refusal says it (the server's, and the page's for a link's speed=). */
    String SPEED_ALLOWED = "epochs per second, a number in [0, " + (int) MAX_SPEED + "] (0: as fast as possible)";

    /** The most values one sweep may train: enough for a U-curve, few enough to share a session's slot. */
    int MAX_SWEEP_VALUES = 16;

    /** Every message type a client may send, in the order the protocol document lists them. */
    List<String> TYPES = List.of("start", "pause", "resume", "step", "reset", "update", "stop", "compare", "sweep",
            "export", "restore", "view-seed", "join", "teach", "class-control", "nickname", "class-learner");

    /** What a class's teacher may do to every run of the class, or to the class (docs/PROTOCOL.md). */
    List<String> CLASS_ACTIONS = List.of("pause", "resume", "restart", "lock", "unlock", "reveal", "hide", "end");

    /** What a class's teacher may do to one learner: take their seat and point away, or rename them on the chart. */
    List<String> LEARNER_ACTIONS = List.of("remove", "rename");

    /**
     * Error codes of a {@code join} that finds no seat (the class is unknown here, over, or full, its address holds
     * its share of the seats, or the teacher removed this learner): the page goes on alone.
     */
    List<String> NO_SEAT = List.of("no-class", "class-ended", "class-full", "seats-per-client", "removed");

    /** The codes saying this server has no such class (any more): after a reconnect, the class was lost with its server. */
    List<String> CLASS_GONE = List.of("no-class", "class-ended");

    /** Class ids, teacher keys and seat tokens: URL-safe words. */
    java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The longest nickname, in characters (the page's name field is rendered with it). */
    int NICKNAME_LENGTH = 24;

    /** Nicknames: letters, digits, spaces and a few marks, shown as text only. */
    java.util.regex.Pattern NICKNAME = java.util.regex.Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._'-]{0," + (NICKNAME_LENGTH - 1) + "}");

    /**
     * Build a run from a validated config and train it; {@code speed} null means the dataset's default pace;
     * {@code lesson} (null for none) is the lesson whose claims are judged over the run's seeds.
     */
    record Start(TrainingConfig config, Double speed, Lesson lesson) implements Command {
        public Start(TrainingConfig config, Double speed) {
            this(config, speed, null);
        }
    }

    record Pause() implements Command { }

    record Resume() implements Command { }

    record Step() implements Command { }   // exactly one epoch, then stay paused

    /** Rebuild the run from its current config: same seed, same start. */
    record Reset() implements Command { }

    /**
     * Change settings mid-run: {@code change} is read and checked here, once ({@link LiveChange}); whether each is
     * live depends on the run, so {@link LiveChange#applyTo} checks that against it. Either part may be absent, not both.
     */
    record Update(LiveChange change, Double speed) implements Command { }

    record Stop() implements Command { }

    /**
     * An A/B comparison: run A is {@code a}, run B is {@code b} ({@code a} with the message's changes), with the same
     * seed and data. {@code varied} are the config keys whose values differ: the keys an update changes in B only.
     */
    record Compare(TrainingConfig a, TrainingConfig b, List<String> varied, Double speed, Lesson lesson) implements Command {
        public Compare(TrainingConfig a, TrainingConfig b, List<String> varied, Double speed) {
            this(a, b, varied, speed, null);
        }
    }

    /** One run per value of {@code param} (sorted ascending, each valid for it), all from {@code base}. */
    record Sweep(TrainingConfig base, String param, List<Double> values, Double speed, Lesson lesson) implements Command {
        public Sweep(TrainingConfig base, String param, List<Double> values, Double speed) {
            this(base, param, values, speed, null);
        }
    }

    /** Show seed {@code index} (0 to seeds − 1, checked against the run) in the report, the views and the export. */
    record ViewSeed(int index) implements Command { }

    /** The current model's weights, config and seed. */
    record Export() implements Command { }

    /**
     * Rebuild a run from its {@link Recipe} (what a {@code checkpoint} message said) and replay it at full speed up to
     * {@code position} (its epoch; for a sweep, its epochs in all), then carry on running or paused: how a page picks
     * up its run on another server. The recipe is checked like the commands it stands for.
     */
    record Restore(Recipe recipe, int position, boolean running, Double speed) implements Command { }

    /** A message about a class experiment: handled at once by the class, never by the run (docs/PROTOCOL.md). */
    sealed interface ForClass extends Command { }

    /** A learner takes a seat in a class; {@code seat} (may be null) takes back this browser's seat after a reconnect. */
    record Join(String classId, String nickname, String seat) implements ForClass { }

    /** The teacher's page of a class, proving it with the class's teacher key. */
    record Teach(String classId, String key) implements ForClass { }

    /** One of {@link #CLASS_ACTIONS}, from the teacher's page. */
    record ClassControl(String action) implements ForClass { }

    /** A learner's new name on the class chart. */
    record Nickname(String nickname) implements ForClass { }

    /** One of {@link #LEARNER_ACTIONS} on learner number {@code learner}, from the teacher's page; a rename's name. */
    record ClassLearner(int learner, String action, String nickname) implements ForClass { }

    /** Whether this command builds something new, replacing whatever the session trains or is building. */
    default boolean replacesRun() {
        return this instanceof Start || this instanceof Compare || this instanceof Sweep || this instanceof Restore;
    }

    /** Parses one client message. */
    static Command parse(String text) {
        Map<String, Object> message;
        try {
            message = Json.readObject(text, "message");
        } catch (InvalidSettingException e) {
            throw new ProtocolError(ErrorCode.MALFORMED, "message", e.value(), "a JSON object with a \"type\"",
                    "the message is not a JSON object: " + e.value());
        }
        return parse(message);
    }

    /** Parses one client message already read as a JSON object. */
    static Command parse(Map<String, Object> message) {
        if (!(message.get("type") instanceof String type)) {
            throw new ProtocolError(ErrorCode.MALFORMED, "type", message.get("type"), "one of " + TYPES,
                    "the message has no string \"type\"");
        }
        return switch (type) {
            case "start" -> {
                allowKeys(message, "config", "speed", "lesson");
                yield new Start(startConfig(message.get("config")), speed(message), lesson(message));
            }
            case "update" -> {
                allowKeys(message, "config", "speed");
                Double speed = speed(message);
                Object config = message.get("config");
                if (config == null && speed == null) {
                    throw new ProtocolError(ErrorCode.INVALID, "config", null, "an object of changed settings, or a speed",
                            "update needs a config with the changed settings, a speed, or both");
                }
                yield new Update(config == null ? LiveChange.NONE : LiveChange.read(object(config)), speed);
            }
            case "pause" -> bare(message, new Pause());
            case "resume" -> bare(message, new Resume());
            case "step" -> bare(message, new Step());
            case "reset" -> bare(message, new Reset());
            case "stop" -> bare(message, new Stop());
            case "export" -> bare(message, new Export());
            case "compare" -> {
                allowKeys(message, "config", "changes", "speed", "lesson");
                Compare compare = compare(startConfig(message.get("config")), message.get("changes"), speed(message));
                yield new Compare(compare.a(), compare.b(), compare.varied(), compare.speed(), lesson(message));
            }
            case "sweep" -> {
                allowKeys(message, "config", "param", "values", "grid", "random", "speed", "lesson");
                Sweep sweep = SweepValues.read(startConfig(message.get("config")), message, speed(message));
                yield new Sweep(sweep.base(), sweep.param(), sweep.values(), sweep.speed(), lesson(message));
            }
            case "view-seed" -> {
                allowKeys(message, "index");
                yield new ViewSeed(seedIndex(message.get("index")));
            }
            case "restore" -> {
                allowKeys(message, "checkpoint", "position", "running", "speed");
                yield new Restore(Recipe.read(message.get("checkpoint")), Recipe.position(message.get("position")),
                        !Boolean.FALSE.equals(message.get("running")), speed(message));
            }
            case "join" -> {
                allowKeys(message, "class", "nickname", "seat");
                yield new Join(token(message, "class", true), nickname(message.get("nickname"), true), token(message, "seat", false));
            }
            case "teach" -> {
                allowKeys(message, "class", "key");
                yield new Teach(token(message, "class", true), token(message, "key", true));
            }
            case "class-control" -> {
                allowKeys(message, "action");
                Object action = message.get("action");
                if (!(action instanceof String name) || !CLASS_ACTIONS.contains(name)) {
                    throw ProtocolError.notAllowed("action", action, "one of " + CLASS_ACTIONS);
                }
                yield new ClassControl((String) action);
            }
            case "nickname" -> {
                allowKeys(message, "nickname");
                yield new Nickname(nickname(message.get("nickname"), false));
            }
            case "class-learner" -> {
                allowKeys(message, "learner", "action", "nickname");
                Object action = message.get("action");
                if (!(action instanceof String name) || !LEARNER_ACTIONS.contains(name)) {
                    throw ProtocolError.notAllowed("action", action, "one of " + LEARNER_ACTIONS);
                }
                Object learner = message.get("learner");
                if (!(learner instanceof Integer number) || number < 1) {
                    throw new ProtocolError(ErrorCode.INVALID, "learner", learner, "a learner's number (1, 2, ...)",
                            "learner: " + learner + " is not allowed; allowed: a learner's number from the class chart");
                }
                yield new ClassLearner((Integer) learner, name, nickname(message.get("nickname"), !name.equals("rename")));
            }
            default -> throw new ProtocolError(ErrorCode.UNKNOWN_TYPE, "type", type, "one of " + TYPES,
                    "unknown message type \"" + type + "\"; the types are " + TYPES);
        };
    }

    private static TrainingConfig startConfig(Object config) {
        if (config == null) return TrainingConfig.DEFAULTS;
        try {
            return ConfigValues.fromMap(object(config));
        } catch (InvalidSettingException e) {
            throw ProtocolError.invalid(e);
        }
    }

    /**
     * Run B is run A with the changes. The seed and the data may not change: a comparison shows what one setting
     * does to the same network on the same examples (differences in data are a sweep's job).
     */
    private static Compare compare(TrainingConfig a, Object changes, Double speed) {
        if (!(changes instanceof Map<?, ?>)) {
            throw new ProtocolError(ErrorCode.INVALID, "changes", changes, "an object of the settings run B changes",
                    "compare needs \"changes\": the settings in which run B differs from run A, e.g. {\"l2\":0.01}");
        }
        Map<String, Object> values = object(changes);
        for (String key : values.keySet()) {
            boolean data = DataSpec.SETTINGS.stream().anyMatch(setting -> setting.name().equals(key));
            if (data || key.equals(TrainingConfig.SEED.name())) {
                throw new ProtocolError(ErrorCode.INVALID, key, values.get(key),
                        "the same value in both runs (compare data settings with a sweep)",
                        "a comparison keeps the seed and the data the same in both runs, so " + key
                                + " cannot change; sweep trainSize or noise to compare data");
            }
        }
        TrainingConfig b;
        try {
            b = ConfigValues.applyTo(a, values);
        } catch (InvalidSettingException e) {
            throw ProtocolError.invalid(e);
        }
        List<String> varied = Comparison.differences(a, b);
        if (varied.isEmpty()) {
            throw new ProtocolError(ErrorCode.INVALID, "changes", values, "at least one setting with a new value",
                    "these changes leave run B the same as run A; change at least one setting");
        }
        return new Compare(a, b, varied, speed);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object config) {
        if (config instanceof Map<?, ?> map) return (Map<String, Object>) map;
        throw new ProtocolError(ErrorCode.INVALID, "config", config, "a JSON object of settings", "config must be an object");
    }

    static Double speed(Map<String, Object> message) {
        Object speed = message.get("speed");
        if (speed == null) return null;
        if (speed instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0
                && n.doubleValue() <= MAX_SPEED) {
            return n.doubleValue();
        }
        throw ProtocolError.notAllowed("speed", speed, SPEED_ALLOWED);
    }

    /** The lesson a message names ({@code lesson}: its id), or null when it names none. */
    private static Lesson lesson(Map<String, Object> message) {
        Object id = message.get("lesson");
        if (id == null) return null;
        java.util.Optional<Lesson> lesson = id instanceof String name ? Lessons.find(name) : java.util.Optional.empty();
        if (lesson.isPresent()) return lesson.get();
        List<String> ids = Lessons.all().stream().map(Lesson::id).toList();
        String allowed = "a lesson id, one of " + ids;
        throw new ProtocolError(ErrorCode.INVALID, "lesson", id, allowed, "lesson: " + id + " is not a lesson; allowed: " + allowed);
    }

    /**
     * A seed's index: a whole number in [0, {@code SEEDS.max} − 1]. Whether the run has that many seeds is checked by
     * the run, which names the same field with its own range.
     */
    private static int seedIndex(Object value) {
        int max = TrainingConfig.SEEDS.max() - 1;
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 0
                && n.doubleValue() <= max) {
            return n.intValue();
        }
        String allowed = "a whole number in [0, seeds − 1], at most " + max;
        throw new ProtocolError(ErrorCode.INVALID, "index", value == null ? "(missing)" : value, allowed,
                "index: " + (value == null ? "missing" : value + " is not allowed") + "; allowed: " + allowed);
    }

    /** A class id, key or seat token: required or null when absent. */
    private static String token(Map<String, Object> message, String field, boolean required) {
        Object value = message.get(field);
        if (value == null && !required) return null;
        if (value instanceof String text && TOKEN.matcher(text).matches()) return text;
        String allowed = "a string of 1 to 64 letters, digits, - and _";
        throw new ProtocolError(ErrorCode.INVALID, field, value == null ? "(missing)" : value, allowed,
                field + ": " + (value == null ? "missing" : value + " is not allowed") + "; allowed: " + allowed);
    }

    /** A nickname, trimmed; null when absent and optional. */
    static String nickname(Object value, boolean optional) {
        if (value == null && optional) return null;
        String allowed = "1 to " + NICKNAME_LENGTH + " letters, digits, spaces and . _ ' -, starting with a letter or digit";
        if (value instanceof String text && NICKNAME.matcher(text.trim()).matches()) return text.trim();
        throw ProtocolError.notAllowed("nickname", value, allowed);
    }

    private static Command bare(Map<String, Object> message, Command command) {
        allowKeys(message);
        return command;
    }

    static void allowKeys(Map<String, Object> message, String... keys) {
        Set<String> allowed = Set.of(keys);
        for (String key : message.keySet()) {
            if (!key.equals("type") && !allowed.contains(key)) {
                String what = keys.length == 0 ? "no other keys" : "the keys " + List.of(keys);
                throw new ProtocolError(ErrorCode.INVALID, key, "(unknown key)", what,
                        "\"" + message.get("type") + "\" messages take " + what + ", not \"" + key + "\"");
            }
        }
    }
}
