package org.gaplab.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaplab.data.DataSplits;
import org.gaplab.training.Comparison;
import org.gaplab.training.RunEnd;
import org.gaplab.training.TrainingConfig;

/** The messages the server sends (docs/PROTOCOL.md), built from the same objects the {@code train} command prints. */
public final class Frames {
    private Frames() { }

    /**
     * The first message on every socket: the protocol version, which server instance answers (a page that reconnects
     * elsewhere can tell), the option schema, the limits and the paces.
     */
    public static Map<String, Object> hello(String server, Map<String, Object> limits, Map<String, Double> defaultSpeeds) {
        Map<String, Object> speeds = new LinkedHashMap<>();
        speeds.put("min", 0);
        speeds.put("max", Command.MAX_SPEED);
        speeds.put("defaults", defaultSpeeds);
        Map<String, Object> message = typed("hello");
        message.put("protocol", Json.PROTOCOL_VERSION);
        message.put("server", server);
        message.put("schema", Json.schema());
        message.put("limits", limits);
        message.put("speeds", speeds);
        return message;
    }

    /** A run was built ({@code reason} "start" or "reset"); its full normalized config and what the data is. */
    public static Map<String, Object> started(String reason, boolean running, TrainingConfig config, DataSplits data,
                                              double speed) {
        Map<String, Object> message = typed("started");
        message.put("kind", "run");
        message.put("reason", reason);
        message.put("running", running);
        message.put("speed", speed);
        message.put("config", Json.config(config));
        message.put("dataset", dataset(data));
        return message;
    }

