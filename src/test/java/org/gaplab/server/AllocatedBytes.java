package org.gaplab.server;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Bytes allocated on the heap by every live thread of this JVM, so far: what a test compares before and after a
 * request to show the server did not build something large, a fact that holds on a busy machine where a duration
 * would not. (A thread that ends in between takes its count with it; the server's workers and socket threads live.)
 */
final class AllocatedBytes {
    private AllocatedBytes() { }

    static long byEveryThread() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] allocated = threads.getThreadAllocatedBytes(threads.getAllThreadIds());
        return Arrays.stream(allocated).filter(bytes -> bytes > 0).sum();
    }
}
