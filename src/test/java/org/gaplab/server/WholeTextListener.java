package org.gaplab.server;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;

/**
 * A socket listener for the load drivers and the routing tests: a large frame arrives in fragments, so it joins them
 * and hands on each whole text message with the moment its last fragment arrived (timed before the join, so the copy
 * is not counted).
 */
public abstract class WholeTextListener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    /** One whole message on {@code ws}; {@code arrivalNanos} is {@link System#nanoTime()} when it completed. */
    protected abstract void onMessage(WebSocket ws, String text, long arrivalNanos);

    @Override
    public final CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.nanoTime();
            String text = partial.toString();
            partial.setLength(0);
            onMessage(ws, text, now);
        }
        ws.request(1);
        return null;
    }
}
