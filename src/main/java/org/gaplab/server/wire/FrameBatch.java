package org.gaplab.server.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaplab.protocol.EpochFrames;
import org.gaplab.protocol.EpochScalars;
import org.gaplab.training.EpochReport;

/**
 * Consecutive epochs waiting in an {@link Outbox} to go out as one frame: of each run, every epoch's scalars (of the
 * viewed seed, and of every seed), the newest report, the newest of each view and note; and the frame's newest notes.
 * Used under the outbox's lock until it leaves the queue, then by the sender alone.
 */
final class FrameBatch {
    /** One run's epochs in the batch. */
    private static final class Lane {
        final List<EpochScalars> epochs = new ArrayList<>();
        EpochReport report;
        final Map<String, Object> views = new LinkedHashMap<>();
        List<List<EpochScalars>> seeds;   // null until a step with every seed's reports arrives
        final Map<String, Object> notes = new LinkedHashMap<>();
    }

    private final Outbox.Shape shape;
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final Map<String, Object> notes = new LinkedHashMap<>();
    private int epochs;

    FrameBatch(Outbox.Shape shape) {
        this.shape = shape;
    }

    Outbox.Shape shape() { return shape; }

    /** Epoch entries held, for the outbox's bound on a slow browser's backlog. */
    int epochs() { return epochs; }

    /** Adds runs' epochs and the frame's newest notes; returns how many entries it added. */
    int add(List<Outbox.RunEpoch> runs, Map<String, Object> frameNotes) {
        notes.putAll(frameNotes);
        for (Outbox.RunEpoch epoch : runs) {
            Lane lane = lanes.computeIfAbsent(epoch.run(), name -> new Lane());
            if (epoch.report() != null) {
                if (epoch.fresh()) lane.epochs.add(EpochScalars.of(epoch.report()));
                lane.report = epoch.report();
            }
            lane.views.putAll(epoch.views());   // newer views replace older ones; views not redrawn since stay
            lane.notes.putAll(epoch.notes());
            if (epoch.seeds() != null) {
                if (lane.seeds == null) {
                    lane.seeds = new ArrayList<>();
                    for (int i = 0; i < epoch.seeds().size(); i++) lane.seeds.add(new ArrayList<>());
                }
                for (int i = 0; i < epoch.seeds().size(); i++) {
                    EpochReport report = epoch.seeds().get(i);
                    if (report != null) lane.seeds.get(i).add(EpochScalars.of(report));
                }
            }
        }
        epochs += runs.size();
        return runs.size();
    }

    /** The frame message, in the shape of what the session trains. */
    Object frame() {
        Map<String, EpochFrames.RunFrame> runs = new LinkedHashMap<>();
        lanes.forEach((name, lane) -> runs.put(name, new EpochFrames.RunFrame(lane.epochs, lane.report, lane.views,
                lane.seeds == null ? null : lane.seeds.stream().map(EpochFrames.SeedEpochs::new).toList(),
                lane.notes.get("best"))));
        return shape.frame(runs, notes);
    }
}
