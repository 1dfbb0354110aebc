package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An image run's frames: the confusion matrix in every report, the misclassified strip whenever it changed. */
class ImageFramesSocketTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final RunningApp server = new RunningApp();

    @Test
    void an_image_run_streams_its_confusion_matrix_and_its_mistakes_as_they_change() {
        try (Browser browser = server.browser()) {
            browser.awaitType("hello", WAIT);
            browser.start(Map.of("dataset", "fashion-mnist", "trainSize", 200, "validationSize", 200, "testSize", 100,
                    "hiddenLayers", List.of(32), "activation", "relu", "init", "he-normal", "optimizer", "adam",
                    "learningRate", 0.003, "epochs", 12), 10);
            List<String> strips = new ArrayList<>();
            int reports = 0;
            while (true) {
                Browser.Received frame = browser.await(r -> "epoch".equals(r.type()) || r.isEvent("finished"), WAIT, "a frame");
                if (frame.isEvent("finished")) break;
                Map<String, Object> report = frame.report();
                if (report != null) {
                    Map<?, ?> confusion = (Map<?, ?>) report.get("confusion");
                    assertEquals(10, confusion.get("classes"));
                    int total = ((List<?>) confusion.get("counts")).stream().mapToInt(n -> ((Number) n).intValue()).sum();
                    assertEquals(200, total, "every validation image counted once");
                    reports++;
                }
                Map<?, ?> views = (Map<?, ?>) frame.message().get("views");
                if (views != null && views.containsKey("misclassified")) {
                    Map<?, ?> strip = (Map<?, ?>) views.get("misclassified");
                    assertTrue(((List<?>) strip.get("rows")).size() <= 12);
                    strips.add(strip.get("rows") + " as " + strip.get("predicted"));
                }
            }
            assertTrue(reports > 3, "reports: " + reports);
            assertTrue(strips.size() >= 2, "the strip is sent again when it changes: " + strips);
            assertEquals(strips.size(), strips.stream().distinct().count(), "and only then: " + strips);
        }
    }
}
