package org.gaplab.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The solver against closed forms, with GapLab's penalty (λ₂/2)‖w‖² + λ₁‖w‖₁ on a quadratic J = ½(w − w*)ᵀH(w − w*). */
class RegularizedMinimumTest {
    private static final double H11 = 2.0;
    private static final double H12 = 0.8;
    private static final double H22 = 0.5;

    @Test
    void l2_minimum_is_h_plus_lambda_inverse_times_h_times_the_unregularized_minimum() {
        double[] optimum = {1.5, -2.0};
        QuadraticBowl bowl = new QuadraticBowl(H11, H12, H22, optimum[0], optimum[1]);
        for (double l2 : new double[] {0, 0.01, 0.1, 0.5, 1, 5}) {
            // w = (H + λ₂I)⁻¹ H w*
            double hw1 = H11 * optimum[0] + H12 * optimum[1];
            double hw2 = H12 * optimum[0] + H22 * optimum[1];
            double a = H11 + l2;
            double d = H22 + l2;
            double det = a * d - H12 * H12;
            double expected1 = (d * hw1 - H12 * hw2) / det;
            double expected2 = (-H12 * hw1 + a * hw2) / det;
            RegularizedMinimum.Solution s = RegularizedMinimum.solve(bowl, 0, l2, 0, 0);
            assertEquals(expected1, s.w1(), 1e-10, "λ₂ = " + l2);
            assertEquals(expected2, s.w2(), 1e-10, "λ₂ = " + l2);
            assertTrue(s.w1() != 0.0 && s.w2() != 0.0, "L2 zeroes nothing at λ₂ = " + l2);
        }
    }

    @Test
    void l1_minimum_of_a_diagonal_hessian_is_the_soft_threshold() {
        double[] h = {2.0, 0.5};
        double[] optimum = {1.5, -0.8};
        QuadraticBowl bowl = new QuadraticBowl(h[0], 0, h[1], optimum[0], optimum[1]);
        for (double l1 = 0; l1 <= 3.5; l1 += 0.05) {
            RegularizedMinimum.Solution s = RegularizedMinimum.solve(bowl, l1, 0, 0.3, 0.3);
            for (int i = 0; i < 2; i++) {
                // wᵢ = sign(w*ᵢ)·max(|w*ᵢ| − λ₁/hᵢ, 0)
                double expected = Math.signum(optimum[i]) * Math.max(Math.abs(optimum[i]) - l1 / h[i], 0);
                assertEquals(expected, s.weight(i), 1e-10, "λ₁ = " + l1 + ", weight " + i);
                if (expected == 0) assertEquals(0.0, s.weight(i), "exactly 0, not small, at λ₁ = " + l1);
            }
        }
    }

    @Test
    void a_coordinate_is_exactly_zero_from_lambda_equal_to_h_times_its_optimum_on() {
        double[] h = {2.0, 0.5};
        double[] optimum = {1.5, -0.8};
        QuadraticBowl bowl = new QuadraticBowl(h[0], 0, h[1], optimum[0], optimum[1]);
        for (int i = 0; i < 2; i++) {
            double threshold = h[i] * Math.abs(optimum[i]);                 // λ₁ = hᵢ|w*ᵢ|
            assertNotEquals(0.0, RegularizedMinimum.solve(bowl, threshold * (1 - 1e-6), 0, 0, 0).weight(i));
            for (double factor : new double[] {1 + 1e-9, 1.001, 1.5, 3}) {
                assertEquals(0.0, RegularizedMinimum.solve(bowl, threshold * factor, 0, 0, 0).weight(i),
                        "weight " + i + " at " + factor + "× its threshold");
            }
        }
        RegularizationPath path = RegularizationPath.l1(bowl, 41, 1.25);
        assertEquals(h[1] * Math.abs(optimum[1]), path.zeroFrom()[1], 1e-12, "the path finds w₂'s threshold 0.4");
        assertEquals(h[0] * Math.abs(optimum[0]), path.zeroFrom()[0], 1e-12, "and w₁'s, 3, where the origin is reached");
        assertEquals(3.0, RegularizationPath.originThreshold(bowl), 1e-15);
    }

    @Test
    void elastic_net_of_a_diagonal_hessian_soft_thresholds_then_shrinks() {
        double[] h = {2.0, 0.5};
        double[] optimum = {1.5, -0.8};
        QuadraticBowl bowl = new QuadraticBowl(h[0], 0, h[1], optimum[0], optimum[1]);
        double l1 = 0.3;
        double l2 = 0.7;
        RegularizedMinimum.Solution s = RegularizedMinimum.solve(bowl, l1, l2, 0, 0);
        for (int i = 0; i < 2; i++) {
            // wᵢ = sign(w*ᵢ)·max(hᵢ|w*ᵢ| − λ₁, 0)/(hᵢ + λ₂)
            double expected = Math.signum(optimum[i]) * Math.max(h[i] * Math.abs(optimum[i]) - l1, 0) / (h[i] + l2);
            assertEquals(expected, s.weight(i), 1e-10);
        }
    }

    @Test
    void the_l2_path_never_has_a_zero_coordinate_while_the_l1_path_ends_at_the_origin() {
        QuadraticBowl bowl = new QuadraticBowl(H11, H12, H22, 1.5, -2.0);
        RegularizationPath l2 = RegularizationPath.l2(bowl, 81, 100);
        for (int k = 0; k < l2.lambdas().length; k++) {
            assertTrue(l2.w1()[k] != 0.0 && l2.w2()[k] != 0.0, "λ₂ = " + l2.lambdas()[k]);
        }
        RegularizationPath l1 = RegularizationPath.l1(bowl, 81, 1.25);
        int last = l1.lambdas().length - 1;
        assertEquals(0.0, l1.w1()[last]);
        assertEquals(0.0, l1.w2()[last]);
        assertTrue(l1.zeroFrom()[0] < l1.zeroFrom()[1] || l1.zeroFrom()[1] < l1.zeroFrom()[0], "one weight goes first");
    }
}
