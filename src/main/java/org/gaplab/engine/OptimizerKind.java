package org.gaplab.engine;

/**
 * The update rules. Under SGD an L2 penalty and weight decay are the same thing: w ← (1 − αλ)w − α∂J/∂w. Under Adam
 * they are not: {@link #ADAM} adds λw to the gradient, which Adam then rescales per weight (large-gradient weights
 * decay less), while {@link #ADAMW} decays every weight by the same factor outside the adaptive step.
 */
public enum OptimizerKind {
    /** w ← w − α·g. */
    SGD("w ← w − α·g"),
    /** v ← μv − α·g, w ← w + v. */
    MOMENTUM("v ← μ·v − α·g", "w ← w + v"),
    /** Adam with the L2 term λw inside the gradient (coupled). */
    ADAM("w ← w − α·m̂/(√v̂ + ε)    (m̂, v̂: running means of g and g²)"),
    /** Adam with decoupled weight decay: w ← w − α(m̂/(√v̂ + ε) + λw). */
    ADAMW("w ← w − α·(m̂/(√v̂ + ε) + λ₂·w)    (m̂, v̂: running means of g and g²)");

    private final java.util.List<String> formula;

    OptimizerKind(String... lines) {
        this.formula = java.util.List.of(lines);
    }

    public String configName() { return name().toLowerCase(java.util.Locale.ROOT); }

    /**
     * The update, one line per assignment, in the page's notation: g is the gradient the rule follows (the data
     * gradient plus the penalties' terms that go through it), α the step size, μ the momentum.
     */
    public java.util.List<String> formula() { return formula; }

    /** Whether the rule applies an L2 penalty as decay apart from the gradient (AdamW) rather than through it. */
    public boolean decouplesWeightDecay() { return this == ADAMW; }
}
