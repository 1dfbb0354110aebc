package org.gaplab.data;

/**
 * The heap a dataset's splits take, counted from the arrays it stores (inputs, sparse indices, labels or targets),
 * so a server can admit data against its memory budget. {@link Examples} says what its compact storage takes (one
 * byte a pixel for 8-bit images, four for exact floats, eight otherwise).
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
        return examples.storedBytes() + 3 * ARRAY_OVERHEAD;
    }
}
