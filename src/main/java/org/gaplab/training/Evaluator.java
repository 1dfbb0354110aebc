package org.gaplab.training;

import org.gaplab.data.DataSplits;
import org.gaplab.data.Examples;
import org.gaplab.engine.Backprop;
import org.gaplab.engine.InputBatch;
import org.gaplab.engine.Products;
import org.gaplab.engine.Network;
import org.gaplab.engine.Output;

/** Measures a network on a set of examples in inference mode (no dropout), a chunk at a time. */
final class Evaluator {
    /**
     * Rows measured at once: one piece of a server's turn. 512 made full Fashion-MNIST's 12 measured epochs 1.1 s
     * shorter on two threads (the first layer's weights are staged once a chunk), but a class of 60 on
     * fashion-overfitting then got its frames at p95 250 ms instead of 201: the longer pieces made turns longer.
     */
    static final int CHUNK = 256;

    /**
     * Mean data loss, accuracy (NaN for regression), per-class accuracy, the confusion matrix and the first
     * {@link Views#MISCLASSIFIED} mistakes of one split (for regression: null and none).
     */
    record Result(double loss, double accuracy, double[] classAccuracy, Calibration calibration,
                  ConfusionMatrix confusion, ConfusionMatrix.Mistakes mistakes) {
        /** The confusion matrix a report carries: for images of at most {@link ConfusionMatrix#MAX_CLASSES} classes. */
        ConfusionMatrix confusionShown(DataSplits data) {
            return data.image().isImage() && data.classes() <= ConfusionMatrix.MAX_CLASSES ? confusion : null;
        }
    }

    private final Network network;
    private final Backprop pass;
    private final InputBatch batch;
    private final Batches gatherer;
    private final int[] labels = new int[CHUNK];
    private final double[] targets = new double[CHUNK];

    Evaluator(Network network, boolean sparse, Products products) {
        this.network = network;
        this.pass = new Backprop(network, CHUNK, products);
        this.gatherer = new Batches(products);
        this.batch = sparse ? InputBatch.sparse(CHUNK, network.inputSize()) : InputBatch.dense(CHUNK, network.inputSize());
    }

    Result evaluate(Examples examples, int classes) {
        Tally tally = tally(examples, classes);
        while (!tally.isDone()) tally.measureChunk();
        return tally.result();
    }

    /**
     * The network's outputs for every example, row-major (examples × output width): probabilities for a classifier,
     * values for a regression. For the spread of predictions across the runs of several seeds.
     */
    double[] predict(Examples examples) {
        int width = network.outputSize();
        double[] all = new double[examples.size() * width];
        for (int start = 0; start < examples.size(); start += CHUNK) {
            int rows = Math.min(CHUNK, examples.size() - start);
            gatherer.gather(examples, null, start, rows, batch, labels, targets);
            double[] y = pass.forward(batch, null);
            System.arraycopy(y, 0, all, start * width, rows * width);
        }
        return all;
    }

    /** A measurement of one split begun now and made a chunk at a time, so a long one can span several turns. */
    Tally tally(Examples examples, int classes) {
        return new Tally(examples, classes);
    }

    /** One split's measurement in progress: the sums over the chunks measured so far. */
    final class Tally {
        private final Examples examples;
        private final boolean regression;
        private final ConfusionMatrix.Counter confusion;   // null for regression
        private final Calibration.Tally calibration = new Calibration.Tally();
        private double lossSum;
        private int correct;
        private int start;   // first row not yet measured

        private Tally(Examples examples, int classes) {
            this.examples = examples;
            this.regression = examples.isRegression();
            this.confusion = regression ? null : new ConfusionMatrix.Counter(classes, Views.MISCLASSIFIED);
        }

        boolean isDone() { return start >= examples.size(); }

        /** Rows measured so far. */
        int rowsDone() { return Math.min(start, examples.size()); }

        /** Measures the next {@link #CHUNK} rows. */
        void measureChunk() {
            Output output = network.output();
            int width = network.outputSize();
            int rows = Math.min(CHUNK, examples.size() - start);
            gatherer.gather(examples, null, start, rows, batch, labels, targets);
            double[] y = pass.forward(batch, null);
            lossSum += output.sumLoss(y, rows, width, labels, targets);
            if (!regression) {
                for (int r = 0; r < rows; r++) {
                    int label = labels[r];
                    int predicted = output.predictedClass(y, r, width);
                    confusion.add(start + r, label, predicted);
                    boolean right = predicted == label;
                    calibration.add(Calibration.confidence(y, r, width), right);
                    if (right) correct++;
                }
            }
            start += rows;
        }

        Result result() {
            int n = examples.size();
            if (regression) return new Result(lossSum / n, Double.NaN, new double[0], Calibration.NONE, null,
                    ConfusionMatrix.Mistakes.NONE);
            ConfusionMatrix matrix = confusion.matrix();
            return new Result(lossSum / n, (double) correct / n, matrix.classAccuracy(), calibration.result(), matrix,
                    confusion.mistakes());
        }
    }
}
