package org.gaplab.geometry;

/**
 * A smooth data loss J(w₁, w₂) of a model with two weights: the surface the pictures draw, and what the solver and
 * the optimizer's steps walk on. Implementations need not be thread-safe.
 */
public interface Landscape {
    /** J(w). */
    double loss(double w1, double w2);

    /** ∇J(w) into {@code gradient[0..1]}. */
    void gradient(double w1, double w2, double[] gradient);

    /** An upper bound L on the largest eigenvalue of J's Hessian anywhere: the step 1/L never overshoots. */
    double curvature();
}
