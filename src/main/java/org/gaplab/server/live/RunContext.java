package org.gaplab.server.live;

import org.gaplab.server.safety.RunLimits;
import org.gaplab.server.wire.Outbox;

/**
 * What every experiment of one session is built with: who it is, where its messages go, the client address whose
 * memory share its runs draw on, the server's limits, and who else watches its run's epochs (a class experiment, for a
 * learner in one). The outbox keeps the two names apart, so swapping neighbouring arguments does not compile.
 */
public record RunContext(String session, Outbox outbox, String client, RunLimits limits, long frameIntervalNanos, RunWatch watch) { }
