package org.gaplab.training;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.gaplab.data.Examples;
import org.gaplab.engine.Backprop;
import org.gaplab.engine.InputBatch;
import org.gaplab.engine.Network;
import org.gaplab.engine.Optimizer;
import org.gaplab.engine.OptimizerKind;
import org.gaplab.engine.Products;

/**
 * One epoch of minibatch training: reshuffle, then for each batch gather, augment, forward, backward, update. Every
 * buffer is allocated once; the last batch of an epoch may be smaller and is averaged over its own rows.
 *
 * <p>An epoch may be trained in pieces ({@link #trainUntil}): it stops between two minibatches and goes on from the
 * next one later. The visiting order, the position and every random stream carry over, so an epoch trained in many
 * pieces computes the same bits as one trained at once; a server uses this to share its threads fairly.
 */
public final class BatchLoop {
    /** What one epoch of training saw. */
    public record EpochResult(int batches, int samples, double meanBatchLoss, boolean diverged) { }

    private static final BooleanSupplier NEVER = () -> false;

    private final Network network;
    private final Examples train;
    private final int batchSize;
    private final Backprop pass;
    private final Optimizer optimizer;
    private final InputBatch batch;
    private final Batches gatherer;
    private final int[] order;
    private final int[] labels;
    private final double[] targets;
    private final SplittableRandom shuffleRandom;
    private final SplittableRandom dropoutRandom;
    private final SplittableRandom augmentationRandom;
    // The epoch in progress: whether one is, the first row of its next batch, its batches and their loss so far.
    private boolean epochOpen;
    private int cursor;
    private int batches;
    private double lossSum;

    /** A loop drawing from {@code randoms}' shuffle, dropout and augmentation streams (the caller initialized). */
    public BatchLoop(Network network, Examples train, int batchSize, OptimizerKind optimizer, Products products,
                     RunRandoms randoms) {
        this.network = network;
        this.train = train;
        this.batchSize = Math.min(batchSize, train.size());
        network.roundTo(products.precision());                  // every stored value is in the run's precision
        this.pass = new Backprop(network, this.batchSize, products);
        this.optimizer = new Optimizer(optimizer, network);
        this.gatherer = new Batches(products);
        this.batch = train.isSparse() ? InputBatch.sparse(this.batchSize, train.inputSize())
                : InputBatch.dense(this.batchSize, train.inputSize());
        this.order = new int[train.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        this.labels = new int[this.batchSize];
        this.targets = new double[this.batchSize];
        this.shuffleRandom = randoms.shuffle();
        this.dropoutRandom = randoms.dropout();
        this.augmentationRandom = randoms.augmentation();
    }

    /** Trains one epoch; stops at the first batch whose loss is not finite and says it diverged. */
    public EpochResult trainEpoch(EpochSettings settings) {
        return trainUntil(settings, NEVER).orElseThrow();
    }

    /**
     * Trains the epoch in progress (a new, reshuffled one when none is) until it ends or {@code timeUp} says so,
     * checked after each minibatch, so at least one minibatch is trained per call. Returns the epoch's result once
     * it has ended (at its last batch, or at the first batch whose loss is not finite); empty while it goes on. The
     * caller passes the same settings to every piece of one epoch.
     */
    public Optional<EpochResult> trainUntil(EpochSettings settings, BooleanSupplier timeUp) {
        if (!epochOpen) {
            shuffle();
            epochOpen = true;
            cursor = 0;
            batches = 0;
            lossSum = 0;
        }
        int n = train.size();
        for (int start = cursor; start < n; start += batchSize) {
            int rows = Math.min(batchSize, n - start);
            gatherer.gather(train, order, start, rows, batch, labels, targets);
            if (!batch.isSparse()) settings.augmentation().apply(batch.denseValues(), rows, train.inputSize(), augmentationRandom);
            pass.forward(batch, settings.dropout(), dropoutRandom);
            double batchLoss = pass.backward(batch, labels, targets) / rows;
            if (!Double.isFinite(batchLoss)) {
                epochOpen = false;
                return Optional.of(new EpochResult(batches, start, batchLoss, true));
            }
            optimizer.step(network, pass, settings.learningRate(), settings.momentum(), settings.regularization());
            lossSum += batchLoss;
            batches++;
            cursor = start + rows;
            if (cursor < n && timeUp.getAsBoolean()) return Optional.empty();
        }
        epochOpen = false;
        return Optional.of(new EpochResult(batches, n, lossSum / batches, false));
    }

    /** Whether an epoch has begun and not yet ended. */
    public boolean isEpochOpen() { return epochOpen; }

    /** Minibatches trained of the epoch in progress (0 between epochs). */
    public int batchesDone() { return epochOpen ? batches : 0; }

    /** Minibatches in one epoch: ⌈n / batch⌉. */
    public int batchesPerEpoch() { return (train.size() + batchSize - 1) / batchSize; }

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
