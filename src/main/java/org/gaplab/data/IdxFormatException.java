package org.gaplab.data;

import java.io.IOException;

/** A file is not a valid IDX file (wrong magic number, truncated, inconsistent counts, unexpected checksum). */
public final class IdxFormatException extends IOException {
    public IdxFormatException(String message) {
        super(message);
    }

    public IdxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
