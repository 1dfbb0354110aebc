package org.gaplab.lessons;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the bench's evidence chart draws for a lesson (its file's {@code evidence}): the quantity its sentences speak
 * of, over epochs for A and B (or per hidden layer), so the learner sees what the lesson says. A lesson without one
 * shows the exact-zero fractions when L1 is on, else the gap.
 *
 * @param configName the name a lesson file uses
 * @param title      the chart's heading on the bench
 * @param axis       the chart's y-axis title
 */
public enum Evidence {
    SPARSITY("sparsity", "Weights exactly 0, A and B", "exactly 0"),
    WEIGHT_NORM("weight-norm", "‖w‖₂ and weights, A and B", "‖w‖₂"),
    GAP("gap", "Gap (validation − training loss), A and B", "gap"),
    RESTORE("restore", "Loss of the model each run keeps", "kept model’s validation loss"),
    ACTIVATION_SPREAD("activation-spread", "Activation spread by layer, A and B", "std of activations");

    private final String configName;
    private final String title;
    private final String axis;

    Evidence(String configName, String title, String axis) {
        this.configName = configName;
        this.title = title;
        this.axis = axis;
    }

    public String configName() { return configName; }

    public String title() { return title; }

    public String axis() { return axis; }

    /** The names a lesson file may give, in order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Evidence::configName).toList();
    }

    public static Optional<Evidence> find(String name) {
        return Arrays.stream(values()).filter(e -> e.configName.equals(name)).findFirst();
    }
}
