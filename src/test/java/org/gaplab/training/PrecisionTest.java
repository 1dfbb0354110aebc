package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.gaplab.engine.Backend;
import org.gaplab.engine.DenseLayer;
import org.gaplab.engine.Precision;
import org.gaplab.protocol.Json;
import org.junit.jupiter.api.Test;

/**
 * Training in float32 and in float64 on real images: a float32 run holds floats, repeats bit for bit on any thread
 * count and backend it was given, keeps L1's exact zeros, and learns as well as the float64 reference without being
 * it. The network is large enough that every product and the optimizer's update are split among two threads.
 */
class PrecisionTest {
    private static final TrainingConfig IMAGES = ConfigValues.fromMap(Map.ofEntries(
            Map.entry("dataset", "fashion-mnist"), Map.entry("trainSize", 600), Map.entry("validationSize", 300),
            Map.entry("testSize", 300), Map.entry("hiddenLayers", List.of(64)), Map.entry("optimizer", "sgd"),
            Map.entry("learningRate", 0.1), Map.entry("batchSize", 64), Map.entry("epochs", 4), Map.entry("l1", 2e-3),
            Map.entry("l1Mode", "clip")));

    /** A run's every report and its end as the protocol writes them, with the trained network. */
    private record Trained(String transcript, List<DenseLayer> layers, double validationAccuracy) { }

    private static Trained train(Backend backend, Precision precision, int threads) {
        DataSplits data = Datasets.load(IMAGES.data());
        try (Trainer trainer = new Trainer(IMAGES, data, backend, precision, threads)) {
            StringBuilder out = new StringBuilder();
            double[] accuracy = new double[1];
            RunEnd end = trainer.run(new TrainingListener() {
                @Override public void onEpoch(EpochReport report) {
                    out.append(Json.write(Json.epoch(report))).append('\n');
                    accuracy[0] = report.accuracies().validation();
                }

                @Override public void onEnd(RunEnd ended) { }
            });
            return new Trained(out.append(Json.write(Json.end(end))).toString(), trainer.network().layers(), accuracy[0]);
        }
    }

    private static List<Backend> backends() {
        return Backend.BLAS.isAvailable() ? List.of(Backend.BLAS, Backend.JAVA) : List.of(Backend.JAVA);
    }

    @Test
    void a_float32_run_holds_floats_repeats_on_any_thread_count_and_keeps_exact_zeros() {
        int threads = Math.min(2, Backend.maxThreads());
        for (Backend backend : backends()) {
            Trained one = train(backend, Precision.F32, 1);
            assertEquals(one.transcript(), train(backend, Precision.F32, threads).transcript(), backend + ": threads");
            int zeros = 0;
            for (DenseLayer layer : one.layers()) {
                for (double w : layer.weights()) {
                    assertEquals((float) w, w, 0.0, backend + ": every weight is a float");
                    if (w == 0) zeros++;
                }
                for (double b : layer.biases()) assertEquals((float) b, b, 0.0, backend + ": every bias is a float");
            }
            assertTrue(zeros > 1000, backend + ": L1 clip leaves exact zeros in float32 too (" + zeros + ")");
        }
    }

    @Test
    void float32_learns_as_well_as_the_float64_reference_without_being_it() {
        for (Backend backend : backends()) {
            Trained single = train(backend, Precision.F32, 1);
            Trained reference = train(backend, Precision.F64, 1);
            assertNotEquals(single.transcript(), reference.transcript(), backend + ": the precision is used");
            double singleAccuracy = single.validationAccuracy();
            double referenceAccuracy = reference.validationAccuracy();
            assertTrue(referenceAccuracy > 0.6, backend + ": the reference learns (" + referenceAccuracy + ")");
            assertEquals(referenceAccuracy, singleAccuracy, 0.03, backend + ": float32 learns alike");
            boolean someWeightIsNotAFloat = reference.layers().stream()
                    .anyMatch(layer -> java.util.Arrays.stream(layer.weights()).anyMatch(w -> (float) w != w));
            assertTrue(someWeightIsNotAFloat, backend + ": float64 keeps its digits");
        }
    }
}
