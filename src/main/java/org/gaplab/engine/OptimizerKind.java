package org.gaplab.engine;

/**
 * The update rules. Under SGD an L2 penalty and weight decay are the same thing: w ← (1 − αλ)w − α∂J/∂w. Under Adam
 * they are not: {@link #ADAM} adds λw to the gradient, which Adam then rescales per weight (large-gradient weights
 * decay less), while {@link #ADAMW} decays every weight by the same factor outside the adaptive step.
 */
public enum OptimizerKind {
    /** w ← w − α·g. */
    SGD,
    /** v ← μv − α·g, w ← w + v. */
    MOMENTUM,
    /** Adam with the L2 term λw inside the gradient (coupled). */
    ADAM,
    /** Adam with decoupled weight decay: w ← w − α(m̂/(√v̂ + ε) + λw). */
    ADAMW;

    public String configName() { return name().toLowerCase(java.util.Locale.ROOT); }
}
