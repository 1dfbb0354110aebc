package org.gaplab.lessons;

import java.util.List;
import java.util.Objects;
import org.gaplab.training.TrainingConfig;

/**
 * A preset: a validated training config that demonstrates one claim of the syllabus, and two lines telling the
 * learner what to watch while it trains.
 *
 * @param id    the URL spelling ({@code ?preset=l1-sparsity}): lower case words joined by hyphens
 * @param claim the syllabus claim it shows ("L1 sparsity", "early stopping", ...)
 * @param watch exactly two lines: what to look at, and what it means
 */
public record Lesson(String id, String title, String claim, TrainingConfig config, List<String> watch) {
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
    }
}
