package org.gaplab.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gaplab.data.Datasets;
import org.gaplab.lessons.Lessons;
import org.gaplab.training.TrainingConfig;
import org.junit.jupiter.api.Test;

/**
 * The trainer's own optimizer on a landscape: plain subgradient L1 hovers across the axis and never lands on 0.0;
 * clip at zero lands on exactly 0.0 and stays; under Adam each step moves about α, far more than αλ₁.
 */
class TrailTest {
    private static final double ALPHA = 0.3;
    private static final double L1 = 0.2;

    @Test
    void an_unused_weight_under_subgradient_l1_hovers_within_alpha_lambda_and_never_lands_on_zero() {
        QuadraticBowl bowl = new QuadraticBowl(1.0, 0, 0.5, 2.0, 0.0);    // w₂ is of no use: w*₂ = 0
        Trail sub = Trail.Rule.SGD_SUBGRADIENT.walk(bowl, ALPHA, L1, 0, 1.0, 1.0, 400);
        int entered = firstWithin(sub.w2(), ALPHA * L1);
        assertTrue(entered > 0 && entered < 100, "reaches the band within 100 steps: " + entered);
        int crossings = 0;
        for (int s = entered; s < sub.w2().length; s++) {
            assertTrue(Math.abs(sub.w2()[s]) <= ALPHA * L1, "|w₂| ≤ αλ₁ at step " + s + ": " + sub.w2()[s]);
            assertNotEquals(0.0, sub.w2()[s], "never exactly 0, step " + s);
            if (s > entered && Math.signum(sub.w2()[s]) != Math.signum(sub.w2()[s - 1])) crossings++;
        }
        assertTrue(crossings > 100, "it zigzags across the axis: " + crossings + " crossings");
        Trail clip = Trail.Rule.SGD_CLIP.walk(bowl, ALPHA, L1, 0, 1.0, 1.0, 400);
        int zeroFrom = LandscapeSentences.zeroFromStep(clip.w2());
        assertTrue(zeroFrom > 0 && zeroFrom < 100, "clip lands on 0.0 and stays from step " + zeroFrom);
    }

    @Test
    void on_the_lessons_landscape_subgradient_zigzags_in_a_band_of_width_two_alpha_lambda_and_clip_stays_at_zero() {
        TrainingConfig config = Lessons.WHY_L1_ZEROS.config();
        TwoWeightProblem problem = TwoWeightProblem.of(Datasets.load(config.data()).train(), 1);
        int i = problem.firstZeroed();
        double l1 = 1.5 * problem.l1Path().zeroFrom()[i];            // past the threshold: the minimum has wᵢ = 0
        double start1 = problem.defaultStart1();
        double start2 = problem.defaultStart2();
        DataLoss loss = problem.loss();
        int steps = 1000;
        double[] sub = weight(Trail.Rule.SGD_SUBGRADIENT.walk(loss, ALPHA, l1, 0, start1, start2, steps), i);
        double[] clip = weight(Trail.Rule.SGD_CLIP.walk(loss, ALPHA, l1, 0, start1, start2, steps), i);
        double[] adam = weight(Trail.Rule.ADAM_CLIP.walk(loss, ALPHA, l1, 0, start1, start2, steps), i);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double[] g = new double[2];
        for (int s = steps / 2; s <= steps; s++) {
            assertNotEquals(0.0, sub[s], "subgradient never lands on 0.0, step " + s);
            low = Math.min(low, sub[s]);
            high = Math.max(high, sub[s]);
        }
        assertTrue(low < 0 && high > 0, "it hovers across the axis: [" + low + ", " + high + "]");
        assertTrue(high - low <= 2 * ALPHA * l1 * 1.0001, "within a band of width 2αλ₁ = " + 2 * ALPHA * l1
                + ": [" + low + ", " + high + "]");
        LandscapeView.Band band = LandscapeView.Band.of(loss, i, ALPHA, l1);          // [−α(λ₁ + g), α(λ₁ − g)]
        double slack = 0.01 * band.width();                                          // g moves a little with wᵢ itself
        assertTrue(low >= band.low() - slack && high <= band.high() + slack, "inside [" + band.low() + ", " + band.high()
                + "], the band the data's pull g = " + band.pull() + " moves: [" + low + ", " + high + "]");
        int zeroFrom = LandscapeSentences.zeroFromStep(clip);
        assertTrue(zeroFrom > 0 && zeroFrom < steps / 2, "clip lands on exactly 0.0 and stays, from step " + zeroFrom);
        for (int s = zeroFrom; s <= steps; s++) assertEquals(0.0, clip[s]);
        int adamZeros = 0;
        double moved = 0;
        for (int s = steps / 2 + 1; s <= steps; s++) {
            if (adam[s] == 0.0) adamZeros++;
            moved += Math.abs(adam[s] - adam[s - 1]);
        }
        double early = 0;
        for (int s = 1; s <= 10; s++) early += Math.abs(adam[s] - adam[s - 1]) / 10;
        assertTrue(early > 3 * ALPHA * l1, "Adam's first steps move about α, over 3× αλ₁: " + early);
        assertTrue(adamZeros == 0 && Math.abs(adam[steps]) > ALPHA * l1, "and clip cannot hold it at 0: it ends at "
                + adam[steps] + ", exactly 0 in " + adamZeros + " of the last " + steps / 2 + " steps");
    }

    private static double[] weight(Trail trail, int i) { return i == 0 ? trail.w1() : trail.w2(); }

    private static int firstWithin(double[] w, double band) {
        for (int s = 0; s < w.length; s++) if (Math.abs(w[s]) <= band) return s;
        return -1;
    }
}
