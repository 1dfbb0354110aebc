package org.gaplab.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gaplab.data.AugmentationSpec;
import org.gaplab.data.DataSpec;
import org.gaplab.engine.Activation;
import org.gaplab.engine.Init;
import org.gaplab.engine.L1Mode;
import org.gaplab.engine.OptimizerKind;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.settings.Setting;

/**
 * Converts between a {@link TrainingConfig} and plain values keyed by config name (what JSON parsers and URL codecs
 * produce): strict about types and unknown keys, missing keys take their defaults.
 */
public final class ConfigValues {
    private static final Set<String> NESTED = Set.of("augmentation", "earlyStopping");

    private ConfigValues() { }

    /** Reads a config from values (Number, String, Boolean, List, Map, null); throws naming the first bad field. */
    public static TrainingConfig fromMap(Map<String, ?> values) {
        return applyTo(TrainingConfig.DEFAULTS, values);
    }

    /** The config {@code base} with the given keys replaced; the same rules as {@link #fromMap}. */
    public static TrainingConfig applyTo(TrainingConfig base, Map<String, ?> values) {
        Map<String, Object> flat = flatten(toMap(base));
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (NESTED.contains(key)) {
                if (value == null) {
                    if (key.equals("augmentation")) throw new InvalidSettingException(key, null, "an object of augmentation strengths");
                    flat.put("earlyStopping.enabled", false);
                    continue;
                }
                if (!(value instanceof Map<?, ?> nested)) throw new InvalidSettingException(key, value, "an object or null");
                if (key.equals("earlyStopping")) flat.put("earlyStopping.enabled", true);
                for (Map.Entry<?, ?> inner : nested.entrySet()) {
                    String name = key + "." + inner.getKey();
                    requireKnown(name);
                    flat.put(name, inner.getValue());
                }
            } else {
                requireKnown(key);
                flat.put(key, value);
            }
        }
        return build(flat);
    }

    /** The config as nested plain values: every key of docs/CONFIG.md, earlyStopping null when off. */
    public static Map<String, Object> toMap(TrainingConfig config) {
        Map<String, Object> map = new LinkedHashMap<>();
        DataSpec data = config.data();
        map.put("dataset", data.dataset());
        map.put("trainSize", data.trainSize());
        map.put("validationSize", data.validationSize());
        map.put("testSize", data.testSize());
        map.put("noise", data.noise());
        map.put("inputFeatures", data.inputFeatures());
        map.put("crossRows", data.crossRows());
        map.put("crossColumns", data.crossColumns());
        map.put("informativeFeatures", data.informativeFeatures());
        map.put("noiseFeatures", data.noiseFeatures());
        map.put("fashionSource", data.fashionSource());
        map.put("hiddenLayers", config.hiddenLayers());
        map.put("activation", config.activation().configName());
        map.put("init", config.init().configName());
        map.put("biasInit", config.biasInit());
        map.put("optimizer", config.optimizer().configName());
        map.put("learningRate", config.learningRate());
        map.put("momentum", config.momentum());
        map.put("batchSize", config.batchSize());
        map.put("epochs", config.epochs());
        map.put("seed", config.seed());
        map.put("seeds", config.seeds());
        map.put("l1", config.l1());
        map.put("l2", config.l2());
        map.put("l1Mode", config.l1Mode().configName());
        map.put("regularizeBiases", config.regularizeBiases());
        // One rate for all layers is written as one number, so it still applies when hiddenLayers changes.
        boolean uniform = !config.dropout().isEmpty() && config.dropout().stream().distinct().count() == 1;
        map.put("dropout", uniform ? (Object) config.dropout().get(0) : config.dropout());
        map.put("inputDropout", config.inputDropout());
        AugmentationSpec a = config.augmentation();
        Map<String, Object> augmentation = new LinkedHashMap<>();
        augmentation.put("shift", a.shift());
        augmentation.put("rotation", a.rotation());
        augmentation.put("flip", a.flip());
        augmentation.put("scale", a.scale());
        augmentation.put("noise", a.noise());
        augmentation.put("blur", a.blur());
        augmentation.put("cutout", a.cutout());
        augmentation.put("jitter", a.jitter());
        map.put("augmentation", augmentation);
        EarlyStoppingSpec e = config.earlyStopping();
        if (e.enabled()) {
            Map<String, Object> stopping = new LinkedHashMap<>();
            stopping.put("monitor", e.monitor().configName());
            stopping.put("minDelta", e.minDelta());
            stopping.put("patience", e.patience());
            stopping.put("restoreBestWeights", e.restoreBestWeights());
            stopping.put("startFromEpoch", e.startFromEpoch());
            map.put("earlyStopping", stopping);
        } else {
            map.put("earlyStopping", null);
        }
        return map;
    }

    private static Map<String, Object> flatten(Map<String, Object> nested) {
        Map<String, Object> flat = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : nested.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> inner) {
                for (Map.Entry<?, ?> e : inner.entrySet()) flat.put(entry.getKey() + "." + e.getKey(), e.getValue());
            } else if (!entry.getKey().equals("earlyStopping")) {
                flat.put(entry.getKey(), entry.getValue());
            }
        }
        EarlyStoppingSpec off = EarlyStoppingSpec.OFF;
        flat.putIfAbsent("earlyStopping.enabled", nested.get("earlyStopping") != null);
        flat.putIfAbsent("earlyStopping.monitor", off.monitor().configName());
        flat.putIfAbsent("earlyStopping.minDelta", off.minDelta());
        flat.putIfAbsent("earlyStopping.patience", off.patience());
        flat.putIfAbsent("earlyStopping.restoreBestWeights", off.restoreBestWeights());
        flat.putIfAbsent("earlyStopping.startFromEpoch", off.startFromEpoch());
        return flat;
    }

    private static void requireKnown(String name) {
        if (ConfigSchema.find(name).isEmpty()) {
            throw new InvalidSettingException(name, "(unknown key)", "one of the keys in docs/CONFIG.md");
        }
    }

    private static TrainingConfig build(Map<String, Object> v) {
        DataSpec data = new DataSpec(choice(v, DataSpec.DATASET), integer(v, DataSpec.TRAIN_SIZE),
                integer(v, DataSpec.VALIDATION_SIZE), integer(v, DataSpec.TEST_SIZE), number(v, DataSpec.NOISE),
                choiceList(v, DataSpec.INPUT_FEATURES), integer(v, DataSpec.CROSS_ROWS), integer(v, DataSpec.CROSS_COLUMNS),
                integer(v, DataSpec.INFORMATIVE_FEATURES), integer(v, DataSpec.NOISE_FEATURES),
                choice(v, DataSpec.FASHION_SOURCE), 0, 0);
        AugmentationSpec augmentation = new AugmentationSpec(integer(v, AugmentationSpec.SHIFT),
                number(v, AugmentationSpec.ROTATION), flag(v, AugmentationSpec.FLIP), number(v, AugmentationSpec.SCALE),
                number(v, AugmentationSpec.NOISE), number(v, AugmentationSpec.BLUR), integer(v, AugmentationSpec.CUTOUT),
                number(v, AugmentationSpec.JITTER));
        EarlyStoppingSpec stopping = new EarlyStoppingSpec(flag(v, EarlyStoppingSpec.ENABLED),
                EarlyStoppingSpec.Monitor.fromConfigName(choice(v, EarlyStoppingSpec.MONITOR)),
                number(v, EarlyStoppingSpec.MIN_DELTA), integer(v, EarlyStoppingSpec.PATIENCE),
                flag(v, EarlyStoppingSpec.RESTORE_BEST_WEIGHTS), integer(v, EarlyStoppingSpec.START_FROM_EPOCH));
        Object dropout = v.get(TrainingConfig.DROPOUT.name());
        List<Double> rates = dropout instanceof Number single ? List.of(single.doubleValue())
                : numberList(v, TrainingConfig.DROPOUT);
        return new TrainingConfig(data, integerList(v, TrainingConfig.HIDDEN_LAYERS),
                Activation.valueOf(enumName(choice(v, TrainingConfig.ACTIVATION))),
                Init.valueOf(enumName(choice(v, TrainingConfig.INIT))), number(v, TrainingConfig.BIAS_INIT),
                OptimizerKind.valueOf(enumName(choice(v, TrainingConfig.OPTIMIZER))), number(v, TrainingConfig.LEARNING_RATE),
                number(v, TrainingConfig.MOMENTUM), integer(v, TrainingConfig.BATCH_SIZE), integer(v, TrainingConfig.EPOCHS),
                integer(v, TrainingConfig.SEED), number(v, TrainingConfig.L1), number(v, TrainingConfig.L2),
                L1Mode.valueOf(enumName(choice(v, TrainingConfig.L1_MODE))), flag(v, TrainingConfig.REGULARIZE_BIASES),
                rates, number(v, TrainingConfig.INPUT_DROPOUT), augmentation, stopping, integer(v, TrainingConfig.SEEDS));
    }

    private static String enumName(String configName) {
        return configName.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static int integer(Map<String, Object> v, Setting.Integer setting) {
        Object value = v.get(setting.name());
        if (value instanceof Number n && isWhole(n) && n.doubleValue() >= Integer.MIN_VALUE && n.doubleValue() <= Integer.MAX_VALUE) {
            return setting.check(n.intValue());
        }
        throw new InvalidSettingException(setting.name(), describe(value), "an integer in [" + setting.min() + ", " + setting.max() + "]");
    }

    private static double number(Map<String, Object> v, Setting.Number setting) {
        Object value = v.get(setting.name());
        if (value instanceof Number n) return setting.check(n.doubleValue());
        throw new InvalidSettingException(setting.name(), describe(value), "a number in [" + setting.min() + ", " + setting.max() + "]");
    }

    private static String choice(Map<String, Object> v, Setting.Choice setting) {
        Object value = v.get(setting.name());
        if (value instanceof String s) return setting.check(s);
        throw new InvalidSettingException(setting.name(), describe(value), "one of " + setting.choices());
    }

    private static boolean flag(Map<String, Object> v, Setting.Flag setting) {
        Object value = v.get(setting.name());
        if (value instanceof Boolean b) return b;
        throw new InvalidSettingException(setting.name(), describe(value), "true or false");
    }

    private static List<Integer> integerList(Map<String, Object> v, Setting.IntegerList setting) {
        List<Integer> out = new ArrayList<>();
        for (Object item : list(v, setting.name(), "a list of integers")) {
            if (!(item instanceof Number n) || !isWhole(n) || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
                throw new InvalidSettingException(setting.name(), describe(v.get(setting.name())),
                        "a list of " + setting.minLength() + " to " + setting.maxLength() + " integers, each in ["
                                + setting.min() + ", " + setting.max() + "]");
            }
            out.add(n.intValue());
        }
        return out;
    }

    private static List<Double> numberList(Map<String, Object> v, Setting.NumberList setting) {
        List<Double> out = new ArrayList<>();
        for (Object item : list(v, setting.name(), "a number or a list of numbers")) {
            if (!(item instanceof Number n)) {
                throw new InvalidSettingException(setting.name(), describe(v.get(setting.name())), "a number or a list of numbers in ["
                        + setting.min() + ", " + setting.max() + "]");
            }
            out.add(n.doubleValue());
        }
        return out;
    }

    private static List<String> choiceList(Map<String, Object> v, Setting.ChoiceList setting) {
        List<String> out = new ArrayList<>();
        for (Object item : list(v, setting.name(), "a list of values from " + setting.choices())) {
            if (!(item instanceof String s)) throw new InvalidSettingException(setting.name(), describe(item), "values from " + setting.choices());
            out.add(s);
        }
        return out;
    }

    private static List<?> list(Map<String, Object> v, String name, String allowed) {
        Object value = v.get(name);
        if (value instanceof List<?> items) return items;
        throw new InvalidSettingException(name, describe(value), allowed);
    }

    private static boolean isWhole(Number n) {
        double d = n.doubleValue();
        return Double.isFinite(d) && d == Math.rint(d);
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
