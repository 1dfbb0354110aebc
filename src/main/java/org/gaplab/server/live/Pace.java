package org.gaplab.server.live;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gaplab.data.DataSpec;

/**
 * How fast a session trains, in epochs per second (0: as fast as its fair share allows), and when its next epoch is
 * due. Used only on the session's slice.
 *
 * <p>Defaults: a 2-D set trains an epoch in well under a millisecond; at full speed its 300 epochs would be over
 * before a learner sees the boundary move, so it is slowed to a watchable pace. Image sets take long enough per epoch
 * that they run as fast as their fair share allows (0).
 */
public final class Pace {
    private double speed;
    private long nextAt;

    Pace(double speed) {
        this.speed = speed;
        this.nextAt = System.nanoTime();
    }

    /** The default speed of every dataset, as {@code hello} announces it. */
    public static Map<String, Double> defaults() {
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

    double speed() { return speed; }

    /** A new speed, with the next epoch due now. */
    void change(double value) {
        speed = value;
        restart();
    }

    /** The next epoch is due now (after a pause, say). */
    void restart() {
        nextAt = System.nanoTime();
    }

    /** How long until the next epoch is due; 0 when it is due now or the pace is "as fast as possible". */
    long waitNanos(long now) {
        return speed > 0 && now < nextAt ? nextAt - now : 0;
    }

    /** Notes an epoch that began at {@code now}: the next is due one period after the last was due. */
    void stepped(long now) {
        if (speed <= 0) return;
        long period = (long) (1e9 / speed);
        // Catch up at most one epoch after a wait for the CPU, rather than racing through the backlog.
        nextAt = Math.max(nextAt + period, now - period);
    }
}
