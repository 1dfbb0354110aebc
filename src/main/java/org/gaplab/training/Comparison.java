package org.gaplab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What tells two configs apart, key by key: the settings an A/B comparison varies, and what a live change touches.
 * (The comparison itself runs in the server, two trainers on one data split.)
 */
public final class Comparison {
    private Comparison() { }

    /** The config keys whose values differ between the two configs. */
    public static List<String> differences(TrainingConfig configA, TrainingConfig configB) {
        Map<String, Object> left = ConfigValues.toMap(configA);
        Map<String, Object> right = ConfigValues.toMap(configB);
        List<String> changed = new ArrayList<>();
        for (String key : left.keySet()) if (!Objects.equals(left.get(key), right.get(key))) changed.add(key);
        return changed;
    }
}
