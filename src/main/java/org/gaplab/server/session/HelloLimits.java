package org.gaplab.server.session;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.Recipe;
import org.gaplab.server.options.ServerSettings;
import org.gaplab.server.safety.RunLimits;
import org.gaplab.training.TrainingConfig;

/**
 * The limits a client may need to know, as {@code hello} announces them. Assembled here, in the room that sends
 * {@code hello}, because they mix the server's options with this room's own ({@link Inbox#MAX_WAITING_COMMANDS}).
 */
final class HelloLimits {
    private HelloLimits() {
    }

    /** Each limit by its protocol name, in the order {@code hello} has always sent them. */
    static Map<String, Object> of(ServerSettings settings) {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("maxSessions", settings.maxSessions());
        limits.put("maxSessionsPerClient", settings.maxSessionsPerClient());
        limits.put("maxMessageBytes", settings.maxMessageBytes());
        limits.put("maxEpochs", settings.maxEpochs());
        limits.put("maxParameters", TrainingConfig.MAX_PARAMETERS);
        limits.put("memoryBudgetBytes", settings.memoryBudget());
        limits.put("frameRate", settings.frameRate());
        limits.put("sliceMs", settings.slice().toMillis());
        limits.put("maxPendingEpochs", settings.maxPendingEpochs());
        limits.put("idleTimeoutSeconds", settings.idleTimeout().toSeconds());
        limits.put("startTimeoutSeconds", settings.startTimeout().toSeconds());
        limits.put("maxWaitingCommands", Inbox.MAX_WAITING_COMMANDS);
        limits.put("maxSweepValues", Command.MAX_SWEEP_VALUES);
        limits.put("maxSweepEpochs", (long) RunLimits.SWEEP_EPOCH_FACTOR * settings.maxEpochs());
        limits.put("maxExportParameters", RunLimits.MAX_EXPORT_PARAMETERS);
        limits.put("maxRecipeChanges", Recipe.MAX_CHANGES);
        limits.put("maxClassSize", settings.maxClassSize());
        limits.putAll(settings.safeguards().limits());
        return limits;
    }
}
