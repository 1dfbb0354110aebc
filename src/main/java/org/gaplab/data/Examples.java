package org.gaplab.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable set of labelled examples, safe to share between threads and sessions. Inputs are stored densely
 * (row-major) or, for wide one-hot inputs, sparsely in compressed-row form, so a 20,000-wide feature cross never
 * becomes a dense matrix. Targets are class labels (classification) or real values (regression).
 *
 * <p>Dense inputs are kept as narrowly as they can be without changing a single value, and widened to doubles a row
 * at a time when a batch is gathered: 8-bit images (every value k/255) as one byte per value, values that are exact
 * floats as four bytes, anything else as doubles. The full Fashion-MNIST (70,000 × 784) takes 55 MB instead of 439.
 */
public final class Examples {
    /** k/255 for every byte k: widening a pixel gives exactly the double it was made from. */
    private static final double[] LEVELS = new double[256];

    static {
        for (int k = 0; k < 256; k++) LEVELS[k] = k / 255.0;
    }

    private final int size;
    private final int inputSize;
    private final byte[] bytes;        // size × inputSize, row-major, value LEVELS[b & 0xFF]; or null
    private final float[] floats;      // size × inputSize, row-major; or null
    private final double[] doubles;    // size × inputSize, row-major; or null (all three null when sparse)
    private final int[] rowStart;      // CSR: row r's entries are [rowStart[r], rowStart[r+1]); null when dense
    private final int[] columnIndex;   // CSR column of each stored entry
    private final double[] sparseValues;
    private final int[] labels;        // classification: class index per row; null for regression
    private final double[] targets;    // regression: value per row; null for classification

    private Examples(int size, int inputSize, byte[] bytes, float[] floats, double[] doubles, int[] rowStart,
                     int[] columnIndex, double[] sparseValues, int[] labels, double[] targets) {
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
        if (bytes == null && floats == null && doubles == null) {
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
        this.bytes = bytes;
        this.floats = floats;
        this.doubles = doubles;
        this.rowStart = rowStart;
        this.columnIndex = columnIndex;
        this.sparseValues = sparseValues;
        this.labels = labels;
        this.targets = targets;
    }

    /** Dense inputs with class labels. */
    public static Examples dense(int inputSize, double[] inputs, int[] labels) {
        return narrowest(inputSize, inputs, labels, null);
    }

    /** Dense inputs with regression targets. */
    public static Examples denseRegression(int inputSize, double[] inputs, double[] targets) {
        return narrowest(inputSize, inputs, null, targets);
    }

    /** Sparse (CSR) inputs with class labels. */
    public static Examples sparse(int inputSize, int[] rowStart, int[] columnIndex, double[] values, int[] labels) {
        return new Examples(labels.length, inputSize, null, null, null, rowStart, columnIndex, values, labels, null);
    }

    public int size() { return size; }
    public int inputSize() { return inputSize; }
    public boolean isSparse() { return bytes == null && floats == null && doubles == null; }
    public boolean isRegression() { return targets != null; }

    /** Row-major dense inputs (size × inputSize), widened into a new array. */
    public double[] denseInputs() {
        requireDense();
        double[] all = new double[size * inputSize];
        for (int row = 0; row < size; row++) copyRow(row, all, row * inputSize);
        return all;
    }

    /** Bytes per stored dense value: 1 (8-bit images), 4 (exact floats) or 8; 0 when sparse. */
    public int bytesPerValue() {
        return bytes != null ? 1 : floats != null ? 4 : doubles != null ? 8 : 0;
    }

    /** What the inputs, labels and targets occupy in memory, for caches and memory budgets. */
    public long storedBytes() {
        long inputs = isSparse() ? 12L * sparseValues.length + 4L * rowStart.length
                : (long) bytesPerValue() * size * inputSize;
        return inputs + (labels != null ? 4L * labels.length : 8L * targets.length);
    }
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

    /** Copies row {@code row} into {@code out[offset ..)} as a dense vector of doubles. */
    public void copyRow(int row, double[] out, int offset) {
        int from = row * inputSize;
        if (bytes != null) {
            for (int i = 0; i < inputSize; i++) out[offset + i] = LEVELS[bytes[from + i] & 0xFF];
        } else if (floats != null) {
            for (int i = 0; i < inputSize; i++) out[offset + i] = floats[from + i];
        } else if (doubles != null) {
            System.arraycopy(doubles, from, out, offset, inputSize);
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
        if (!isSparse()) {
            byte[] pickedBytes = bytes == null ? null : new byte[rows.length * inputSize];
            float[] pickedFloats = floats == null ? null : new float[rows.length * inputSize];
            double[] pickedDoubles = doubles == null ? null : new double[rows.length * inputSize];
            for (int i = 0; i < rows.length; i++) {
                int from = rows[i] * inputSize;
                int to = i * inputSize;
                if (bytes != null) System.arraycopy(bytes, from, pickedBytes, to, inputSize);
                if (floats != null) System.arraycopy(floats, from, pickedFloats, to, inputSize);
                if (doubles != null) System.arraycopy(doubles, from, pickedDoubles, to, inputSize);
            }
            return new Examples(rows.length, inputSize, pickedBytes, pickedFloats, pickedDoubles, null, null, null,
                    pickedLabels, pickedTargets);
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
        return new Examples(rows.length, inputSize, null, null, null, starts, columns, values, pickedLabels, pickedTargets);
    }

    private void requireDense() {
        if (isSparse()) throw new IllegalStateException("these examples are stored sparsely");
    }

    private void requireSparse() {
        if (!isSparse()) throw new IllegalStateException("these examples are stored densely");
    }

    /** Dense examples in the narrowest storage that keeps every value (a copy: the caller's array stays its own). */
    private static Examples narrowest(int inputSize, double[] inputs, int[] labels, double[] targets) {
        int size = labels != null ? labels.length : targets.length;
        if (inputs.length != (long) size * inputSize) {
            throw new IllegalArgumentException("dense inputs need " + (long) size * inputSize + " values, got " + inputs.length);
        }
        byte[] asBytes = bytesOf(inputs);
        float[] asFloats = asBytes == null ? floatsOf(inputs) : null;
        double[] asDoubles = asBytes == null && asFloats == null ? inputs.clone() : null;
        return new Examples(size, inputSize, asBytes, asFloats, asDoubles, null, null, null, labels, targets);
    }

    /** The values as bytes when every one is k/255 for a whole k in [0, 255], else null. */
    private static byte[] bytesOf(double[] values) {
        if (values == null) return null;
        byte[] narrow = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            double level = values[i] * 255.0;
            if (!(level >= 0 && level <= 255)) return null;
            int k = (int) Math.rint(level);
            if (LEVELS[k] != values[i]) return null;
            narrow[i] = (byte) k;
        }
        return narrow;
    }

    /** The values as floats when every one is exactly a float, else null. */
    private static float[] floatsOf(double[] values) {
        float[] narrow = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            narrow[i] = (float) values[i];
            if (narrow[i] != values[i]) return null;
        }
        return narrow;
    }
}
