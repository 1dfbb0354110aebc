package org.gaplab.server.live;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gaplab.data.Dataset;

/**
 * How fast a session trains, in epochs per second (0: as fast as its fair share allows), and when its next epoch is
 * due. Used only on the session's slice. Each dataset's default speed is the registry's ({@link Dataset#defaultSpeed}).
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
        for (Dataset dataset : Dataset.values()) speeds.put(dataset.id(), dataset.defaultSpeed());
        return speeds;
    }

    static double defaultFor(String dataset) {
        return Dataset.named(dataset).defaultSpeed();
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
