package org.gaplab.protocol;

import java.util.Locale;

/**
 * Why the server refused a message: the {@code code} of an {@code error} message, as the page reads it. The table of
 * codes in docs/PROTOCOL.md names exactly these (a test keeps them in step).
 */
public enum ErrorCode {
    /** Not JSON, not an object, no string {@code type}. */
    MALFORMED,
    /** A {@code type} the protocol does not have. */
    UNKNOWN_TYPE,
    /** A wrong type, a value out of range, an unknown key, beyond a server limit. */
    INVALID,
    /** An {@code update} of a setting that is not live. */
    NEEDS_RESET,
    /** A command that acts on a run before any run. */
    NO_RUN,
    /** {@code resume} or {@code step} after the run ended. */
    RUN_ENDED,
    /** {@code export} of a sweep, which keeps no model. */
    NO_MODEL,
    /** The data or the run does not fit the server's memory budget, or an export is too large. */
    TOO_LARGE,
    /** Too many messages or commands, too fast. */
    OVERLOADED,
    /** The server or this client address has all the sessions it may. */
    BUSY,
    /** Not allowed from this page (its origin, a wrong teacher key, not the teacher). */
    FORBIDDEN,
    /** A class this server does not hold. */
    NO_CLASS,
    /** A class that has ended. */
    CLASS_ENDED,
    /** A class with all the learners it may have. */
    CLASS_FULL,
    /** An address that holds all the seats of a class it may. */
    SEATS_PER_CLIENT,
    /** A learner the teacher removed from the class. */
    REMOVED,
    /** A learner whose seat another page took back. */
    SEAT_MOVED,
    /** A class learner's change of the value the class assigned, or of any setting while the teacher locks them. */
    FIXED,
    /** A class learner's {@code resume} or {@code step} while the teacher pauses the class. */
    CLASS_PAUSED,
    /** A bug: the run is stopped, the socket stays open. */
    INTERNAL;

    /** The code as it goes over the wire: the name in lower case with dashes ({@code "needs-reset"}). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
