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
            double own = trainer.network().layer(1).weight(2, 5);
            assertEquals(own, diagram.get(1).weights()[2 * 6 + 5], Math.abs(own) * 5e-3,
                    "a link carries its own weight, to three significant digits");
            for (int i = 0; i < n; i++) {
                assertTrue(Math.abs(points.test()[3 * i]) <= boundary.extent() && Math.abs(points.test()[3 * i + 1]) <= boundary.extent(),
                        "the boundary's square holds every point");
            }
        }
    }

    @Test
    void the_diagram_draws_three_significant_digits_and_zero_only_for_zero() {
        assertEquals(-0.0735f, Views.drawn(-0.07350276));
        assertEquals(123f, Views.drawn(123.4567));
        assertEquals(0.000999f, Views.drawn(0.00099904));
        assertEquals(0f, Views.drawn(0.0));
        assertEquals(Float.MIN_VALUE, Views.drawn(1e-300), "a weight too small for a float is still drawn as not zero");
        assertEquals(-Float.MIN_VALUE, Views.drawn(-1e-300));
    }

    @Test
    void each_hidden_unit_gets_a_picture_of_its_output_over_the_plane() {
        TrainingConfig config = TrainingConfig.DEFAULTS.withModel(List.of(6, 4), Activation.TANH, Init.XAVIER_NORMAL).withEpochs(3);
        try (Trainer trainer = new Trainer(config, Datasets.load(config.data()))) {
            trainer.runEpoch();
            Views views = new Views(trainer);
            assertTrue(views.neurons(32).isEmpty(), "the pictures come from the boundary's forward pass");
            views.decisionBoundary().orElseThrow();
            Views.Neurons neurons = views.neurons(32).orElseThrow();
            assertEquals(List.of(6, 4), neurons.layers().stream().map(l -> l.pictures().size()).toList());
            int side = Views.BOUNDARY_RESOLUTION / Views.NEURON_STRIDE;
            assertEquals(side, neurons.resolution());
            int[] unit = neurons.layers().get(0).pictures().get(0);
            assertEquals(side * side, unit.length);
            assertTrue(java.util.Arrays.stream(unit).distinct().count() > 10, "a tanh unit of x1, x2 varies over the plane");
            assertEquals(2, views.neurons(2).orElseThrow().layers().get(0).pictures().size(), "cut to the first units");
            assertEquals(6, views.neurons(2).orElseThrow().layers().get(0).units(), "and says how many there are");
        }
    }

    @Test
    void a_small_weight_is_drawn_faint_never_blank_and_only_an_exact_zero_is_blank() {
        assertEquals(0, Views.level(0.0, 2.0));
        assertEquals(0, Views.level(-0.0, 2.0));
        assertEquals(1, Views.level(1e-9, 2.0), "rounds to 0 at 127 levels, drawn as the faintest non-zero");
        assertEquals(-1, Views.level(-1e-9, 2.0));
        assertEquals(127, Views.level(2.0, 2.0));
        assertEquals(-32, Views.level(-0.5, 2.0));
    }

    @Test
    void subgradient_l1_weights_that_hover_near_zero_are_not_drawn_as_zeros() {
        TrainingConfig config = TrainingConfig.DEFAULTS
                .withData(TrainingConfig.DEFAULTS.data().withDataset("noisy-features").withSizes(200, 100, 100))
                .withModel(List.of(16), Activation.TANH, Init.XAVIER_NORMAL).withEpochs(40)
                .withOptimizer(org.gaplab.engine.OptimizerKind.SGD, 0.1).withL1(0.02, L1Mode.SUBGRADIENT);
        try (Trainer trainer = new Trainer(config, Datasets.load(config.data()))) {
            while (!trainer.isFinished()) trainer.runEpoch();
            Views views = new Views(trainer);
            Views.WeightImages images = views.firstLayerWeights(16).orElseThrow();
            assertEquals(100, images.width(), "noisy features: one row of inputs per unit");
            assertEquals(1, images.height());
            double[] w = trainer.network().layer(0).weights();
            long drawnZero = 0;
            long exactZero = 0;
            long tiny = 0;
            for (int unit = 0; unit < 16; unit++) {
                for (int input = 0; input < 100; input++) {
                    double weight = w[input * 16 + unit];
                    boolean blank = images.units().get(unit)[input] == 0;
                    assertEquals(weight == 0.0, blank, "unit " + unit + " input " + input + ": w = " + weight);
                    if (blank) drawnZero++;
                    if (weight == 0.0) exactZero++;
                    if (weight != 0 && Math.abs(127 * weight / images.scale()) < 0.5) tiny++;
                }
            }
            assertEquals(exactZero, drawnZero);
            assertTrue(tiny > 100, "many weights are small enough to round to 0 at 127 levels: " + tiny);
        }
    }

    @Test
    void crossed_cells_are_drawn_as_their_map_and_cells_never_in_training_are_named() {
        TrainingConfig config = TrainingConfig.DEFAULTS
                .withData(TrainingConfig.DEFAULTS.data().withDataset("feature-cross").withSizes(300, 100, 100))
                .withModel(List.of(), Activation.TANH, Init.XAVIER_NORMAL).withEpochs(2);
        try (Trainer trainer = new Trainer(config, Datasets.load(config.data()))) {
            trainer.runEpoch();
            Views views = new Views(trainer);
            Views.WeightImages map = views.firstLayerWeights(16).orElseThrow();
            assertEquals(config.data().crossColumns(), map.width());
            assertEquals(config.data().crossRows(), map.height());
            assertTrue(map.output(), "no hidden layer: the pictures are the output unit's weights");
            assertEquals(1, map.units().size());
            int unseenCells = trainer.lastReport().orElseThrow().inputs().stream()
                    .filter(g -> g.kind().equals("cell") && !g.inTraining()).mapToInt(InputGroup::count).sum();
            assertEquals(unseenCells, views.inputs().orElseThrow().unseen().length);
            assertTrue(unseenCells > 0, "most of the map is ocean");
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
            double zeroWeights = trainer.lastReport().orElseThrow().layers().get(0).sparsity().zeroFraction();
            assertTrue(zeroPixels >= zeroWeights * 8 * 784 * 0.9, "zeroed weights are blank pixels");

            Views.AugmentedSamples samples = views.augmentedSamples(0, 6, 1).orElseThrow();
            assertEquals(6, samples.samples().size());
            assertTrue(samples.samples().stream().anyMatch(s -> !java.util.Arrays.equals(s, samples.original())));
            assertTrue(views.decisionBoundary().isEmpty(), "images have no 2-D boundary");
        }
    }
}
