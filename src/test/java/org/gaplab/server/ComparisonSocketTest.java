package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A/B comparisons over the socket: one session, two runs in lockstep from the same weights on the same data. */
class ComparisonSocketTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The engine's overfitting setup (ComparisonAndSweepTest): 100 noisy examples, a network far too big for them. */
    static final Map<String, Object> OVERFIT = Map.of("dataset", "noisy-features", "trainSize", 100,
            "validationSize", 500, "testSize", 500, "noise", 0.1, "hiddenLayers", List.of(64, 64),
            "activation", "relu", "init", "he-normal", "learningRate", 0.05, "epochs", 80);
    private static final Map<String, Object> SPIRAL = Map.of("dataset", "spiral", "hiddenLayers", List.of(16, 16),
            "epochs", 200);

    @RegisterExtension
    static final RunningApp server = new RunningApp();

    @Test
    void both_runs_start_from_identical_weights_and_their_frames_arrive_in_lockstep_until_both_end() {
        try (Browser browser = server.browser()) {
            browser.send(Map.of("type", "compare", "config", SPIRAL, "changes", Map.of("l2", 0.01), "speed", 0));
            Browser.Received started = browser.awaitType("started", WAIT);
            assertEquals("comparison", started.message().get("kind"));
            assertEquals(Map.of("l2", 0.01), started.message().get("changes"), "changes echoed for the shareable URL");
            assertEquals(List.of("l2"), started.message().get("differences"));
            assertEquals(0.0, ((Map<?, ?>) started.message().get("config")).get("l2"));
            assertEquals(0.01, ((Map<?, ?>) started.message().get("configB")).get("l2"));

            Map<String, List<Integer>> epochs = Map.of("a", new ArrayList<>(), "b", new ArrayList<>());
            List<String> ends = new ArrayList<>();
            Browser.Received[] first = new Browser.Received[1];
            browser.await(r -> {
                if ("compare-epoch".equals(r.type())) {
                    if (first[0] == null) first[0] = r;
                    List<Integer> a = epochNumbers(run(r, "a"));
                    List<Integer> b = epochNumbers(run(r, "b"));
                    if (!a.isEmpty() && !b.isEmpty()) assertEquals(a, b, "lockstep: the same epochs in each frame");
                    epochs.get("a").addAll(a);
                    epochs.get("b").addAll(b);
                }
                if ("event".equals(r.type()) && r.message().containsKey("run")) ends.add((String) r.message().get("run"));
                return ends.size() == 2;
            }, WAIT, "both runs' end events");

            Map<String, Object> a0 = scalars(run(first[0], "a")).get(0);
            Map<String, Object> b0 = scalars(run(first[0], "b")).get(0);
            assertEquals(0, a0.get("epoch"));
            assertEquals(0, b0.get("epoch"));
            for (String stat : List.of("l1Norm", "l2Norm", "weightCount", "nonZeroCount", "trainLoss", "validationLoss")) {
                assertEquals(a0.get(stat), b0.get(stat), "identical initial weights: " + stat);
            }
            assertEquals(0.0, a0.get("penalty"));
            assertTrue(((Number) b0.get("penalty")).doubleValue() > 0, "only the penalty differs at epoch 0");
            List<Integer> all = new ArrayList<>();
            for (int e = 0; e <= 200; e++) all.add(e);
            assertEquals(all, epochs.get("a"), "every epoch of A once, in order");
            assertEquals(all, epochs.get("b"), "every epoch of B once, in order");
            assertEquals(List.of("a", "b"), ends);

            browser.send(Map.of("type", "step"));
            assertEquals("run-ended", browser.awaitType("error", WAIT).message().get("code"));
        }
    }

    @Test
    void reset_shows_both_runs_untrained_with_the_same_weight_histograms_and_step_trains_one_epoch_of_each() {
        try (Browser browser = server.browser()) {
            browser.send(Map.of("type", "compare", "config", SPIRAL, "changes", Map.of("dropout", 0.5), "speed", 5));
            browser.awaitType("compare-epoch", WAIT);
            browser.send(Map.of("type", "reset"));
            browser.awaitEvent("reset", WAIT);
            Browser.Received started = browser.awaitType("started", WAIT);
            assertEquals("reset", started.message().get("reason"));
            assertEquals(Map.of("dropout", 0.5), started.message().get("changes"));
            Browser.Received zero = browser.awaitType("compare-epoch", WAIT);
            Map<?, ?> reportA = (Map<?, ?>) run(zero, "a").get("report");
            Map<?, ?> reportB = (Map<?, ?>) run(zero, "b").get("report");
            assertEquals(0, reportA.get("epoch"));
            List<?> layersA = (List<?>) reportA.get("layers");
            List<?> layersB = (List<?>) reportB.get("layers");
            for (int l = 0; l < layersA.size(); l++) {
                assertEquals(((Map<?, ?>) layersA.get(l)).get("weights"), ((Map<?, ?>) layersB.get(l)).get("weights"),
                        "layer " + l + ": the same weight histogram before training");
            }
            assertTrue(((Map<?, ?>) run(zero, "a").get("views")).containsKey("boundary"), "each run draws its views");
            assertTrue(((Map<?, ?>) run(zero, "b").get("views")).containsKey("boundary"));

            browser.send(Map.of("type", "step"));
            Browser.Received stepped = browser.awaitType("compare-epoch", WAIT);
            assertEquals(List.of(1), epochNumbers(run(stepped, "a")));
            assertEquals(List.of(1), epochNumbers(run(stepped, "b")));
            assertEquals(List.of(), TrainingSocketTest.types(browser.collect(Duration.ofMillis(500))), "a step is one epoch");
        }
    }

    @Test
    void an_update_changes_both_runs_except_the_compared_setting_which_changes_run_b_only() {
        try (Browser browser = server.browser()) {
            Map<String, Object> config = startLongComparison(browser, Map.of("l2", 0.01));

            browser.send("{\"type\":\"update\",\"config\":{\"learningRate\":0.1}}");
            Browser.Received both = browser.awaitEvent("updated", WAIT);
            assertEquals(0.1, ((Map<?, ?>) both.message().get("config")).get("learningRate"));
            assertEquals(0.1, ((Map<?, ?>) both.message().get("configB")).get("learningRate"));
            assertEquals(List.of("l2"), both.message().get("differences"), "a shared change keeps the comparison fair");

            browser.send("{\"type\":\"update\",\"config\":{\"l2\":0.05}}");
            Browser.Received onlyB = browser.awaitEvent("updated", WAIT);
            assertEquals(0.0, ((Map<?, ?>) onlyB.message().get("config")).get("l2"), "run A keeps no penalty");
            assertEquals(Map.of("l2", 0.05), onlyB.message().get("changes"));
            Browser.Received frame = browser.await(r -> "compare-epoch".equals(r.type()) && run(r, "b") != null
                    && ((Number) scalars(run(r, "b")).get(0).get("learningRate")).doubleValue() == 0.1, WAIT, "a frame after both updates");
            assertEquals(0.0, ((Number) scalars(run(frame, "a")).get(0).get("penalty")).doubleValue());
            assertTrue(((Number) scalars(run(frame, "b")).get(0).get("penalty")).doubleValue() > 0);

            browser.send("{\"type\":\"update\",\"config\":{\"hiddenLayers\":[4]}}");
            Browser.Received refused = browser.awaitType("error", WAIT);
            assertEquals("needs-reset", refused.message().get("code"));
            assertEquals("hiddenLayers", refused.message().get("field"));
            browser.awaitType("compare-epoch", WAIT);
        }
    }

    @Test
    void l2_next_to_no_l2_on_the_overfitting_setup_ends_with_a_smaller_gap() {
        try (Browser browser = server.browser()) {
            Map<String, Object> base = new LinkedHashMap<>(OVERFIT);
            base.put("l2", 0.0);
            browser.send(Map.of("type", "compare", "config", base, "changes", Map.of("l2", 0.01), "speed", 0));
            Map<String, Map<String, Object>> ends = new LinkedHashMap<>();
            browser.await(r -> {
                if (r.isEvent("finished")) ends.put((String) r.message().get("run"), r.message());
                return ends.size() == 2;
            }, Duration.ofSeconds(60), "both runs finished");
            double gapWithout = ((Number) ends.get("a").get("gap")).doubleValue();
            double gapWith = ((Number) ends.get("b").get("gap")).doubleValue();
            assertTrue(gapWith < gapWithout, "gap with L2 " + gapWith + " vs without " + gapWithout);
            assertEquals(80, ends.get("a").get("epochs"));
            assertEquals(80, ends.get("b").get("epochs"));
        }
    }

    @Test
    void a_comparison_that_changes_the_seed_or_the_data_is_refused_naming_the_field_and_the_run_goes_on() {
        try (Browser browser = server.browser()) {
            Map<String, Object> config = startLongComparison(browser, Map.of("l1", 0.001));
            assertRefused(browser, Map.of("type", "compare", "config", config, "changes", Map.of("seed", 9)), "seed");
            assertRefused(browser, Map.of("type", "compare", "config", config, "changes", Map.of("trainSize", 300)), "trainSize");
            assertRefused(browser, Map.of("type", "compare", "config", config, "changes", Map.of("l2", 0.0)), "changes");
            assertRefused(browser, Map.of("type", "compare", "config", config), "changes");
            assertRefused(browser, Map.of("type", "compare", "config", config, "changes", Map.of("l2", 7)), "l2");
        }
    }

    /** The error names the field, and the comparison that was running keeps producing epochs. */
    /** Starts a spiral comparison long enough to outlast the test, waits for its first frame, returns its config. */
    private static Map<String, Object> startLongComparison(Browser browser, Map<String, Object> changes) {
        Map<String, Object> config = new LinkedHashMap<>(SPIRAL);
        config.put("epochs", 5000);
        browser.send(Map.of("type", "compare", "config", config, "changes", changes, "speed", 50));
        browser.awaitType("compare-epoch", WAIT);
        return config;
    }

    static void assertRefused(Browser browser, Map<String, Object> message, String field) {
        browser.send(message);
        int[] before = {-1};
        Browser.Received error = browser.await(r -> {
            if ("compare-epoch".equals(r.type()) && run(r, "a") != null) before[0] = last(run(r, "a"));
            return "error".equals(r.type());
        }, WAIT, "error on " + field);
        assertEquals(field, error.message().get("field"), error.text());
        assertNotNull(error.message().get("message"));
        browser.await(r -> "compare-epoch".equals(r.type()) && run(r, "a") != null && last(run(r, "a")) > before[0],
                WAIT, "the comparison going on after the error");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> run(Browser.Received frame, String name) {
        return (Map<String, Object>) frame.message().get(name);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> scalars(Map<String, Object> run) {
        return (List<Map<String, Object>>) run.get("epochs");
    }

    static List<Integer> epochNumbers(Map<String, Object> run) {
        if (run == null) return List.of();
        return scalars(run).stream().map(e -> (Integer) e.get("epoch")).toList();
    }

    static int last(Map<String, Object> run) {
        List<Integer> numbers = epochNumbers(run);
        return numbers.get(numbers.size() - 1);
    }
}
