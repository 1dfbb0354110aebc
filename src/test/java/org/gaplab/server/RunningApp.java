package org.gaplab.server;

import io.javalin.Javalin;
import java.net.http.HttpClient;
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
        app = App.create(ServerSettings.DEFAULTS.withPort(0).withMaxSessionsPerClient(60)).start();
        http = HttpClient.newHttpClient();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        app.stop();
    }

    /** A new WebSocket client connected to the app. */
    Browser browser() {
        return Browser.open(http, app);
    }
}
