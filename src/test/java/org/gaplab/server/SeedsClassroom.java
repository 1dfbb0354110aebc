package org.gaplab.server;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaplab.lessons.Lessons;
import org.gaplab.protocol.Json;
import org.gaplab.training.TrainingConfig;

/**
 * Issue 17's classroom: every learner runs the l2-weight-decay lesson as a comparison over k seeds (A: its config,
 * B: its configB, 2·k runs a learner), at the lesson's default pace or a given speed, with more epochs than the
 * measurement lasts so no one finishes. After a warm-up it times the interval between each learner's frames and the
 * epochs each learner's runs gain (in lockstep, every run of a learner gains the same), and prints the server's heap.
 * Run it as {@code ClassroomBenchmark seeds [learners] [seconds] [seeds] [speed|default]} (default 30, 30, 5, default).
 */
final class SeedsClassroom {
    private static final Pattern EPOCH = Pattern.compile("\"epoch\":(\\d+)");
    private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(5);

    private SeedsClassroom() { }

    /** The newest epoch a comparison frame carries (one per run and seed), −1 when none. */
    private static int newestEpoch(String frame) {
        int newest = -1;
        Matcher m = EPOCH.matcher(frame);
        while (m.find()) newest = Math.max(newest, Integer.parseInt(m.group(1)));
        return newest;
    }

    static void run(String[] args) throws Exception {
        int learners = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int seeds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        String speed = args.length > 4 && !args[4].equals("default") ? args[4] : null;
        TrainingConfig a = Lessons.L2_WEIGHT_DECAY.config().withSeeds(seeds).withEpochs(10_000);
        TrainingConfig b = Lessons.L2_WEIGHT_DECAY.configB().withSeeds(seeds).withEpochs(10_000);
        Map<String, Object> changes = new LinkedHashMap<>();
        Map<String, Object> configB = Json.config(b);
        Json.config(a).forEach((key, value) -> {
            if (!java.util.Objects.equals(value, configB.get(key))) changes.put(key, configB.get(key));
        });
        Map<String, Object> compare = new LinkedHashMap<>();
        compare.put("type", "compare");
        compare.put("config", Json.config(a));
        compare.put("changes", changes);
        compare.put("lesson", Lessons.L2_WEIGHT_DECAY.id());
        if (speed != null) compare.put("speed", Double.parseDouble(speed));
        String message = Json.write(compare);
        try (ServerProcess server = ServerProcess.start(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", System.getProperty("gaplab.bench.jvm", "-Dgaplab.bench=1")),
                List.of("--max-sessions-per-client", String.valueOf(learners),
                        "--max-memory-per-client", "100%"))) {   // the learners all share one address here
            HttpClient http = HttpClient.newHttpClient();
            List<BenchLearner> all = new ArrayList<>();
            List<WebSocket> sockets = new ArrayList<>();
            for (int i = 0; i < learners; i++) {
                BenchLearner learner = new BenchLearner("compare-epoch", SeedsClassroom::newestEpoch);
                sockets.add(http.newWebSocketBuilder().buildAsync(server.socket(), learner).join());
                all.add(learner);
            }
            long begin = System.nanoTime();
            for (WebSocket socket : sockets) socket.sendText(message, true).join();
            List<Long> heap = new ArrayList<>();
            Map<String, Object> health = Map.of();
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(WARM_UP_NANOS));
            double cpuBefore = BenchStats.cpuSeconds(server.pid());
            while (System.nanoTime() - begin < TimeUnit.SECONDS.toNanos(seconds) + WARM_UP_NANOS) {
                Thread.sleep(1000);
                health = ClassroomBenchmark.health(http, server.port());
                heap.add(((Number) health.get("heapUsedBytes")).longValue());
            }
            double cores = (BenchStats.cpuSeconds(server.pid()) - cpuBefore) / ((System.nanoTime() - begin - WARM_UP_NANOS) / 1e9);
            double median = report(all, begin + WARM_UP_NANOS, learners, seconds, seeds, speed, heap, health);
            System.out.printf(Locale.ROOT, "the server's CPU over the window: %.2f cores of %d, so about %.0f epochs a "
                            + "CPU-second (all runs of all learners at the median rate)%n", cores,
                    Runtime.getRuntime().availableProcessors(), median * learners * 2 * seeds / cores);
            sockets.forEach(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
            Thread.sleep(500);
        }
    }

