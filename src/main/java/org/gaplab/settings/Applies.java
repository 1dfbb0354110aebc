package org.gaplab.settings;

/** When a new value of a setting takes effect: at once in a running session, or only when the run starts over. */
public enum Applies {
    /** Between two epochs of the running session ({@code "live": true} in the schema). */
    LIVE,
    /** Only in a new run, after a reset. */
    ON_RESET
}
