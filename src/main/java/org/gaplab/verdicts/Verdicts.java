package org.gaplab.verdicts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.gaplab.verdicts.Quantity.Unit;
import org.gaplab.verdicts.Verdict.Status;

/**
 * The one place where runs over several seeds become sentences. A verdict counts paired seeds: run A and run B of seed
 * i share its training sample, its initial weights and the validation and test points, so each seed is one fair
 * duel. "B generalizes better" stands only when B wins on at least {@link #REQUIRED_SHARE} of them (4 of 5, 8 of 10);
 * otherwise the sentence says it can't tell, with the counts. A validation number on a few hundred points moves by
 * 2–3 accuracy points from seed to seed: one seed cannot tell an effect from that noise, so with fewer than
 * {@link #FEWEST_SEEDS} seeds a verdict speaks only of those seeds.
 */
public final class Verdicts {
    /** The share of paired seeds a verdict must hold on. */
    public static final double REQUIRED_SHARE = 0.8;
    /** Below this many seeds, no general verdict: "on this seed" only. */
    public static final int FEWEST_SEEDS = 3;
    /** Validation loss must rise by this share of its best, and by at least {@link #RISE_MIN}, to count as rising. */
    static final double RISE_SHARE = 0.1;
    static final double RISE_MIN = 0.02;
    /** ... and the rise must have lasted this many epochs past the best. */
    static final int RISE_EPOCHS = 10;
    /** Accuracy within this many points of its value at the best epoch counts as flat. */
    static final double FLAT_ACCURACY = 0.02;

    private Verdicts() { }

    /** Seeds a verdict over {@code seeds} seeds must hold on: ⌈0.8·k⌉. */
    public static int required(int seeds) {
        return required(REQUIRED_SHARE, seeds);
    }

    /** Seeds of {@code seeds} a claim asking for {@code share} must hold on: ⌈share·k⌉. */
    static int required(double share, int seeds) {
        return (int) Math.ceil(share * seeds - 1e-9);
    }

    /** The page's one line on what the required share is. */
    public static String rule() {
        return "A verdict stands when it holds on at least " + Math.round(100 * REQUIRED_SHARE) + "% of the paired seeds ("
                + required(5) + " of 5, " + required(10) + " of 10); with fewer than " + FEWEST_SEEDS
                + " seeds it speaks only of those seeds.";
    }

