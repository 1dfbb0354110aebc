package org.gaplab.server.live;

import org.gaplab.server.safety.RunLimits;
import org.gaplab.protocol.LiveChange;
import org.gaplab.training.TrainingConfig;

/** An {@code update}'s changes applied to a running session's config, within the server's limits. */
final class LiveSettings {
    private LiveSettings() { }

    /**
     * The config after an update: {@link LiveChange#applyTo} (the one liveness check), then the server's limit on
     * epochs. Refuses before any trainer changes (a comparison checks both runs' configs before it changes either).
     */
    static TrainingConfig apply(TrainingConfig current, LiveChange change, RunLimits limits) {
        TrainingConfig next = change.applyTo(current);
        limits.requireEpochs(next);
        return next;
    }
}
