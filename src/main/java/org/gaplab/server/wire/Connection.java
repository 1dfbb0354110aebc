package org.gaplab.server.wire;

import java.util.function.Consumer;

/** The browser end of one session, as the session needs it: asynchronous sends, pings and closing. */
public interface Connection {
    /** Hands one text message to the socket without blocking; exactly one of the callbacks runs later. */
    void send(String text, Runnable sent, Consumer<Throwable> failed);

    void ping();

    /** Closes politely with a WebSocket close code. */
    void close(int code, String reason);

    /** Drops the connection without a closing handshake, for a peer that no longer reads. */
    void disconnect();

    boolean isOpen();
}
