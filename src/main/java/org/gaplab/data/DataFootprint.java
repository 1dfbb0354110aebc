package org.gaplab.data;

/**
 * The heap a dataset's splits take, counted from the arrays it stores (inputs, sparse indices, labels or targets),
 * so a server can admit data against its memory budget. Images are counted as they are stored today; when
 * {@link Examples} stores them more compactly, this is the one place that needs to know.
 */
public final class DataFootprint {
    /** An array's header and alignment on a 64-bit JVM with compressed pointers, rounded up. */
    private static final long ARRAY_OVERHEAD = 24;

    private DataFootprint() { }

    /** Bytes of the three splits together. */
    public static long bytes(DataSplits data) {
        return bytes(data.train()) + bytes(data.validation()) + bytes(data.test());
    }

    /** Bytes of one split's stored arrays. */
    public static long bytes(Examples examples) {
        long bytes = examples.isRegression() ? 8L * examples.size() : 4L * examples.size();
        if (examples.isSparse()) {
            bytes += 4L * examples.rowStart().length + 12L * examples.columnIndex().length;   // int index + double value
        } else {
            bytes += 8L * examples.denseInputs().length;
        }
        return bytes + 3 * ARRAY_OVERHEAD;
    }
}
