package org.gaplab.server.live;

import org.gaplab.server.safety.RunLimits;
import org.gaplab.server.wire.Outbox;

/**
 * What every experiment of one session is built with: who it is (and the client address whose memory share its runs
 * draw on), where its messages go, the server's limits, and who else watches its run's epochs (a class experiment,
 * for a learner in one).
 */
public record RunContext(String session, String client, Outbox outbox, RunLimits limits, long frameIntervalNanos, RunWatch watch) { }
