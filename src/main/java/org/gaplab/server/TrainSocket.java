package org.gaplab.server;

import io.javalin.websocket.WsBinaryMessageContext;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsErrorContext;
import io.javalin.websocket.WsMessageContext;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.Json;
import org.gaplab.protocol.ProtocolError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ws/train} endpoint: opens a session per socket, parses what the browser sends and hands it over. It
 * never trains and never waits: socket threads only parse, validate and queue.
 */
final class TrainSocket {
    private static final Logger LOG = LoggerFactory.getLogger(TrainSocket.class);
    /** WebSocket close code 1013, "try again later". */
    private static final int TRY_AGAIN_LATER = 1013;

    private final Classroom room;
    private final ServerSettings settings;

    TrainSocket(Classroom room, ServerSettings settings) {
        this.room = room;
        this.settings = settings;
    }

    /** The endpoint's handlers. */
    void configure(WsConfig ws) {
        ws.onConnect(this::connected);
        ws.onMessage(this::received);
        ws.onBinaryMessage(this::receivedBinary);
        ws.onClose(this::closed);
        ws.onError(this::failed);
    }

    /**
     * Transport limits. Jetty closes the socket on a message above its limit, so its limit is set far above the
     * protocol's: an oversized message then reaches {@link #received} and gets an error while the socket stays open.
     */
    void configureTransport(JettyWebSocketServletFactory factory) {
        factory.setMaxTextMessageSize(ServerSettings.TRANSPORT_MESSAGE_BYTES);
        factory.setMaxBinaryMessageSize(settings.maxMessageBytes());
        factory.setIdleTimeout(settings.socketTimeout());
    }

    private void connected(WsConnectContext ctx) {
        JettyConnection connection = new JettyConnection(ctx.session);
        room.open(ctx.sessionId(), connection).ifPresentOrElse(TrainingSession::greet, () -> refuse(ctx));
    }

    private void refuse(WsConnectContext ctx) {
        LOG.info("event=busy maxSessions={}", settings.maxSessions());
        ProtocolError busy = new ProtocolError("busy", "session", settings.maxSessions() + " sessions",
                "at most " + settings.maxSessions() + " sessions at once",
                "the server is busy: " + settings.maxSessions() + " learners are training already; try again later");
        String text = Json.write(Frames.error(busy));
        ctx.session.sendText(text, Callback.from(() -> ctx.session.close(TRY_AGAIN_LATER, "busy", Callback.NOOP),
                error -> ctx.session.disconnect()));
    }

    private void received(WsMessageContext ctx) {
        room.find(ctx.sessionId()).ifPresent(session -> {
            String text = ctx.message();
            long bytes = utf8Length(text, settings.maxMessageBytes());
            if (bytes > settings.maxMessageBytes()) {
                session.reject(new ProtocolError("too-large", "message", bytes + " bytes",
                        "at most " + settings.maxMessageBytes() + " bytes",
                        "the message is " + bytes + " bytes; the limit is " + settings.maxMessageBytes() + " bytes"));
                return;
            }
            Command command;
            try {
                command = Command.parse(text);
            } catch (ProtocolError e) {
                session.reject(e);
                return;
            }
            session.accept(command);
        });
    }

    private void receivedBinary(WsBinaryMessageContext ctx) {
        room.find(ctx.sessionId()).ifPresent(session -> session.reject(new ProtocolError("invalid", "message",
                ctx.data().remaining() + " binary bytes", "JSON text messages", "binary messages are not part of the protocol")));
    }

    private void closed(WsCloseContext ctx) {
        room.end(ctx.sessionId(), "closed " + ctx.status());
    }

    private void failed(WsErrorContext ctx) {
        Throwable error = ctx.error();
        LOG.info("event=socket-error error={}", error == null ? "unknown" : error.toString());
        room.end(ctx.sessionId(), "socket error");
    }

    /** The UTF-8 size of a message, counted only as far as needed to know it is above {@code limit}. */
    private static long utf8Length(String text, int limit) {
        if ((long) text.length() * 3 <= limit) return text.length();   // cannot be above the limit: skip counting
        if (text.length() > limit) return text.getBytes(StandardCharsets.UTF_8).length;
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) bytes += 1;
            else if (c < 0x800) bytes += 2;
            else if (Character.isHighSurrogate(c)) { bytes += 4; i++; }
            else bytes += 3;
        }
        return bytes;
    }
}
