package org.gaplab.training;

import org.gaplab.data.Examples;
import org.gaplab.engine.InputBatch;
import org.gaplab.engine.Products;

/**
 * Copies chosen examples into a reusable batch buffer, dense or sparse, without allocating. Compactly stored images
 * (bytes or floats in {@link Examples}) are widened to doubles here, one batch at a time.
 *
 * <p>A large dense batch is gathered by the products' threads, each a run of neighbouring rows: widening 55,000
 * Fashion-MNIST images an epoch was a tenth of the main thread's time on two threads, and the rows a thread widens
 * are the ones it then stages for the first product ({@code Crew} gives each thread neighbouring parts). Which
 * thread copies a row changes no value.
 */
final class Batches implements Products.Work {
    /** Values in a batch from which its rows are shared among the threads: below it a hand-over costs more. */
    static final int SHARED_VALUES = 16_384;

    private final Products products;
    // The gather under way, set before its parts run.
    private Examples examples;
    private int[] order;
    private int start;
    private int rows;
    private double[] out;
    private int[] labels;
    private double[] targets;

    Batches(Products products) {
        this.products = products;
    }

    /**
     * Fills {@code batch} with {@code rows} examples: rows {@code order[start ..]} when an order is given, else rows
     * {@code start ..} in sequence; labels or targets go to the matching arrays.
     */
    void gather(Examples examples, int[] order, int start, int rows, InputBatch batch, int[] labels, double[] targets) {
        if (batch.isSparse()) {
            gatherSparse(examples, order, start, rows, batch, labels, targets);
            return;
        }
        this.examples = examples;
        this.order = order;
        this.start = start;
        this.rows = rows;
        this.out = batch.denseValues();
        this.labels = labels;
        this.targets = targets;
        int parts = (long) rows * examples.inputSize() >= SHARED_VALUES ? products.threads() : 1;
        products.share(this, parts);
        batch.setRows(rows);
        this.examples = null;
        this.order = null;
        this.out = null;
        this.labels = null;
        this.targets = null;
    }

    /** Rows [rows·part/parts, rows·(part+1)/parts) of the dense gather under way. */
    @Override
    public void part(int part, int parts) {
        int from = (int) ((long) rows * part / parts);
        int to = (int) ((long) rows * (part + 1) / parts);
        int columns = examples.inputSize();
        boolean regression = examples.isRegression();
        int[] allLabels = regression ? null : examples.labels();
        double[] allTargets = regression ? examples.targets() : null;
        for (int r = from; r < to; r++) {
            int row = order == null ? start + r : order[start + r];
            examples.copyRow(row, out, r * columns);
            if (regression) targets[r] = allTargets[row]; else labels[r] = allLabels[row];
        }
    }

    private static void gatherSparse(Examples examples, int[] order, int start, int rows, InputBatch batch, int[] labels,
                                     double[] targets) {
        boolean regression = examples.isRegression();
        int[] allLabels = regression ? null : examples.labels();
        double[] allTargets = regression ? examples.targets() : null;
        batch.clearSparse();
        int[] rowStart = examples.rowStart();
        int[] columns = examples.columnIndex();
        double[] values = examples.sparseValues();
        for (int r = 0; r < rows; r++) {
            int row = order == null ? start + r : order[start + r];
            batch.appendSparseRow(columns, values, rowStart[row], rowStart[row + 1]);
            if (regression) targets[r] = allTargets[row]; else labels[r] = allLabels[row];
        }
    }
}
