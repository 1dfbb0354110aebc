package org.gaplab.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gaplab.data.DataSpec;

/**
 * Default training speeds, in epochs per second. A 2-D set trains an epoch in well under a millisecond; at full
 * speed its 300 epochs would be over before a learner sees the boundary move, so it is slowed to a watchable pace.
 * Image sets take long enough per epoch that they run as fast as their fair share allows (0).
 */
final class Pace {
    private Pace() { }

    /** The default speed of every dataset, as {@code hello} announces it. */
    static Map<String, Double> defaults() {
        Map<String, Double> speeds = new LinkedHashMap<>();
        for (String dataset : DataSpec.DATASET.choices()) speeds.put(dataset, defaultFor(dataset));
        return speeds;
    }

    static double defaultFor(String dataset) {
        return switch (dataset) {
            case "circle", "xor", "gauss", "spiral", "moons", "plane" -> 15.0;
            case "noisy-features" -> 10.0;
            case "feature-cross", "shapes" -> 5.0;
            default -> 0.0;
        };
    }
}
