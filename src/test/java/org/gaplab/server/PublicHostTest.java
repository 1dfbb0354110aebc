package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding (issue 19, point 6): a site that points its own name at this server's address gets 421 for every
 * request, the page, its files, the socket's upgrade; IP literals, localhost and the names the operator lists pass.
 */
class PublicHostTest {

    @Test
    void a_foreign_host_name_gets_421_and_the_listed_ones_are_served() throws Exception {
        Javalin app = App.create(ServerSettings.parse(new String[] {"--port", "0", "--public-host", "gaplab.example.org"},
                Map.of())).start();
        try {
            int port = app.port();
            assertEquals(421, status(port, "/", "rebound.example.com"));
            assertEquals(421, status(port, "/css/gaplab.css", "rebound.example.com:" + port));
            assertEquals(421, status(port, "/class/new", "rebound.example.com"));
            assertEquals(421, status(port, "/ws/train", "rebound.example.com"));
            assertEquals(421, status(port, "/health", "localhost.rebound.example.com"));
            assertEquals(200, status(port, "/", "127.0.0.1:" + port));
            assertEquals(200, status(port, "/", "[::1]:" + port));
            assertEquals(200, status(port, "/", "localhost:" + port));
            assertEquals(200, status(port, "/", "GapLab.Example.org"));
            assertEquals(200, status(port, "/css/gaplab.css", "gaplab.example.org"));
        } finally {
            app.stop();
        }
    }

    @Test
    void a_name_is_checked_when_the_option_is_read() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.parse(new String[] {"--public-host", "https://gaplab.example.org"}, Map.of()));
        assertTrue(bad.getMessage().startsWith("--public-host: https://gaplab.example.org is not allowed"), bad.getMessage());
    }

    /** The status line of a GET with exactly this Host header (the JDK's client sets Host itself). */
    static int status(int port, String path, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(line.split(" ")[1]);
        }
    }
}
