package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.Sweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sweeps over the socket: many runs inside one session's fair share, progress for each, the best on validation. */
class SweepSocketTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final RunningApp server = new RunningApp();

    @Test
    void an_l2_sweep_on_the_overfitting_setup_streams_every_runs_progress_and_picks_a_value_inside_the_grid() {
        try (Browser browser = server.browser()) {
            browser.send(Map.of("type", "sweep", "config", ComparisonSocketTest.OVERFIT));   // default: l2, 8 values
            Browser.Received started = browser.awaitType("started", WAIT);
            assertEquals("sweep", started.message().get("kind"));
            assertEquals("l2", started.message().get("param"));
            List<?> values = (List<?>) started.message().get("values");
            assertEquals(8, values.size());
            assertEquals(1e-5, ((Number) values.get(0)).doubleValue(), 1e-12);
            assertEquals(1.0, ((Number) values.get(7)).doubleValue(), 1e-12);
            assertEquals(8, started.message().get("concurrent"), "small networks all train at once");
            assertEquals(640, started.message().get("totalEpochs"));

            Map<Integer, List<Integer>> progress = new TreeMap<>();
            Map<Integer, Map<String, Object>> finished = new TreeMap<>();
            Browser.Received summary = browser.await(r -> {
                if ("sweep-epoch".equals(r.type())) {
                    for (Object item : (List<?>) r.message().get("runs")) {
                        Map<?, ?> run = (Map<?, ?>) item;
                        int index = (Integer) run.get("index");
                        assertEquals(values.get(index), run.get("value"));
                        for (Object epoch : (List<?>) run.get("epochs")) {
                            progress.computeIfAbsent(index, i -> new ArrayList<>()).add((Integer) ((Map<?, ?>) epoch).get("epoch"));
                        }
                    }
                }
                if ("sweep-run".equals(r.type())) finished.put((Integer) r.message().get("index"), r.message());
                return "sweep-summary".equals(r.type());
            }, Duration.ofSeconds(80), "the sweep's summary");

            List<Integer> all = new ArrayList<>();
            for (int e = 0; e <= 80; e++) all.add(e);
            for (int index = 0; index < 8; index++) {
                assertEquals(all, progress.get(index), "value " + index + ": every epoch once, in order");
                assertEquals(80, finished.get(index).get("epochs"));
                assertEquals("l2", finished.get(index).get("param"));
            }
            int best = (Integer) summary.message().get("bestIndex");
            assertTrue(best > 0 && best < 7, "the best λ lies strictly inside the grid: index " + best);
            assertEquals(values.get(best), summary.message().get("bestValue"));
            assertEquals("validationLoss", summary.message().get("pickedBy"));
            List<?> runs = (List<?>) summary.message().get("runs");
            assertEquals(8, runs.size());
            double bestLoss = validationLoss(runs.get(best));
            for (Object run : runs) assertTrue(validationLoss(run) >= bestLoss, "the best has the lowest validation loss");
            assertTrue(((Map<?, ?>) runs.get(0)).containsKey("testLoss"), "test is shown");
            assertTrue(gap(runs.get(0)) > gap(runs.get(best)), "tiny λ overfits");

            // Trained in turns inside one session, the runs end exactly as the engine's sweep ends them.
            ExecutorService executor = Executors.newFixedThreadPool(2);
            try {
                Sweep.Result engine = Sweep.run(ConfigValues.fromMap(ComparisonSocketTest.OVERFIT), "l2",
                        Sweep.logGrid(1e-5, 1, 8), executor, Sweep.Progress.NONE);
                assertEquals(engine.bestIndex(), best);
                for (int i = 0; i < 8; i++) {
                    assertEquals(engine.points().get(i).model().losses().validation(), validationLoss(runs.get(i)), "value " + i);
                }
            } finally {
                executor.shutdownNow();
            }

            browser.send(Map.of("type", "resume"));
            assertEquals("run-ended", browser.awaitType("error", WAIT).message().get("code"));
        }
    }

    @Test
    void a_sweep_pauses_steps_one_epoch_of_each_run_refuses_config_updates_and_exports_and_stops() {
        try (Browser browser = server.browser()) {
            browser.send(Map.of("type", "sweep", "config", Map.of("dataset", "circle", "epochs", 2000), "param", "dropout",
                    "values", List.of(0.4, 0, 0.2), "speed", 30));
            Browser.Received started = browser.awaitType("started", WAIT);
            assertEquals(List.of(0.0, 0.2, 0.4), started.message().get("values"), "values in ascending order");
            browser.awaitType("sweep-epoch", WAIT);
            browser.send(Map.of("type", "pause"));
            browser.awaitEvent("paused", WAIT);
            assertEquals(List.of(), TrainingSocketTest.types(browser.collect(Duration.ofMillis(500))), "paused");

            browser.send(Map.of("type", "step"));
            Map<Integer, Integer> stepped = new TreeMap<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (stepped.values().stream().mapToInt(Integer::intValue).sum() < 3 && System.nanoTime() < deadline) {
                Browser.Received frame = browser.awaitType("sweep-epoch", WAIT);
                for (Object item : (List<?>) frame.message().get("runs")) {
                    Map<?, ?> run = (Map<?, ?>) item;
                    stepped.merge((Integer) run.get("index"), ((List<?>) run.get("epochs")).size(), Integer::sum);
                }
            }
            assertEquals(Map.of(0, 1, 1, 1, 2, 1), stepped, "a step is one epoch of each run");
            assertEquals(List.of(), TrainingSocketTest.types(browser.collect(Duration.ofMillis(500))), "and no more");

            browser.send("{\"type\":\"update\",\"config\":{\"l2\":0.1}}");
            Browser.Received refused = browser.awaitType("error", WAIT);
            assertEquals("needs-reset", refused.message().get("code"));
            assertEquals("l2", refused.message().get("field"));
            browser.send(Map.of("type", "export"));
            assertEquals("no-model", browser.awaitType("error", WAIT).message().get("code"));

            browser.send(Map.of("type", "stop"));
            assertEquals("client", browser.awaitEvent("stopped", WAIT).message().get("reason"));
        }
    }

    @Test
    void a_sweep_of_the_training_set_size_trains_one_run_at_a_time_and_a_reset_repeats_it_exactly() {
        try (Browser browser = server.browser()) {
            Map<?, ?> limits = (Map<?, ?>) browser.awaitType("hello", WAIT).message().get("limits");
            assertEquals(16, limits.get("maxSweepValues"));
            assertEquals(40_000, limits.get("maxSweepEpochs"));
            assertEquals(1_000_000, limits.get("maxExportParameters"));

            browser.send(Map.of("type", "sweep", "config", Map.of("dataset", "moons", "epochs", 15), "param", "trainSize",
                    "values", List.of(20, 80, 40)));
            Browser.Received started = browser.awaitType("started", WAIT);
            assertEquals(List.of(20.0, 40.0, 80.0), started.message().get("values"));
            assertEquals(1, started.message().get("concurrent"), "each value has its own data: one at a time");
            List<Integer> order = new ArrayList<>();
            Browser.Received summary = browser.await(r -> {
                if ("sweep-epoch".equals(r.type())) {
                    for (Object run : (List<?>) r.message().get("runs")) {
                        Integer index = (Integer) ((Map<?, ?>) run).get("index");
                        if (order.isEmpty() || order.get(order.size() - 1) != index.intValue()) order.add(index);
                    }
                }
                return "sweep-summary".equals(r.type());
            }, WAIT, "the summary");
            assertEquals(List.of(0, 1, 2), order, "the runs one after another");

            browser.send(Map.of("type", "reset"));
            assertEquals("reset", browser.awaitType("started", WAIT).message().get("reason"));
            browser.send(Map.of("type", "resume"));
            Browser.Received again = browser.awaitType("sweep-summary", WAIT);
            assertEquals(summary.message().get("runs"), again.message().get("runs"), "the same seed, the same sweep");
        }
    }

    @Test
    void bad_sweeps_are_refused_naming_the_field_while_the_run_goes_on() {
        try (Browser browser = server.browser()) {
            browser.start(Map.of("epochs", 10_000), 100);
            Map<String, Object> config = Map.of("dataset", "circle", "epochs", 100);
            assertRefused(browser, sweep(config, "param", "seed"), "param");
            assertRefused(browser, sweep(config, "values", List.of(0.1)), "values");
            List<Double> seventeen = new ArrayList<>();
            for (int i = 1; i <= 17; i++) seventeen.add(i / 100.0);
            assertRefused(browser, sweep(config, "values", seventeen), "values");
            assertRefused(browser, sweep(config, "values", List.of(0.1, 5)), "values");
            assertRefused(browser, sweep(config, "grid", Map.of("from", 1e-5, "to", 1, "count", 40)), "grid.count");
            assertRefused(browser, sweep(config, "grid", Map.of("from", 0, "to", 1, "count", 4)), "grid.from");
            assertRefused(browser, sweep(Map.of("epochs", 10_000), "values", List.of(0.1, 0.2, 0.3, 0.4, 0.5)), "epochs");
            assertRefused(browser, sweep(config, "param", "learningRate"), "values");
        }
    }

    private static Map<String, Object> sweep(Map<String, Object> config, String key, Object value) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "sweep");
        message.put("config", config);
        message.put(key, value);
        return message;
    }

    /** The error names the field, and the run that was going keeps producing epochs. */
    private static void assertRefused(Browser browser, Map<String, Object> message, String field) {
        browser.send(message);
        int[] before = {-1};
        Browser.Received error = browser.await(r -> {
            if ("epoch".equals(r.type())) before[0] = TrainingSocketTest.lastEpoch(r);
            return "error".equals(r.type());
        }, WAIT, "error on " + field);
        assertEquals("invalid", error.message().get("code"), error.text());
        assertEquals(field, error.message().get("field"), error.text());
        browser.await(r -> "epoch".equals(r.type()) && TrainingSocketTest.lastEpoch(r) > before[0], WAIT,
                "the run going on after the error");
    }

    private static double validationLoss(Object run) {
        return ((Number) ((Map<?, ?>) run).get("validationLoss")).doubleValue();
    }

    private static double gap(Object run) {
        return ((Number) ((Map<?, ?>) run).get("gap")).doubleValue();
    }
}
