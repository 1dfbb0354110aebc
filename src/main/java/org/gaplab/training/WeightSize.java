package org.gaplab.training;

import java.util.List;

/**
 * How big the weights (not biases) of a layer, or of the whole model, are: their norms, and the bytes of the model
 * stored densely and sparsely (biases included in both).
 *
 * @param l1          ‖w‖₁ = Σ|w|
 * @param l2          ‖w‖₂ = √(Σw²)
 * @param denseBytes  every weight and bias stored as a 32-bit float
 * @param sparseBytes only the non-zero weights stored, each as a 32-bit position and a 32-bit value, after a 12-byte
 *                    header per layer; biases dense
 */
public record WeightSize(double l1, double l2, long denseBytes, long sparseBytes) {
    /** The whole model's: norms and bytes over all its layers' weights. */
    static WeightSize total(List<LayerReport> layers) {
        double l1 = 0;
        double squares = 0;
        long denseBytes = 0;
        long sparseBytes = 0;
        for (LayerReport layer : layers) {
            l1 += layer.size().l1();                                 // ‖w‖₁ = Σ_l ‖w_l‖₁
            squares += layer.size().l2() * layer.size().l2();        // ‖w‖₂² = Σ_l ‖w_l‖₂²
            denseBytes += layer.size().denseBytes();
            sparseBytes += layer.size().sparseBytes();
        }
        return new WeightSize(l1, Math.sqrt(squares), denseBytes, sparseBytes);
    }
}
