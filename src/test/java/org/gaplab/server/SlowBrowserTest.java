package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.Test;

/**
 * A browser that completes the WebSocket handshake, asks for a fast run and then never reads: the session must
 * stop producing at its bounded backlog instead of queueing frames, and the browser is eventually dropped.
 */
class SlowBrowserTest {
    private static final int MAX_PENDING = 50;   // reached within the stall timeout even on a loaded machine

    @Test
    void a_browser_that_never_reads_holds_a_bounded_backlog_and_is_disconnected_after_the_stall_timeout() throws Exception {
        ServerSettings settings = ServerSettings.parse(new String[] {"--port", "0", "--frame-rate", "60",
                "--max-pending-epochs", String.valueOf(MAX_PENDING), "--stall-timeout", "6"}, Map.of());
        Javalin app = App.create(settings).start();
        HttpClient http = HttpClient.newHttpClient();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);   // a small window, so the server's sends back up quickly
            socket.connect(new InetSocketAddress("127.0.0.1", app.port()));
            handshake(socket, app.port());
            // Image data makes big frames (first-layer weight images), so the socket buffers fill within seconds.
            sendText(socket.getOutputStream(),
                    "{\"type\":\"start\",\"config\":{\"dataset\":\"shapes\",\"epochs\":10000},\"speed\":0}");

            int mostPending = 0;
            boolean waited = false;
            boolean dropped = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (System.nanoTime() < deadline) {
                Map<String, Object> health = ClassroomTest.health(http, app);
                mostPending = Math.max(mostPending, ((Number) health.get("maxPendingEpochs")).intValue());
                waited |= ((Number) health.get("waitingForBrowser")).intValue() > 0;
                if (waited && health.get("sessions").equals(0)) {
                    dropped = true;
                    break;
                }
                Thread.sleep(100);
            }
            assertTrue(waited, "the run waited for the browser");
            assertTrue(mostPending <= MAX_PENDING, "the backlog stayed bounded: " + mostPending);
            assertTrue(dropped, "the browser that never reads was dropped");
            assertEquals(0, ((Number) ClassroomTest.health(http, app).get("pendingEpochs")).intValue());
        } finally {
            app.stop();
        }
    }

    private static void handshake(Socket socket, int port) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ws/train HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new AssertionError("the server closed during the handshake: " + head);
            head.write(b);
        }
        assertTrue(head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101"), head.toString());
    }

    /** One masked text frame, as a client must send it (RFC 6455 §5.2). */
    private static void sendText(OutputStream out, String text) throws Exception {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);                                   // FIN, text
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        }
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) frame.write(payload[i] ^ mask[i % 4]);
        out.write(frame.toByteArray());
        out.flush();
    }
}
