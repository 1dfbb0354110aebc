package org.gaplab.settings;

/**
 * What every setting says besides its values: what the page calls it, one line of help, when a new value applies,
 * whether a sweep may vary it (and over what), and whether the two runs of a comparison may differ in it.
 *
 * @param sweep null when a sweep cannot vary the setting
 */
public record About(String label, String description, Applies applies, SweepPlan sweep, InComparisons inComparisons) {

    /** Whether run B of an A/B comparison may change the setting. */
    public enum InComparisons {
        MAY_DIFFER,
        /** Both runs must share it: the data and the seed, so a comparison compares one thing on the same points. */
        SHARED
    }

    public About {
        java.util.Objects.requireNonNull(label, "label");
        java.util.Objects.requireNonNull(description, "description");
        java.util.Objects.requireNonNull(applies, "applies");
        java.util.Objects.requireNonNull(inComparisons, "inComparisons");
    }

    /** A setting a running session takes between epochs. */
    public static About live(String label, String description) {
        return new About(label, description, Applies.LIVE, null, InComparisons.MAY_DIFFER);
    }

    /** A setting that takes effect only in a new run. */
    public static About onReset(String label, String description) {
        return new About(label, description, Applies.ON_RESET, null, InComparisons.MAY_DIFFER);
    }

    /** The same, and a sweep may vary it over {@code plan}. */
    public About sweptOver(SweepPlan plan) {
        return new About(label, description, applies, plan, inComparisons);
    }

    /** The same, and both runs of a comparison must share it. */
    public About sharedByComparedRuns() {
        return new About(label, description, applies, sweep, InComparisons.SHARED);
    }
}
