package org.gaplab.geometry;

/**
 * J(w) = ½(w − w*)ᵀH(w − w*): the loss whose regularized minima have closed forms (the tests' oracle). H is symmetric
 * positive definite, given by its entries h₁₁, h₁₂, h₂₂.
 */
public record QuadraticBowl(double h11, double h12, double h22, double optimum1, double optimum2) implements Landscape {
    public QuadraticBowl {
        if (!(h11 > 0) || !(h11 * h22 - h12 * h12 > 0)) throw new IllegalArgumentException("H must be positive definite");
    }

    @Override
    public double loss(double w1, double w2) {
        double d1 = w1 - optimum1;
        double d2 = w2 - optimum2;
        return 0.5 * (h11 * d1 * d1 + 2 * h12 * d1 * d2 + h22 * d2 * d2);   // ½ dᵀHd, d = w − w*
    }

    @Override
    public void gradient(double w1, double w2, double[] gradient) {
        double d1 = w1 - optimum1;
        double d2 = w2 - optimum2;
        gradient[0] = h11 * d1 + h12 * d2;                                   // ∇J = H(w − w*)
        gradient[1] = h12 * d1 + h22 * d2;
    }

    @Override
    public double curvature() {
        double mean = 0.5 * (h11 + h22);
        double spread = Math.sqrt(0.25 * (h11 - h22) * (h11 - h22) + h12 * h12);
        return mean + spread;                                                // λ_max of a 2×2 symmetric matrix
    }
}
