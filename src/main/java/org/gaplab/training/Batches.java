package org.gaplab.training;

import org.gaplab.data.Examples;
import org.gaplab.engine.InputBatch;

/**
 * Copies chosen examples into a reusable batch buffer, dense or sparse, without allocating. Compactly stored images
 * (bytes or floats in {@link Examples}) are widened to doubles here, one batch at a time.
 */
final class Batches {
    private Batches() { }

    /**
     * Fills {@code batch} with {@code rows} examples: rows {@code order[start ..]} when an order is given, else rows
     * {@code start ..} in sequence; labels or targets go to the matching arrays.
     */
    static void gather(Examples examples, int[] order, int start, int rows, InputBatch batch, int[] labels,
                       double[] targets) {
        boolean regression = examples.isRegression();
        int[] allLabels = regression ? null : examples.labels();
        double[] allTargets = regression ? examples.targets() : null;
        if (batch.isSparse()) {
            batch.clearSparse();
            int[] rowStart = examples.rowStart();
            int[] columns = examples.columnIndex();
            double[] values = examples.sparseValues();
            for (int r = 0; r < rows; r++) {
                int row = order == null ? start + r : order[start + r];
                batch.appendSparseRow(columns, values, rowStart[row], rowStart[row + 1]);
                if (regression) targets[r] = allTargets[row]; else labels[r] = allLabels[row];
            }
        } else {
            double[] out = batch.denseValues();
            int columns = examples.inputSize();
            for (int r = 0; r < rows; r++) {
                int row = order == null ? start + r : order[start + r];
                examples.copyRow(row, out, r * columns);
                if (regression) targets[r] = allTargets[row]; else labels[r] = allLabels[row];
            }
            batch.setRows(rows);
        }
    }
}
