package org.gaplab.verdicts;

import java.util.ArrayList;
import java.util.List;
import org.gaplab.verdicts.Quantity.Unit;
import org.gaplab.verdicts.Verdict.Status;
import org.gaplab.verdicts.Verdicts.Count;

/**
 * What a sweep's seeds say: where the lowest validation loss lies (on each seed, and whether inside the values
 * tried), and how bias² and variance move from the smallest value to the largest. The value is picked on validation
 * loss, so the sentence reports the test loss there and never picks by it.
 */
public final class SweepVerdicts {
    private SweepVerdicts() { }

    /**
     * {@code runs.get(v).get(s)}: value v's run on seed s (values ascending); {@code parts}: value v's bias/variance
     * decomposition over its seeds (null where not known yet). {@code param} names the swept setting.
     */
    public static List<Verdict> of(String param, List<Double> values, List<List<RunOutcome>> runs, List<BiasVariance> parts) {
        List<Verdict> verdicts = new ArrayList<>();
        best(param, values, runs).ifPresent(verdicts::add);
        trade(param, values, parts).ifPresent(verdicts::add);
        return verdicts;
    }

    /** The index of the value with the lowest validation loss on seed s (the first on ties), −1 if none is trained. */
    public static int bestOnSeed(List<List<RunOutcome>> runs, int seed) {
        int best = -1;
        double lowest = Double.POSITIVE_INFINITY;
        for (int v = 0; v < runs.size(); v++) {
            if (seed >= runs.get(v).size() || !runs.get(v).get(seed).trained()) continue;
            double loss = runs.get(v).get(seed).best().losses().validation();
            if (loss < lowest) {
                lowest = loss;
                best = v;
            }
        }
        return best;
    }

    private static java.util.Optional<Verdict> best(String param, List<Double> values, List<List<RunOutcome>> runs) {
        int seeds = runs.stream().mapToInt(List::size).min().orElse(0);
        List<Double> picked = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            int best = finished(runs, s) ? bestOnSeed(runs, s) : -1;
            indices.add(best);
            picked.add(best < 0 ? Double.NaN : values.get(best));
        }
        int judged = (int) indices.stream().filter(i -> i >= 0).count();
        if (judged == 0) return java.util.Optional.empty();
        int last = values.size() - 1;
        Count inside = Count.where(judged, i -> true);
        int held = (int) indices.stream().filter(i -> i > 0 && i < last).count();
        Status status = Verdicts.status(judged, held);
        String range = Verdicts.span(picked, Unit.RATIO);
        String sentence = switch (status) {
            case HOLDS -> "The lowest validation loss lies inside the values tried on " + held + " of " + judged
                    + " seeds, at " + param + " = " + range + ": a small " + param + " overfits, a large one underfits.";
            case CANT_TELL -> "Can't tell from " + judged + " seeds that the best " + param
                    + " lies inside the values tried: it does on " + held + " (best at " + range + ").";
            case FEW_SEEDS, NOT_MEASURED -> Verdicts.few(inside) + "the lowest validation loss is at " + param + " = " + range
                    + (held == judged ? ", inside the values tried." : ", at the edge of the values tried.");
        };
        sentence += " The value is chosen on validation data; the test split is never used to pick.";
        return java.util.Optional.of(new Verdict("best-inside", status, sentence, "validation", true, held, judged,
                Verdicts.required(judged), picked));
    }

    /** Variance lower and bias² higher at the largest value than at the smallest, with both pairs of numbers. */
    private static java.util.Optional<Verdict> trade(String param, List<Double> values, List<BiasVariance> parts) {
        if (parts.isEmpty() || parts.get(0) == null || parts.get(parts.size() - 1) == null) return java.util.Optional.empty();
        BiasVariance small = parts.get(0);
        BiasVariance large = parts.get(parts.size() - 1);
        if (Double.isNaN(small.variance()) || Double.isNaN(large.variance())) return java.util.Optional.empty();
        boolean holds = large.variance() < small.variance() && large.bias() > small.bias();
        String sentence = "From " + param + " = " + Unit.RATIO.format(values.get(0)) + " to " + Unit.RATIO.format(values.get(values.size() - 1))
                + ", the variance across seeds goes from " + Unit.LOSS.format(small.variance()) + " to "
                + Unit.LOSS.format(large.variance()) + " and bias² (with the label noise) from "
                + Unit.LOSS.format(small.bias()) + " to " + Unit.LOSS.format(large.bias())
                + (holds ? ": regularizing trades variance for bias." : ".");
        return java.util.Optional.of(new Verdict("bias-variance", holds ? Status.HOLDS : Status.CANT_TELL, sentence,
                "validation", false, holds ? 1 : 0, 1, 1,
                List.of(small.bias(), small.variance(), large.bias(), large.variance())));
    }

    private static boolean finished(List<List<RunOutcome>> runs, int seed) {
        return runs.stream().allMatch(value -> seed < value.size() && value.get(seed).end() != null);
    }
}
