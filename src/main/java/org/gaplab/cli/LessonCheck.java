package org.gaplab.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.gaplab.lessons.Lesson;
import org.gaplab.lessons.LessonShelf;
import org.gaplab.lessons.LessonTrials;
import org.gaplab.lessons.Lessons;
import org.gaplab.verdicts.Quantity;
import org.gaplab.verdicts.Verdict;

/**
 * {@code lesson check FILE|ID [--seeds 1-10] [--backend blas|java|auto] [--threads N]}: what a course author runs before
 * publishing a lesson. Reads the file exactly as the server would (a bad field is refused by name, status 2), trains the
 * lesson on the seeds as the page does ({@link LessonTrials}) and prints, per claim, on how many seeds it held, how many
 * it must hold on and each seed's number, judged by the same {@code Verdicts} the page shows. Exit status 0 when every
 * claim held on its required share, 3 when one did not (as {@code train --preset}).
 */
final class LessonCheck {
    private LessonCheck() { }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !args.get(0).equals("check")) throw new UsageException("the lesson command is lesson check FILE");
        if (args.size() < 2 || args.get(1).startsWith("--")) throw new UsageException("name the lesson file to check");
        Path file = Path.of(args.get(1));
        Map<String, String> options = Options.parse(args.subList(2, args.size()), List.of("--seeds", "--backend", "--threads"));
        // A built-in lesson may be named by its id: its file is inside the jar.
        Lesson lesson = !Files.exists(file) && Lessons.find(args.get(1)).filter(Lessons::isBuiltIn).isPresent()
                ? Lessons.find(args.get(1)).get() : LessonShelf.readFile(file);
        if (lesson.view() != null) {
            out.println("Lesson " + lesson.id() + " opens the " + lesson.view() + " view and trains nothing: no claims to check.");
            return 0;
        }
        List<Long> seeds = options.containsKey("--seeds") ? SeedLines.parse(options.get("--seeds")) : ownSeeds(lesson);
        ExecutorService pool = SeedLines.pool(Options.threads(options));
        LessonTrials.Trial trial;
        try {
            trial = LessonTrials.train(lesson, seeds, Options.backend(options), pool, LessonTrials.Listener.NONE);
        } finally {
            pool.shutdownNow();
        }
        List<Verdict> claims = trial.claims();
        out.println("Lesson " + lesson.id() + " (" + lesson.title() + ") on seeds " + SeedLines.heading(seeds)
                .replaceFirst("^Over seeds ", ""));
        int fallShort = 0;
        for (Verdict claim : claims) {
            boolean held = claim.seeds() > 0 && claim.held() >= claim.required();
            if (!held) fallShort++;
            out.println((held ? "  holds       " : "  FALLS SHORT ") + claim.id() + ": held on " + claim.held() + " of "
                    + claim.seeds() + " seeds, needs " + claim.required() + (held ? "" : ", failed on " + (claim.seeds() - claim.held())));
            out.println("      " + claim.sentence());
            Quantity.Unit unit = lesson.claims().stream().filter(c -> c.id().equals(claim.id())).findFirst()
                    .map(c -> c.quantity().unit()).orElse(null);
            out.println("      by seed: " + bySeed(seeds, claim.values(), unit));
        }
        if (claims.isEmpty()) out.println("  (the lesson states no claims: nothing to check)");
        out.println(fallShort == 0 ? "All " + claims.size() + " claims held on their required share of the seeds."
                : fallShort + " of " + claims.size() + " claims fell short: the lesson says more than its runs show.");
        out.flush();
        return fallShort == 0 ? 0 : 3;
    }

    /** The lesson's own seeds: {@code seeds} of them from its {@code seed}. */
    private static List<Long> ownSeeds(Lesson lesson) {
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < lesson.config().seeds(); i++) seeds.add(lesson.config().seed() + i);
        return seeds;
    }

    /** "1: 0.012, 2: 0.013": each seed's number as the claim reads it, in its unit (a sweep's verdicts have none). */
    private static String bySeed(List<Long> seeds, List<Double> values, Quantity.Unit unit) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String seed = i < seeds.size() ? String.valueOf(seeds.get(i)) : "#" + i;
            parts.add(seed + ": " + (unit != null ? unit.format(values.get(i))
                    : Double.isNaN(values.get(i)) ? "–" : String.format(Locale.ROOT, "%.4g", values.get(i))));
        }
        return String.join(", ", parts);
    }
}
