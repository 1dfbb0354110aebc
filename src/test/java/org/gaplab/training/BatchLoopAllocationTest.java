package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.gaplab.data.Examples;
import org.gaplab.engine.Activation;
import org.gaplab.engine.Init;
import org.gaplab.engine.L1Mode;
import org.gaplab.engine.Backend;
import org.gaplab.engine.Dropout;
import org.gaplab.engine.Network;
import org.gaplab.engine.OptimizerKind;
import org.gaplab.engine.Output;
import org.gaplab.engine.Regularization;
import org.gaplab.engine.Products;
import org.junit.jupiter.api.Test;

/** The training hot loop allocates nothing per batch once its buffers exist. */
class BatchLoopAllocationTest {

    @Test
    void an_epoch_of_minibatches_allocates_almost_nothing_after_the_first() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SplittableRandom random = new SplittableRandom(1);
        int rows = 2_000;
        int inputs = 64;
        double[] x = new double[rows * inputs];
        for (int i = 0; i < x.length; i++) x[i] = random.nextDouble();
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) labels[i] = random.nextInt(10);
        Network network = new Network(new int[] {inputs, 128, 64, 10}, Activation.RELU, Output.SOFTMAX_CROSS_ENTROPY);
        RunRandoms randoms = RunRandoms.splitFrom(random);
        network.initialize(Init.HE_NORMAL, 0, randoms.init());
        try (Products products = Backend.preferred().products(Math.min(2, Backend.maxThreads()))) {
            BatchLoop loop = new BatchLoop(network, Examples.dense(inputs, x, labels), 32, OptimizerKind.MOMENTUM,
                    products, randoms);
            EpochSettings settings = EpochSettings.of(0.01, 0.9, Regularization.penalty(1e-5, 1e-4, L1Mode.CLIP, false),
                    new Dropout(new double[] {0.5, 0.5}, 0.1));
            for (int warmUp = 0; warmUp < 3; warmUp++) loop.trainEpoch(settings);
            long before = threads.getCurrentThreadAllocatedBytes();
            loop.trainEpoch(settings);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            int batches = rows / 32 + 1;
            assertTrue(allocated < 100L * batches, "an epoch of " + batches + " batches allocated " + allocated + " bytes");
        }
    }
}
