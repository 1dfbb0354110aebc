package org.gaplab.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaplab.data.DataSplits;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.TrainingConfig;

/** The messages the server sends (docs/PROTOCOL.md), built from the same objects the {@code train} command prints. */
public final class Frames {
    private Frames() { }

    /**
     * An {@code epoch} frame: the scalars of every epoch since the previous frame, the newest full report, and the
     * newest heavy views. A record so Jackson writes the report straight from the engine's objects.
     */
    public record EpochFrame(String type, List<EpochScalars> epochs, EpochReport report, Map<String, Object> views) {
        public EpochFrame(List<EpochScalars> epochs, EpochReport report, Map<String, Object> views) {
            this("epoch", List.copyOf(epochs), report, views);
        }
    }

    /** The first message on every socket: the protocol version, the option schema, the limits and the paces. */
    public static Map<String, Object> hello(Map<String, Object> limits, Map<String, Double> defaultSpeeds) {
        Map<String, Object> speeds = new LinkedHashMap<>();
        speeds.put("min", 0);
        speeds.put("max", Command.MAX_SPEED);
        speeds.put("defaults", defaultSpeeds);
        Map<String, Object> message = typed("hello");
        message.put("protocol", Json.PROTOCOL_VERSION);
        message.put("schema", Json.schema());
        message.put("limits", limits);
        message.put("speeds", speeds);
        return message;
    }

    /** A run was built ({@code reason} "start" or "reset"); its full normalized config and what the data is. */
    public static Map<String, Object> started(String reason, boolean running, TrainingConfig config, DataSplits data,
                                              double speed) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("name", data.name());
        dataset.put("task", data.task().name().toLowerCase(Locale.ROOT));
        dataset.put("classes", data.classes());
        dataset.put("classNames", data.classNames());
        dataset.put("featureNames", data.featureNames());
        dataset.put("inputSize", data.inputSize());
        dataset.put("image", data.image().isImage()
                ? Map.of("width", data.image().width(), "height", data.image().height()) : null);
        Map<String, Object> message = typed("started");
        message.put("reason", reason);
        message.put("running", running);
        message.put("speed", speed);
        message.put("config", Json.config(config));
        message.put("dataset", dataset);
        return message;
    }

    /** A session event without details ("paused", "resumed", "reset"). */
    public static Map<String, Object> event(String name) {
        Map<String, Object> message = typed("event");
        message.put("event", name);
        return message;
    }

    /** The settings now in effect after an {@code update}. */
    public static Map<String, Object> updated(TrainingConfig config, double speed) {
        Map<String, Object> message = event("updated");
        message.put("config", Json.config(config));
        message.put("speed", speed);
        return message;
    }

    /** The run was ended by the client, the idle timeout or the server shutting down. */
    public static Map<String, Object> stopped(String reason) {
        Map<String, Object> message = event("stopped");
        message.put("reason", reason);
        return message;
    }

    /** The run ended by itself: the same fields as the {@code train} command's last line, named by its reason. */
    public static Map<String, Object> end(RunEnd end) {
        Map<String, Object> fields = Json.end(end);
        fields.remove("type");
        Map<String, Object> message = event(end.reason().configName());
        message.putAll(fields);
        return message;
    }

    public static Map<String, Object> error(ProtocolError e) {
        Map<String, Object> message = typed("error");
        message.put("code", e.code());
        message.put("field", e.field());
        message.put("value", e.value());
        message.put("allowed", e.allowed());
        message.put("message", e.getMessage());
        return message;
    }

    private static Map<String, Object> typed(String type) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        return message;
    }
}
