package org.gaplab.server.wire;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** A {@link Connection} over a Jetty WebSocket session, using its asynchronous API so no thread waits on a browser. */
public final class JettyConnection implements Connection {
    private final Session session;

    public JettyConnection(Session session) {
        this.session = session;
    }

    @Override
    public void send(String text, Runnable sent, Consumer<Throwable> failed) {
        session.sendText(text, Callback.from(sent, failed));
    }

    @Override
    public void ping() {
        if (session.isOpen()) session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
    }

    @Override
    public void close(int code, String reason) {
        session.close(code, reason, Callback.NOOP);
    }

    @Override
    public void disconnect() {
        session.disconnect();
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }
}
