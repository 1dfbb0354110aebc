package org.gaplab.engine;

/** How the L1 penalty λ·Σ|w| enters the update; the two behave visibly differently near zero. */
public enum L1Mode {
    /**
     * Add the subgradient λ·sign(w) (0 at 0) to the data gradient. A small weight is pushed past zero and back, so it
     * hovers in a band about ±αλ wide and is almost never exactly 0.
     */
    SUBGRADIENT,
    /**
     * Proximal (truncated-gradient) step after the data step: w ← sign(w)·max(|w| − αλ, 0). When the L1 step would
     * carry a weight across zero it lands on exactly 0, which gives true sparsity. A zeroed weight revives only when
     * one data step moves it by more than αλ.
     */
    CLIP;

    public String configName() { return name().toLowerCase(java.util.Locale.ROOT); }
}
