package org.gaplab.protocol;

import org.gaplab.settings.InvalidSettingException;

/**
 * A client message the server refuses, with a machine-readable {@link ErrorCode} (docs/PROTOCOL.md lists them) and,
 * like {@link InvalidSettingException}, the field, the value and what is allowed, so the page can point at the control.
 */
public final class ProtocolError extends RuntimeException {
    private final ErrorCode code;
    private final String field;
    private final String value;
    private final String allowed;

    public ProtocolError(ErrorCode code, String field, Object value, String allowed, String message) {
        super(message);
        this.code = code;
        this.field = field;
        this.value = String.valueOf(value);
        this.allowed = allowed;
    }

    /** A bad setting: code {@code invalid}, the exception's field, value and allowed range. */
    public static ProtocolError invalid(InvalidSettingException e) {
        return new ProtocolError(ErrorCode.INVALID, e.field(), e.value(), e.allowed(), e.getMessage());
    }

    /** Code {@code invalid} with the common sentence: "field: value is not allowed; allowed: what is". */
    public static ProtocolError notAllowed(String field, Object value, String allowed) {
        return new ProtocolError(ErrorCode.INVALID, field, value, allowed,
                field + ": " + value + " is not allowed; allowed: " + allowed);
    }

    /** A setting that a running session cannot change. */
    public static ProtocolError needsReset(InvalidSettingException e) {
        return new ProtocolError(ErrorCode.NEEDS_RESET, e.field(), e.value(), "a live setting (see the schema)",
                "changing " + e.field() + " needs a new run: send start with the new config");
    }

    /** The code as the {@code error} message carries it. */
    public String code() { return code.wire(); }

    public ErrorCode errorCode() { return code; }
    public String field() { return field; }
    public String value() { return value; }
    public String allowed() { return allowed; }
}
