package org.gaplab.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A second web server on another port (another origin), serving a course page that embeds GapLab in an iframe. */
final class OtherOrigin implements AutoCloseable {
    private final HttpServer server;

    OtherOrigin(String iframeSource) throws IOException {
        this(iframeSource, 900, 700);
    }

    /** A course page with a width × height iframe of {@code iframeSource}. */
    OtherOrigin(String iframeSource, int width, int height) throws IOException {
        this(coursePage(width, height, iframeSource).getBytes(StandardCharsets.UTF_8));
    }

    /** A course page whose body is this HTML, as an author pastes an embed snippet into it. */
    static OtherOrigin withBody(String bodyHtml) throws IOException {
        String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>A course page</title>"
                + "<style>body{margin:8px}</style></head><body><h1>Week 3</h1>" + bodyHtml + "</body></html>";
        return new OtherOrigin(page.getBytes(StandardCharsets.UTF_8));
    }

    private static String coursePage(int width, int height, String iframeSource) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>A course page</title>
                <style>body{font-family:system-ui,sans-serif;margin:16px;background:#fafafa}
                iframe{border:1px solid #ccc;border-radius:8px;background:#fff}</style></head>
                <body><h1>Week 3: regularization</h1>
                <p>Press start and watch the gap between training and validation loss.</p>
                <iframe id="gaplab" title="GapLab" width="%d" height="%d" src="%s"></iframe>
                </body></html>
                """.formatted(width, height, iframeSource.replace("&", "&amp;").replace("\"", "&quot;"));
    }

    private OtherOrigin(byte[] body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/course.html";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
