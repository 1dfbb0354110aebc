package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run is defined by its checkpoint (the command that built it and each live change with the epoch after which it
 * took effect): another server restores it from the checkpoint with the very same numbers, then carries on.
 */
class RestoreTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static Javalin first;
    private static Javalin second;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoServers() {
        first = App.create(ServerSettings.DEFAULTS.withPort(0)).start();
        second = App.create(ServerSettings.DEFAULTS.withPort(0)).start();
    }

    @AfterAll
    static void stop() {
        first.stop();
        second.stop();
    }

    /** What a page keeps: every epoch's scalars by run and epoch, the last checkpoint, the server it talks to. */
    private static final class Page {
        final Map<String, TreeMap<Integer, Map<String, Object>>> epochs = new LinkedHashMap<>();
        Map<String, Object> checkpoint;
        String server;

        @SuppressWarnings("unchecked")
        void see(Browser.Received received) {
            Map<String, Object> message = received.message();
            switch (received.type()) {
                case "hello" -> server = (String) message.get("server");
                case "checkpoint" -> checkpoint = message;
                case "epoch" -> {
                    keep("run", received.epochs());
                    keepSeeds("run", message);
                }
                case "compare-epoch" -> {
                    for (String run : List.of("a", "b")) {
                        if (message.get(run) instanceof Map<?, ?> frame) {
                            keep(run, (List<Map<String, Object>>) frame.get("epochs"));
                            keepSeeds(run, (Map<String, Object>) frame);
                        }
                    }
                }
                default -> { }
            }
        }

        /** Every seed's scalars of a run's part of a frame, kept as run "run#i". */
        @SuppressWarnings("unchecked")
        private void keepSeeds(String run, Map<String, Object> part) {
            if (!(part.get("seeds") instanceof List<?> seeds)) return;
            for (int i = 0; i < seeds.size(); i++) {
                keep(run + "#" + i, (List<Map<String, Object>>) ((Map<String, Object>) seeds.get(i)).get("epochs"));
            }
        }

        private void keep(String run, List<Map<String, Object>> scalars) {
            for (Map<String, Object> epoch : scalars) {
                epochs.computeIfAbsent(run, r -> new TreeMap<>()).put(((Number) epoch.get("epoch")).intValue(), epoch);
            }
        }

        int position() {
            return epochs.values().stream().mapToInt(TreeMap::lastKey).max().orElse(0);
        }

        Browser.Received until(Browser browser, java.util.function.Predicate<Browser.Received> wanted, String what) {
            return browser.await(r -> {
                see(r);
                return wanted.test(r);
            }, WAIT, what);
        }

        Map<String, Object> restoreMessage(boolean running) {
            Map<String, Object> recipe = new LinkedHashMap<>(checkpoint);
            recipe.remove("type");
            return Map.of("type", "restore", "checkpoint", recipe, "position", position(), "running", running, "speed", 0);
        }
    }

    @Test
    void a_run_with_live_changes_restored_on_another_server_repeats_every_number_and_goes_on() {
        Page before = new Page();
        try (Browser browser = Browser.open(http, first)) {
            browser.send(Map.of("type", "start", "speed", 0, "config", Map.of("epochs", 10_000, "dataset", "spiral",
                    "hiddenLayers", List.of(16, 16), "dropout", 0.1, "augmentation", Map.of("jitter", 0.1))));
            before.until(browser, r -> "epoch".equals(r.type()) && TrainingSocketTest.lastEpoch(r) >= 15, "epoch 15");
            browser.send(Map.of("type", "update", "config", Map.of("l2", 0.01, "learningRate", 0.1)));
            before.until(browser, r -> "checkpoint".equals(r.type()) && !((List<?>) r.message().get("changes")).isEmpty(),
                    "a checkpoint with the change");
            before.until(browser, r -> "epoch".equals(r.type()) && TrainingSocketTest.lastEpoch(r) >= 40, "epoch 40");
            browser.send(Map.of("type", "update", "config", Map.of("dropout", 0.0)));
            before.until(browser, r -> "checkpoint".equals(r.type()) && ((List<?>) r.message().get("changes")).size() == 2,
                    "a checkpoint with both changes");
            before.until(browser, r -> "epoch".equals(r.type()) && TrainingSocketTest.lastEpoch(r) >= 60, "epoch 60");
        }   // the first server is gone for this page

        Page after = new Page();
        int position = before.position();
        try (Browser browser = Browser.open(http, second)) {
            after.until(browser, r -> "hello".equals(r.type()), "hello");
            assertFalse(after.server.equals(before.server), "another server instance");
            browser.send(before.restoreMessage(true));
            Browser.Received started = after.until(browser, r -> "started".equals(r.type()), "started");
            assertEquals("restore", started.message().get("reason"));
            Browser.Received restored = after.until(browser, r -> r.isEvent("restored"), "restored");
            assertEquals(position, ((Number) restored.message().get("position")).intValue());
            after.until(browser, r -> "epoch".equals(r.type()) && TrainingSocketTest.lastEpoch(r) > position + 5,
                    "epochs after the restore");
        }
        TreeMap<Integer, Map<String, Object>> was = before.epochs.get("run");
        TreeMap<Integer, Map<String, Object>> now = after.epochs.get("run");
        for (int epoch = 0; epoch <= position; epoch++) {
            assertEquals(was.get(epoch), now.get(epoch), "epoch " + epoch + " replayed bit for bit");
        }
        assertEquals(before.checkpoint.get("changes"), after.checkpoint.get("changes"), "the same recipe again");
    }

    @Test
    void a_paused_comparison_is_restored_paused_at_the_same_epoch() {
        Page before = new Page();
        try (Browser browser = Browser.open(http, first)) {
            browser.send(Map.of("type", "compare", "speed", 0, "config", Map.of("epochs", 10_000), "changes", Map.of("l2", 0.01)));
            before.until(browser, r -> "compare-epoch".equals(r.type()) && before.position() >= 12, "epoch 12");
            browser.send(Map.of("type", "update", "config", Map.of("l2", 0.05, "learningRate", 0.05)));
            before.until(browser, r -> "checkpoint".equals(r.type()) && !((List<?>) r.message().get("changes")).isEmpty(),
                    "a checkpoint with the change");
            before.until(browser, r -> before.position() >= 30, "epoch 30");
            browser.send(Map.of("type", "pause"));
            before.until(browser, r -> r.isEvent("paused"), "paused");
        }
        Page after = new Page();
        int position = before.position();
        try (Browser browser = Browser.open(http, second)) {
            browser.send(before.restoreMessage(false));
            Browser.Received restored = after.until(browser, r -> r.isEvent("restored"), "restored");
            assertEquals(position, ((Number) restored.message().get("position")).intValue());
            assertEquals(false, restored.message().get("running"));
            after.until(browser, r -> r.isEvent("paused"), "paused");
            assertTrue(browser.collect(Duration.ofMillis(500)).stream().noneMatch(r -> "compare-epoch".equals(r.type())),
                    "nothing trains after a paused restore");
        }
        for (String run : List.of("a", "b")) {
            for (int epoch = 0; epoch <= position; epoch++) {
                assertEquals(before.epochs.get(run).get(epoch), after.epochs.get(run).get(epoch), run + " epoch " + epoch);
            }
        }
    }

    @Test
    void a_three_seed_run_with_a_live_change_is_restored_seed_for_seed_bit_for_bit() {
        Page before = new Page();
        try (Browser browser = Browser.open(http, first)) {
            browser.send(Map.of("type", "start", "speed", 0, "config", Map.of("epochs", 10_000, "dataset", "spiral",
                    "hiddenLayers", List.of(16, 16), "dropout", 0.1, "seeds", 3)));
            before.until(browser, r -> "epoch".equals(r.type()) && before.position() >= 12, "epoch 12");
            browser.send(Map.of("type", "update", "config", Map.of("l2", 0.01)));
            before.until(browser, r -> "checkpoint".equals(r.type()) && !((List<?>) r.message().get("changes")).isEmpty(),
                    "a checkpoint with the change");
            before.until(browser, r -> "epoch".equals(r.type()) && before.position() >= 30, "epoch 30");
        }
        assertEquals(3, ((Map<?, ?>) ((Map<?, ?>) before.checkpoint.get("command")).get("config")).get("seeds"));
        Page after = new Page();
        int position = before.position();
        try (Browser browser = Browser.open(http, second)) {
            browser.send(before.restoreMessage(true));
            after.until(browser, r -> r.isEvent("restored"), "restored");
            after.until(browser, r -> "epoch".equals(r.type()) && after.position() > position + 3, "epochs after the restore");
        }
        for (int seed = 0; seed < 3; seed++) {
            TreeMap<Integer, Map<String, Object>> was = before.epochs.get("run#" + seed);
            TreeMap<Integer, Map<String, Object>> now = after.epochs.get("run#" + seed);
            for (int epoch = 0; epoch <= position; epoch++) {
                assertEquals(was.get(epoch), now.get(epoch), "seed " + seed + " epoch " + epoch + " replayed bit for bit");
            }
        }
        assertFalse(before.epochs.get("run#1").get(position).equals(before.epochs.get("run#0").get(position)),
                "the seeds differ");
    }

    @Test
    void a_forged_checkpoint_is_checked_like_the_commands_it_stands_for() {
        try (Browser browser = Browser.open(http, second)) {
            browser.send(Map.of("type", "restore", "position", 5, "checkpoint", Map.of("command",
                    Map.of("type", "start", "config", Map.of("l2", 7)), "changes", List.of())));
            Browser.Received error = browser.awaitType("error", WAIT);
            assertEquals("l2", error.message().get("field"), error.text());
            browser.send(Map.of("type", "restore", "position", 5, "checkpoint", Map.of("command",
                    Map.of("type", "pause"), "changes", List.of())));
            assertEquals("checkpoint.command", browser.awaitType("error", WAIT).message().get("field"));
        }
    }
}
