package org.gaplab.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaplab.engine.DenseLayer;
import org.gaplab.engine.Network;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;

/**
 * Trained weights as JSON, with the config and seed that made them: enough to reproduce the run. The file is also a
 * valid input to {@code train --config}, which retrains from its config.
 */
public final class ModelExport {
    public static final String FORMAT = "gaplab-model";
    public static final int VERSION = 1;

    private ModelExport() { }

    /** The export of a trainer's current model. */
    public static Map<String, Object> of(Trainer trainer) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("format", FORMAT);
        export.put("version", VERSION);
        export.put("config", ConfigValues.toMap(trainer.config()));
        export.put("seed", trainer.config().seed());
        // One seed of a run over several: its training sample and weights come from its own seed, its validation and
        // test points (the world) from the experiment's first; readConfig puts the two back together.
        if (trainer.config().data().resampled()) export.put("worldSeed", trainer.config().data().seed());
        export.put("epoch", trainer.epoch());
        Network network = trainer.network();
        export.put("sizes", network.sizes());
        export.put("activation", network.activation().configName());
        export.put("output", network.output().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        List<Map<String, Object>> layers = new ArrayList<>();
        for (DenseLayer layer : network.layers()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("fanIn", layer.fanIn());
            l.put("fanOut", layer.fanOut());
            l.put("layout", "row-major fanIn × fanOut: weights[i·fanOut + j] connects input i to unit j");
            l.put("weights", layer.weights().clone());
            l.put("biases", layer.biases().clone());
            layers.add(l);
        }
        export.put("layers", layers);
        return export;
    }

    /**
     * Reads a config from JSON text that is either a config object or a model export (whose config is used; with a
     * {@code worldSeed}, the export of one seed of several, on that world's validation and test points).
     */
    public static TrainingConfig readConfig(String json) {
        Map<String, Object> object = Json.readObject(json, "config");
        if (!object.containsKey("format")) return ConfigValues.fromMap(object);
        if (!FORMAT.equals(object.get("format"))) {
            throw new InvalidSettingException("format", object.get("format"), "\"" + FORMAT + "\" or a plain config object");
        }
        if (!(object.get("config") instanceof Map<?, ?> config)) {
            throw new InvalidSettingException("config", object.get("config"), "the config object of the export");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) config;
        TrainingConfig read = ConfigValues.fromMap(typed);
        Object world = object.get("worldSeed");
        if (world == null) return read;
        if (!(world instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < 0
                || n.longValue() > Integer.MAX_VALUE) {
            throw new InvalidSettingException("worldSeed", world, "an integer in [0, " + Integer.MAX_VALUE + "]");
        }
        return read.withData(read.data().withSeed(n.longValue()).withSampleSeed(read.seed()));
    }
}