    /**
     * A {@code started} message with what an experiment over several seeds adds: {@code seeds}, the seed of each run
     * (seed, seed + 1, ...), {@code viewSeed}, the index of the seed the report, views and export show (0 after every
     * start), and {@code lesson}, the id of the lesson whose claims are judged (absent for none).
     */
    public static Map<String, Object> seeds(Map<String, Object> started, TrainingConfig config,
                                            org.gaplab.lessons.Lesson lesson) {
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < config.seeds(); i++) seeds.add(config.seed() + i);
        started.put("seeds", seeds);
        started.put("viewSeed", 0);
        if (lesson != null) started.put("lesson", lesson.id());
        return started;
    }

    /**
     * A comparison was built: run A's config, run B's, and the {@code changes} that make B from A (B's value of every
     * key that differs), which with A's config is all a shareable link needs.
     */
    public static Map<String, Object> startedComparison(String reason, boolean running, TrainingConfig a,
                                                        TrainingConfig b, DataSplits data, double speed) {
        Map<String, Object> message = typed("started");
        message.put("kind", "comparison");
        message.put("reason", reason);
        message.put("running", running);
        message.put("speed", speed);
        putComparison(message, a, b);
        message.put("dataset", dataset(data));
        return message;
    }

    /** A sweep was built: its base config, the swept setting and values, and how many runs train at once. */
    public static Map<String, Object> startedSweep(String reason, boolean running, TrainingConfig base, String param,
                                                   List<Double> values, int concurrent, DataSplits data, double speed) {
        Map<String, Object> message = typed("started");
        message.put("kind", "sweep");
        message.put("reason", reason);
        message.put("running", running);
        message.put("speed", speed);
        message.put("config", Json.config(base));
        message.put("param", param);
        message.put("values", values);
        message.put("concurrent", concurrent);
        message.put("totalEpochs", (long) values.size() * base.epochs());
        message.put("dataset", dataset(data));
        return message;
    }

    /** The settings now in effect in both runs of a comparison after an {@code update}. */
    public static Map<String, Object> updatedComparison(TrainingConfig a, TrainingConfig b, double speed) {
        Map<String, Object> message = event("updated");
        putComparison(message, a, b);
        message.put("speed", speed);
        return message;
    }

    /** A run of a comparison ended by itself: its end event, naming the run ("a" or "b"). */
    public static Map<String, Object> end(RunEnd end, String run) {
        Map<String, Object> message = end(end);
        message.put("run", run);
        return message;
    }

    /** One value's run of a sweep ended: the {@code sweep} command's line for it, with its index. */
    public static Map<String, Object> sweepRun(int index, String param, double value, RunEnd end) {
        Map<String, Object> message = typed("sweep-run");
        message.put("index", index);
        message.put("param", param);
        message.put("value", value);
        message.putAll(untyped(Json.end(end)));
        return message;
    }

    /**
     * Every seed of one sweep value has ended: the bias/variance decomposition of their final models' validation
     * predictions ({@code biasVariance}: {@code error}, {@code bias}, {@code variance}; absent with one seed) and, for
     * 2-D data, each seed's final decision boundary ({@code boundaries}, in seed order, as the views' {@code boundary}).
     */
    public static Map<String, Object> sweepValue(int index, double value, org.gaplab.verdicts.BiasVariance parts,
                                                 List<?> boundaries) {
        Map<String, Object> message = typed("sweep-value");
        message.put("index", index);
        message.put("value", value);
        if (parts != null) message.put("biasVariance", parts);
        if (boundaries != null) message.put("boundaries", boundaries);
        return message;
    }

    /**
     * The sweep ended: every value's result in value order and the best by validation loss ({@code bestIndex} −1
     * when no run has a model).
     */
    public static Map<String, Object> sweepSummary(String param, List<Double> values, int bestIndex,
                                                   List<Map<String, Object>> runs) {
        Map<String, Object> message = typed("sweep-summary");
        message.put("param", param);
        message.put("values", values);
        message.put("bestIndex", bestIndex);
        message.put("bestValue", bestIndex < 0 ? null : values.get(bestIndex));
        message.put("pickedBy", "validationLoss");
        List<Map<String, Object>> runFields = new ArrayList<>();
        for (Map<String, Object> run : runs) runFields.add(untyped(run));
        message.put("runs", runFields);
        return message;
    }

    /** A run's model for download ({@link ModelExport}). */
    public static Map<String, Object> model(Map<String, Object> export) {
        Map<String, Object> message = typed("model");
        message.put("kind", "run");
        message.put("model", export);
        return message;
    }

    /** Both models of a comparison for download. */
    public static Map<String, Object> models(List<String> differences, Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> message = typed("model");
        message.put("kind", "comparison");
        message.put("differences", differences);
        message.put("a", a);
        message.put("b", b);
        return message;
    }

    private static void putComparison(Map<String, Object> message, TrainingConfig a, TrainingConfig b) {
        Map<String, Object> configA = Json.config(a);
        Map<String, Object> configB = Json.config(b);
        List<String> differences = Comparison.differences(a, b);
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String key : differences) changes.put(key, configB.get(key));
        message.put("config", configA);
        message.put("configB", configB);
        message.put("changes", changes);
        message.put("differences", differences);
    }

    private static Map<String, Object> dataset(DataSplits data) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("name", data.name());
        dataset.put("task", data.task().name().toLowerCase(Locale.ROOT));
        dataset.put("classes", data.classes());
        dataset.put("classNames", data.classNames());
        dataset.put("featureNames", data.featureNames());
        dataset.put("inputSize", data.inputSize());
        dataset.put("image", data.image().isImage()
                ? Map.of("width", data.image().width(), "height", data.image().height()) : null);
        return dataset;
    }

    /**
     * How far the step in progress has come, while it takes longer than a frame: {@code phase} "training" (minibatches
     * of epoch {@code epoch}), "measuring" (examples of the three splits measured for its report), or "restoring"
     * (epochs replayed of the position a {@code restore} asked for).
     */
    public static Map<String, Object> progress(String phase, int epoch, long done, long total) {
        Map<String, Object> message = typed("progress");
        message.put("phase", phase);
        message.put("epoch", epoch);
        message.put("done", done);
        message.put("total", total);
        return message;
    }

    /** The data a new run needs is being made or read ({@code dataset}: its name). */
    public static Map<String, Object> loading(String dataset) {
        Map<String, Object> message = typed("progress");
        message.put("phase", "loading");
        message.put("dataset", dataset);
        return message;
    }

    /** What defines the session's run now: kept by the page and sent back in {@code restore} on another server. */
    public static Map<String, Object> checkpoint(Recipe recipe) {
        Map<String, Object> message = typed("checkpoint");
        message.putAll(recipe.toMap());
        return message;
    }

    /** A {@code restore} has replayed the run to the position it asked for; training goes on from here. */
    public static Map<String, Object> restored(int position, boolean running) {
        Map<String, Object> message = event("restored");
        message.put("position", position);
        message.put("running", running);
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
        Map<String, Object> message = event(end.reason().configName());
        message.putAll(untyped(Json.end(end)));
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

    /** A message's fields without its type, in their order: what one message carries of another inside itself. */
    private static Map<String, Object> untyped(Map<String, Object> message) {
        Map<String, Object> fields = new LinkedHashMap<>(message);
        fields.remove("type");
        return fields;
    }

    private static Map<String, Object> typed(String type) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        return message;
    }
}
