package org.gaplab.settings;

import java.util.List;

/**
 * The values a sweep of one setting tries when it names none: a log grid (from, to, count) or a list. A setting
 * without a plan cannot be swept. {@code byDefault} false means a sweep must give its own values and the page's form
 * only suggests these.
 */
public record SweepPlan(String search, double from, double to, int count, List<Double> values, boolean byDefault) {
    public SweepPlan {
        values = List.copyOf(values);
    }

    /** {@code count} values evenly spaced in log10 from {@code from} to {@code to}. */
    public static SweepPlan grid(double from, double to, int count) {
        return new SweepPlan("grid", from, to, count, List.of(), true);
    }

    /** These values. */
    public static SweepPlan values(Double... values) {
        return new SweepPlan("values", 0, 0, 0, List.of(values), true);
    }

    /** This plan offered by the page's form only: a sweep that gives no values of this setting is refused. */
    public SweepPlan suggestedOnly() {
        return new SweepPlan(search, from, to, count, values, false);
    }
}
