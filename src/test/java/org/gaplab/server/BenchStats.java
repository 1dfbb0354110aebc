package org.gaplab.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the classroom benchmarks read about the machine and their samples: a process's CPU, the load, percentiles. */
final class BenchStats {
    private BenchStats() { }

    /** CPU seconds a process has used (user and system), from /proc: what it got of the shared cores. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;   // utime, stime in ticks of 10 ms
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The machine's load averages as /proc states them, or "unknown". */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The p-th percentile (nearest rank) of sorted values; NaN for none. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
