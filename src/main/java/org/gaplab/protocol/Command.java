package org.gaplab.protocol;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.TrainingConfig;

/**
 * What a browser may ask of its training session (docs/PROTOCOL.md). Parsing is strict: anything the server would
 * otherwise have to guess about is a {@link ProtocolError} naming the field.
 */
public sealed interface Command {

    /** The fastest pace a client may ask for, in epochs per second (0 means "as fast as the fair share allows"). */
    double MAX_SPEED = 1000;

    /** Every message type a client may send, in the order the protocol document lists them. */
    List<String> TYPES = List.of("start", "pause", "resume", "step", "reset", "update", "stop");

    /** Build a run from a validated config and train it; {@code speed} null means the dataset's default pace. */
    record Start(TrainingConfig config, Double speed) implements Command { }

    record Pause() implements Command { }

    record Resume() implements Command { }

    /** Exactly one epoch, then stay paused. */
    record Step() implements Command { }

    /** Rebuild the run from its current config: same seed, same start. */
    record Reset() implements Command { }

    /**
     * Change settings mid-run. {@code changes} are config keys checked only for shape here; whether they are valid
     * and live depends on the run, so the session checks them. Either part may be absent, not both.
     */
    record Update(Map<String, Object> changes, Double speed) implements Command { }

    record Stop() implements Command { }

    /** Parses one client message. */
    static Command parse(String text) {
        Map<String, Object> message;
        try {
            message = Json.readObject(text, "message");
        } catch (InvalidSettingException e) {
            throw new ProtocolError("malformed", "message", e.value(), "a JSON object with a \"type\"",
                    "the message is not a JSON object: " + e.value());
        }
        if (!(message.get("type") instanceof String type)) {
            throw new ProtocolError("malformed", "type", message.get("type"), "one of " + TYPES,
                    "the message has no string \"type\"");
        }
        return switch (type) {
            case "start" -> {
                allowKeys(message, "config", "speed");
                yield new Start(startConfig(message.get("config")), speed(message));
            }
            case "update" -> {
                allowKeys(message, "config", "speed");
                Double speed = speed(message);
                Object config = message.get("config");
                if (config == null && speed == null) {
                    throw new ProtocolError("invalid", "config", null, "an object of changed settings, or a speed",
                            "update needs a config with the changed settings, a speed, or both");
                }
                yield new Update(config == null ? Map.of() : object(config), speed);
            }
            case "pause" -> bare(message, new Pause());
            case "resume" -> bare(message, new Resume());
            case "step" -> bare(message, new Step());
            case "reset" -> bare(message, new Reset());
            case "stop" -> bare(message, new Stop());
            default -> throw new ProtocolError("unknown-type", "type", type, "one of " + TYPES,
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object config) {
        if (config instanceof Map<?, ?> map) return (Map<String, Object>) map;
        throw new ProtocolError("invalid", "config", config, "a JSON object of settings", "config must be an object");
    }

    private static Double speed(Map<String, Object> message) {
        Object speed = message.get("speed");
        if (speed == null) return null;
        if (speed instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0
                && n.doubleValue() <= MAX_SPEED) {
            return n.doubleValue();
        }
        String allowed = "epochs per second, a number in [0, " + (int) MAX_SPEED + "] (0: as fast as possible)";
        throw new ProtocolError("invalid", "speed", speed, allowed, "speed: " + speed + " is not allowed; allowed: " + allowed);
    }

    private static Command bare(Map<String, Object> message, Command command) {
        allowKeys(message);
        return command;
    }

    private static void allowKeys(Map<String, Object> message, String... keys) {
        Set<String> allowed = Set.of(keys);
        for (String key : message.keySet()) {
            if (!key.equals("type") && !allowed.contains(key)) {
                String what = keys.length == 0 ? "no other keys" : "the keys " + List.of(keys);
                throw new ProtocolError("invalid", key, "(unknown key)", what,
                        "\"" + message.get("type") + "\" messages take " + what + ", not \"" + key + "\"");
            }
        }
    }
}
