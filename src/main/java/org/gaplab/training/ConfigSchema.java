package org.gaplab.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaplab.data.AugmentationSpec;
import org.gaplab.data.DataSpec;
import org.gaplab.settings.About;
import org.gaplab.settings.Setting;

/**
 * Every setting of a training run, grouped as the page shows them; the same objects validate configs. What a config's
 * JSON nests follows from the names: a dotted name ("augmentation.shift") is a key of the object before the dot, and a
 * nested object with an {@code enabled} flag ("earlyStopping") is written as null when off.
 */
public final class ConfigSchema {
    /** A titled group of settings. */
    public record Group(String title, List<Setting> settings) { }

    public static final List<Group> GROUPS = List.of(
            new Group("Data", DataSpec.SETTINGS.stream().filter(s -> !s.name().equals("seed")).toList()),
            new Group("Model", TrainingConfig.MODEL_SETTINGS),
            new Group("Regularization", TrainingConfig.REGULARIZATION_SETTINGS),
            new Group("Augmentation", AugmentationSpec.SETTINGS),
            new Group("Early stopping", EarlyStoppingSpec.SETTINGS),
            new Group("Optimization", TrainingConfig.OPTIMIZATION_SETTINGS));

    /** The name of the flag that switches a nested object on ("earlyStopping.enabled"). */
    static final String SWITCH = "enabled";

    private ConfigSchema() { }

    /** Every setting, in page order. */
    public static List<Setting> all() {
        List<Setting> all = new ArrayList<>();
        for (Group group : GROUPS) all.addAll(group.settings());
        return all;
    }

    /** Every setting, in the order a config's JSON lists them (docs/CONFIG.md). */
    public static List<Setting> inConfigOrder() {
        List<Setting> all = new ArrayList<>(DataSpec.SETTINGS);
        all.addAll(TrainingConfig.SETTINGS);
        return all;
    }

    /** The setting with this (possibly dotted) name. */
    public static Optional<Setting> find(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The object a dotted name is a key of ("augmentation" for "augmentation.shift"), or empty for a top-level key. */
    public static Optional<String> outer(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(name.substring(0, dot));
    }

    /**
     * The config's nested objects, each with the name of the flag that switches it on (null for one always present):
     * {@code {augmentation: null, earlyStopping: "enabled"}}. The page reads this to nest and flatten as Java does.
     */
    public static Map<String, String> nestedObjects() {
        Map<String, String> nested = new LinkedHashMap<>();
        for (Setting setting : inConfigOrder()) {
            outer(setting.name()).ifPresent(object -> nested.put(object, switchOf(object).map(s -> SWITCH).orElse(null)));
        }
        return nested;
    }

    /** The flag that switches a nested object on, if it has one. */
    static Optional<Setting.Flag> switchOf(String object) {
        return find(object + "." + SWITCH).map(s -> (Setting.Flag) s);
    }

    /** The settings a sweep may vary, regularizers first (the page's sweep form offers them in this order). */
    public static List<Setting> sweepable() {
        List<Setting> swept = new ArrayList<>(TrainingConfig.REGULARIZATION_SETTINGS);
        all().stream().filter(s -> !swept.contains(s)).forEach(swept::add);
        swept.removeIf(s -> s.about().sweep() == null);
        return swept;
    }

    /** The settings run B of a comparison may change: anything but what both runs must share (the data, the seed). */
    public static List<Setting> comparable() {
        return all().stream().filter(s -> s.about().inComparisons() == About.InComparisons.MAY_DIFFER).toList();
    }
}
