package org.gaplab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * A reusable buffer for the inputs of one minibatch: dense row-major, or sparse in compressed-row form for wide
 * one-hot inputs. The trainer fills it in place every step, so training allocates nothing per batch.
 */
public final class InputBatch {
    private final int columns;
    private final boolean sparse;
    private int rows;
    private final DMatrixRMaj dense;      // capacity × columns, reshaped to rows × columns
    private final int[] rowStart;
    private int[] columnIndex;
    private double[] values;

    private InputBatch(int capacity, int columns, boolean sparse) {
        if (capacity < 1 || columns < 1) throw new IllegalArgumentException("capacity and columns must be positive");
        this.columns = columns;
        this.sparse = sparse;
        this.dense = sparse ? null : new DMatrixRMaj(capacity, columns);
        this.rowStart = sparse ? new int[capacity + 1] : null;
        this.columnIndex = sparse ? new int[capacity * 4] : null;
        this.values = sparse ? new double[capacity * 4] : null;
    }

    public static InputBatch dense(int capacity, int columns) { return new InputBatch(capacity, columns, false); }

    public static InputBatch sparse(int capacity, int columns) { return new InputBatch(capacity, columns, true); }

    public int rows() { return rows; }
    public int columns() { return columns; }
    public boolean isSparse() { return sparse; }
    public int capacity() { return sparse ? rowStart.length - 1 : dense.data.length / columns; }

    /** The dense values, to be filled for {@code rows} rows before {@link #setRows}. */
    public double[] denseValues() { return dense.data; }

    /** The dense batch as a rows × columns matrix (shares {@link #denseValues}). */
    DMatrixRMaj denseMatrix() { return dense; }

    public void setRows(int rows) {
        if (rows < 0 || rows > capacity()) throw new IllegalArgumentException("rows " + rows + " exceed capacity " + capacity());
        this.rows = rows;
        if (sparse && rows == 0) rowStart[0] = 0;
        if (!sparse) dense.reshape(rows, columns);                 // keeps the array: no allocation
    }

    /** Starts filling a sparse batch from scratch. */
    public void clearSparse() {
        rows = 0;
        rowStart[0] = 0;
    }

    /** Appends one sparse row given as (column, value) entries [from, to) of a CSR store. */
    public void appendSparseRow(int[] sourceColumns, double[] sourceValues, int from, int to) {
        int start = rowStart[rows];
        int count = to - from;
        if (start + count > columnIndex.length) {
            int size = Math.max(start + count, columnIndex.length * 2);
            columnIndex = java.util.Arrays.copyOf(columnIndex, size);    // grows rarely, then stays
            values = java.util.Arrays.copyOf(values, size);
        }
        System.arraycopy(sourceColumns, from, columnIndex, start, count);
        System.arraycopy(sourceValues, from, values, start, count);
        rows++;
        rowStart[rows] = start + count;
    }

    int[] rowStart() { return rowStart; }
    int[] columnIndex() { return columnIndex; }
    double[] sparseValues() { return values; }
}
