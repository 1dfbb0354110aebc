package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.gaplab.data.Datasets;
import org.junit.jupiter.api.Test;

/** The reliability diagram and the expected calibration error against a hand computation, then on a real run. */
class CalibrationTest {
    @Test
    void five_predictions_bin_and_weigh_as_computed_by_hand() {
        Calibration.Tally tally = new Calibration.Tally();
        tally.add(0.95, true);
        tally.add(0.95, false);
        tally.add(0.85, true);
        tally.add(0.65, true);
        tally.add(0.55, false);
        Calibration diagram = tally.result();
        assertEquals(2, diagram.count()[9]);
        assertEquals(0.95, diagram.confidence()[9], 1e-12);
        assertEquals(0.5, diagram.accuracy()[9], 1e-12);
        assertEquals(1, diagram.count()[8]);
        assertEquals(1, diagram.count()[6]);
        assertEquals(1, diagram.count()[5]);
        assertEquals(0, diagram.count()[0]);
        assertTrue(Double.isNaN(diagram.accuracy()[0]));
        // ECE = (2·|0.5 − 0.95| + |1 − 0.85| + |1 − 0.65| + |0 − 0.55|) / 5
        assertEquals((2 * 0.45 + 0.15 + 0.35 + 0.55) / 5, diagram.error(), 1e-12);
        assertEquals((0.95 * 2 + 0.85 + 0.65 + 0.55) / 5, diagram.meanConfidence(), 1e-12);
    }

    @Test
    void a_confidence_of_one_lands_in_the_last_bin_and_a_sigmoid_is_sure_of_either_side() {
        Calibration.Tally tally = new Calibration.Tally();
        tally.add(1.0, true);
        assertEquals(1, tally.result().count()[Calibration.BINS - 1]);
        assertEquals(0.8, Calibration.confidence(new double[] {0.2}, 0, 1), 1e-12);
        assertEquals(0.7, Calibration.confidence(new double[] {0.1, 0.7, 0.2}, 0, 3), 1e-12);
    }

    @Test
    void a_report_bins_every_validation_example_and_its_accuracy_matches_the_reported_one() {
        TrainingConfig config = TrainingConfig.DEFAULTS.withEpochs(5);
        try (Trainer trainer = new Trainer(config, Datasets.load(config.data()))) {
            EpochReport report = trainer.runEpoch().orElseThrow();
            Calibration diagram = report.validation().calibration();
            assertEquals(config.data().validationSize(), Arrays.stream(diagram.count()).sum());
            double correct = 0;
            for (int b = 0; b < Calibration.BINS; b++) if (diagram.count()[b] > 0) correct += diagram.accuracy()[b] * diagram.count()[b];
            assertEquals(report.accuracies().validation(), correct / config.data().validationSize(), 1e-9);
            assertTrue(diagram.error() >= 0 && diagram.error() <= 1, "ECE " + diagram.error());
        }
    }
}
