package org.gaplab.data;

/**
 * Data that was asked for cannot be had: the full Fashion-MNIST files are not installed, or a file is corrupt. The
 * message says where it looked and what to do; the page shows it as it is.
 */
public final class DataUnavailableException extends RuntimeException {
    public DataUnavailableException(String message) {
        super(message);
    }

    public DataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
