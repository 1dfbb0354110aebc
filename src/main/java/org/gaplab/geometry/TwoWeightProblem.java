package org.gaplab.geometry;

import org.gaplab.data.Examples;

/**
 * What the view shows that does not depend on λ: the training examples, the unregularized minimum w*, the square the
 * pictures cover, and the regularization paths of L1 and L2 with the λ₁ at which L1 zeroes each weight. Computed
 * once per dataset and immutable; each request builds its own {@link DataLoss} from the examples.
 *
 * @param half       the pictures cover [−half, half]² (same scale on both axes, so a circle looks round)
 * @param l1Path     L1's path, from λ₁ = 0 a little past the origin
 * @param l2Path     L2's path over λ₂ ∈ [0, l2Top]
 */
public record TwoWeightProblem(Examples train, double optimum1, double optimum2, double half,
                               RegularizationPath l1Path, RegularizationPath l2Path) {
    /** Points on each path. */
    public static final int PATH_POINTS = 81;
    /** L1's path runs to this multiple of the λ₁ at which the origin becomes the minimum. */
    static final double L1_REACH = 1.25;

    /** Solves w* and both paths; L2's runs up to {@code l2Top}. */
    public static TwoWeightProblem of(Examples train, double l2Top) {
        DataLoss loss = new DataLoss(train);
        RegularizedMinimum.Solution optimum = RegularizedMinimum.solve(loss, 0, 0, 0, 0);
        double largest = Math.max(Math.abs(optimum.w1()), Math.abs(optimum.w2()));
        double half = Math.ceil(1.3 * largest * 2) / 2;                      // a half-unit above 1.3·‖w*‖∞
        return new TwoWeightProblem(train, optimum.w1(), optimum.w2(), half,
                RegularizationPath.l1(loss, PATH_POINTS, L1_REACH), RegularizationPath.l2(loss, PATH_POINTS, l2Top));
    }

    /** The weight L1 zeroes first (at the smaller λ₁): 0 for w₁, 1 for w₂. */
    public int firstZeroed() {
        double[] at = l1Path.zeroFrom();
        return at[1] < at[0] ? 1 : 0;
    }

    /** A fresh engine-backed loss over the examples (not thread-safe, so one per caller). */
    public DataLoss loss() { return new DataLoss(train); }

    /** Where the optimizer starts unless the learner drags it elsewhere: across the w₁ = 0 axis from w*, above w₂'s. */
    public double defaultStart1() { return -Math.copySign(0.6 * half, optimum1 == 0 ? 1 : optimum1); }

    public double defaultStart2() { return Math.copySign(0.6 * half, optimum2 == 0 ? 1 : optimum2); }
}
