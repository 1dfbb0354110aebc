package org.gaplab.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gaplab.engine.Backend;
import org.gaplab.lessons.Lesson;
import org.gaplab.lessons.LessonTrials;
import org.gaplab.training.EpochReport;
import org.gaplab.verdicts.RunOutcome;

/**
 * The gallery's small picture of each lesson: its real run on its first seed (run A's and, in a comparison, B's
 * training and validation loss over the epochs; a sweep's best validation loss against the swept value), drawn as SVG.
 * Trained once per lesson, on one background thread, and kept: the gallery costs the server at most one training of
 * each lesson it lists, however often it is opened.
 */
final class LessonPictures implements AutoCloseable {
    static final int WIDTH = 320;
    static final int HEIGHT = 170;
    private static final int LEFT = 40;
    private static final int TOP = 24;
    private static final int RIGHT = 10;
    private static final int BOTTOM = 24;

    private final Backend backend;
    private final ExecutorService painter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lesson-pictures");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);      // behind every learner's run
        return thread;
    });
    /** At most one entry per lesson id the menu lists (callers check the id first). */
    private final Map<String, CompletableFuture<String>> pictures = new ConcurrentHashMap<>();

    LessonPictures(Backend backend) {
        this.backend = backend;
    }

    /** The picture of this lesson, drawn once (a lesson with a view of its own trains nothing: callers skip it). */
    CompletableFuture<String> of(Lesson lesson) {
        String key = lesson.id() + "@" + System.identityHashCode(lesson);   // an overriding file gets its own picture
        return pictures.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> draw(lesson), painter));
    }

    @Override
    public void close() {
        painter.shutdownNow();
    }

    private String draw(Lesson lesson) {
        long seed = lesson.config().seed();
        if (lesson.sweep() != null) {
            Lesson.SweepPlan plan = lesson.sweepPlan();
            LessonTrials.SweepTrial trial = LessonTrials.sweep(lesson.config().withSeeds(1), plan.param(), plan.values(),
                    List.of(seed), backend, Runnable::run, LessonTrials.Listener.NONE);
            List<double[]> points = new ArrayList<>();
            for (int v = 0; v < plan.values().size(); v++) {
                RunOutcome run = trial.runs().get(v).get(0);
                points.add(new double[] {Math.log10(plan.values().get(v)), run.best().losses().validation()});
            }
            return svg("best validation loss against log₁₀ " + plan.param() + ", seed " + seed,
                    List.of(new Line(points, "#d9480f", false, "validation")));
        }
        List<List<double[]>> train = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<double[]>> validation = List.of(new ArrayList<>(), new ArrayList<>());
        LessonTrials.Listener listener = new LessonTrials.Listener() {
            @Override public void epoch(long s, String run, EpochReport report) {
                int i = "b".equals(run) ? 1 : 0;
                train.get(i).add(new double[] {report.epoch(), report.losses().train()});
                validation.get(i).add(new double[] {report.epoch(), report.losses().validation()});
            }
        };
        LessonTrials.pairs(lesson.config().withSeeds(1), lesson.isComparison() ? lesson.configB().withSeeds(1) : null,
                List.of(seed), backend, Runnable::run, listener);
        List<Line> lines = new ArrayList<>(List.of(new Line(train.get(0), "#1c7ed6", false, "A train"),
                new Line(validation.get(0), "#1c7ed6", true, "A validation")));
        if (lesson.isComparison()) {
            lines.add(new Line(train.get(1), "#d9480f", false, "B train"));
            lines.add(new Line(validation.get(1), "#d9480f", true, "B validation"));
        }
        return svg("loss over epochs, seed " + seed + (lesson.isComparison() ? ": A blue, B orange" : "")
                + "; training solid, validation dashed", lines);
    }

    /** One polyline: its points (x, y), colour, whether dashed, and its name for the title. */
    private record Line(List<double[]> points, String color, boolean dashed, String name) { }

    private static String svg(String caption, List<Line> lines) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Line line : lines) {
            for (double[] p : line.points) {
                if (!Double.isFinite(p[1])) continue;
                minX = Math.min(minX, p[0]); maxX = Math.max(maxX, p[0]);
                minY = Math.min(minY, p[1]); maxY = Math.max(maxY, p[1]);
            }
        }
        if (!(maxX > minX)) maxX = minX + 1;
        if (!(maxY > minY)) maxY = minY + 1;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"10\">", WIDTH,
                HEIGHT, WIDTH, HEIGHT));
        svg.append("<title>").append(escape(caption)).append("</title>");
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fff\" stroke=\"#ccc\"/>",
                LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\">%s</text>", LEFT, escape(caption)));
        svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\">%.3g</text><text x=\"2\" y=\"%d\">%.3g</text>",
                TOP + 8, maxY, HEIGHT - BOTTOM, minY));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.4g</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.4g</text>",
                LEFT, HEIGHT - 8, minX, WIDTH - RIGHT, HEIGHT - 8, maxX));
        for (Line line : lines) {
            StringBuilder points = new StringBuilder();
            for (double[] p : line.points) {
                if (!Double.isFinite(p[1])) continue;
                // x ↦ LEFT + (x − minX)/(maxX − minX)·w;  y ↦ TOP + (maxY − y)/(maxY − minY)·h  (SVG's y points down)
                double x = LEFT + (p[0] - minX) / (maxX - minX) * (WIDTH - LEFT - RIGHT);
                double y = TOP + (maxY - p[1]) / (maxY - minY) * (HEIGHT - TOP - BOTTOM);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(line.color).append('"')
                    .append(line.dashed ? " stroke-dasharray=\"4 3\"" : "").append(" points=\"").append(points.toString().strip())
                    .append("\"><title>").append(escape(line.name)).append("</title></polyline>");
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
