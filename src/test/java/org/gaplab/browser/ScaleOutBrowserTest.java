package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaplab.protocol.Json;
import org.gaplab.server.ServerProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Two GapLab instances in their own JVMs behind Debian's nginx, a learner's page in Chromium training through it:
 * the instance holding the run is killed (SIGKILL), and later the other drains (SIGTERM); each time the page
 * reconnects through nginx, lands on the surviving instance, and the run resumes at the epoch it had reached with
 * the very same numbers (read from the WebSocket frames Chromium received).
 */
class ScaleOutBrowserTest {
    private static final Pattern RESUMED = Pattern.compile("resumed at epoch (\\d+)");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_run_behind_nginx_survives_its_server_being_killed_and_then_drained_with_identical_numbers() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installedBrowser().isPresent(), "no Chromium: browser tests skipped");
        Assumptions.assumeTrue(Nginx.isInstalled(), "no /usr/sbin/nginx (.ci/run installs it): skipped");
        List<String> jvm = List.of("-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        ServerProcess first = ServerProcess.start(jvm, List.of());
        ServerProcess second = ServerProcess.start(jvm, List.of());
        List<ServerProcess> servers = new ArrayList<>(List.of(first, second));
        try (Nginx nginx = Nginx.start(List.of(first.port(), second.port()));
             HeadlessChromium chromium = HeadlessChromium.start()) {
            PageDriver page = new PageDriver(chromium.driver, nginx.url());
            Frames frames = new Frames();
            page.open("?dataset=spiral&hiddenLayers=8,8&dropout=0.1&epochs=10000&speed=20");
            page.click("start");
            page.waitFor("epoch 30", d -> epoch(page) >= 30);

            // SIGKILL: the instance is gone at once.
            ServerProcess serving = serving(servers);
            ServerProcess survivor = servers.get(1 - servers.indexOf(serving));
            int killedPort = serving.port();
            serving.kill();
            int resumedAt = resumed(page, 0);
            page.waitFor("training on after the kill", d -> epoch(page) >= resumedAt + 10);
            assertEquals(1, sessions(survivor), "the page is on the other instance");
            frames.read(chromium);
            frames.checkResumed(resumedAt);

            // SIGTERM: the surviving instance drains; a fresh one has taken the killed one's place behind nginx.
            ServerProcess replacement = ServerProcess.start(jvm, List.of("--port", String.valueOf(killedPort)));
            servers.add(replacement);
            survivor.drain();
            int drainedAt = resumed(page, resumedAt);
            page.waitFor("training on after the drain", d -> epoch(page) >= drainedAt + 10);
            assertEquals(1, sessions(replacement), "the page is on the replacement");
            frames.read(chromium);
            frames.checkResumed(drainedAt);
            page.screenshot("scale-out-resumed.png");
        } finally {
            servers.forEach(ServerProcess::close);
        }
    }

    /** Waits for the page's note of a restore after {@code after} and returns the epoch it names. */
    private static int resumed(PageDriver page, int after) {
        int[] at = {-1};
        page.waitFor("the page to say it resumed", d -> {
            Matcher m = RESUMED.matcher(page.text("run-note"));
            if (!m.find() || Integer.parseInt(m.group(1)) <= after) return false;
            at[0] = Integer.parseInt(m.group(1));
            return page.text("run-note").startsWith("Server changed");
        });
        return at[0];
    }

    private static int epoch(PageDriver page) {
        return Integer.parseInt(page.text("epoch"));
    }

    private ServerProcess serving(List<ServerProcess> servers) throws Exception {
        for (ServerProcess server : servers) if (sessions(server) == 1) return server;
        throw new AssertionError("no instance holds the page's session");
    }

    private int sessions(ServerProcess server) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + "health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body()).get("sessions").asInt();
    }

    /** Every epoch's scalars each of the page's sockets received, in the order the sockets were opened. */
    private static final class Frames {
        final Map<String, TreeMap<Integer, String>> bySocket = new LinkedHashMap<>();

        void read(HeadlessChromium chromium) throws Exception {
            for (LogEntry entry : chromium.driver.manage().logs().get(LogType.PERFORMANCE)) {
                if (!entry.getMessage().contains("Network.webSocketFrameReceived")) continue;
                JsonNode params = Json.mapper().readTree(entry.getMessage()).path("message").path("params");
                String payload = params.path("response").path("payloadData").asText();
                if (!payload.startsWith("{\"type\":\"epoch\"")) continue;
                TreeMap<Integer, String> epochs = bySocket.computeIfAbsent(params.path("requestId").asText(), id -> new TreeMap<>());
                for (JsonNode scalars : Json.mapper().readTree(payload).path("epochs")) {
                    epochs.put(scalars.path("epoch").asInt(), scalars.toString());
                }
            }
        }

        /** The newest socket replayed the one before it to the epoch it had reached, number for number, and went on. */
        void checkResumed(int at) {
            List<TreeMap<Integer, String>> sockets = new ArrayList<>(bySocket.values());
            assertTrue(sockets.size() >= 2, "frames of two sockets: " + bySocket.keySet());
            TreeMap<Integer, String> before = sockets.get(sockets.size() - 2);
            TreeMap<Integer, String> after = sockets.get(sockets.size() - 1);
            assertEquals(at, before.lastKey(), "resumed at the epoch the page had reached");
            for (int epoch = 0; epoch <= at; epoch++) {
                assertEquals(before.get(epoch), after.get(epoch), "epoch " + epoch + " has identical numbers");
            }
            assertTrue(after.lastKey() > at, "and the run went on");
        }
    }
}
