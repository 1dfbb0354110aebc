package org.gaplab.server;

import io.javalin.Javalin;
import java.net.http.HttpClient;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real app with default settings on 127.0.0.1 and a free port, started once for a test class and stopped after
 * it: {@code @RegisterExtension static final RunningApp server = new RunningApp();}.
 */
final class RunningApp implements BeforeAllCallback, AfterAllCallback {
    private Javalin app;
    private HttpClient http;

    @Override
    public void beforeAll(ExtensionContext context) {
        // Every test's classes come from this one address and stay until the app stops.
        app = App.create(ServerSettings.parse(new String[] {"--port", "0", "--max-sessions-per-client", "60",
                "--max-classes", "100", "--max-classes-per-client", "100", "--max-seats-per-client", "100"}, java.util.Map.of())).start();
        http = HttpClient.newHttpClient();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        app.stop();
    }

    int port() { return app.port(); }

    /** A new WebSocket client connected to the app. */
    Browser browser() {
        return Browser.open(http, app);
    }
}
