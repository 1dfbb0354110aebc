package org.gaplab.server;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.gaplab.protocol.Json;

/**
 * A test's stand-in for the page: a JDK WebSocket client on {@code ws/train} that records every message it
 * receives, with the time it arrived.
 */
final class Browser implements AutoCloseable {
    /** A message as received: the parsed object, its raw text, and when it arrived. */
    record Received(Map<String, Object> message, String text, long atNanos) {
        String type() { return (String) message.get("type"); }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> epochs() { return (List<Map<String, Object>>) message.get("epochs"); }

        @SuppressWarnings("unchecked")
        Map<String, Object> report() { return (Map<String, Object>) message.get("report"); }

        boolean isEvent(String name) { return "event".equals(type()) && name.equals(message.get("event")); }
    }

    private final WebSocket socket;
    private final BlockingQueue<Received> inbox;
    private final AtomicInteger closeCode;
    private final AtomicInteger pings;

    private Browser(WebSocket socket, BlockingQueue<Received> inbox, AtomicInteger closeCode, AtomicInteger pings) {
        this.socket = socket;
        this.inbox = inbox;
        this.closeCode = closeCode;
        this.pings = pings;
    }

    static URI socketAddress(Javalin app) {
        return URI.create("ws://127.0.0.1:" + app.port() + "/ws/train");
    }

    static Browser open(HttpClient http, Javalin app) {
        return open(http, socketAddress(app), Map.of());
    }

    /**
     * A client on any socket address, sending these extra headers with its upgrade request ("Origin", say); a value
     * with line breaks is sent as that many lines of the header, as a proxy that appends one does.
     */
    static Browser open(HttpClient http, URI address, Map<String, String> headers) {
        BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
        AtomicInteger closeCode = new AtomicInteger(-1);
        AtomicInteger pings = new AtomicInteger();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    inbox.add(new Received(parse(text), text, System.nanoTime()));
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onPing(WebSocket ws, java.nio.ByteBuffer message) {
                pings.incrementAndGet();   // the JDK answers with a pong by itself
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                closeCode.set(status);
                return null;
            }
        };
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach((name, value) -> {
            for (String line : value.split("\n")) builder.header(name, line);
        });
        WebSocket socket = builder.buildAsync(address, listener).join();
        return new Browser(socket, inbox, closeCode, pings);
    }

    static Map<String, Object> parse(String text) {
        return Json.mapper().convertValue(Json.readObject(text, "message"), new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends without waiting for the send to complete (the server may close the socket while it reads). */
    void sendQuietly(String text) {
        socket.sendText(text, true);
    }

    void sendBinary(java.nio.ByteBuffer data) {
        socket.sendBinary(data, true).join();
    }

    void send(Map<String, Object> message) {
        send(Json.write(message));
    }

    /** Sends a start with the given config keys and speed. */
    void start(Map<String, Object> config, double speed) {
        send(Map.of("type", "start", "config", config, "speed", speed));
    }

    /** The next message, or fails after the timeout. */
    Received next(Duration timeout) {
        try {
            Received received = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (received == null) throw new AssertionError("no message within " + timeout);
            return received;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Skips messages until one matches; fails after the timeout. Returns the match. */
    Received await(Predicate<Received> wanted, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> skipped = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            Received received;
            try {
                received = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (received == null) {
                throw new AssertionError("no " + what + " within " + timeout + "; skipped "
                        + skipped.subList(Math.max(0, skipped.size() - 5), skipped.size()));
            }
            if (wanted.test(received)) return received;
            skipped.add(received.text().length() > 300 ? received.text().substring(0, 300) : received.text());
        }
    }

    Received awaitType(String type, Duration timeout) {
        return await(r -> type.equals(r.type()), timeout, "\"" + type + "\" message");
    }

    Received awaitEvent(String name, Duration timeout) {
        return await(r -> r.isEvent(name), timeout, "event " + name);
    }

    /** Everything that arrives within the duration. */
    List<Received> collect(Duration duration) {
        List<Received> all = new ArrayList<>();
        long deadline = System.nanoTime() + duration.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return all;
            try {
                Received received = inbox.poll(left, TimeUnit.NANOSECONDS);
                if (received != null) all.add(received);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Messages already received, without waiting. */
    List<Received> drain() {
        List<Received> all = new ArrayList<>();
        inbox.drainTo(all);
        return all;
    }

    int closeCode() { return closeCode.get(); }

    /** Waits for the server to close the socket and returns its close code. */
    int awaitClose(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (closeCode.get() == -1 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return closeCode.get();
    }

    int pings() { return pings.get(); }

    boolean isOpen() { return !socket.isInputClosed() && !socket.isOutputClosed(); }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                socket.abort();
            }
        }
    }
}