    /** Prints what the learners saw; returns the median epochs per second of a run. */
    private static double report(List<BenchLearner> all, long from, int learners, int seconds, int seeds, String speed,
                               List<Long> heap, Map<String, Object> health) {
        double[] rates = new double[learners];
        double[] p95s = new double[learners];
        List<Double> pooled = new ArrayList<>();
        List<Double> pooledMessages = new ArrayList<>();
        int errors = 0;
        long frames = 0;
        long bytes = 0;
        for (int s = 0; s < learners; s++) {
            BenchLearner learner = all.get(s);
            List<long[]> seen;
            synchronized (learner) {
                seen = List.copyOf(learner.frames);
                List<Long> arrivals = learner.moves.stream().filter(t -> t >= from).toList();
                for (int i = 1; i < arrivals.size(); i++) pooledMessages.add((arrivals.get(i) - arrivals.get(i - 1)) / 1e6);
                bytes += learner.bytes;
            }
            if (learner.error != null) errors++;
            List<long[]> window = seen.stream().filter(f -> f[0] >= from).toList();
            frames += window.size();
            if (window.size() < 2) {
                rates[s] = 0;
                p95s[s] = Double.POSITIVE_INFINITY;
                continue;
            }
            double[] intervals = new double[window.size() - 1];
            for (int i = 1; i < window.size(); i++) {
                intervals[i - 1] = (window.get(i)[0] - window.get(i - 1)[0]) / 1e6;
                pooled.add(intervals[i - 1]);
            }
            Arrays.sort(intervals);
            p95s[s] = BenchStats.percentile(intervals, 95);
            long[] first = window.get(0);
            long[] last = window.get(window.size() - 1);
            rates[s] = (last[1] - first[1]) / ((last[0] - first[0]) / 1e9);
        }
        double[] sortedPooled = pooled.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Arrays.sort(rates);
        Arrays.sort(p95s);
        System.out.printf(Locale.ROOT, "%d learners, each a %d-seed comparison of l2-weight-decay (%d runs), speed %s, "
                        + "%d s measured after 5 s, %d cores, %s%n", learners, seeds, 2 * seeds,
                speed == null ? "default (10)" : speed, seconds, Runtime.getRuntime().availableProcessors(),
                errors == 0 ? "no errors" : errors + " errors (first: " + all.stream().filter(l -> l.error != null)
                        .findFirst().get().error + ")");
        System.out.printf(Locale.ROOT, "epochs/s of each run of a learner: min %.2f, median %.2f, max %.2f%n",
                rates[0], BenchStats.percentile(rates, 50), rates[rates.length - 1]);
        System.out.printf(Locale.ROOT, "interval between frames, pooled (ms): median %.0f, p95 %.0f, max %.0f; "
                        + "per-learner p95: best %.0f, median %.0f, worst %.0f%n", BenchStats.percentile(sortedPooled, 50),
                BenchStats.percentile(sortedPooled, 95), BenchStats.percentile(sortedPooled, 100), p95s[0], BenchStats.percentile(p95s, 50),
                p95s[p95s.length - 1]);
        double[] sortedMessages = pooledMessages.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "interval between messages that move the page (frames and progress), pooled (ms): "
                + "median %.0f, p95 %.0f, max %.0f%n", BenchStats.percentile(sortedMessages, 50), BenchStats.percentile(sortedMessages, 95),
                BenchStats.percentile(sortedMessages, 100));
        System.out.printf(Locale.ROOT, "frames: %d, mean %.1f KB; server heap used (MB): median %.0f, max %.0f; "
                        + "load average %s%n", frames, bytes / 1e3 / Math.max(1, frames),
                heap.stream().mapToLong(Long::longValue).sorted().toArray()[heap.size() / 2] / 1e6,
                heap.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6, BenchStats.loadAverage());
        System.out.println("last health: " + health);
        return BenchStats.percentile(rates, 50);
    }
}
