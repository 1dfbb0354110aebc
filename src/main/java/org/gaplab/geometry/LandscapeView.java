package org.gaplab.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the "why L1 gives zeros" view draws for one query, computed by the engine: the data loss J on a grid
 * and J + penalty beside it, the unregularized minimum w*, the regularized minimum solved exactly, the penalty's level
 * set through it (a diamond for L1, a circle for L2, a rounded diamond for both), both regularization paths, the
 * optimizer's steps under four update rules, and sentences made from those numbers. Plain arrays and records only.
 *
 * @param penalty  {@code none}, {@code l1}, {@code l2} or {@code elastic-net}, from which of λ₁, λ₂ are non-zero
 * @param ball     the level set {w : (λ₂/2)‖w‖² + λ₁‖w‖₁ = that of the minimum} as x, y pairs; empty without a penalty
 * @param band     where plain subgradient L1 leaves the weight L1 zeroes first hovering, at the rules' λ₁
 */
public record LandscapeView(String penalty, Surface surface, Point optimum, Minimum minimum, double[] ball,
                            Paths paths, List<Trail> trails, Band band, LandscapeSentences.Lines sentences) {

    /**
     * The band [low, high] a weight that L1's minimum puts at 0 hovers in under plain subgradient steps: from just
     * above 0 a step moves it by −α(g + λ₁), from just below by α(λ₁ − g), g being the data's pull ∂J/∂wᵢ at the
     * minimum. So the band is [−α(λ₁ + g), α(λ₁ − g)]: 2αλ₁ wide, |w| ≤ αλ₁ only when g = 0, shifted by −αg otherwise.
     *
     * @param width 2αλ₁
     * @param pull  g, the data gradient of that weight at L1's minimum
     */
    public record Band(double width, double pull, double low, double high) {
        static Band of(Landscape loss, int weight, double rate, double l1) {
            RegularizedMinimum.Solution at = RegularizedMinimum.solve(loss, l1, 0, 0, 0);
            double[] g = new double[2];
            loss.gradient(at.w1(), at.w2(), g);
            double pull = g[weight];
            return new Band(2 * rate * l1, pull, -rate * (l1 + pull), rate * (l1 - pull));   // [−α(λ₁ + g), α(λ₁ − g)]
        }
    }

    /** J and J + penalty at size × size points of [−half, half]²; row r is w₂ = −half + r·step, column c is w₁. */
    public record Surface(double half, int size, double[] loss, double[] total) {
        public double coordinate(int index) { return -half + 2 * half * index / (size - 1); }
    }

    /** A point of the plane and J there. */
    public record Point(double w1, double w2, double loss) { }

    /** The regularized minimum: its weights, its J and penalty, and the optimality residual the solver reached. */
    public record Minimum(double w1, double w2, double loss, double penalty, double residual) {
        public double weight(int i) { return i == 0 ? w1 : w2; }
    }

    /** Both paths, and the weight L1 zeroes first (0: w₁, 1: w₂), which the page marks. */
    public record Paths(RegularizationPath l1, RegularizationPath l2, int marked) { }

    /** Points on the penalty's level set. */
    static final int BALL_POINTS = 360;

    /** The view of one query on one problem. */
    public static LandscapeView of(TwoWeightProblem problem, LandscapeQuery query) {
        DataLoss loss = problem.loss();
        double l1 = query.l1();
        double l2 = query.l2();
        Surface surface = surface(loss, problem.half(), query.grid(), l1, l2);
        RegularizedMinimum.Solution s = RegularizedMinimum.solve(loss, l1, l2, problem.optimum1(), problem.optimum2());
        Minimum minimum = new Minimum(s.w1(), s.w2(), loss.loss(s.w1(), s.w2()), penalty(s.w1(), s.w2(), l1, l2), s.residual());
        Point optimum = new Point(problem.optimum1(), problem.optimum2(), loss.loss(problem.optimum1(), problem.optimum2()));
        double trailL1 = l1 > 0 ? l1 : l2;                       // the rules side by side use the λ on screen
        double trailL2 = l2 > 0 ? l2 : l1;
        List<Trail> trails = new ArrayList<>();
        for (Trail.Rule rule : Trail.Rule.values()) {
            trails.add(rule.walk(loss, query.learningRate(), trailL1, trailL2, query.start1(), query.start2(), query.steps()));
        }
        String penalty = l1 > 0 && l2 > 0 ? "elastic-net" : l1 > 0 ? "l1" : l2 > 0 ? "l2" : "none";
        Paths paths = new Paths(problem.l1Path(), problem.l2Path(), problem.firstZeroed());
        Band band = Band.of(loss, problem.firstZeroed(), query.learningRate(), trailL1);
        return new LandscapeView(penalty, surface, optimum, minimum, ball(minimum, l1, l2), paths, trails, band,
                LandscapeSentences.of(penalty, l1, l2, query.learningRate(), minimum, paths, trails, trailL1, band));
    }

    /** (λ₂/2)‖w‖² + λ₁‖w‖₁ of two weights. */
    static double penalty(double w1, double w2, double l1, double l2) {
        return 0.5 * l2 * (w1 * w1 + w2 * w2) + l1 * (Math.abs(w1) + Math.abs(w2));
    }

    private static Surface surface(Landscape loss, double half, int size, double l1, double l2) {
        double[] values = new double[size * size];
        double[] total = new double[size * size];
        Surface surface = new Surface(half, size, values, total);
        for (int r = 0; r < size; r++) {
            double w2 = surface.coordinate(r);
            for (int c = 0; c < size; c++) {
                double w1 = surface.coordinate(c);
                values[r * size + c] = loss.loss(w1, w2);
                total[r * size + c] = values[r * size + c] + penalty(w1, w2, l1, l2);   // J + (λ₂/2)‖w‖² + λ₁‖w‖₁
            }
        }
        return surface;
    }

    /**
     * The level set P(w) = P(w_λ) through the minimum: along each direction u, the radius r with
     * (λ₂/2)r² + λ₁‖u‖₁·r = P(w_λ). Empty when there is no penalty, a single point when the minimum is the origin.
     */
    static double[] ball(Minimum minimum, double l1, double l2) {
        if (l1 == 0 && l2 == 0) return new double[0];
        double level = minimum.penalty();
        double[] xy = new double[2 * (BALL_POINTS + 1)];
        for (int k = 0; k <= BALL_POINTS; k++) {
            double angle = 2 * Math.PI * k / BALL_POINTS;
            double u1 = Math.cos(angle);
            double u2 = Math.sin(angle);
            double a = 0.5 * l2;
            double b = l1 * (Math.abs(u1) + Math.abs(u2));
            double r = a == 0 ? level / b : (-b + Math.sqrt(b * b + 4 * a * level)) / (2 * a);   // root of ar² + br = P
            xy[2 * k] = r * u1;
            xy[2 * k + 1] = r * u2;
        }
        return xy;
    }
}
