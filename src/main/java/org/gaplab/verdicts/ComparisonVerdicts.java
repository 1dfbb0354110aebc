package org.gaplab.verdicts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gaplab.verdicts.Quantity.Unit;
import org.gaplab.verdicts.Verdict.Status;
import org.gaplab.verdicts.Verdicts.Count;

/** The verdicts every comparison gets, whatever it compares (see {@link Verdicts#comparison}). */
final class ComparisonVerdicts {
    private ComparisonVerdicts() { }

    /**
     * Which run generalizes better: the lower best validation loss, seed by seed. The best epoch is picked on
     * validation loss, so the sentence says so and adds the test loss at those epochs, which picked nothing.
     */
    static Verdict generalizes(List<RunOutcome> a, List<RunOutcome> b) {
        List<Double> differences = differences(Quantity.BEST_VALIDATION_LOSS, a, b);
        List<Double> onTest = differences(Quantity.TEST_LOSS_AT_BEST, a, b);
        Count bWins = Count.of(differences, d -> d < 0);
        Count aWins = Count.of(differences, d -> d > 0);
        Count same = Count.of(differences, d -> d == 0);
        int k = bWins.seeds();
        boolean bBetter = bWins.held() >= aWins.held();
        String winner = bBetter ? "B" : "A";
        int held = Math.max(bWins.held(), aWins.held());
        Count testWins = Count.of(onTest, d -> bBetter ? d < 0 : d > 0);
        // The best epoch is picked on validation loss: a win there stands only if the test split, which picked nothing,
        // agrees at those epochs.
        boolean agreed = testWins.held() >= Verdicts.required(k);
        Status status = k < Verdicts.FEWEST_SEEDS ? Verdicts.status(k, held)
                : held >= Verdicts.required(k) && agreed ? Status.HOLDS : Status.CANT_TELL;
        String sentence;
        if (k == 0) {
            sentence = "Which run generalizes better shows once both have trained an epoch.";
        } else if (same.held() >= Verdicts.required(k) && k >= Verdicts.FEWEST_SEEDS) {
            sentence = "A and B reach the same best validation loss on " + same.held() + " of " + k
                    + " seeds: they train alike up to their best epoch and differ only after it.";
        } else if (status == Status.FEW_SEEDS) {
            sentence = Verdicts.few(bWins) + winner + "’s best validation loss is lower on " + held + " of " + k
                    + " (" + bestLosses(a, b) + ").";
        } else if (status == Status.HOLDS) {
            sentence = winner + " generalizes better: its best validation loss is lower on " + held + " of " + k
                    + " seeds (by " + Verdicts.span(magnitudes(differences, bBetter), Unit.LOSS) + "), and at those epochs its"
                    + " test loss is lower on " + testWins.held() + " of " + testWins.seeds()
                    + ". The best epoch is chosen on validation data; the test split chose nothing.";
        } else if (held >= Verdicts.required(k)) {
            sentence = "Can't tell from " + k + " seeds which generalizes better: " + winner + "’s best validation loss is "
                    + "lower on " + held + " (by " + Verdicts.span(magnitudes(differences, bBetter), Unit.LOSS)
                    + "), but at those epochs its test loss is lower on only " + testWins.held()
                    + ": a win chosen on validation data that the test split does not confirm.";
        } else {
            sentence = "Can't tell from " + k + " seeds which generalizes better: B’s best validation loss is lower on "
                    + bWins.held() + ", A’s on " + aWins.held() + " (B − A: " + Verdicts.span(differences, Unit.LOSS) + ").";
        }
        return new Verdict("generalizes", status, sentence, "validation", true, held, k, Verdicts.required(k), differences);
    }

    /**
     * A narrower gap that is underfitting: on a seed, x's final gap is clearly narrower than y's while its best
     * validation loss is not lower and its training accuracy (for regression, training loss) clearly worse. Said only
     * when it holds on the required share; an early-stopped run's gap is read at a restored epoch, so none is said then.
     */
    static Optional<Verdict> underfitting(List<RunOutcome> a, List<RunOutcome> b) {
        if (a.stream().anyMatch(RunOutcome::restored) || b.stream().anyMatch(RunOutcome::restored)) return Optional.empty();
        for (String name : List.of("B", "A")) {
            List<RunOutcome> x = name.equals("B") ? b : a;
            List<RunOutcome> y = name.equals("B") ? a : b;
            int k = seedsWithNumbers(x, y);
            if (k < Verdicts.FEWEST_SEEDS) continue;
            Count count = Count.where(k, i -> underfits(x.get(i), y.get(i)));
            if (count.held() < Verdicts.required(k)) continue;
            List<Double> gaps = differences(Quantity.FINAL_GAP, y, x);
            String sentence = name + "’s narrower gap is underfitting, not a win: on " + count.held() + " of " + k
                    + " seeds its final gap is narrower (" + name + " − " + other(name) + ": " + Verdicts.span(gaps, Unit.LOSS)
                    + ") because its training got worse, while its best validation loss is not lower.";
            return Optional.of(new Verdict("underfitting-" + name.toLowerCase(java.util.Locale.ROOT), Status.HOLDS,
                    sentence, "train", false, count.held(), k, Verdicts.required(k), gaps));
        }
        return Optional.empty();
    }

