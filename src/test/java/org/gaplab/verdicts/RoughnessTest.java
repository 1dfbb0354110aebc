package org.gaplab.verdicts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gaplab.data.DataSpec;
import org.gaplab.data.Datasets;
import org.gaplab.engine.Activation;
import org.gaplab.engine.Init;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The roughness of first-layer weight images that the L2 image lesson's claim reads. */
class RoughnessTest {

    @Test
    void flat_is_0_a_checkerboard_2_and_a_gentle_ramp_close_to_0() {
        assertEquals(0, ModelFacts.roughness(new double[][] {{1, 1, 1, 1}}, 2), 0);
        // 2 × 2 checkerboard: every neighbour pair differs by 2, so mean Δw² = 4; mean w² = 1; R = 4 / 2.
        assertEquals(2, ModelFacts.roughness(new double[][] {{1, -1, -1, 1}}, 2), 1e-15);
        // 1 × 3 ramp 1, 2, 3: two right pairs with Δw² = 1; mean w² = 14/3; R = 1 / (28/3) = 3/28.
        assertEquals(3.0 / 28, ModelFacts.roughness(new double[][] {{1, 2, 3}}, 3), 1e-15);
        assertTrue(Double.isNaN(ModelFacts.roughness(new double[][] {{0, 0}}, 2)), "no weights, no picture");
    }

    @Test
    void independent_random_weights_are_pure_speckle() {
        TrainingConfig config = TrainingConfig.DEFAULTS
                .withData(DataSpec.DEFAULTS.withDataset("fashion-mnist").withSizes(100, 100, 100))
                .withModel(List.of(64), Activation.RELU, Init.HE_NORMAL);
        try (Trainer trainer = new Trainer(config, Datasets.load(config.data()))) {
            double r = ModelFacts.roughness(trainer.network(), trainer.data());
            assertEquals(1, r, 0.02, "independent weights: E(w_p − w_q)² = 2·E w²");
        }
        TrainingConfig points = TrainingConfig.DEFAULTS;
        try (Trainer trainer = new Trainer(points, Datasets.load(points.data()))) {
            assertTrue(Double.isNaN(ModelFacts.roughness(trainer.network(), trainer.data())), "2-D points make no picture");
        }
    }
}
