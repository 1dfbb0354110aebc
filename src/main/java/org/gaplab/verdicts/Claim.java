package org.gaplab.verdicts;

import java.util.Locale;
import java.util.Objects;

/**
 * One checkable sentence of a lesson, as data: a {@link Quantity} of run A, of run B, or of B against A, and how it must
 * compare with a bound. "B's best validation loss is lower than A's" is {@code BEST_VALIDATION_LOSS, B_MINUS_A, BELOW,
 * 0}; "over 90% of B's weights are exactly 0" is {@code ZERO_FRACTION, B, ABOVE, 0.9}. Judged on every paired seed by
 * {@link Verdicts#claim}, never on one.
 *
 * @param id       short name, unique within its lesson ({@code b-generalizes})
 * @param says     the sentence, as the learner reads it, without the seed count ("B's best validation loss is lower
 *                 than A's")
 * @param quantity the number it speaks of
 * @param who      whose number: A's, B's, B's minus A's or B's over A's
 * @param relation how that number compares with {@code bound}
 * @param bound    the bound (0 for "lower than A's")
 * @param share    the share of paired seeds it must hold on, in [0.5, 1] ({@link Verdicts#REQUIRED_SHARE} unless a
 *                 lesson asks for more): below a half, a claim and its opposite could both stand
 */
public record Claim(String id, String says, Quantity quantity, Who who, Relation relation, double bound, double share) {
    /** The shares a claim may ask for. */
    public static final double MIN_SHARE = 0.5;
    public static final double MAX_SHARE = 1.0;

    /** Whose number a claim reads: one run's, or B's set against A's on the same seed. */
    public enum Who {
        A, B, B_MINUS_A, B_OVER_A;

        /** The number on one seed; {@code a} or {@code b} may be null where the claim does not read it. */
        public double value(Quantity quantity, RunOutcome a, RunOutcome b) {
            return switch (this) {
                case A -> quantity.of(a);
                case B -> quantity.of(b);
                case B_MINUS_A -> quantity.of(b) - quantity.of(a);   // d = q(B) − q(A)
                case B_OVER_A -> quantity.of(b) / quantity.of(a);    // r = q(B) / q(A)
            };
        }

        public boolean readsA() {
            return this != B;
        }

        public boolean readsB() {
            return this != A;
        }

        public String configName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** How the number must compare with the bound. NaN (not measured yet) never holds. */
    public enum Relation {
        BELOW("<"), ABOVE(">"), AT_MOST("≤"), AT_LEAST("≥");

        private final String symbol;

        Relation(String symbol) { this.symbol = symbol; }

        public boolean holds(double value, double bound) {
            return switch (this) {
                case BELOW -> value < bound;
                case ABOVE -> value > bound;
                case AT_MOST -> value <= bound;
                case AT_LEAST -> value >= bound;
            };
        }

        public String symbol() { return symbol; }

        public String configName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Claim {
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a claim id is lower-case words joined by hyphens: " + id);
        }
        if (says == null || says.isBlank()) throw new IllegalArgumentException("claim " + id + " says nothing");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(relation, "relation");
        if (!Double.isFinite(bound)) throw new IllegalArgumentException("claim " + id + ": bound must be finite");
        if (!(share >= MIN_SHARE && share <= MAX_SHARE)) {
            throw new IllegalArgumentException("claim " + id + ": share must be in [" + MIN_SHARE + ", " + MAX_SHARE + "]");
        }
    }

    /** A claim that must hold on the usual share of seeds ({@link Verdicts#REQUIRED_SHARE}). */
    public Claim(String id, String says, Quantity quantity, Who who, Relation relation, double bound) {
        this(id, says, quantity, who, relation, bound, Verdicts.REQUIRED_SHARE);
    }

    /** Seeds of {@code seeds} it must hold on: ⌈share·k⌉. */
    public int required(int seeds) {
        return Verdicts.required(share, seeds);
    }

    /** Whether it holds on one seed. */
    public boolean holds(RunOutcome a, RunOutcome b) {
        return relation.holds(who.value(quantity, a, b), bound);
    }

    /** The test in symbols, for tables: {@code B − A < 0}. */
    public String test() {
        String lhs = switch (who) {
            case A -> "A";
            case B -> "B";
            case B_MINUS_A -> "B − A";
            case B_OVER_A -> "B / A";
        };
        return quantity.label() + ": " + lhs + " " + relation.symbol() + " " + quantity.unit().format(bound);
    }
}
