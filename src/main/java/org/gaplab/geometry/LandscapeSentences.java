package org.gaplab.geometry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The view's sentences, written from its numbers (never from what a textbook expects): where L1's path zeroes each
 * weight and that L2's does not, what the minimum at the current λ is, and what the update rules did near the axis.
 */
public final class LandscapeSentences {
    private static final String[] NAMES = {"w₁", "w₂"};
    /** Adam's first steps, whose size the sentence gives (about α each). */
    static final int EARLY_STEPS = 10;

    private LandscapeSentences() { }

    /** The three sentences: the paths, the minimum at this λ, the optimizer's steps. */
    public record Lines(String path, String minimum, String steps) { }

    static Lines of(String penalty, double l1, double l2, double rate, LandscapeView.Minimum minimum,
                    LandscapeView.Paths paths, List<Trail> trails, double trailL1, LandscapeView.Band band) {
        return new Lines(path(paths), minimum(penalty, l1, l2, minimum, paths), steps(rate, trailL1, paths, trails, band));
    }

    /** L1 zeroes each weight at a finite λ₁; L2 never zeroes either. */
    static String path(LandscapeView.Paths paths) {
        int first = paths.marked();
        int second = 1 - first;
        double[] at = paths.l1().zeroFrom();
        double[] l2Lambdas = paths.l2().lambdas();
        int smaller = paths.l2().smallestMagnitude(0) <= paths.l2().smallestMagnitude(1) ? 0 : 1;
        String l1 = Double.isNaN(at[first])
                ? "L1 zeroes neither weight up to λ₁ = " + number(last(paths.l1().lambdas()))
                : "L1 sets " + NAMES[first] + " to exactly 0 from λ₁ = " + number(at[first]) + " on"
                  + (Double.isNaN(at[second]) ? ""
                     : " and " + NAMES[second] + " from λ₁ = " + number(at[second]) + " on, where the minimum reaches the origin");
        return l1 + "; L2 zeroes neither: up to λ₂ = " + number(last(l2Lambdas)) + " the smaller stays at |"
                + NAMES[smaller] + "| ≥ " + number(paths.l2().smallestMagnitude(smaller)) + ".";
    }

    static String minimum(String penalty, double l1, double l2, LandscapeView.Minimum m, LandscapeView.Paths paths) {
        String at = "w = (" + number(m.w1()) + ", " + number(m.w2()) + ")";
        boolean zero1 = m.w1() == 0.0;
        boolean zero2 = m.w2() == 0.0;
        String zeros = zero1 && zero2 ? "both weights are exactly 0: the minimum is the origin"
                : zero1 || zero2 ? NAMES[zero1 ? 0 : 1] + " is exactly 0: the minimum sits on the " + NAMES[zero1 ? 1 : 0]
                  + " axis, " + at
                : "neither weight is 0: " + at;
        switch (penalty) {
            case "none" -> {
                return "Without a penalty the minimum is w* itself, " + at + ". Raise λ to add one.";
            }
            case "l1" -> {
                int i = paths.marked();
                double threshold = paths.l1().zeroFrom()[i];
                String where = Double.isNaN(threshold) ? ""
                        : l1 >= threshold ? ", past " + number(threshold) : ", below " + number(threshold);
                String next = !zero1 && !zero2 && !Double.isNaN(threshold)
                        ? "; " + NAMES[i] + " reaches exactly 0 at λ₁ = " + number(threshold) : "";
                return "At λ₁ = " + number(l1) + where + ", " + zeros + next + ".";
            }
            case "l2" -> {
                return "At λ₂ = " + number(l2) + ", " + zeros + ": L2 shrinks both weights toward the origin (‖w‖₂ "
                        + number(Math.hypot(m.w1(), m.w2())) + ") and zeroes neither.";
            }
            default -> {
                return "At λ₁ = " + number(l1) + " and λ₂ = " + number(l2) + ", " + zeros
                        + ": the L1 part can zero a weight, the L2 part only shrinks.";
            }
        }
    }

