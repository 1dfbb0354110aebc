package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gaplab.protocol.Json;
import org.gaplab.protocol.ModelExport;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Taking a model away: its weights with the config and seed that reproduce the run. */
class ExportSocketTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final RunningApp server = new RunningApp();

    @Test
    void an_export_holds_the_weights_and_a_config_that_reproduces_the_runs_first_epoch() {
        Map<String, Object> config = Map.of("dataset", "spiral", "hiddenLayers", List.of(12, 6), "l2", 0.001,
                "epochs", 1000, "seed", 42);
        try (Browser browser = server.browser()) {
            browser.start(config, 0);
            List<Map<String, Object>> epochs = new ArrayList<>();
            browser.await(r -> {
                if ("epoch".equals(r.type())) epochs.addAll(r.epochs());
                return epochs.size() > 5;
            }, WAIT, "five epochs");
            browser.send(Map.of("type", "pause"));
            int paused = TrainingSocketTest.lastEpochBefore(browser, "paused");

            browser.send(Map.of("type", "export"));
            Browser.Received answer = browser.awaitType("model", WAIT);
            assertEquals("run", answer.message().get("kind"));
            Map<?, ?> model = (Map<?, ?>) answer.message().get("model");
            assertEquals("gaplab-model", model.get("format"));
            assertEquals(paused, model.get("epoch"), "the weights as they are now");
            assertEquals(42, model.get("seed"));
            assertEquals(List.of(2, 12, 6, 1), model.get("sizes"));
            List<?> layers = (List<?>) model.get("layers");
            assertEquals(3, layers.size());
            for (Object item : layers) {
                Map<?, ?> layer = (Map<?, ?>) item;
                int fanIn = (Integer) layer.get("fanIn");
                int fanOut = (Integer) layer.get("fanOut");
                assertEquals(fanIn * fanOut, ((List<?>) layer.get("weights")).size());
                assertEquals(fanOut, ((List<?>) layer.get("biases")).size());
            }

            TrainingConfig reimported = ModelExport.readConfig(Json.write(model));
            assertEquals(Browser.parse(Json.write(Json.config(reimported))), model.get("config"), "the run's config");
            browser.start(ConfigValues.toMap(reimported), 0);
            Browser.Received again = browser.await(r -> "epoch".equals(r.type()) && TrainingSocketTest.lastEpoch(r) >= 1,
                    WAIT, "epoch 1 of the re-imported config");
            Map<String, Object> firstAgain = again.epochs().stream().filter(e -> e.get("epoch").equals(1)).findFirst()
                    .orElseThrow();
            assertEquals(epochs.get(1), firstAgain, "the same first epoch, number for number");
        }
    }

    @Test
    void a_comparisons_export_holds_both_models_and_what_differs() {
        try (Browser browser = server.browser()) {
            browser.send(Map.of("type", "compare", "config", Map.of("dataset", "xor", "epochs", 1000),
                    "changes", Map.of("l1", 0.003), "speed", 50));
            browser.awaitType("compare-epoch", WAIT);
            browser.send(Map.of("type", "export"));
            Browser.Received answer = browser.awaitType("model", WAIT);
            assertEquals("comparison", answer.message().get("kind"));
            assertEquals(List.of("l1"), answer.message().get("differences"));
            Map<?, ?> a = (Map<?, ?>) answer.message().get("a");
            Map<?, ?> b = (Map<?, ?>) answer.message().get("b");
            assertEquals(0.0, ((Map<?, ?>) a.get("config")).get("l1"));
            assertEquals(0.003, ((Map<?, ?>) b.get("config")).get("l1"));
            assertEquals(a.get("epoch"), b.get("epoch"), "exported at the same lockstep epoch");
            assertEquals(ModelExport.readConfig(Json.write(a)).seed(), ModelExport.readConfig(Json.write(b)).seed());
        }
    }

    @Test
    void an_export_above_the_servers_limit_is_refused_naming_the_layers_and_the_run_goes_on() {
        try (Browser browser = server.browser()) {
            // (100+1)·1024 + (1024+1)·1024 + (1024+1)·1 = 1,154,049 parameters: trainable, too big to export.
            browser.start(Map.of("dataset", "noisy-features", "trainSize", 10, "validationSize", 10, "testSize", 10,
                    "hiddenLayers", List.of(1024, 1024), "epochs", 100), 5);
            browser.awaitType("epoch", WAIT);
            browser.send(Map.of("type", "export"));
            Browser.Received error = browser.awaitType("error", WAIT);
            assertEquals("too-large", error.message().get("code"));
            assertEquals("hiddenLayers", error.message().get("field"));
            assertTrue(((String) error.message().get("allowed")).contains("1000000"), error.text());
            browser.await(r -> "epoch".equals(r.type()) && TrainingSocketTest.lastEpoch(r) >= 1, WAIT, "the run going on");
            browser.send(Map.of("type", "stop"));
        }
    }
}
