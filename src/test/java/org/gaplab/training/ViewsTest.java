package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gaplab.data.AugmentationSpec;
import org.gaplab.data.Datasets;
import org.gaplab.engine.Activation;
import org.gaplab.engine.Init;
import org.gaplab.engine.L1Mode;
import org.junit.jupiter.api.Test;

/** The pictures: a boundary that separates the classes, weight images with exact zeros, augmented samples. */
class ViewsTest {

    @Test
    void the_decision_boundary_of_a_trained_circle_model_matches_its_points() {
        TrainingConfig config = TrainingConfig.DEFAULTS.withEpochs(60).withOptimizer(org.gaplab.engine.OptimizerKind.SGD, 0.1);
        try (Trainer trainer = new Trainer(config, Datasets.load(config.data()))) {
            while (!trainer.isFinished()) trainer.runEpoch();
            Views views = new Views(trainer);
            Views.DecisionBoundary boundary = views.decisionBoundary().orElseThrow();
            assertEquals(Views.BOUNDARY_RESOLUTION * Views.BOUNDARY_RESOLUTION, boundary.levels().length);
            Views.Points points = views.points(1000).orElseThrow();
            int agree = 0;
            int n = points.test().length / 3;
            double cell = 2 * boundary.extent() / boundary.resolution();
            for (int i = 0; i < n; i++) {
                double x1 = points.test()[3 * i];
                double x2 = points.test()[3 * i + 1];
                int column = (int) Math.min(boundary.resolution() - 1, Math.floor((x1 + boundary.extent()) / cell));
                int row = (int) Math.min(boundary.resolution() - 1, Math.floor((boundary.extent() - x2) / cell));
                int predicted = boundary.levels()[row * boundary.resolution() + column] >= 128 ? 1 : 0;
                if (predicted == (int) points.test()[3 * i + 2]) agree++;
            }
            assertTrue(agree > 0.8 * n, "the map agrees with " + agree + " of " + n + " test points");
            assertTrue(views.firstLayerWeights(16).isEmpty(), "2-D sets have no weight images");
            List<Views.NetworkLayer> diagram = views.network(6);
            assertEquals(3, diagram.size());
            assertEquals(2, diagram.get(0).inputs());
            assertEquals(6, diagram.get(1).units(), "cut to the first 6 of 8 units");
            int strongest = java.util.Arrays.stream(diagram.get(1).weights()).map(Math::abs).max().orElseThrow();
            assertTrue(strongest <= 127 && strongest > 0);
        }
    }

    @Test
    void weight_images_show_l1_zeros_as_exact_zero_pixels_and_augmented_samples_differ_from_the_original() {
        TrainingConfig config = TrainingConfig.DEFAULTS
                .withData(TrainingConfig.DEFAULTS.data().withDataset("shapes").withSizes(200, 100, 100))
                .withModel(List.of(16), Activation.RELU, Init.HE_NORMAL).withEpochs(5).withBatchSize(20)
                .withL1(0.01, L1Mode.CLIP).withAugmentation(new AugmentationSpec(2, 10, false, 0, 0, 0, 0, 0));
        try (Trainer trainer = new Trainer(config, Datasets.load(config.data()))) {
            while (!trainer.isFinished()) trainer.runEpoch();
            Views views = new Views(trainer);
            Views.WeightImages images = views.firstLayerWeights(8).orElseThrow();
            assertEquals(8, images.units().size());
            assertEquals(28 * 28, images.units().get(0).length);
            long zeroPixels = images.units().stream().flatMapToInt(java.util.Arrays::stream).filter(p -> p == 0).count();
            double zeroWeights = trainer.lastReport().orElseThrow().layers().get(0).zeroFraction();
            assertTrue(zeroPixels >= zeroWeights * 8 * 784 * 0.9, "zeroed weights are blank pixels");

            Views.AugmentedSamples samples = views.augmentedSamples(0, 6, 1).orElseThrow();
            assertEquals(6, samples.samples().size());
            assertTrue(samples.samples().stream().anyMatch(s -> !java.util.Arrays.equals(s, samples.original())));
            assertTrue(views.decisionBoundary().isEmpty(), "images have no 2-D boundary");
        }
    }
}
