package org.gaplab.geometry;

/**
 * The exact minimum of J(w) + (λ₂/2)‖w‖² + λ₁‖w‖₁ over two weights, by accelerated proximal gradient (FISTA, restarted
 * whenever it stops going downhill) run until the proximal-gradient residual is below {@link #TOLERANCE}, not a few
 * steps. Every iterate is a proximal step's output, so a weight the penalty cuts is exactly 0.0, never merely small.
 */
public final class RegularizedMinimum {
    /** Stop when ‖(w − prox(w − t∇J(w)))/t‖∞, the first-order optimality residual, falls below this. */
    public static final double TOLERANCE = 1e-12;
    static final int MAX_ITERATIONS = 200_000;

    private RegularizedMinimum() { }

    /** The minimizer and the residual it reached (at most {@link #TOLERANCE} unless J is badly conditioned). */
    public record Solution(double w1, double w2, double residual, int iterations) {
        public double weight(int i) { return i == 0 ? w1 : w2; }
    }

    /** The minimizer, from the warm start (w1, w2). */
    public static Solution solve(Landscape loss, double l1, double l2, double start1, double start2) {
        double t = 1 / (loss.curvature() + l2);                  // step 1/L of the smooth part J + (λ₂/2)‖w‖²
        double[] g = new double[2];
        double x1 = start1;
        double x2 = start2;
        double y1 = x1;
        double y2 = x2;
        double theta = 1;
        double residual = Double.POSITIVE_INFINITY;
        int k = 0;
        while (k < MAX_ITERATIONS) {
            k++;
            loss.gradient(y1, y2, g);
            double n1 = prox(y1 - t * g[0], t, l1, l2);          // x⁺ = prox_t(y − t∇J(y))
            double n2 = prox(y2 - t * g[1], t, l1, l2);
            residual = Math.max(Math.abs(y1 - n1), Math.abs(y2 - n2)) / t;   // ‖G_t(y)‖∞, 0 exactly at the minimum
            boolean uphill = (y1 - n1) * (n1 - x1) + (y2 - n2) * (n2 - x2) > 0;
            double next = uphill ? 1 : (1 + Math.sqrt(1 + 4 * theta * theta)) / 2;   // θ⁺ = (1 + √(1 + 4θ²))/2
            double beta = uphill ? 0 : (theta - 1) / next;
            y1 = n1 + beta * (n1 - x1);                          // y = x⁺ + ((θ − 1)/θ⁺)(x⁺ − x)
            y2 = n2 + beta * (n2 - x2);
            x1 = n1;
            x2 = n2;
            theta = next;
            if (residual <= TOLERANCE) {                          // confirm from x itself, not the extrapolated y
                loss.gradient(x1, x2, g);
                double r1 = prox(x1 - t * g[0], t, l1, l2);
                double r2 = prox(x2 - t * g[1], t, l1, l2);
                double own = Math.max(Math.abs(x1 - r1), Math.abs(x2 - r2)) / t;
                if (own <= TOLERANCE) {
                    return new Solution(r1, r2, own, k);
                }
            }
        }
        return new Solution(x1, x2, residual, k);
    }

    /**
     * The proximal map of t·((λ₂/2)w² + λ₁|w|): soft-threshold by tλ₁, then shrink by 1/(1 + tλ₂). A value within
     * tλ₁ of zero becomes exactly 0.0.
     */
    static double prox(double v, double t, double l1, double l2) {
        double shrunk = Math.abs(v) - t * l1;
        return shrunk > 0 ? Math.copySign(shrunk, v) / (1 + t * l2) : 0.0;   // sign(v)·max(|v| − tλ₁, 0)/(1 + tλ₂)
    }
}
