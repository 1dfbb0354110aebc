package org.gaplab.server;

/**
 * What every experiment of one session is built with: who it is (and the client address whose memory share its runs
 * draw on), where its messages go, the server's limits, and who else watches its run's epochs (a class experiment,
 * for a learner in one).
 */
record RunContext(String session, String client, Outbox outbox, RunLimits limits, long frameIntervalNanos, RunWatch watch) { }