    /** A lesson claim judged on every seed that has its numbers ({@code b} may be null for a one-run lesson). */
    public static Verdict claim(Claim claim, List<RunOutcome> a, List<RunOutcome> b) {
        int k = claim.who().readsA() ? a.size() : b.size();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            values.add(claim.who().value(claim.quantity(), claim.who().readsA() ? a.get(i) : null,
                    claim.who().readsB() ? b.get(i) : null));
        }
        Count count = Count.of(values, value -> claim.relation().holds(value, claim.bound()));
        String range = range(claim, values, count);
        Status status = count.seeds < FEWEST_SEEDS ? status(count.seeds, count.held)
                : count.held >= claim.required(count.seeds) ? Status.HOLDS : Status.CANT_TELL;
        String sentence = switch (status) {
            case HOLDS -> claim.says() + " on " + count.held + " of " + count.seeds + " seeds" + range + ".";
            case CANT_TELL -> "Can't tell from " + count.seeds + " seeds that " + lowerFirst(claim.says()) + ": it holds on "
                    + count.held + range + ".";
            case FEW_SEEDS -> few(count) + (count.held == count.seeds ? claim.says() : "not so that " + lowerFirst(claim.says()))
                    + range + ".";
            case NOT_MEASURED -> "Not measured yet: " + lowerFirst(claim.says()) + ".";
        };
        if (claim.quantity().chosenOnValidation()) sentence += " The best epoch is chosen on validation data.";
        return new Verdict(claim.id(), status, sentence, claim.quantity().split().configName(),
                claim.quantity().chosenOnValidation(), count.held, count.seeds, claim.required(count.seeds), values);
    }

    /** Every claim of a lesson, in order. */
    public static List<Verdict> claims(List<Claim> claims, List<RunOutcome> a, List<RunOutcome> b) {
        return claims.stream().map(claim -> claim(claim, a, b)).toList();
    }

    /**
     * What any comparison's seeds say: which run generalizes better at its best epoch (judged again on the test split at
     * that epoch), whether a narrower gap is only underfitting, which model is better as it stands (on the test split,
     * which no choice saw), and each run's rise in validation loss read as overconfidence or new mistakes.
     */
    public static List<Verdict> comparison(List<RunOutcome> a, List<RunOutcome> b) {
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(ComparisonVerdicts.generalizes(a, b));
        ComparisonVerdicts.underfitting(a, b).ifPresent(verdicts::add);
        verdicts.add(ComparisonVerdicts.asTheyStand(a, b));
        Diagnoses.rise("A", a).ifPresent(verdicts::add);
        Diagnoses.rise("B", b).ifPresent(verdicts::add);
        return verdicts;
    }

    /** What one run's seeds say on their own: whether validation loss rose, and why. */
    public static List<Verdict> run(List<RunOutcome> runs) {
        return Diagnoses.rise("The run", runs).map(List::of).orElse(List.of());
    }

    // ---- shared by the verdict classes ----

    static Status status(int seeds, int held) {
        if (seeds == 0) return Status.NOT_MEASURED;
        if (seeds < FEWEST_SEEDS) return Status.FEW_SEEDS;
        return held >= required(seeds) ? Status.HOLDS : Status.CANT_TELL;
    }

    static String few(Count count) {
        return count.seeds == 1 ? "On this seed (one seed cannot tell an effect from noise): "
                : "On these " + count.seeds + " seeds (too few to tell an effect from noise): ";
    }

    static String lowerFirst(String text) {
        return text.isEmpty() || text.startsWith("A ") || text.startsWith("B ") || text.startsWith("A's")
                || text.startsWith("B's") || text.startsWith("A’s") || text.startsWith("B’s")
                ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** " (by 0.16 to 0.25)", " (91.0% to 95.9%)": the spread of the numbers the sentence rests on. */
    static String range(Claim claim, List<Double> values, Count count) {
        if (count.seeds == 0) return "";
        Unit unit = claim.quantity().unit();
        boolean difference = claim.who() == Claim.Who.B_MINUS_A && claim.bound() == 0;
        if (difference && count.held == count.seeds) {
            return " (by " + span(values.stream().map(Math::abs).toList(), unit) + ")";
        }
        String what = switch (claim.who()) {
            case B_MINUS_A -> "B − A: ";
            case B_OVER_A -> "B / A: ";
            default -> "";
        };
        return " (" + what + span(values, unit) + ")";
    }

    /** "0.16 to 0.25", or one number when all are equal; NaN left out. */
    static String span(List<Double> values, Unit unit) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (Double.isNaN(value)) continue;
            low = Math.min(low, value);
            high = Math.max(high, value);
        }
        if (low > high) return "–";
        String lo = unit.format(low);
        String hi = unit.format(high);
        return lo.equals(hi) ? lo : lo + " to " + hi;
    }

    /** Seeds with a number, and those on which the test held. */
    record Count(int seeds, int held) {
        static Count of(List<Double> values, java.util.function.DoublePredicate test) {
            int seeds = 0;
            int held = 0;
            for (double value : values) {
                if (Double.isNaN(value)) continue;
                seeds++;
                if (test.test(value)) held++;
            }
            return new Count(seeds, held);
        }

        static Count where(int seeds, IntPredicate test) {
            int held = 0;
            for (int i = 0; i < seeds; i++) if (test.test(i)) held++;
            return new Count(seeds, held);
        }
    }
}
