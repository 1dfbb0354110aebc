package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.gaplab.data.DataSpec;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.gaplab.engine.Activation;
import org.gaplab.engine.Init;
import org.gaplab.engine.OptimizerKind;
import org.junit.jupiter.api.Test;

/** The validation confusion matrix, per-class accuracy and the misclassified strip: by hand, then on a real run. */
class ConfusionMatrixTest {

    @Test
    void counts_per_class_accuracy_and_the_first_mistakes_match_a_hand_count() {
        // Eight examples of three classes: (row, true, predicted).
        int[][] seen = {{0, 0, 0}, {1, 0, 1}, {2, 1, 1}, {3, 2, 0}, {4, 2, 2}, {5, 0, 0}, {6, 2, 1}, {7, 1, 1}};
        ConfusionMatrix.Counter counter = new ConfusionMatrix.Counter(3, 2);
        for (int[] example : seen) counter.add(example[0], example[1], example[2]);
        ConfusionMatrix matrix = counter.matrix();
        //            predicted 0  1  2
        int[] byHand = {          2, 1, 0,     // true 0: rows 0, 5 right; row 1 taken for a 1
                                  0, 2, 0,     // true 1: rows 2, 7 right
                                  1, 1, 1};    // true 2: row 4 right; row 3 taken for a 0, row 6 for a 1
        assertArrayEquals(byHand, matrix.counts());
        assertEquals(8, matrix.total());
        assertEquals(1, matrix.count(2, 0));
        assertArrayEquals(new double[] {2.0 / 3, 1.0, 1.0 / 3}, matrix.classAccuracy(), 1e-15);
        ConfusionMatrix.Mistakes mistakes = counter.mistakes();
        assertArrayEquals(new int[] {1, 3}, mistakes.rows(), "the first two of the three mistakes, in the split's order");
        assertArrayEquals(new int[] {1, 0}, mistakes.predicted());
        assertTrue(Double.isNaN(new ConfusionMatrix(2, new int[] {0, 0, 3, 1}).classAccuracy()[0]),
                "a class with no examples has no accuracy");
    }

    @Test
    void a_fashion_run_reports_its_validation_confusion_and_draws_its_mistakes() {
        TrainingConfig config = TrainingConfig.DEFAULTS
                .withData(DataSpec.DEFAULTS.withDataset("fashion-mnist").withSizes(200, 300, 100))
                .withModel(List.of(32), Activation.RELU, Init.HE_NORMAL)
                .withOptimizer(OptimizerKind.ADAM, 0.003)
                .withBatchSize(32)
                .withEpochs(3);
        DataSplits data = Datasets.load(config.data());
        try (Trainer trainer = new Trainer(config, data)) {
            EpochReport start = trainer.initialReport();
            EpochReport trained = trainer.runEpoch().orElseThrow();
            for (EpochReport report : List.of(start, trained)) {
                ConfusionMatrix confusion = report.validation().confusion();
                assertEquals(10, confusion.classes());
                assertEquals(300, confusion.total(), "every validation image is counted once");
                int[] perClass = new int[10];
                for (int label : data.validation().labels()) perClass[label]++;
                int right = 0;
                for (int t = 0; t < 10; t++) {
                    int row = 0;
                    for (int p = 0; p < 10; p++) row += confusion.count(t, p);
                    assertEquals(perClass[t], row, "row " + t + " holds the validation images of class " + t);
                    assertEquals((double) confusion.count(t, t) / row, report.validation().classAccuracy()[t], 1e-15);
                    right += confusion.count(t, t);
                }
                assertEquals(report.accuracies().validation(), right / 300.0, 1e-15, "the diagonal is the accuracy");
            }
            assertNotEquals(Arrays.toString(start.validation().confusion().counts()), Arrays.toString(trained.validation().confusion().counts()),
                    "an epoch of training changes what it confuses");

            Views.Misclassified strip = new Views(trainer).misclassified().orElseThrow();
            assertEquals(Views.MISCLASSIFIED, strip.rows().length, "a network after one epoch gets more than 12 wrong");
            for (int i = 0; i < strip.rows().length; i++) {
                int row = strip.rows()[i];
                assertEquals(data.validation().labels()[row], strip.labels()[i]);
                assertNotEquals(strip.labels()[i], strip.predicted()[i], "only mistakes are shown");
                assertTrue(i == 0 || strip.rows()[i - 1] < row, "in the split's order");
                assertEquals(28 * 28, strip.images().get(i).length);
                assertTrue(Arrays.stream(strip.images().get(i)).max().orElse(0) > 100, "the image itself, with ink");
            }
        }
    }

    @Test
    void only_image_data_carries_a_confusion_matrix() {
        TrainingConfig circle = TrainingConfig.DEFAULTS.withEpochs(1);
        try (Trainer trainer = new Trainer(circle, Datasets.load(circle.data()))) {
            assertNull(trainer.runEpoch().orElseThrow().validation().confusion());
            assertTrue(new Views(trainer).misclassified().isEmpty());
        }
    }
}
