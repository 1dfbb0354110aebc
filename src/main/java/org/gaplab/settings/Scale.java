package org.gaplab.settings;

/** How the page's slider for a number moves: evenly in the value, or evenly in its logarithm (λ, α). */
public enum Scale {
    LINEAR,
    LOG
}
