package org.gaplab.geometry;

/**
 * The regularized minimum as λ runs from 0 up, for L1 (λ₁ = λ, λ₂ = 0) or L2 (λ₂ = λ, λ₁ = 0), each point solved
 * exactly from the previous one. For L1 it also finds, per weight, the λ₁ from which that weight is exactly 0 for
 * good: bisection on the solver between the last λ of the grid where it is not 0 and the next.
 *
 * @param lambdas  the λ of each point, rising from 0
 * @param w1       the first weight of the minimum at each λ
 * @param w2       the second weight
 * @param zeroFrom for L1: per weight, the λ₁ from which it stays exactly 0 (NaN when it never reaches 0 in range);
 *                 for L2: NaN, NaN
 */
public record RegularizationPath(Kind kind, double[] lambdas, double[] w1, double[] w2, double[] zeroFrom) {
    /** Which penalty the path follows. */
    public enum Kind { L1, L2 }

    private static final int BISECTIONS = 60;

    /**
     * L1's path over [0, reach·λ₀] with λ₀ = ‖∇J(0)‖∞, the smallest λ₁ at which the origin is the minimum (its
     * subgradient condition |∂J/∂wᵢ(0)| ≤ λ₁ holds for both weights).
     */
    public static RegularizationPath l1(Landscape loss, int points, double reach) {
        double origin = originThreshold(loss);
        RegularizationPath path = trace(loss, Kind.L1, points, reach * origin);
        double[] zeroFrom = {Double.NaN, Double.NaN};
        for (int i = 0; i < 2; i++) zeroFrom[i] = path.zeroFrom(loss, i);
        return new RegularizationPath(Kind.L1, path.lambdas, path.w1, path.w2, zeroFrom);
    }

    /** L2's path over [0, top]: it shrinks both weights toward the origin and zeroes neither. */
    public static RegularizationPath l2(Landscape loss, int points, double top) {
        return trace(loss, Kind.L2, points, top);
    }

    /** ‖∇J(0)‖∞: from this λ₁ on, w = 0 is L1's minimum. */
    public static double originThreshold(Landscape loss) {
        double[] g = new double[2];
        loss.gradient(0, 0, g);
        return Math.max(Math.abs(g[0]), Math.abs(g[1]));
    }

    private static RegularizationPath trace(Landscape loss, Kind kind, int points, double top) {
        if (points < 2) throw new IllegalArgumentException("a path needs at least 2 points");
        double[] lambdas = new double[points];
        double[] w1 = new double[points];
        double[] w2 = new double[points];
        double start1 = 0;
        double start2 = 0;
        for (int k = 0; k < points; k++) {
            lambdas[k] = top * k / (points - 1);
            RegularizedMinimum.Solution s = solve(loss, kind, lambdas[k], start1, start2);
            w1[k] = s.w1();
            w2[k] = s.w2();
            start1 = s.w1();
            start2 = s.w2();
        }
        return new RegularizationPath(kind, lambdas, w1, w2, new double[] {Double.NaN, Double.NaN});
    }

    private static RegularizedMinimum.Solution solve(Landscape loss, Kind kind, double lambda, double s1, double s2) {
        return kind == Kind.L1 ? RegularizedMinimum.solve(loss, lambda, 0, s1, s2)
                : RegularizedMinimum.solve(loss, 0, lambda, s1, s2);
    }

    /** The λ₁ from which weight i is exactly 0 to the end of the grid, refined by bisection; NaN if it is not 0 at the end. */
    private double zeroFrom(Landscape loss, int i) {
        double[] w = i == 0 ? w1 : w2;
        int last = lambdas.length - 1;
        if (w[last] != 0.0) return Double.NaN;
        int k = last;
        while (k > 0 && w[k - 1] == 0.0) k--;
        if (k == 0) return 0;
        double below = lambdas[k - 1];                           // weight i ≠ 0 here
        double above = lambdas[k];                               // weight i = 0.0 here
        double s1 = w1[k - 1];
        double s2 = w2[k - 1];
        for (int b = 0; b < BISECTIONS && above - below > Math.ulp(above); b++) {
            double middle = 0.5 * (below + above);
            RegularizedMinimum.Solution s = RegularizedMinimum.solve(loss, middle, 0, s1, s2);
            if (s.weight(i) == 0.0) {
                above = middle;
            } else {
                below = middle;
                s1 = s.w1();
                s2 = s.w2();
            }
        }
        return above;
    }

    /** The smallest |wᵢ| anywhere on the path (0 when the penalty zeroes weight i). */
    public double smallestMagnitude(int i) {
        double[] w = i == 0 ? w1 : w2;
        double least = Double.POSITIVE_INFINITY;
        for (double v : w) least = Math.min(least, Math.abs(v));
        return least;
    }
}
