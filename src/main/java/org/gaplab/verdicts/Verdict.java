package org.gaplab.verdicts;

import java.util.List;

/**
 * What a set of seeds says about one question, in one sentence with its counts: the same object for the page, the
 * {@code train --preset} summary and the tests. A verdict holds only when it held on at least {@link #required} of its
 * {@link #seeds} paired seeds; with fewer than {@link Verdicts#FEWEST_SEEDS} seeds it never claims more than "on this
 * seed".
 *
 * @param id        which question ({@code generalizes}, a lesson claim's id, ...)
 * @param status    whether it holds, cannot be told, or rests on too few seeds
 * @param sentence  what the page prints
 * @param split     the split its numbers are measured on ({@code validation}, {@code test}, {@code train}, {@code none})
 * @param chosenOnValidation whether an epoch picked on validation data is part of it (then test is the fair judge)
 * @param held      seeds on which it held
 * @param seeds     seeds judged (those with numbers)
 * @param required  seeds it must hold on: ⌈0.8·seeds⌉, or its claim's own share
 * @param values    the number per seed, in seed order (NaN where not measured)
 */
public record Verdict(String id, Status status, String sentence, String split, boolean chosenOnValidation, int held,
                      int seeds, int required, List<Double> values) {
    /** Where a verdict stands. */
    public enum Status {
        /** Held on at least the required share of at least {@link Verdicts#FEWEST_SEEDS} seeds. */
        HOLDS("holds"),
        /** Enough seeds, but it held on too few of them to say. */
        CANT_TELL("can’t tell"),
        /** Too few seeds to say anything beyond them. */
        FEW_SEEDS("few seeds"),
        /** No seed has the numbers yet (before the first epoch, or before a best epoch exists). */
        NOT_MEASURED("not measured yet");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String configName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** The status as a learner reads it, on the page's badge. */
        public String label() { return label; }
    }

    public Verdict {
        values = List.copyOf(values);
    }

    public boolean holds() {
        return status == Status.HOLDS;
    }
}
