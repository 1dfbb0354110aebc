package org.gaplab.training;

import java.util.SplittableRandom;
import org.gaplab.data.Examples;
import org.gaplab.engine.Backprop;
import org.gaplab.engine.InputBatch;
import org.gaplab.engine.Network;
import org.gaplab.engine.Optimizer;
import org.gaplab.engine.OptimizerKind;
import org.gaplab.engine.Penalty;
import org.gaplab.engine.Products;

/**
 * One epoch of minibatch training: reshuffle, then for each batch gather, augment, forward, backward, update. Every
 * buffer is allocated once; the last batch of an epoch may be smaller and is averaged over its own rows.
 */
public final class BatchLoop {
    /** What one epoch of training saw. */
    public record EpochResult(int batches, int samples, double meanBatchLoss, boolean diverged) { }

    private final Network network;
    private final Examples train;
    private final int batchSize;
    private final Backprop pass;
    private final Optimizer optimizer;
    private final InputBatch batch;
    private final int[] order;
    private final int[] labels;
    private final double[] targets;
    private final SplittableRandom shuffleRandom;
    private final SplittableRandom dropoutRandom;
    private final SplittableRandom augmentationRandom;
    private BatchTransform augmentation = BatchTransform.NONE;

    public BatchLoop(Network network, Examples train, int batchSize, OptimizerKind optimizer, double momentum,
                     Products products, SplittableRandom shuffleRandom, SplittableRandom dropoutRandom,
                     SplittableRandom augmentationRandom) {
        this.network = network;
        this.train = train;
        this.batchSize = Math.min(batchSize, train.size());
        this.pass = new Backprop(network, this.batchSize, products);
        this.optimizer = new Optimizer(optimizer, momentum, network);
        this.batch = train.isSparse() ? InputBatch.sparse(this.batchSize, train.inputSize())
                : InputBatch.dense(this.batchSize, train.inputSize());
        this.order = new int[train.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        this.labels = new int[this.batchSize];
        this.targets = new double[this.batchSize];
        this.shuffleRandom = shuffleRandom;
        this.dropoutRandom = dropoutRandom;
        this.augmentationRandom = augmentationRandom;
    }

    public void setDropout(double[] hiddenRates, double inputRate) { pass.setDropout(hiddenRates, inputRate); }

    /** Momentum μ from the next step on (live). */
    public void setMomentum(double momentum) { optimizer.setMomentum(momentum); }

    void setAugmentation(BatchTransform transform) { this.augmentation = transform; }

    /** Trains one epoch; stops at the first batch whose loss is not finite and says it diverged. */
    public EpochResult trainEpoch(double learningRate, Penalty penalty) {
        shuffle();
        int n = train.size();
        int batches = 0;
        double lossSum = 0;
        for (int start = 0; start < n; start += batchSize) {
            int rows = Math.min(batchSize, n - start);
            Batches.gather(train, order, start, rows, batch, labels, targets);
            if (!batch.isSparse()) augmentation.apply(batch.denseValues(), rows, train.inputSize(), augmentationRandom);
            pass.forward(batch, dropoutRandom);
            double batchLoss = pass.backward(batch, labels, targets) / rows;
            if (!Double.isFinite(batchLoss)) return new EpochResult(batches, start, batchLoss, true);
            optimizer.step(network, pass, learningRate, penalty);
            lossSum += batchLoss;
            batches++;
        }
        return new EpochResult(batches, n, lossSum / batches, false);
    }

    /** Fisher–Yates shuffle of the visiting order. */
    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = shuffleRandom.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
