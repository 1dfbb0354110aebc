package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.gaplab.engine.Backend;
import org.gaplab.engine.DenseLayer;
import org.gaplab.engine.Dropout;
import org.gaplab.engine.MaxNorm;
import org.gaplab.engine.Network;
import org.gaplab.engine.Precision;
import org.gaplab.engine.Products;
import org.gaplab.engine.Regularization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pairing the dropout paper recommends, on real training: dropout 0.5 on noisy-features with a large learning
 * rate lets units' incoming weights grow far past c = 3; max-norm c = 3 keeps every unit at or inside c after every
 * epoch. (The constraint is not a setting yet, so this drives the loop the trainer drives, with the trainer's own
 * network, streams and settings, and adds the constraint to the config's regularization.)
 */
class MaxNormClaimsTest {
    private static final double LIMIT = 3;
    private static final TrainingConfig NOISY_DROPOUT = SparsityClaimsTest.NOISY
            .withOptimizer(org.gaplab.engine.OptimizerKind.MOMENTUM, 0.2)
            .withDropout(List.of(0.5), 0)
            .withEpochs(40);

    /** The largest ‖w_j‖₂ over every unit of every layer after each epoch of a run. */
    private static double[] largestNorms(TrainingConfig config, Regularization regularization) {
        DataSplits data = Datasets.load(config.data());
        Network network = NetworkShape.build(config, data);
        RunRandoms randoms = RunRandoms.of(config.seed());
        network.initialize(config.init(), config.biasInit(), randoms.init());
        double[] largest = new double[config.epochs()];
        try (Products products = Backend.preferred().products(1, Precision.preferred())) {
            BatchLoop loop = new BatchLoop(network, data.train(), config.batchSize(), config.optimizer(), products, randoms);
            EpochSettings settings = EpochSettings.of(config.learningRate(), config.momentum(), regularization,
                    new Dropout(config.dropoutRates(), config.inputDropout()));
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                assertTrue(!loop.trainEpoch(settings).diverged(), "the run trains");
                for (DenseLayer layer : network.layers()) {
                    for (int j = 0; j < layer.fanOut(); j++) {
                        double squares = 0;
                        for (int i = 0; i < layer.fanIn(); i++) squares += layer.weight(i, j) * layer.weight(i, j);
                        largest[epoch] = Math.max(largest[epoch], Math.sqrt(squares));   // ‖w_j‖₂
                    }
                }
            }
        }
        return largest;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void max_norm_keeps_every_unit_within_c_where_dropout_alone_lets_them_grow(long seed) {
        TrainingConfig config = NOISY_DROPOUT.withSeed(seed);
        Regularization penalty = Regularization.penalty(config.l1(), config.l2(), config.l1Mode(), config.regularizeBiases());
        double[] free = largestNorms(config, penalty);
        double[] bounded = largestNorms(config, penalty.and(new MaxNorm(LIMIT)));
        double freeLargest = java.util.Arrays.stream(free).max().orElseThrow();
        assertTrue(freeLargest > 2 * LIMIT, "without the constraint a unit grows to " + freeLargest);
        for (int epoch = 0; epoch < bounded.length; epoch++) {
            assertTrue(bounded[epoch] <= LIMIT * (1 + 1e-6), "epoch " + (epoch + 1) + ": a unit at " + bounded[epoch]);
        }
    }
}
