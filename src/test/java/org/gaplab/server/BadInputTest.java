package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every kind of bad message gets an error naming the problem, while the socket stays open and the run it already
 * has keeps producing epochs.
 */
class BadInputTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** What a browser must never see: Java class and package names, Jackson's type names, server paths. */
    private static final Pattern INTERNALS = Pattern.compile("java\\.|javax\\.|org\\.gaplab|com\\.fasterxml|`|/usr/|/home/|/tmp/|Exception");
    @RegisterExtension
    static final RunningApp server = new RunningApp();

    @Test
    void malformed_json_gets_an_error_and_the_run_keeps_running() {
        assertRefusedWhileRunning("{\"type\":\"pause\"", "malformed", "message");
        assertRefusedWhileRunning("[1, 2, 3]", "malformed", "message");
        assertRefusedWhileRunning("null", "malformed", "message");
        assertRefusedWhileRunning("{\"config\":{}}", "malformed", "type");
        assertRefusedWhileRunning("{\"type\":\"pause\"} trailing", "malformed", "message");
        assertRefusedWhileRunning("{\"type\":\"start\",\"config\":{\"dataset\":\"fashion-mnist\",\"fashionSource\":\"full\","
                + "\"trainSize\":70000}}", "invalid", "trainSize");
    }

    @Test
    void unknown_types_and_unknown_keys_get_an_error_and_the_run_keeps_running() {
        assertRefusedWhileRunning("{\"type\":\"fly\"}", "unknown-type", "type");
        assertRefusedWhileRunning("{\"type\":\"fly\\r\\nsession=s1 event=forged\"}", "unknown-type", "type");
        assertRefusedWhileRunning("{\"type\":\"pause\",\"now\":true}", "invalid", "now");
        assertRefusedWhileRunning("{\"type\":\"start\",\"config\":{\"lambda\":0.1}}", "invalid", "lambda");
    }

    @Test
    void wrong_types_get_an_error_naming_the_field_and_the_run_keeps_running() {
        assertRefusedWhileRunning("{\"type\":\"start\",\"config\":{\"l2\":\"much\"}}", "invalid", "l2");
        assertRefusedWhileRunning("{\"type\":\"start\",\"config\":{\"hiddenLayers\":\"8,8\"}}", "invalid", "hiddenLayers");
        assertRefusedWhileRunning("{\"type\":\"start\",\"config\":[]}", "invalid", "config");
        assertRefusedWhileRunning("{\"type\":\"update\",\"speed\":\"fast\"}", "invalid", "speed");
        assertRefusedWhileRunning("{\"type\":\"update\",\"config\":{\"l1Mode\":3}}", "invalid", "l1Mode");
    }

    @Test
    void out_of_range_values_get_an_error_naming_the_field_and_what_is_allowed() {
        Map<String, Object> error = assertRefusedWhileRunning("{\"type\":\"update\",\"config\":{\"l2\":5}}", "invalid", "l2");
        assertEquals("a number in [0, 1]", error.get("allowed"));
        assertEquals("5", error.get("value"));
        assertRefusedWhileRunning("{\"type\":\"update\",\"speed\":-1}", "invalid", "speed");
        assertRefusedWhileRunning("{\"type\":\"start\",\"config\":{\"epochs\":50000}}", "invalid", "epochs");
        assertRefusedWhileRunning("{\"type\":\"start\",\"config\":{\"hiddenLayers\":[1024,1024,1024,1024]}}",
                "invalid", "hiddenLayers");
    }

    @Test
    void a_message_above_the_limit_closes_its_socket_and_one_at_the_limit_is_read() {
        try (Browser browser = runningBrowser()) {
            browser.awaitType("epoch", WAIT);
            String padding = "x".repeat(ServerSettings.DEFAULTS.maxMessageBytes());
            browser.sendQuietly("{\"type\":\"pause\",\"padding\":\"" + padding + "\"}");
            assertEquals(1009, browser.awaitClose(WAIT), "message too big: the transport keeps at most a config's size");
        }
        try (Browser browser = runningBrowser()) {
            browser.awaitType("epoch", WAIT);
            String padding = "x".repeat(ServerSettings.DEFAULTS.maxMessageBytes() - 40);
            browser.send("{\"type\":\"pause\",\"padding\":\"" + padding + "\"}");
            assertEquals("padding", browser.awaitType("error", WAIT).message().get("field"), "read and refused by name");
            assertTrue(browser.isOpen());
        }
    }

    @Test
    void binary_messages_get_an_error_and_the_run_keeps_running() {
        try (Browser browser = runningBrowser()) {
            int before = TrainingSocketTest.lastEpoch(browser.awaitType("epoch", WAIT));
            browser.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            assertEquals("invalid", browser.awaitType("error", WAIT).message().get("code"));
            browser.await(r -> "epoch".equals(r.type()) && TrainingSocketTest.lastEpoch(r) > before, WAIT, "a later epoch");
        }
    }

    /** Sends the message to a running session and checks the error, then that epochs keep coming. */
    private static Map<String, Object> assertRefusedWhileRunning(String message, String code, String field) {
        try (Browser browser = runningBrowser()) {
            int before = TrainingSocketTest.lastEpoch(browser.awaitType("epoch", WAIT));
            browser.send(message);
            Browser.Received error = browser.awaitType("error", WAIT);
            assertEquals(code, error.message().get("code"), error.text());
            assertEquals(field, error.message().get("field"), error.text());
            assertTrue(((String) error.message().get("message")).length() > 10, "a message a person can read");
            assertFalse(INTERNALS.matcher(error.text()).find(), "no class names or paths reach the browser: " + error.text());
            browser.await(r -> "epoch".equals(r.type()) && TrainingSocketTest.lastEpoch(r) > before, WAIT,
                    "an epoch after the error");
            assertTrue(browser.isOpen());
            return error.message();
        }
    }

    private static Browser runningBrowser() {
        Browser browser = server.browser();
        browser.start(Map.of("epochs", 10_000), 100);
        return browser;
    }
}
