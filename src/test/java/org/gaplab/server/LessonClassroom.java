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
import org.gaplab.lessons.Lesson;
import org.gaplab.lessons.Lessons;
import org.gaplab.protocol.Json;

/**
 * Issue 18's classroom: every learner trains one named lesson at its default settings (its config, its seeds, the
 * server's default pace), as the page starts it, only with more epochs than the measurement lasts so that no one
 * finishes inside the window (the epoch count changes no epoch's cost). After a warm-up it prints each learner's
 * epochs per second (min, median), the interval between the messages that move the learner's page (epoch frames and
 * the {@code progress} messages sent while an epoch runs), errors, and the CPU the server used. Run it as
 * {@code ClassroomBenchmark lesson [id] [learners] [seconds]} (default fashion-overfitting, 60, 30); the system property
 * {@code gaplab.bench.options} adds server options (e.g. {@code "--frame-rate 10"}), {@code gaplab.bench.jvm} a JVM one.
 */
final class LessonClassroom {
    private static final Pattern EPOCH = Pattern.compile("\"report\":\\{\"epoch\":(\\d+)");
    private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(10);

    private LessonClassroom() { }

    /** The epoch of a frame's report, −1 when it has none. */
    private static int firstEpoch(String frame) {
        Matcher m = EPOCH.matcher(frame);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static void run(String[] args) throws Exception {
        String id = args.length > 1 ? args[1] : "fashion-overfitting";
        int learners = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        Lesson lesson = Lessons.find(id).orElseThrow(() -> new IllegalArgumentException("no lesson " + id));
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("type", "start");
        start.put("config", Json.config(lesson.config().withEpochs(10_000)));
        start.put("lesson", lesson.id());
        String message = Json.write(start);
        try (ServerProcess server = ServerProcess.start(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        System.getProperty("gaplab.bench.jvm", "-Dgaplab.bench=1")),
                serverOptions(learners))) {
            HttpClient http = HttpClient.newHttpClient();
            List<BenchLearner> all = new ArrayList<>();
            List<WebSocket> sockets = new ArrayList<>();
            for (int i = 0; i < learners; i++) {
                BenchLearner learner = new BenchLearner("epoch", LessonClassroom::firstEpoch);
                sockets.add(http.newWebSocketBuilder().buildAsync(server.socket(), learner).join());
                all.add(learner);
            }
            long begin = System.nanoTime();
            for (WebSocket socket : sockets) socket.sendText(message, true).join();
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(WARM_UP_NANOS));
            long from = System.nanoTime();
            double cpuBefore = BenchStats.cpuSeconds(server.pid());
            Thread.sleep(seconds * 1000L);
            double cores = (BenchStats.cpuSeconds(server.pid()) - cpuBefore) / ((System.nanoTime() - from) / 1e9);
            Map<String, Object> health = ClassroomBenchmark.health(http, server.port());
            report(all, from, id, learners, seconds, cores, health);
            sockets.forEach(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
            Thread.sleep(500);
        }
    }

    /** The learners' limits, and any options of the system property gaplab.bench.options (space-separated). */
    private static List<String> serverOptions(int learners) {
        List<String> options = new ArrayList<>(List.of("--max-sessions-per-client", String.valueOf(learners),
                "--max-memory-per-client", "100%"));   // the learners all share one address here
        String extra = System.getProperty("gaplab.bench.options", "").trim();
        if (!extra.isEmpty()) options.addAll(List.of(extra.split("\\s+")));
        return options;
    }

    private static void report(List<BenchLearner> all, long from, String id, int learners, int seconds, double cores,
                               Map<String, Object> health) {
        double[] rates = new double[learners];
        double[] p95s = new double[learners];
        List<Double> pooled = new ArrayList<>();
        int errors = 0;
        long frames = 0;
        long bytes = 0;
        long epochs = 0;
        for (int s = 0; s < learners; s++) {
            BenchLearner learner = all.get(s);
            List<long[]> window;
            List<Long> moves;
            synchronized (learner) {
                window = learner.frames.stream().filter(f -> f[0] >= from).toList();
                moves = learner.moves.stream().filter(t -> t >= from).toList();
                bytes += learner.bytes;
            }
            if (learner.error != null) errors++;
            frames += window.size();
            double[] intervals = new double[Math.max(0, moves.size() - 1)];
            for (int i = 1; i < moves.size(); i++) {
                intervals[i - 1] = (moves.get(i) - moves.get(i - 1)) / 1e6;
                pooled.add(intervals[i - 1]);
            }
            Arrays.sort(intervals);
            p95s[s] = intervals.length == 0 ? Double.POSITIVE_INFINITY : BenchStats.percentile(intervals, 95);
            if (window.size() < 2) continue;
            long[] first = window.get(0);
            long[] last = window.get(window.size() - 1);
            rates[s] = (last[1] - first[1]) / ((last[0] - first[0]) / 1e9);
            epochs += last[1] - first[1];
        }
        double[] sortedPooled = pooled.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Arrays.sort(rates);
        Arrays.sort(p95s);
        System.out.printf(Locale.ROOT, "%d learners on lesson %s at its default settings (epochs raised so none ends), "
                        + "%d s measured after %d s, %d cores, load average %s, %s%n", learners, id, seconds,
                TimeUnit.NANOSECONDS.toSeconds(WARM_UP_NANOS), Runtime.getRuntime().availableProcessors(), BenchStats.loadAverage(),
                errors == 0 ? "0 errors" : errors + " errors (first: " + all.stream().filter(l -> l.error != null)
                        .findFirst().get().error + ")");
        System.out.printf(Locale.ROOT, "epochs/s per learner: min %.2f, median %.2f, max %.2f%n", rates[0],
                BenchStats.percentile(rates, 50), rates[rates.length - 1]);
        System.out.printf(Locale.ROOT, "interval between frames (epoch frames and progress messages), pooled (ms): "
                        + "median %.0f, p95 %.0f, max %.0f; per-learner p95: best %.0f, median %.0f, worst %.0f%n",
                BenchStats.percentile(sortedPooled, 50), BenchStats.percentile(sortedPooled, 95), BenchStats.percentile(sortedPooled, 100), p95s[0],
                BenchStats.percentile(p95s, 50), p95s[p95s.length - 1]);
        System.out.printf(Locale.ROOT, "epoch frames: %d, mean %.1f KB; server CPU %.2f cores of %d: %.1f CPU-ms an epoch "
                        + "(%d epochs)%n", frames, bytes / 1e3 / Math.max(1, frames), cores,
                Runtime.getRuntime().availableProcessors(), cores * seconds * 1e3 / Math.max(1, epochs), epochs);
        System.out.println("last health: " + health);
    }
}
