package org.gaplab.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 12's first attack on a running class: learners train the default lesson at its default pace while each
 * attacker replays both repros, on two sockets. One socket sends bursts of 30 starts of the full Fashion-MNIST with
 * ten images per split (each such start cost 0.8 to 0.95 s of a worker); the other starts 20,000 examples through a
 * 1024×1024 network in batches of 1024 at full speed (a single minibatch is about 3 billion multiply-adds). What the
 * learners receive meanwhile is timed: the interval between their frames and the epochs they gain.
 */
final class AttackedClassroom {
    static final String SPAM = "{\"type\":\"start\",\"config\":{\"dataset\":\"fashion-mnist\",\"fashionSource\":\"full\","
            + "\"trainSize\":10,\"validationSize\":10,\"testSize\":10,\"epochs\":1}}";
    static final String HEAVY = "{\"type\":\"start\",\"speed\":0,\"config\":{\"trainSize\":20000,\"validationSize\":1000,"
            + "\"testSize\":1000,\"hiddenLayers\":[1024,1024],\"batchSize\":1024}}";
    private static final Pattern EPOCH = Pattern.compile("\"epoch\":(\\d+)");

    /** What one learner saw in the measured window. */
    record Learner(double p95Millis, double worstMillis, int epochsGained, int frames) { }

    /** Every learner's numbers, and how many error messages the attackers got (refusals are fine). */
    record Result(List<Learner> learners, int attackerErrors) {
        double worstP95() {
            return learners.stream().mapToDouble(Learner::p95Millis).max().orElse(Double.NaN);
        }

        int fewestEpochs() {
            return learners.stream().mapToInt(Learner::epochsGained).min().orElse(0);
        }
    }

    /** A learner's socket: the time of each frame and the newest epoch. */
    private static final class Listener extends WholeTextListener {
        final List<long[]> frames = new ArrayList<>();   // {arrival nanos, newest epoch}
        volatile int errors;

        @Override
        protected void onMessage(WebSocket ws, String text, long now) {
            if (text.startsWith("{\"type\":\"epoch\"")) {
                int newest = -1;
                int report = text.indexOf("\"report\"");
                Matcher m = EPOCH.matcher(report < 0 ? text : text.substring(0, report));
                while (m.find()) newest = Math.max(newest, Integer.parseInt(m.group(1)));
                synchronized (this) {
                    frames.add(new long[] {now, newest});
                }
            } else if (text.startsWith("{\"type\":\"error\"")) {
                errors++;
            }
        }
    }

    private AttackedClassroom() { }

    /**
     * Runs the class: learners start, then the attackers, then {@code warmUp} passes and the learners' frames are
     * timed for {@code window}. The attackers keep attacking (a burst of starts every half second) to the end.
     */
    static Result run(URI socket, int learners, int attackers, Duration warmUp, Duration window) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Listener> seen = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        List<Listener> attackerListeners = new ArrayList<>();
        List<WebSocket> spammers = new ArrayList<>();
        try {
            for (int i = 0; i < learners; i++) {
                Listener listener = new Listener();
                WebSocket ws = http.newWebSocketBuilder().buildAsync(socket, listener).join();
                ws.sendText("{\"type\":\"start\",\"config\":{\"seed\":" + (i + 1) + ",\"epochs\":10000}}", true).join();
                seen.add(listener);
                sockets.add(ws);
            }
            for (int i = 0; i < attackers; i++) {
                Listener spamListener = new Listener();
                Listener heavyListener = new Listener();
                WebSocket spam = http.newWebSocketBuilder().buildAsync(socket, spamListener).join();
                WebSocket heavy = http.newWebSocketBuilder().buildAsync(socket, heavyListener).join();
                heavy.sendText(HEAVY, true).join();
                attackerListeners.addAll(List.of(spamListener, heavyListener));
                spammers.add(spam);
                sockets.addAll(List.of(spam, heavy));
            }
            long begin = System.nanoTime();
            long measureFrom = begin + warmUp.toNanos();
            long end = measureFrom + window.toNanos();
            while (System.nanoTime() < end) {
                for (int s = 0; s < spammers.size(); s++) {
                    try {
                        for (int k = 0; k < 30; k++) spammers.get(s).sendText(SPAM, true).join();
                    } catch (java.util.concurrent.CompletionException closed) {
                        // Closed for its message rate (1008): the attacker comes straight back on a new socket.
                        Listener again = new Listener();
                        WebSocket spam = http.newWebSocketBuilder().buildAsync(socket, again).join();
                        attackerListeners.add(again);
                        spammers.set(s, spam);
                        sockets.add(spam);
                    }
                }
                Thread.sleep(500);
            }
            List<Learner> results = new ArrayList<>();
            for (Listener listener : seen) results.add(measure(listener, measureFrom, end));
            int errors = attackerListeners.stream().mapToInt(l -> l.errors).sum();
            return new Result(results, errors);
        } finally {
            for (WebSocket ws : sockets) {
                if (!ws.isOutputClosed()) ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
            Thread.sleep(200);
        }
    }

    private static Learner measure(Listener listener, long from, long to) {
        List<long[]> frames;
        synchronized (listener) {
            frames = new ArrayList<>(listener.frames);
        }
        List<Double> intervals = new ArrayList<>();
        long previous = -1;
        int firstEpoch = -1;
        int lastEpoch = -1;
        int count = 0;
        for (long[] frame : frames) {
            if (frame[0] < from || frame[0] > to) {
                if (frame[0] < from) previous = frame[0];
                continue;
            }
            if (previous >= 0) intervals.add((frame[0] - previous) / 1e6);
            previous = frame[0];
            if (firstEpoch < 0) firstEpoch = (int) frame[1];
            lastEpoch = (int) frame[1];
            count++;
        }
        double tail = previous < 0 ? Double.POSITIVE_INFINITY : (to - previous) / 1e6;   // silence at the end counts
        intervals.add(tail);
        double[] sorted = intervals.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double p95 = sorted[Math.max(0, (int) Math.ceil(0.95 * sorted.length) - 1)];
        return new Learner(p95, sorted[sorted.length - 1], Math.max(0, lastEpoch - firstEpoch), count);
    }

    /** A summary line per learner and the worst, for a benchmark's output and a failing test's message. */
    static String describe(Result result) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(java.util.Locale.ROOT, "worst learner p95 %.0f ms, fewest epochs gained %d, attacker errors %d%n",
                result.worstP95(), result.fewestEpochs(), result.attackerErrors()));
        double[] p95s = result.learners().stream().mapToDouble(Learner::p95Millis).sorted().toArray();
        text.append("learners' p95 (ms): ").append(Arrays.toString(Arrays.stream(p95s).map(Math::rint).toArray()));
        text.append("\nlearners' worst interval (ms): ").append(Arrays.toString(result.learners().stream()
                .mapToDouble(Learner::worstMillis).map(Math::rint).toArray()));
        text.append("\nlearners' epochs gained: ").append(Arrays.toString(result.learners().stream()
                .mapToInt(Learner::epochsGained).toArray()));
        return text.toString();
    }

    static long seconds(Duration duration) {
        return TimeUnit.NANOSECONDS.toSeconds(duration.toNanos());
    }
}
