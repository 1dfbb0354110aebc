package org.gaplab.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A set of labelled examples. Inputs are stored densely (row-major) or, for wide one-hot inputs, sparsely in
 * compressed-row form, so a 20,000-wide feature cross never becomes a dense matrix. Targets are class labels
 * (classification) or real values (regression).
 */
public final class Examples {
    private final int size;
    private final int inputSize;
    private final double[] dense;      // size × inputSize, row-major; null when sparse
    private final int[] rowStart;      // CSR: row r's entries are [rowStart[r], rowStart[r+1]); null when dense
    private final int[] columnIndex;   // CSR column of each stored entry
    private final double[] sparseValues;
    private final int[] labels;        // classification: class index per row; null for regression
    private final double[] targets;    // regression: value per row; null for classification

    private Examples(int size, int inputSize, double[] dense, int[] rowStart, int[] columnIndex,
                     double[] sparseValues, int[] labels, double[] targets) {
        if (size < 0 || inputSize < 1) {
            throw new IllegalArgumentException("examples need size >= 0 and inputSize >= 1, got " + size + ", " + inputSize);
        }
        if ((labels == null) == (targets == null)) {
            throw new IllegalArgumentException("examples need either labels or regression targets");
        }
        int targetCount = labels != null ? labels.length : targets.length;
        if (targetCount != size) {
            throw new IllegalArgumentException("examples have " + size + " rows but " + targetCount + " targets");
        }
        if (dense != null && dense.length != (long) size * inputSize) {
            throw new IllegalArgumentException("dense inputs need " + (long) size * inputSize + " values, got " + dense.length);
        }
        if (dense == null) {
            Objects.requireNonNull(rowStart, "rowStart");
            if (rowStart.length != size + 1 || rowStart[0] != 0 || rowStart[size] != columnIndex.length
                    || columnIndex.length != sparseValues.length) {
                throw new IllegalArgumentException("sparse inputs are inconsistent (rowStart, columnIndex, values)");
            }
            for (int column : columnIndex) {
                if (column < 0 || column >= inputSize) {
                    throw new IllegalArgumentException("sparse column " + column + " is outside [0, " + inputSize + ")");
                }
            }
        }
        this.size = size;
        this.inputSize = inputSize;
        this.dense = dense;
        this.rowStart = rowStart;
        this.columnIndex = columnIndex;
        this.sparseValues = sparseValues;
        this.labels = labels;
        this.targets = targets;
    }

    /** Dense inputs with class labels. */
    public static Examples dense(int inputSize, double[] inputs, int[] labels) {
        return new Examples(labels.length, inputSize, inputs, null, null, null, labels, null);
    }

    /** Dense inputs with regression targets. */
    public static Examples denseRegression(int inputSize, double[] inputs, double[] targets) {
        return new Examples(targets.length, inputSize, inputs, null, null, null, null, targets);
    }

    /** Sparse (CSR) inputs with class labels. */
    public static Examples sparse(int inputSize, int[] rowStart, int[] columnIndex, double[] values, int[] labels) {
        return new Examples(labels.length, inputSize, null, rowStart, columnIndex, values, labels, null);
    }

    public int size() { return size; }
    public int inputSize() { return inputSize; }
    public boolean isSparse() { return dense == null; }
    public boolean isRegression() { return targets != null; }

    /** Row-major dense inputs (size × inputSize). Shared, not copied: callers must not write to it. */
    public double[] denseInputs() { requireDense(); return dense; }
    public int[] rowStart() { requireSparse(); return rowStart; }
    public int[] columnIndex() { requireSparse(); return columnIndex; }
    public double[] sparseValues() { requireSparse(); return sparseValues; }
    /** Class label per row (classification only). Shared, not copied. */
    public int[] labels() {
        if (labels == null) throw new IllegalStateException("regression examples have no class labels");
        return labels;
    }
    /** Regression target per row (regression only). Shared, not copied. */
    public double[] targets() {
        if (targets == null) throw new IllegalStateException("classification examples have no real targets");
        return targets;
    }

    /** Copies row {@code row} into {@code out[offset ..)} as a dense vector. */
    public void copyRow(int row, double[] out, int offset) {
        if (dense != null) {
            System.arraycopy(dense, row * inputSize, out, offset, inputSize);
        } else {
            Arrays.fill(out, offset, offset + inputSize, 0.0);
            for (int e = rowStart[row]; e < rowStart[row + 1]; e++) {
                out[offset + columnIndex[e]] = sparseValues[e];
            }
        }
    }

    /** The examples at the given rows, in that order (a copy). */
    public Examples select(int[] rows) {
        int[] pickedLabels = labels == null ? null : new int[rows.length];
        double[] pickedTargets = targets == null ? null : new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            if (labels != null) pickedLabels[i] = labels[rows[i]];
            if (targets != null) pickedTargets[i] = targets[rows[i]];
        }
        if (dense != null) {
            double[] picked = new double[rows.length * inputSize];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(dense, rows[i] * inputSize, picked, i * inputSize, inputSize);
            }
            return new Examples(rows.length, inputSize, picked, null, null, null, pickedLabels, pickedTargets);
        }
        int[] starts = new int[rows.length + 1];
        for (int i = 0; i < rows.length; i++) {
            starts[i + 1] = starts[i] + rowStart[rows[i] + 1] - rowStart[rows[i]];
        }
        int[] columns = new int[starts[rows.length]];
        double[] values = new double[starts[rows.length]];
        for (int i = 0; i < rows.length; i++) {
            int from = rowStart[rows[i]];
            int count = rowStart[rows[i] + 1] - from;
            System.arraycopy(columnIndex, from, columns, starts[i], count);
            System.arraycopy(sparseValues, from, values, starts[i], count);
        }
        return new Examples(rows.length, inputSize, null, starts, columns, values, pickedLabels, pickedTargets);
    }

    private void requireDense() {
        if (dense == null) throw new IllegalStateException("these examples are stored sparsely");
    }

    private void requireSparse() {
        if (dense != null) throw new IllegalStateException("these examples are stored densely");
    }
}
