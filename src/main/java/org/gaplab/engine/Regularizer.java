package org.gaplab.engine;

import java.util.List;

/**
 * What acts on the weights besides the data loss, at one of three moments of an update: a penalty R(w) adds its
 * gradient to the data gradient before the update rule's step ({@link #addGradient}); a proximal term moves the weights
 * after the step ({@link #proximalStep}); a constraint pulls a layer back into its feasible set after the whole step
 * ({@link #constrain}). Every method but {@link #formula} does nothing unless an implementation says otherwise, so a
 * regularizer writes only what it does.
 *
 * <p>The optimizer calls these very methods, and the gradient check checks {@link #addGradient} against finite
 * differences of {@link #value}: the derivative tested is the derivative trained with.
 */
public interface Regularizer {
    /** R(w) over these tensors, summed in their order: what the objective J = L̄ + R adds (0 for a constraint). */
    default double value(List<double[]> tensors) { return 0; }

    /** g ← g + ∂R/∂w on elements [from, to): the (sub)gradient the update rule then follows. */
    default void addGradient(double[] w, double[] g, int from, int to) { }

    /** After the update rule's step of size α, on elements [from, to): w ← prox_{αR}(w). */
    default void proximalStep(double[] w, int from, int to, double alpha) { }

    /** After the whole step: brings the layer's weights (not its biases) back into the constraint set. */
    default void constrain(DenseLayer layer, Precision precision) { }

    /**
     * λ of a weight-decay part (λ/2)·Σw² that an update rule may apply apart from the gradient (AdamW: w ← w − αλw
     * outside the adaptive step); 0 when there is none.
     */
    default double weightDecay() { return 0; }

    /** This regularizer without its weight-decay part: what still goes through the gradient when AdamW decouples it. */
    default Regularizer withoutWeightDecay() { return this; }

    /** What it does to the weights, in the page's notation (α the step size, w a weight, g the gradient). */
    String formula();
}
