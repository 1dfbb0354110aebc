package org.gaplab.server;

import io.javalin.Javalin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The protocol's commands against the real app on an ephemeral port, through the JDK WebSocket client. */
class TrainingSocketTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    static final List<String> SCALARS = org.gaplab.training.EpochReport.SCALARS.stream()
            .map(org.gaplab.training.EpochReport.Scalar::name).toList();

    @RegisterExtension
    static final RunningApp server = new RunningApp();

    @Test
    void start_streams_hello_started_and_epoch_frames_with_the_documented_fields() {
        try (Browser browser = server.browser()) {
            Browser.Received hello = browser.next(WAIT);
            assertEquals("hello", hello.type());
            assertEquals(1, hello.message().get("protocol"));
            assertFalse(((List<?>) hello.message().get("schema")).isEmpty());
            assertTrue(((Map<?, ?>) hello.message().get("limits")).containsKey("maxSessions"));

            browser.start(Map.of("epochs", 300), 50);
            Browser.Received started = browser.awaitType("started", WAIT);
            assertEquals("start", started.message().get("reason"));
            assertEquals(true, started.message().get("running"));
            assertEquals(50.0, started.message().get("speed"));
            assertEquals(300, ((Map<?, ?>) started.message().get("config")).get("epochs"));
            assertEquals("circle", ((Map<?, ?>) started.message().get("dataset")).get("name"));

            Browser.Received first = browser.awaitType("epoch", WAIT);
            assertEquals(0, first.epochs().get(0).get("epoch"), "the first frame shows the untrained network");
            int boundaries = 0;
            for (int frames = 0; frames < 6; frames++) {
                Browser.Received frame = frames == 0 ? first : browser.awaitType("epoch", WAIT);
                for (Map<String, Object> epoch : frame.epochs()) assertEquals(SCALARS, List.copyOf(epoch.keySet()));
                Map<String, Object> report = frame.report();
                assertEquals(frame.epochs().get(frame.epochs().size() - 1).get("epoch"), report.get("epoch"),
                        "the report is the newest epoch's");
                // The report carries every scalar by name, but the calibration error inside its reliability diagram.
                assertTrue(report.keySet().containsAll(SCALARS.stream().filter(s -> !s.equals("calibrationError")).toList()));
                assertEquals(frame.epochs().get(frame.epochs().size() - 1).get("calibrationError"),
                        ((Map<?, ?>) report.get("calibration")).get("error"));
                assertTrue(report.containsKey("classAccuracy"));
                List<?> layers = (List<?>) report.get("layers");
                assertEquals(3, layers.size(), "two hidden layers and the output layer");
                assertTrue(((Map<?, ?>) layers.get(0)).containsKey("weights"));
                Map<?, ?> views = (Map<?, ?>) frame.message().get("views");
                if (frames == 0) assertTrue(views.containsKey("boundary"), "a 2-D set draws its boundary: " + views.keySet());
                if (views.containsKey("boundary")) boundaries++;
                assertEquals(frames == 0, views.containsKey("points"), "the points come once, with epoch 0");
            }
            assertTrue(boundaries >= 3, "the boundary is redrawn as training goes");
        }
    }

    @Test
    void frames_with_views_carry_the_network_diagram_with_every_layer_cut_to_thirty_two_units() {
        try (Browser browser = server.browser()) {
            browser.start(Map.of("epochs", 300, "hiddenLayers", List.of(40, 4)), 50);
            for (int frames = 0; frames < 3; frames++) {
                Map<?, ?> views = (Map<?, ?>) browser.awaitType("epoch", WAIT).message().get("views");
                if (!views.containsKey("boundary")) continue;
                assertTrue(views.containsKey("network"), "the diagram goes with the boundary: " + views.keySet());
                List<?> layers = (List<?>) ((Map<?, ?>) views.get("network")).get("layers");
                assertEquals(3, layers.size());
                List<List<Integer>> shapes = new ArrayList<>();
                for (Object item : layers) {
                    Map<?, ?> layer = (Map<?, ?>) item;
                    int inputs = (Integer) layer.get("inputs");
                    int units = (Integer) layer.get("units");
                    shapes.add(List.of((Integer) layer.get("fanIn"), (Integer) layer.get("fanOut"), inputs, units));
                    List<?> weights = (List<?>) layer.get("weights");
                    assertEquals(inputs * units, weights.size());
                    assertTrue(weights.stream().allMatch(w -> w instanceof Number n && Double.isFinite(n.doubleValue())
                            && n.doubleValue() != 0), "each link carries its own weight, none of them exactly 0 here");
                }
                assertEquals(List.of(List.of(2, 40, 2, 32), List.of(40, 4, 32, 4), List.of(4, 1, 4, 1)), shapes);
            }
        }
    }

    @Test
    void pause_silences_frames_for_a_second_step_sends_exactly_one_epoch_and_resume_continues_without_holes() {
        try (Browser browser = server.browser()) {
            browser.start(Map.of("epochs", 5000), 0);
            browser.await(r -> "epoch".equals(r.type()) && lastEpoch(r) >= 5, WAIT, "epoch 5");
            browser.send(Map.of("type", "pause"));
            int paused = lastEpochBefore(browser, "paused");

            List<Browser.Received> silence = browser.collect(Duration.ofSeconds(1));
            assertEquals(List.of(), types(silence), "nothing arrives while paused");

            browser.send(Map.of("type", "step"));
            Browser.Received stepped = browser.awaitType("epoch", WAIT);
            assertEquals(1, stepped.epochs().size());
            assertEquals(paused + 1, stepped.epochs().get(0).get("epoch"));
            assertEquals(List.of(), types(browser.collect(Duration.ofMillis(500))), "a step is one epoch");

            browser.send(Map.of("type", "resume"));
            browser.awaitEvent("resumed", WAIT);
            Browser.Received resumed = browser.awaitType("epoch", WAIT);
            assertEquals(paused + 2, resumed.epochs().get(0).get("epoch"));
        }
    }

    @Test
    void an_update_over_the_socket_changes_what_the_next_epoch_learns_and_nothing_before_it() {
        try (Browser changed = server.browser(); Browser twin = server.browser()) {
            List<Map<String, Object>> a = stepThrough(changed, 3);
            List<Map<String, Object>> b = stepThrough(twin, 3);
            assertEquals(a, b, "same config and seed: the same first epochs");

            changed.send("{\"type\":\"update\",\"config\":{\"l2\":0.05}}");
            changed.awaitEvent("updated", WAIT);
            Map<String, Object> next = step(changed);
            Map<String, Object> unchanged = step(twin);
            assertEquals(4, next.get("epoch"), "no reset: the run goes on from epoch 3");
            assertNotEquals(unchanged.get("trainLoss"), next.get("trainLoss"), "the new λ₂ changed what epoch 4 learned");
            assertNotEquals(unchanged.get("l2Norm"), next.get("l2Norm"), "and the weights it ended with");
        }
    }

    /** Starts the default run paused at epoch 0 (a reset) and steps it; the scalars of epochs 0..steps. */
    private static List<Map<String, Object>> stepThrough(Browser browser, int steps) {
        browser.start(Map.of("epochs", 100), 0);
        browser.awaitType("started", WAIT);
        browser.send(Map.of("type", "reset"));
        browser.await(r -> "started".equals(r.type()) && "reset".equals(r.message().get("reason")), WAIT, "the reset run");
        List<Map<String, Object>> epochs = new ArrayList<>();
        epochs.add(browser.awaitType("epoch", WAIT).epochs().get(0));
        for (int i = 0; i < steps; i++) epochs.add(step(browser));
        return epochs;
    }

    private static Map<String, Object> step(Browser browser) {
        browser.send(Map.of("type", "step"));
        return browser.awaitType("epoch", WAIT).epochs().get(0);
    }

    @Test
    void reset_sends_the_same_first_frame_as_the_start_did_and_the_same_next_epoch() {
        try (Browser browser = server.browser()) {
            browser.start(Map.of("epochs", 5000, "dataset", "spiral", "seed", 7), 0);
            Browser.Received firstFrame = browser.awaitType("epoch", WAIT);
            Browser.Received laterFrame = browser.await(r -> "epoch".equals(r.type()) && lastEpoch(r) >= 3, WAIT, "epoch 3");
            Map<String, Object> epochOne = firstFrame.epochs().size() > 1 ? firstFrame.epochs().get(1) : null;
            if (epochOne == null && ((Number) laterFrame.epochs().get(0).get("epoch")).intValue() == 1) {
                epochOne = laterFrame.epochs().get(0);
            }

            browser.send(Map.of("type", "reset"));
            browser.awaitEvent("reset", WAIT);
            Browser.Received started = browser.awaitType("started", WAIT);
            assertEquals("reset", started.message().get("reason"));
            assertEquals(false, started.message().get("running"));
            Browser.Received again = browser.awaitType("epoch", WAIT);
            assertEquals(0, again.epochs().get(0).get("epoch"));
            if (firstFrame.epochs().size() == 1) {
                assertEquals(firstFrame.text(), again.text(), "same seed, same first frame");
            } else {
                assertEquals(firstFrame.epochs().get(0), again.epochs().get(0), "same seed, same epoch 0");
            }

            browser.send(Map.of("type", "step"));
            Browser.Received stepped = browser.awaitType("epoch", WAIT);
            if (epochOne != null) assertEquals(epochOne, stepped.epochs().get(0), "same seed, same epoch 1");
        }
    }

    @Test
    void a_run_that_ends_reports_every_epoch_once_then_finished() {
        try (Browser browser = server.browser()) {
            browser.start(Map.of("epochs", 60), 0);
            List<Integer> epochs = new ArrayList<>();
            Browser.Received end = browser.await(r -> {
                if ("epoch".equals(r.type())) r.epochs().forEach(e -> epochs.add((Integer) e.get("epoch")));
                return r.isEvent("finished");
            }, WAIT, "event finished");
            List<Integer> expected = new ArrayList<>();
            for (int e = 0; e <= 60; e++) expected.add(e);
            assertEquals(expected, epochs, "every epoch exactly once, in order");
            assertEquals(60, end.message().get("epochs"));
            assertNotNull(end.message().get("validationLoss"), "the end carries the final metrics");

            browser.send(Map.of("type", "resume"));
            assertEquals("run-ended", browser.awaitType("error", WAIT).message().get("code"));
        }
    }

    @Test
    void update_of_a_setting_that_needs_a_new_run_is_refused_naming_it_and_the_run_goes_on() {
        try (Browser browser = server.browser()) {
            browser.start(Map.of("epochs", 5000), 50);
            browser.awaitType("epoch", WAIT);
            browser.send("{\"type\":\"update\",\"config\":{\"hiddenLayers\":[4]}}");
            Browser.Received layers = browser.awaitType("error", WAIT);
            assertEquals("needs-reset", layers.message().get("code"));
            assertEquals("hiddenLayers", layers.message().get("field"));

            browser.send("{\"type\":\"update\",\"config\":{\"noise\":0.3}}");
            assertEquals("noise", browser.awaitType("error", WAIT).message().get("field"));

            browser.send("{\"type\":\"update\",\"config\":{\"noise\":0.1,\"learningRate\":0.1},\"speed\":80}");
            Browser.Received updated = browser.awaitEvent("updated", WAIT);
            assertEquals(0.1, ((Map<?, ?>) updated.message().get("config")).get("learningRate"), "an unchanged value is fine");
            assertEquals(80.0, updated.message().get("speed"));
            browser.awaitType("epoch", WAIT);
        }
    }

    @Test
    void stop_frees_the_run_and_the_socket_can_start_again() {
        try (Browser browser = server.browser()) {
            browser.start(Map.of("epochs", 5000), 50);
            browser.awaitType("epoch", WAIT);
            browser.send(Map.of("type", "stop"));
            assertEquals("client", browser.awaitEvent("stopped", WAIT).message().get("reason"));
            assertEquals(List.of(), types(browser.collect(Duration.ofMillis(300))));
            browser.send(Map.of("type", "pause"));
            assertEquals("no-run", browser.awaitType("error", WAIT).message().get("code"));

            browser.start(Map.of("epochs", 10, "dataset", "xor"), 0);
            assertEquals("xor", ((Map<?, ?>) browser.awaitType("started", WAIT).message().get("dataset")).get("name"));
            browser.awaitEvent("finished", WAIT);
        }
    }

    @Test
    void data_beyond_the_servers_memory_budget_is_refused_before_it_is_made() throws Exception {
        Javalin small = App.create(ServerSettings.parse(new String[] {"--port", "0", "--memory-budget", "64"}, Map.of())).start();
        try (Browser browser = Browser.open(java.net.http.HttpClient.newHttpClient(), small)) {
            long before = AllocatedBytes.byEveryThread();
            browser.start(Map.of("dataset", "noisy-features", "trainSize", 60_000, "noiseFeatures", 2000), 0);
            Browser.Received error = browser.awaitType("error", WAIT);
            long allocated = AllocatedBytes.byEveryThread() - before;
            assertEquals("too-large", error.message().get("code"), error.text());
            assertEquals("trainSize", error.message().get("field"));
            assertTrue(((String) error.message().get("message")).contains("MB"), error.text());
            // 60,000 × 2,002 doubles would be 961 MB: the refusal must come before they are made, however busy the
            // machine (a duration would only say how busy it was).
            assertTrue(allocated < 100_000_000L, "refused without making 120 million values, but "
                    + allocated / 1_000_000 + " MB were allocated meanwhile");
            browser.start(Map.of("epochs", 3), 0);
            browser.awaitEvent("finished", WAIT);   // the session goes on with a run that fits
        } finally {
            small.stop();
        }
    }

    @Test
    void frames_are_throttled_and_each_carries_every_epoch_since_the_last() {
        try (Browser browser = server.browser()) {
            long startedAt = System.nanoTime();
            browser.start(Map.of("epochs", 10_000), 0);
            browser.awaitType("epoch", WAIT);
            List<Browser.Received> frames = browser.collect(Duration.ofSeconds(2)).stream()
                    .filter(r -> "epoch".equals(r.type())).toList();
            // The server sends at most 20 frames a second from the moment it was asked to start. A late delivery can
            // only move a frame later, never earlier, so however loaded the machine, the k-th frame received (the one
            // awaited above is frame 0) cannot arrive before k/20 s after the start: a bound a busy machine keeps.
            for (int k = 0; k < frames.size(); k++) {
                double seconds = (frames.get(k).atNanos() - startedAt) / 1e9;
                assertTrue(k + 1 <= 20 * seconds + 1, "frame " + (k + 1) + " arrived " + seconds
                        + " s after the start, faster than 20 a second");
            }
            int epochs = frames.stream().mapToInt(f -> f.epochs().size()).sum();
            assertTrue(epochs > frames.size(), "a full-speed run coalesces " + epochs + " epochs into " + frames.size() + " frames");
            int expected = ((Number) frames.get(0).epochs().get(0).get("epoch")).intValue();
            for (Browser.Received frame : frames) {
                for (Map<String, Object> epoch : frame.epochs()) assertEquals(expected++, epoch.get("epoch"), "no holes");
            }
        }
    }

    static int lastEpoch(Browser.Received frame) {
        List<Map<String, Object>> epochs = frame.epochs();
        return ((Number) epochs.get(epochs.size() - 1).get("epoch")).intValue();
    }

    /** The newest epoch in the frames before the named event. */
    static int lastEpochBefore(Browser browser, String event) {
        int[] last = {-1};
        browser.await(r -> {
            if ("epoch".equals(r.type())) last[0] = lastEpoch(r);
            return r.isEvent(event);
        }, WAIT, "event " + event);
        return last[0];
    }

    static List<String> types(List<Browser.Received> messages) {
        return messages.stream().map(Browser.Received::type).toList();
    }
}
