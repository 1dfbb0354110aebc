package org.gaplab.settings;

/** A setting's value is not allowed: names the field, the value and what is allowed. */
public final class InvalidSettingException extends IllegalArgumentException {
    private final String field;
    private final String value;
    private final String allowed;

    public InvalidSettingException(String field, Object value, String allowed) {
        this(field, value instanceof Double number ? Setting.plain(number) : String.valueOf(value), allowed);
    }

    private InvalidSettingException(String field, String value, String allowed) {
        super(field + ": " + value + " is not allowed; allowed: " + allowed);
        this.field = field;
        this.value = value;
        this.allowed = allowed;
    }

    public String field() { return field; }
    public String value() { return value; }
    public String allowed() { return allowed; }
}