    /** The models as they stand, judged on the test split (which no choice saw). */
    static Verdict asTheyStand(List<RunOutcome> a, List<RunOutcome> b) {
        List<Double> differences = differences(Quantity.FINAL_TEST_LOSS, a, b);
        List<Double> accuracy = differences(Quantity.FINAL_TEST_ACCURACY, a, b);
        Count bWins = Count.of(differences, d -> d < 0);
        Count aWins = Count.of(differences, d -> d > 0);
        int k = bWins.seeds();
        int held = Math.max(bWins.held(), aWins.held());
        Status status = Verdicts.status(k, held);
        boolean bBetter = bWins.held() >= aWins.held();
        String winner = bBetter ? "B" : "A";
        Count moreAccurate = Count.of(accuracy, d -> bBetter ? d > 0 : d < 0);
        String accuracyNote = moreAccurate.seeds() == 0 ? "" : "; its test accuracy is higher on " + moreAccurate.held()
                + " of " + moreAccurate.seeds()
                + (moreAccurate.held() <= moreAccurate.seeds() - Verdicts.required(moreAccurate.seeds())
                ? ": loss and accuracy disagree (loss weighs how sure each answer is, accuracy only whether it is right)"
                : "");
        String sentence = switch (status) {
            case HOLDS -> "As they stand now, on the test split (which chose nothing): " + winner
                    + "’s test loss is lower on " + held + " of " + k + " seeds (by "
                    + Verdicts.span(magnitudes(differences, bBetter), Unit.LOSS) + ")" + accuracyNote + ".";
            case CANT_TELL -> "As they stand now, can't tell from " + k + " seeds which model is better on the test split: B’s"
                    + " test loss is lower on " + bWins.held() + ", A’s on " + aWins.held() + ".";
            case NOT_MEASURED -> "The models as they stand are compared once both have trained an epoch.";
            case FEW_SEEDS -> "As they stand now, on the test split, " + Verdicts.few(bWins).toLowerCase(java.util.Locale.ROOT)
                    + winner + "’s test loss is lower on " + held + " of " + k + accuracyNote + ".";
        };
        return new Verdict("as-they-stand", status, sentence, "test", false, held, k, Verdicts.required(k), differences);
    }

    private static boolean underfits(RunOutcome x, RunOutcome y) {
        double gap = x.model().losses().gap();
        double other = y.model().losses().gap();
        boolean narrower = other - gap > Math.max(0.005, 0.1 * Math.abs(other));
        boolean notBetter = x.best().losses().validation() >= y.best().losses().validation();
        double trainX = x.model().accuracies().train();
        double trainY = y.model().accuracies().train();
        boolean worseTraining = Double.isNaN(trainX)
                ? x.model().losses().train() > 1.1 * y.model().losses().train()
                : trainX < trainY - Verdicts.FLAT_ACCURACY;
        return narrower && notBetter && worseTraining;
    }

    private static int seedsWithNumbers(List<RunOutcome> x, List<RunOutcome> y) {
        int k = 0;
        while (k < x.size() && k < y.size() && x.get(k).trained() && y.get(k).trained()) k++;
        return k;
    }

    /** B's number minus A's, seed by seed (NaN where either is missing). */
    static List<Double> differences(Quantity quantity, List<RunOutcome> a, List<RunOutcome> b) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) values.add(quantity.of(b.get(i)) - quantity.of(a.get(i)));
        return values;
    }

    /** The winning margins: −d where B wins (d &lt; 0), d where A wins. */
    private static List<Double> magnitudes(List<Double> differences, boolean bWins) {
        return differences.stream().filter(d -> bWins ? d < 0 : d > 0).map(Math::abs).toList();
    }

    private static String bestLosses(List<RunOutcome> a, List<RunOutcome> b) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).trained() || !b.get(i).trained()) continue;
            pairs.add("A " + Unit.LOSS.format(a.get(i).best().losses().validation()) + ", B "
                    + Unit.LOSS.format(b.get(i).best().losses().validation()));
        }
        return String.join("; ", pairs);
    }

    private static String other(String name) {
        return name.equals("A") ? "B" : "A";
    }
}