    /** How the rules behaved on the weight L1 zeroes first, over the last quarter of their steps. */
    static String steps(double rate, double l1, LandscapeView.Paths paths, List<Trail> trails, LandscapeView.Band band) {
        int i = paths.marked();
        Trail sub = find(trails, Trail.Rule.SGD_SUBGRADIENT);
        Trail clip = find(trails, Trail.Rule.SGD_CLIP);
        Trail adam = find(trails, Trail.Rule.ADAM_CLIP);
        int steps = sub.steps();
        int from = steps - Math.max(1, steps / 4);
        double threshold = paths.l1().zeroFrom()[i];
        String name = NAMES[i];
        String lead = "Over the last " + (steps - from) + " of " + steps + " steps (α = " + number(rate) + ", αλ₁ = "
                + number(rate * l1) + "): ";
        if (l1 == 0 || Double.isNaN(threshold) || l1 < threshold) {
            return lead + "L1's minimum keeps " + name + " ≠ 0 at λ₁ = " + number(l1) + ", so no rule should zero it"
                    + (Double.isNaN(threshold) ? "." : "; drag λ past " + number(threshold) + ".");
        }
        double[] w = weights(sub, i);
        int clipFrom = zeroFromStep(weights(clip, i));
        double[] a = weights(adam, i);
        int early = Math.min(EARLY_STEPS, steps);
        double moved = 0;
        for (int s = 1; s <= early; s++) moved += Math.abs(a[s] - a[s - 1]) / early;   // mean |Δwᵢ| of Adam's first steps
        return lead + "subgradient L1 leaves " + name + " zigzagging within [" + number(min(w, from)) + ", "
                + number(max(w, from)) + "], inside the band [" + number(band.low()) + ", " + number(band.high())
                + "] (2αλ₁ wide, moved off centre by the data's pull) and exactly 0 in " + zeros(w, from) + " of them; clip at zero "
                + (clipFrom < 0 ? "has not yet reached 0" : "holds it at exactly 0 from step " + clipFrom + " on")
                + "; Adam (with clip) moves it by " + number(moved) + " a step at first, far more than αλ₁, and ends at "
                + name + " = " + number(a[steps]) + ", exactly 0 in " + zeros(a, from) + " of them.";
    }

    private static double min(double[] w, int from) {
        double least = Double.POSITIVE_INFINITY;
        for (int s = from; s < w.length; s++) least = Math.min(least, w[s]);
        return least;
    }

    private static double max(double[] w, int from) {
        double most = Double.NEGATIVE_INFINITY;
        for (int s = from; s < w.length; s++) most = Math.max(most, w[s]);
        return most;
    }

    private static Trail find(List<Trail> trails, Trail.Rule rule) {
        return trails.stream().filter(t -> t.name().equals(rule.id())).findFirst().orElseThrow();
    }

    private static double[] weights(Trail trail, int i) { return i == 0 ? trail.w1() : trail.w2(); }

    private static int zeros(double[] w, int from) {
        int count = 0;
        for (int s = from + 1; s < w.length; s++) if (w[s] == 0.0) count++;
        return count;
    }

    /** The step from which the weight is exactly 0 to the end, or −1 when it is not 0 at the end. */
    static int zeroFromStep(double[] w) {
        int s = w.length - 1;
        if (w[s] != 0.0) return -1;
        while (s > 0 && w[s - 1] == 0.0) s--;
        return s;
    }

    private static double last(double[] values) { return values[values.length - 1]; }

    /** Three significant digits, 0 only for an exact 0 (a tiny weight reads 1.2e-7, never 0). */
    public static String number(double value) {
        if (value == 0) return "0";
        if (!Double.isFinite(value)) return String.valueOf(value);
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros();
        return Math.abs(value) >= 1e-4 ? rounded.toPlainString().replace('-', '−') : rounded.toString().replace('-', '−').replace("E", "e");
    }
}
