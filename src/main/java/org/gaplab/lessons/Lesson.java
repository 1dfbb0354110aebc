package org.gaplab.lessons;

import java.util.List;
import java.util.Objects;
import org.gaplab.training.TrainingConfig;

/**
 * A preset: a validated training config that demonstrates one claim of the syllabus, and two lines telling the
 * learner what to watch while it trains. A lesson may open as an A/B comparison or as a sweep instead of one run.
 *
 * @param id      the URL spelling ({@code ?preset=l1-sparsity}): lower case words joined by hyphens
 * @param claim   the syllabus claim it shows ("L1 sparsity", "early stopping", ...)
 * @param watch   exactly two lines: what to look at, and what it means
 * @param compare run B's changes in the page's URL form ({@code l2:0.01}), or null: the lesson is not a comparison
 * @param sweep   the sweep in the page's URL form ({@code l2:grid:0.0001:1:8}), or null: the lesson is not a sweep
 */
public record Lesson(String id, String title, String claim, TrainingConfig config, List<String> watch, String compare,
                     String sweep) {
    public Lesson {
        Objects.requireNonNull(config, "config");
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("lesson id must be lower-case words joined by hyphens: " + id);
        }
        if (title == null || title.isBlank()) throw new IllegalArgumentException("lesson " + id + " needs a title");
        if (claim == null || claim.isBlank()) throw new IllegalArgumentException("lesson " + id + " needs a claim");
        watch = List.copyOf(watch);
        if (watch.size() != 2 || watch.stream().anyMatch(line -> line.isBlank() || line.contains("\n"))) {
            throw new IllegalArgumentException("lesson " + id + " needs exactly two one-line hints of what to watch");
        }
        if (compare != null && sweep != null) {
            throw new IllegalArgumentException("lesson " + id + " is a comparison or a sweep, not both");
        }
    }

    /** A lesson of one run. */
    public Lesson(String id, String title, String claim, TrainingConfig config, List<String> watch) {
        this(id, title, claim, config, watch, null, null);
    }

    /** This lesson as an A/B comparison: run B is its config with {@code changes} (key:value,key:value). */
    public Lesson comparing(String changes) {
        return new Lesson(id, title, claim, config, watch, Objects.requireNonNull(changes, "changes"), null);
    }

    /** This lesson as a sweep ({@code param:grid:from:to:count}, {@code param:random:...}, {@code param:values:a,b}). */
    public Lesson sweeping(String plan) {
        return new Lesson(id, title, claim, config, watch, null, Objects.requireNonNull(plan, "plan"));
    }
}
