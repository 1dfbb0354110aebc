package org.gaplab.server;

/** What every experiment of one session is built with: who it is, where its messages go, and the server's limits. */
record RunContext(String session, Outbox outbox, RunLimits limits, long frameIntervalNanos) { }
