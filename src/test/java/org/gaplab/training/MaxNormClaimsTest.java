package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.gaplab.engine.DenseLayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pairing the dropout paper recommends, on real training through the {@code maxNorm} setting: dropout 0.5 on
 * noisy-features with a large learning rate lets units' incoming weights grow far past c = 3; {@code "maxNorm": 3}
 * keeps every unit at or inside c after every epoch, and the run's weights bounded.
 */
class MaxNormClaimsTest {
    private static final double LIMIT = 3;
    private static final TrainingConfig NOISY_DROPOUT = SparsityClaimsTest.NOISY
            .withOptimizer(org.gaplab.engine.OptimizerKind.MOMENTUM, 0.2)
            .withDropout(List.of(0.5), 0)
            .withEpochs(40);

    /** Per epoch, the largest ‖w_j‖₂ over every unit of every layer, and the whole run's ‖w‖₂ last. */
    private static double[] largestNorms(TrainingConfig config) {
        DataSplits data = Datasets.load(config.data());
        double[] largest = new double[config.epochs() + 1];
        try (Trainer trainer = new Trainer(config, data)) {
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                EpochReport report = trainer.runEpoch().orElseThrow();
                assertTrue(Double.isFinite(report.losses().train()), "the run trains");
                for (DenseLayer layer : trainer.network().layers()) {
                    for (int j = 0; j < layer.fanOut(); j++) {
                        double squares = 0;
                        for (int i = 0; i < layer.fanIn(); i++) squares += layer.weight(i, j) * layer.weight(i, j);
                        largest[epoch] = Math.max(largest[epoch], Math.sqrt(squares));   // ‖w_j‖₂
                    }
                }
                largest[config.epochs()] = report.size().l2();
            }
        }
        return largest;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void max_norm_keeps_every_unit_within_c_where_dropout_alone_lets_them_grow(long seed) {
        TrainingConfig free = NOISY_DROPOUT.withSeed(seed);
        TrainingConfig bounded = ConfigValues.applyTo(free, Map.of("maxNorm", LIMIT));
        double[] freeNorms = largestNorms(free);
        double[] boundedNorms = largestNorms(bounded);
        int epochs = free.epochs();
        double freeLargest = java.util.Arrays.stream(freeNorms, 0, epochs).max().orElseThrow();
        assertTrue(freeLargest > 2 * LIMIT, "without the constraint a unit grows to " + freeLargest);
        for (int epoch = 0; epoch < epochs; epoch++) {
            assertTrue(boundedNorms[epoch] <= LIMIT * (1 + 1e-6), "epoch " + (epoch + 1) + ": a unit at " + boundedNorms[epoch]);
        }
        // Every unit within c bounds the whole network: ‖w‖₂ ≤ c·√(units), and here well under the free run's.
        assertTrue(boundedNorms[epochs] < freeNorms[epochs], "‖w‖₂ " + boundedNorms[epochs] + " with max-norm, "
                + freeNorms[epochs] + " without");
    }
}
