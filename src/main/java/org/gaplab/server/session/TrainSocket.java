package org.gaplab.server.session;

import io.javalin.websocket.WsBinaryMessageContext;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsErrorContext;
import io.javalin.websocket.WsMessageContext;
import java.net.InetSocketAddress;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.ErrorCode;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.Json;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.server.options.ServerSettings;
import org.gaplab.server.safety.Clients;
import org.gaplab.server.safety.LogText;
import org.gaplab.server.safety.MessageRate;
import org.gaplab.server.wire.JettyConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ws/train} endpoint: checks who connects ({@link Clients}: the page's origin, the sessions of its client
 * address), opens a session per socket, parses what the browser sends and hands it over. It never trains and never
 * waits: socket threads only parse, validate and queue.
 */
public final class TrainSocket {
    private static final Logger LOG = LoggerFactory.getLogger(TrainSocket.class);
    /** WebSocket close code 1013, "try again later". */
    private static final int TRY_AGAIN_LATER = 1013;
    /** WebSocket close code 1008, "policy violation": this origin may not use the socket. */
    private static final int POLICY_VIOLATION = 1008;

    private final SessionPool pool;
    private final ServerSettings settings;
    private final Clients clients;

    public TrainSocket(SessionPool pool, ServerSettings settings, Clients clients) {
        this.pool = pool;
        this.settings = settings;
        this.clients = clients;
    }

    /** The endpoint's handlers. */
    public void configure(WsConfig ws) {
        ws.onConnect(this::connected);
        ws.onMessage(this::received);
        ws.onBinaryMessage(this::receivedBinary);
        ws.onClose(this::closed);
        ws.onError(this::failed);
    }

    /**
     * Transport limits: a message (and so an unfinished one, whose fragments Jetty holds) is at most what a config
     * needs, {@code --max-message-bytes}; a larger one closes the socket with 1009, "message too big".
     */
    public void configureTransport(JettyWebSocketServletFactory factory) {
        factory.setMaxTextMessageSize(settings.maxMessageBytes());
        factory.setMaxBinaryMessageSize(settings.maxMessageBytes());
        factory.setMaxFrameSize(settings.maxMessageBytes());
        factory.setIdleTimeout(settings.socketTimeout());
    }

    private void connected(WsConnectContext ctx) {
        // An address the transport cannot name is no one's: never loopback, so never a trusted proxy.
        String peer = ctx.session.getRemoteSocketAddress() instanceof InetSocketAddress address && address.getAddress() != null
                ? address.getAddress().getHostAddress() : String.valueOf(ctx.session.getRemoteSocketAddress());
        boolean proxied = clients.isTrustedProxy(peer);
        String host = proxied && ctx.header("X-Forwarded-Host") != null ? ctx.header("X-Forwarded-Host") : ctx.header("Host");
        String origin = ctx.header("Origin");
        if (!clients.allowsOrigin(origin, host)) {
            LOG.info("event=forbidden-origin origin={} host={}", LogText.quote(origin), LogText.quote(host));
            refuse(ctx, POLICY_VIOLATION, "forbidden-origin", new ProtocolError(ErrorCode.FORBIDDEN, "origin", origin,
                    "pages of this server's own origin, or of an origin it allows",
                    "pages of " + origin + " may not use this GapLab server; open GapLab's own page"));
            return;
        }
        String client = clients.client(peer, ctx.session.getUpgradeRequest().getHeaders("X-Forwarded-For"));
        SessionPool.Opening opening = pool.open(ctx.sessionId(), new JettyConnection(ctx.session), client);
        if (opening.session() != null) {
            opening.session().greet();
            return;
        }
        if (opening.refusal() == SessionPool.Refusal.CLIENT_FULL) {
            LOG.info("event=busy reason=client client={} maxSessionsPerClient={}", LogText.quote(client),
                    settings.maxSessionsPerClient());
            refuse(ctx, TRY_AGAIN_LATER, "busy", new ProtocolError(ErrorCode.BUSY, "client", settings.maxSessionsPerClient() + " sessions",
                    "at most " + settings.maxSessionsPerClient() + " sessions from one address",
                    "this address already has " + settings.maxSessionsPerClient() + " GapLab tabs open; close one"));
            return;
        }
        LOG.info("event=busy maxSessions={}", settings.maxSessions());
        refuse(ctx, TRY_AGAIN_LATER, "busy", new ProtocolError(ErrorCode.BUSY, "session", settings.maxSessions() + " sessions",
                "at most " + settings.maxSessions() + " sessions at once",
                opening.refusal() == SessionPool.Refusal.STOPPING ? "this server is stopping; reconnect to reach another"
                        : "the server is busy: " + settings.maxSessions() + " learners are training already; try again later"));
    }

    /** Says why in an error message, then closes with the code; the socket never had a session. */
    private static void refuse(WsConnectContext ctx, int code, String reason, ProtocolError error) {
        String text = Json.write(Frames.error(error));
        ctx.session.sendText(text, Callback.from(() -> ctx.session.close(code, reason, Callback.NOOP),
                failure -> ctx.session.disconnect()));
    }

    private void received(WsMessageContext ctx) {
        pool.find(ctx.sessionId()).ifPresent(session -> {
            if (!session.admitMessage()) {
                tooFast(ctx.session, session);
                return;
            }
            String text = ctx.message();
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
        pool.find(ctx.sessionId()).ifPresent(session -> {
            if (!session.admitMessage()) {
                tooFast(ctx.session, session);
                return;
            }
            session.reject(new ProtocolError(ErrorCode.INVALID, "message", ctx.data().remaining() + " binary bytes",
                    "JSON text messages", "binary messages are not part of the protocol"));
        });
    }

    /** A client past its message rate: told once, then closed with 1008 (the close ends its session). */
    private void tooFast(org.eclipse.jetty.websocket.api.Session socket, TrainingSession session) {
        if (!session.exceedRate() || !socket.isOpen()) return;
        LOG.info("event=closed-message-rate client={}", LogText.quote(session.client()));
        String text = Json.write(Frames.error(new ProtocolError(ErrorCode.OVERLOADED, "message", "more than " + MessageRate.BURST
                + " messages", "at most " + MessageRate.BURST + " messages at once, then " + (int) MessageRate.PER_SECOND
                + " a second", "this page sent messages faster than GapLab allows; the connection is closed")));
        socket.sendText(text, Callback.from(() -> socket.close(POLICY_VIOLATION, "message rate", Callback.NOOP),
                failure -> socket.disconnect()));
    }

    private void closed(WsCloseContext ctx) {
        pool.end(ctx.sessionId(), "closed " + ctx.status());
    }

    private void failed(WsErrorContext ctx) {
        Throwable error = ctx.error();
        LOG.info("event=socket-error error={}", error == null ? "unknown" : LogText.quote(error.toString()));
        pool.end(ctx.sessionId(), "socket error");
    }

}
