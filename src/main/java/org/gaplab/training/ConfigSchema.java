package org.gaplab.training;

import java.util.ArrayList;
import java.util.List;
import org.gaplab.data.AugmentationSpec;
import org.gaplab.data.DataSpec;
import org.gaplab.settings.Setting;

/** Every setting of a training run, grouped as the page shows them; the same objects validate configs. */
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

    private ConfigSchema() { }

    /** Every setting, in page order. */
    public static List<Setting> all() {
        List<Setting> all = new ArrayList<>();
        for (Group group : GROUPS) all.addAll(group.settings());
        return all;
    }

    /** The setting with this (possibly dotted) name. */
    public static java.util.Optional<Setting> find(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
