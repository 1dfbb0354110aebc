package org.gaplab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gaplab.lessons.LessonTrials;
import org.gaplab.protocol.Json;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.verdicts.Verdict;
import org.gaplab.verdicts.Verdicts;

/**
 * The JSON Lines of runs trained on several seeds at once, each line marked with its {@code seed} (and {@code run}),
 * printed seed by seed in seed order once all have trained: so the output is the same bytes however many threads
 * trained them. Also the {@code --seeds} option and the verdicts printed under a multi-seed run.
 */
final class SeedLines implements LessonTrials.Listener {
    /** The most seeds one command trains. */
    static final int MAX_SEEDS = 100;

    private final Map<Long, List<String>> bySeed = new TreeMap<>();

    @Override
    public synchronized void epoch(long seed, String run, EpochReport report) {
        lines(seed).add(Json.write(marked(Json.epoch(report), seed, run)));
    }

    @Override
    public synchronized void end(long seed, String run, RunEnd end) {
        lines(seed).add(Json.write(marked(Json.end(end), seed, run)));
    }

    /** Writes every seed's lines, in seed order. */
    synchronized void print(PrintStream out) {
        bySeed.values().forEach(lines -> lines.forEach(out::println));
        out.flush();
    }

    private List<String> lines(long seed) {
        return bySeed.computeIfAbsent(seed, s -> new ArrayList<>());
    }

    /** The line with {@code run} (when named) and {@code seed} after its type. */
    static Map<String, Object> marked(Map<String, Object> line, long seed, String run) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", line.get("type"));
        if (run != null) out.put("run", run);
        out.put("seed", seed);
        out.putAll(line);
        return out;
    }

    /**
     * {@code --seeds}: a range {@code 1-10}, a list {@code 1,4,9} or one seed; at most {@link #MAX_SEEDS}, each a
     * seed (0 to 2³¹ − 1), none twice. The first seed's world and validation and test points are every seed's.
     */
    static List<Long> parse(String text) {
        List<Long> seeds = new ArrayList<>();
        String usage = "--seeds takes a range FROM-TO, a list A,B,C or one seed (each 0 to " + Integer.MAX_VALUE
                + ", at most " + MAX_SEEDS + " seeds), not " + text;
        try {
            if (text.matches("\\d+-\\d+")) {
                String[] ends = text.split("-");
                long from = Long.parseLong(ends[0]);
                long to = Long.parseLong(ends[1]);
                if (to < from || to - from >= MAX_SEEDS) throw new UsageException(usage);
                for (long seed = from; seed <= to; seed++) seeds.add(seed);
            } else {
                for (String part : text.split(",", -1)) seeds.add(Long.parseLong(part.trim()));
            }
        } catch (NumberFormatException e) {
            throw new UsageException(usage);
        }
        if (seeds.isEmpty() || seeds.size() > MAX_SEEDS || seeds.stream().distinct().count() != seeds.size()
                || seeds.stream().anyMatch(seed -> seed < 0 || seed > Integer.MAX_VALUE)) {
            throw new UsageException(usage);
        }
        return seeds;
    }

    /** {@code threads} seeds trained at once, each run on one thread. */
    static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "seed");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A titled block of verdicts on stderr: each sentence with its status in front. */
    static void printVerdicts(String title, List<Verdict> verdicts, PrintStream err) {
        if (verdicts.isEmpty()) return;
        err.println(title);
        for (Verdict verdict : verdicts) {
            String mark = String.format("%-10s", verdict.status().label().replace('’', '\''));
            err.println("  [" + mark + "] " + verdict.sentence());
        }
    }

    /** The line above the verdicts: which seeds, and the rule they are judged by. */
    static String heading(List<Long> seeds) {
        return "Over seeds " + (seeds.size() == 1 ? seeds.get(0) : seeds.get(0) + " … " + seeds.get(seeds.size() - 1)
                + " (" + seeds.size() + ")") + ", each its own training sample and initial weights, all judged on the "
                + "validation and test points of seed " + seeds.get(0) + ". " + Verdicts.rule();
    }
}
