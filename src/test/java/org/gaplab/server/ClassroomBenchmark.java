package org.gaplab.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A classroom on this machine: starts the real server in its own JVM, connects N simulated students (default 60)
 * that each train the default 2-D preset at its default pace, and prints the interval between the frames each
 * student receives (median and 95th percentile) and the server's heap. A benchmark, not a test: run it with
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.gaplab.server.ClassroomBenchmark 60 20
 * </pre>
 *
 * (arguments: students, seconds, optionally a speed for every student, 0 meaning as fast as the fair share
 * allows, and optionally how many of the students run a λ sweep of the overfitting preset instead: the others'
 * frames then show what a sweep costs its neighbours). Students receive on the JDK client and only timestamp
 * frames, so they cost the server's two cores as little as a test client can.
 *
 * <p>{@code ClassroomBenchmark images [students] [seconds] [embedded|full] [-Xmx]} (default 30, 20, embedded, 2g)
 * has every student train an image lesson at once (784-128-10 on the embedded subset's 1,000/500/500 images, or
 * 784-256-128-10 on the full set's 55,000/5,000/10,000) and prints what the server holds: one shared copy of the
 * data, each run's reservation and the heap after a full GC. It does so twice, in one run: with OpenBLAS and with
 * the Java kernels ({@code --backend}), and prints the ratio of the epochs per second each student trained.
 *
 * <p>{@code ClassroomBenchmark attack [learners] [attackers] [seconds]} (default 12, 2, 20) runs issue 12's attack
 * instead ({@link AttackedClassroom}): learners on the default lesson, attackers replaying both repros, and prints
 * every learner's p95 frame interval and epochs gained.
 *
 * <p>{@code ClassroomBenchmark seeds [learners] [seconds] [seeds] [speed]} (default 30, 30, 5, the lesson's pace) has
 * every learner compare l2-weight-decay over k seeds ({@link SeedsClassroom}), issue 17's target.
 *
 * <p>{@code ClassroomBenchmark lesson [id] [learners] [seconds]} (default fashion-overfitting, 60, 30) has every
 * learner train one lesson at its default settings ({@link LessonClassroom}), issue 18's target.
 */
public final class ClassroomBenchmark {
    private ClassroomBenchmark() { }

    /** What one student saw. */
    private static final class Student extends WholeTextListener {
        final List<Long> frameTimes = new ArrayList<>();
        volatile String lastFrame;
        long frameBytes;
        volatile long startedAt;
        volatile boolean finished;
        volatile String error;
        volatile long summaryAt;
        volatile int sweepEpochs;

        @Override
        protected void onMessage(WebSocket ws, String text, long now) {
            if (text.startsWith("{\"type\":\"epoch\"")) {
                synchronized (this) {
                    frameTimes.add(now);
                    frameBytes += text.length();
                }
                lastFrame = text;
            } else if (text.contains("\"event\":\"finished\"")) {
                finished = true;
            } else if (text.startsWith("{\"type\":\"error\"")) {
                error = text;
            } else if (text.startsWith("{\"type\":\"sweep-summary\"")) {
                summaryAt = now;
            } else if (text.startsWith("{\"type\":\"sweep-epoch\"")) {
                sweepEpochs += text.split("\"epoch\":", -1).length - 1;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("attack")) {
            attack(args);
            return;
        }
        if (args.length > 0 && args[0].equals("seeds")) {
            SeedsClassroom.run(args);
            return;
        }
        if (args.length > 0 && args[0].equals("lesson")) {
            LessonClassroom.run(args);
            return;
        }
        if (args.length > 0 && args[0].equals("images")) {
            images(args);
            return;
        }
        int students = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String speed = args.length > 2 && !args[2].equals("default") ? args[2] : null;   // epochs per second; 0: full
        int sweepers = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        try (ServerProcess server = ServerProcess.start(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                List.of("--max-sessions-per-client", String.valueOf(students)))) {
            int port = server.port();
            HttpClient http = HttpClient.newHttpClient();
            List<Student> all = new ArrayList<>();
            List<WebSocket> sockets = new ArrayList<>();
            for (int i = 0; i < students; i++) {
                Student student = new Student();
                sockets.add(http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/train"), student).join());
                all.add(student);
            }
            long begin = System.nanoTime();
            for (int i = 0; i < students; i++) {
                all.get(i).startedAt = System.nanoTime();
                if (i < sweepers) {
                    // 8 values of l2 from 1e-5 to 1 on the overfitting preset: 640 epochs of a 64-64 network.
                    sockets.get(i).sendText("{\"type\":\"sweep\",\"config\":{\"dataset\":\"noisy-features\","
                            + "\"trainSize\":100,\"validationSize\":500,\"testSize\":500,\"hiddenLayers\":[64,64],"
                            + "\"activation\":\"relu\",\"init\":\"he-normal\",\"learningRate\":0.05,\"epochs\":80}}", true).join();
                    continue;
                }
                // The default 2-D preset (circle, 8-8 tanh, 300 epochs) at its default pace; seeds differ per student.
                String config = "{\"seed\":" + (i + 1) + (speed == null ? "}" : ",\"epochs\":10000},\"speed\":" + speed);
                sockets.get(i).sendText("{\"type\":\"start\",\"config\":" + config + "}", true).join();
            }
            List<Long> heap = new ArrayList<>();
            Map<String, Object> health = Map.of();
            while (System.nanoTime() - begin < TimeUnit.SECONDS.toNanos(seconds)) {
                Thread.sleep(1000);
                health = health(http, port);
                heap.add(((Number) health.get("heapUsedBytes")).longValue());
            }
            new ProcessBuilder("jcmd", String.valueOf(server.pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(20, TimeUnit.SECONDS);
            long liveHeap = ((Number) health(http, port).get("heapUsedBytes")).longValue();
            for (int i = 0; i < sweepers; i++) {
                Student sweeper = all.get(i);
                System.out.printf(Locale.ROOT, "sweeper %d: %d of 648 epochs (with each run's epoch 0), %s%n", i + 1,
                        sweeper.sweepEpochs, sweeper.summaryAt == 0 ? "no summary within " + seconds + " s"
                                : String.format(Locale.ROOT, "summary after %.1f s", (sweeper.summaryAt - sweeper.startedAt) / 1e9));
            }
            report(all.subList(sweepers, students), students - sweepers, seconds, speed, heap, liveHeap, health);
            sockets.forEach(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
            Thread.sleep(500);
        }
    }

    private static void images(String[] args) throws Exception {
        int students = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        boolean full = args.length > 3 && args[3].equals("full");
        String heap = args.length > 4 ? args[4] : "2g";
        double blas = imageClass(students, seconds, full, heap, "blas");
        double java = imageClass(students, seconds, full, heap, "java");
        if (java > 0) {
            System.out.printf(Locale.ROOT, "epochs per second per student: blas %.2f, java %.2f: %.1f× with OpenBLAS%n",
                    blas, java, blas / java);
        } else {
            System.out.printf(Locale.ROOT, "no student finished an epoch on the Java kernels in %d s: give it more "
                    + "seconds to compare the backends' speed%n", seconds);
        }
    }

    /** One class of image students on one backend; returns the median epochs per second a student trained. */
    private static double imageClass(int students, int seconds, boolean full, String heap, String backend) throws Exception {
        String config = full
                ? "{\"dataset\":\"fashion-mnist\",\"fashionSource\":\"full\",\"trainSize\":55000,\"validationSize\":5000,"
                + "\"testSize\":10000,\"hiddenLayers\":[256,128],\"activation\":\"relu\",\"init\":\"he-normal\","
                + "\"optimizer\":\"adam\",\"learningRate\":0.001,\"batchSize\":64,\"epochs\":12}"
                : "{\"dataset\":\"fashion-mnist\",\"trainSize\":1000,\"validationSize\":500,\"testSize\":500,"
                + "\"hiddenLayers\":[128],\"activation\":\"relu\",\"epochs\":10000}";
        try (ServerProcess server = ServerProcess.start(List.of("-Xmx" + heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                List.of("--max-sessions-per-client", String.valueOf(students), "--backend", backend))) {
            HttpClient http = HttpClient.newHttpClient();
            long empty = gcHeap(http, server);
            List<Student> all = new ArrayList<>();
            List<WebSocket> sockets = new ArrayList<>();
            for (int i = 0; i < students; i++) {
                Student student = new Student();
                WebSocket ws = http.newWebSocketBuilder().buildAsync(server.socket(), student).join();
                student.startedAt = System.nanoTime();
                ws.sendText("{\"type\":\"start\",\"speed\":0,\"config\":" + config + "}", true).join();
                all.add(student);
                sockets.add(ws);
            }
            Thread.sleep(seconds * 1000L);
            Map<String, Object> health = health(http, server.port());
            long held = gcHeap(http, server);
            int errors = (int) all.stream().filter(s -> s.error != null).count();
            double[] epochs = all.stream().mapToDouble(s -> lastEpoch(s.lastFrame)).sorted().toArray();
            System.out.printf(Locale.ROOT, "%s: %d students on %s Fashion-MNIST, %d s, -Xmx%s, %d errors%s%n", backend,
                    students, full ? "the full" : "the embedded", seconds, heap, errors,
                    errors == 0 ? "" : " (first: " + all.stream().filter(s -> s.error != null).findFirst().get().error + ")");
            System.out.printf(Locale.ROOT, "  datasets held %s (%s leases, %.0f MB); budget reserved %.0f of %.0f MB%n",
                    health.get("datasets"), health.get("datasetLeases"), ((Number) health.get("datasetBytes")).longValue() / 1e6,
                    ((Number) health.get("memoryReservedBytes")).longValue() / 1e6,
                    ((Number) health.get("memoryBudgetBytes")).longValue() / 1e6);
            System.out.printf(Locale.ROOT, "  heap after a full GC: empty server %.0f MB, with the class %.0f MB (%.1f MB a student)%n",
                    empty / 1e6, held / 1e6, (held - empty) / 1e6 / students);
            System.out.printf(Locale.ROOT, "  epochs reached per student: min %.0f, median %.0f (%.2f epochs/s each)%n",
                    epochs[0], epochs[epochs.length / 2], epochs[epochs.length / 2] / seconds);
            sockets.forEach(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
            return epochs[epochs.length / 2] / seconds;
        }
    }

    /** The server's used heap right after a full collection. */
    private static long gcHeap(HttpClient http, ServerProcess server) throws Exception {
        new ProcessBuilder("jcmd", String.valueOf(server.pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        return ((Number) health(http, server.port()).get("heapUsedBytes")).longValue();
    }

    private static void attack(String[] args) throws Exception {
        int learners = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int attackers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        try (ServerProcess server = ServerProcess.start(List.of("-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                List.of("--max-sessions-per-client", String.valueOf(learners + 2 * attackers + 2)))) {
            AttackedClassroom.Result result = AttackedClassroom.run(server.socket(), learners, attackers,
                    Duration.ofSeconds(3), Duration.ofSeconds(seconds));
            System.out.printf(Locale.ROOT, "%d learners on the default lesson (15 epochs/s), %d attackers replaying both "
                    + "repros of issue 12, %d s measured after 3 s, %d cores%n", learners, attackers, seconds,
                    Runtime.getRuntime().availableProcessors());
            System.out.println(AttackedClassroom.describe(result));
        }
    }

    private static void report(List<Student> all, int students, int seconds, String speed, List<Long> heap, long liveHeap,
                               Map<String, Object> health) {
        double[] medians = new double[students];
        double[] p95s = new double[students];
        double[] firsts = new double[students];
        double[] rates = new double[students];
        List<Double> pooled = new ArrayList<>();
        int errors = 0;
        long bytes = 0;
        long frames = 0;
        for (int s = 0; s < students; s++) {
            Student student = all.get(s);
            List<Long> times;
            synchronized (student) {
                times = List.copyOf(student.frameTimes);
                bytes += student.frameBytes;
                frames += times.size();
            }
            if (student.error != null) errors++;
            if (times.isEmpty()) {
                medians[s] = p95s[s] = firsts[s] = Double.NaN;
                continue;
            }
            firsts[s] = (times.get(0) - student.startedAt) / 1e6;
            double[] intervals = new double[times.size() - 1];
            for (int i = 1; i < times.size(); i++) {
                intervals[i - 1] = (times.get(i) - times.get(i - 1)) / 1e6;
                pooled.add(intervals[i - 1]);
            }
            Arrays.sort(intervals);
            medians[s] = BenchStats.percentile(intervals, 50);
            p95s[s] = BenchStats.percentile(intervals, 95);
            rates[s] = lastEpoch(student.lastFrame) / ((times.get(times.size() - 1) - student.startedAt) / 1e9);
        }
        double[] all95 = pooled.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%d students, default 2-D preset at %s, %d s, %d cores, %s%n",
                students, speed == null ? "its default pace (15 epochs/s)" : "speed " + speed, seconds, Runtime.getRuntime().availableProcessors(), errors == 0 ? "no errors" : errors + " errors");
        System.out.printf(Locale.ROOT, "first frame after start (ms): median %.0f, p95 %.0f, max %.0f%n",
                BenchStats.percentile(sorted(firsts), 50), BenchStats.percentile(sorted(firsts), 95), BenchStats.percentile(sorted(firsts), 100));
        System.out.printf(Locale.ROOT, "interval between frames, all frames pooled (ms): median %.1f, p95 %.1f, max %.1f%n",
                BenchStats.percentile(all95, 50), BenchStats.percentile(all95, 95), BenchStats.percentile(all95, 100));
        System.out.printf(Locale.ROOT, "per-student median interval (ms): best %.1f, median %.1f, worst %.1f%n",
                BenchStats.percentile(sorted(medians), 0), BenchStats.percentile(sorted(medians), 50), BenchStats.percentile(sorted(medians), 100));
        System.out.printf(Locale.ROOT, "per-student p95 interval (ms): best %.1f, median %.1f, worst %.1f%n",
                BenchStats.percentile(sorted(p95s), 0), BenchStats.percentile(sorted(p95s), 50), BenchStats.percentile(sorted(p95s), 100));
        System.out.printf(Locale.ROOT, "epochs per second per student: min %.1f, median %.1f%n",
                BenchStats.percentile(sorted(rates), 0), BenchStats.percentile(sorted(rates), 50));
        System.out.printf(Locale.ROOT, "frames: %d, mean %.1f KB, %.0f KB/s per student%n", frames,
                bytes / 1e3 / Math.max(1, frames), bytes / 1e3 / students / seconds);
        long[] heapSorted = heap.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "server heap used (MB): median %.0f, max %.0f; after a full GC %.0f; max heap %.0f%n",
                heapSorted[heapSorted.length / 2] / 1e6, heapSorted[heapSorted.length - 1] / 1e6, liveHeap / 1e6,
                ((Number) health.get("heapMaxBytes")).longValue() / 1e6);
        System.out.println("last health: " + health);
    }

    private static double[] sorted(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    private static int lastEpoch(String frame) {
        if (frame == null) return 0;
        Matcher m = Pattern.compile("\"report\":\\{\"epoch\":(\\d+)").matcher(frame);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    static Map<String, Object> health(HttpClient http, int port) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return Browser.parse(response.body());
    }
}
