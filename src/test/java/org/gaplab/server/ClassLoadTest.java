package org.gaplab.server;

import static org.gaplab.server.ClassLinks.WAIT;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.Test;

/**
 * A class of 40 beside 10 learners on their own, on this 2-core machine: every learner's frames keep coming and the
 * class chart (the teacher's, and every class learner's, since the teacher shows it) keeps updating. The bounds are
 * generous (a loaded CI machine); the numbers measured are printed for docs/DEPLOY.md.
 */
class ClassLoadTest {
    private static final int CLASS_LEARNERS = 40;
    private static final int SOLO_LEARNERS = 10;
    private static final Duration WINDOW = Duration.ofSeconds(8);

    @Test
    void forty_class_learners_and_ten_solo_learners_all_train_and_the_class_chart_updates_every_second() throws Exception {
        // Every learner comes from this one address, as a class behind a school's NAT does.
        Javalin app = App.create(ServerSettings.parse(new String[] {"--port", "0", "--max-sessions-per-client", "60",
                "--max-seats-per-client", "60"}, java.util.Map.of())).start();
        HttpClient http = HttpClient.newHttpClient();
        List<Browser> everyone = new ArrayList<>();
        try {
            ClassLinks.Created created = new ClassLinks(app.port()).create("param=l2&values=0.0001,0.001,0.01,0.03&"
                    + ClassSocketTest.SMALL);
            Browser teacher = ClassLinks.teach(Browser.open(http, app), created);
            everyone.add(teacher);
            teacher.send(Map.of("type", "class-control", "action", "reveal"));
            List<Browser> learners = new ArrayList<>();
            for (int i = 0; i < CLASS_LEARNERS + SOLO_LEARNERS; i++) {
                Browser learner = Browser.open(http, app);
                everyone.add(learner);
                learners.add(learner);
                if (i < CLASS_LEARNERS) {
                    ClassLinks.startAssigned(learner, ClassLinks.join(learner, created, "L" + i), 15);
                } else {
                    learner.awaitType("hello", WAIT);
                    learner.send(Map.of("type", "start", "config", Map.of("seed", i, "trainSize", 60, "hiddenLayers", List.of(4)),
                            "speed", 15));
                }
            }
            for (Browser learner : learners) learner.awaitType("epoch", Duration.ofSeconds(30));
            everyone.forEach(Browser::drain);

            Thread.sleep(WINDOW.toMillis());
            List<Browser.Received> charts = teacher.drain().stream().filter(r -> "class".equals(r.type())).toList();
            List<String> report = new ArrayList<>();
            long worstGap = 0;
            int fewestEpochs = Integer.MAX_VALUE;
            int fewestCharts = Integer.MAX_VALUE;
            for (int i = 0; i < learners.size(); i++) {
                List<Browser.Received> got = learners.get(i).drain();
                List<Browser.Received> frames = got.stream().filter(r -> "epoch".equals(r.type())).toList();
                int epochs = frames.stream().mapToInt(f -> f.epochs().size()).sum();
                long gap = longestGap(frames);
                assertTrue(epochs >= 20 && gap < TimeUnit.SECONDS.toNanos(4), "learner " + i + " got " + epochs
                        + " epochs in " + WINDOW + ", longest gap " + TimeUnit.NANOSECONDS.toMillis(gap) + " ms");
                worstGap = Math.max(worstGap, gap);
                fewestEpochs = Math.min(fewestEpochs, epochs);
                if (i < CLASS_LEARNERS) {
                    int seen = (int) got.stream().filter(r -> "class".equals(r.type()) && r.message().get("points") != null).count();
                    assertTrue(seen >= 3, "class learner " + i + " saw the class chart " + seen + " times in " + WINDOW);
                    fewestCharts = Math.min(fewestCharts, seen);
                }
            }
            long[] intervals = intervals(charts);
            long median = intervals.length == 0 ? Long.MAX_VALUE : intervals[intervals.length / 2];
            assertTrue(charts.size() >= 4 && median <= TimeUnit.SECONDS.toNanos(1), "the teacher got " + charts.size()
                    + " class charts in " + WINDOW + ", median interval " + TimeUnit.NANOSECONDS.toMillis(median) + " ms");
            assertTrue(trained(charts.get(charts.size() - 1)) > trained(charts.get(0)), "the chart's epochs advanced");
            report.add("class charts to the teacher: " + charts.size() + " in " + WINDOW.toSeconds() + " s, median interval "
                    + TimeUnit.NANOSECONDS.toMillis(median) + " ms, longest " + TimeUnit.NANOSECONDS.toMillis(intervals[intervals.length - 1])
                    + " ms; fewest charts a class learner saw: " + fewestCharts);
            report.add("learners: fewest epochs " + fewestEpochs + " in " + WINDOW.toSeconds() + " s (asked 15/s), longest gap between"
                    + " frames " + TimeUnit.NANOSECONDS.toMillis(worstGap) + " ms; chart size " + charts.get(0).text().length() + " bytes");
            System.out.println("ClassLoadTest: " + String.join("; ", report));
        } finally {
            everyone.forEach(Browser::close);
            app.stop();
        }
    }

    private static long longestGap(List<Browser.Received> messages) {
        long longest = 0;
        for (int i = 1; i < messages.size(); i++) longest = Math.max(longest, messages.get(i).atNanos() - messages.get(i - 1).atNanos());
        return longest;
    }

    private static long[] intervals(List<Browser.Received> messages) {
        long[] gaps = new long[Math.max(0, messages.size() - 1)];
        for (int i = 1; i < messages.size(); i++) gaps[i - 1] = messages.get(i).atNanos() - messages.get(i - 1).atNanos();
        Arrays.sort(gaps);
        return gaps;
    }

    private static long trained(Browser.Received chart) {
        return ClassLinks.points(chart.message()).stream().mapToLong(p -> ((Number) p.get("epoch")).longValue()).sum();
    }
}
