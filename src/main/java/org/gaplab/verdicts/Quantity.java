package org.gaplab.verdicts;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.gaplab.training.EpochReport;
import org.gaplab.training.InputGroup;
import org.gaplab.training.LayerReport;

/**
 * A number read off one run's outcome that a claim can speak of, with the split it is measured on and whether a choice
 * made on validation data picked it (a best epoch). "Best" is always the epoch of lowest validation loss; "final" is
 * the model as it stands (restored, after early stopping); "at start" is the untrained network.
 */
public enum Quantity {
    BEST_VALIDATION_LOSS("best validation loss", Split.VALIDATION, true, Unit.LOSS, o -> o.best().losses().validation()),
    VALIDATION_ACCURACY_AT_BEST("validation accuracy at the best epoch", Split.VALIDATION, true, Unit.PERCENT,
            o -> o.best().accuracies().validation()),
    TEST_LOSS_AT_BEST("test loss at the best epoch", Split.TEST, false, Unit.LOSS, o -> o.best().losses().test()),
    TEST_ACCURACY_AT_BEST("test accuracy at the best epoch", Split.TEST, false, Unit.PERCENT, o -> o.best().accuracies().test()),
    BEST_EPOCH("best validation epoch", Split.VALIDATION, true, Unit.COUNT, o -> o.best().epoch()),
    VALIDATION_LOSS_RISE("final over best validation loss", Split.VALIDATION, true, Unit.RATIO,
            o -> o.latest().losses().validation() / o.best().losses().validation()),
    TRAIN_LOSS_SINCE_BEST("final over best-epoch training loss", Split.TRAIN, true, Unit.RATIO,
            o -> o.latest().losses().train() / o.best().losses().train()),
    GAP_WIDENING("gap now minus gap at the best epoch", Split.VALIDATION, true, Unit.LOSS,
            o -> o.latest().losses().gap() - o.best().losses().gap()),
    CALIBRATION_DRIFT("calibration error now minus at the best epoch", Split.VALIDATION, true, Unit.LOSS,
            o -> o.latest().validation().calibration().error() - o.best().validation().calibration().error()),
    FINAL_TRAIN_LOSS("final training loss", Split.TRAIN, false, Unit.LOSS, o -> o.model().losses().train()),
    FINAL_VALIDATION_LOSS("final validation loss", Split.VALIDATION, false, Unit.LOSS, o -> o.model().losses().validation()),
    FINAL_TEST_LOSS("final test loss", Split.TEST, false, Unit.LOSS, o -> o.model().losses().test()),
    FINAL_TRAIN_ACCURACY("final training accuracy", Split.TRAIN, false, Unit.PERCENT, o -> o.model().accuracies().train()),
    FINAL_VALIDATION_ACCURACY("final validation accuracy", Split.VALIDATION, false, Unit.PERCENT,
            o -> o.model().accuracies().validation()),
    FINAL_TEST_ACCURACY("final test accuracy", Split.TEST, false, Unit.PERCENT, o -> o.model().accuracies().test()),
    FINAL_GAP("final gap (validation − training loss)", Split.VALIDATION, false, Unit.LOSS, o -> o.model().losses().gap()),
    FINAL_ACCURACY_GAP("final accuracy gap (training − validation accuracy)", Split.VALIDATION, false, Unit.PERCENT,
            o -> o.model().accuracies().gap()),
    VALIDATION_ACCURACY_SINCE_BEST("final minus best-epoch validation accuracy", Split.VALIDATION, true, Unit.PERCENT,
            o -> o.latest().accuracies().validation() - o.best().accuracies().validation()),
    FINAL_CALIBRATION_ERROR("final expected calibration error", Split.VALIDATION, false, Unit.LOSS,
            o -> o.model().validation().calibration().error()),
    ZERO_FRACTION("share of weights exactly 0", Split.NONE, false, Unit.PERCENT, o -> o.model().sparsity().zeroFraction()),
    NEAR_ZERO_FRACTION("share of weights near 0 (|w| < ε)", Split.NONE, false, Unit.PERCENT,
            o -> o.model().sparsity().nearZeroFraction()),
    NEAR_ZERO_THRESHOLD("near-zero threshold ε", Split.NONE, false, Unit.LOSS, o -> o.model().sparsity().nearZeroThreshold()),
    L2_NORM("‖w‖₂", Split.NONE, false, Unit.LOSS, o -> o.model().size().l2()),
    CUT_UNITS("hidden units cut", Split.NONE, false, Unit.COUNT, o -> o.model().sparsity().cutUnits()),
    NOISE_INPUTS_CUT("noise inputs cut", Split.NONE, false, Unit.COUNT, o -> cut(o.model(), "noise", null)),
    INFORMATIVE_INPUTS_CUT("informative inputs cut", Split.NONE, false, Unit.COUNT,
            o -> cut(o.model(), "informative", null)),
    SPARSE_OVER_DENSE("sparse copy over dense copy", Split.NONE, false, Unit.RATIO,
            o -> (double) o.model().size().sparseBytes() / o.model().size().denseBytes()),
    UNSEEN_CELLS_CUT("share of never-seen cells cut", Split.NONE, false, Unit.PERCENT,
            o -> cutShare(o.model(), "cell", false)),
    SEEN_CELLS_CUT("share of seen cells cut", Split.NONE, false, Unit.PERCENT, o -> cutShare(o.model(), "cell", true)),
    CLASS_ZERO_SHARE_OF_CUT("share of cut cells' examples in class 0", Split.TRAIN, false, Unit.PERCENT,
            o -> o.facts().classZeroShareOfCut()),
    EPOCHS_AFTER_BEST("epochs trained after the best", Split.VALIDATION, true, Unit.COUNT,
            o -> o.end().epochs() - o.end().bestEpoch()),
    RESTORED_BEST("restored its best weights (1 = yes)", Split.NONE, false, Unit.COUNT, o -> o.restored() ? 1 : 0),
    STOPPED_EARLY("stopped early (1 = yes)", Split.NONE, false, Unit.COUNT,
            o -> o.end() != null && o.end().reason() == org.gaplab.training.RunEnd.Reason.EARLY_STOPPED ? 1 : 0),
    START_ACTIVATION_SHRINK("largest ratio of a hidden layer's activation spread to the layer before, at start",
            Split.NONE, false, Unit.RATIO, o -> {
                List<LayerReport> hidden = hidden(o.initial());
                double largest = 0;
                for (int l = 1; l < hidden.size(); l++) {
                    largest = Math.max(largest, hidden.get(l).probe().activationStd() / hidden.get(l - 1).probe().activationStd());
                }
                return largest;
            }),
    START_ACTIVATION_SPREAD("largest over smallest hidden activation spread, at start", Split.NONE, false, Unit.RATIO,
            o -> {
                List<LayerReport> hidden = hidden(o.initial());
                double max = hidden.stream().mapToDouble(l -> l.probe().activationStd()).max().orElse(Double.NaN);
                double min = hidden.stream().mapToDouble(l -> l.probe().activationStd()).min().orElse(Double.NaN);
                return max / min;
            }),
    START_GRADIENT_NORM("gradient norm over all layers, at start", Split.NONE, false, Unit.RATIO, o -> {
        double squares = 0;
        for (LayerReport layer : o.initial().layers()) squares += layer.probe().gradientNorm() * layer.probe().gradientNorm();
        return Math.sqrt(squares);                                        // ‖g‖ = √Σ_l ‖g_l‖²
    }),
    START_GRADIENT_TOWARD_INPUT("first layer's over last hidden layer's gradient norm, at start", Split.NONE, false,
            Unit.RATIO, o -> {
                List<LayerReport> hidden = hidden(o.initial());
                return hidden.get(0).probe().gradientNorm() / hidden.get(hidden.size() - 1).probe().gradientNorm();
            }),
    START_DEEP_SATURATION("share of units saturated in the deeper hidden layers (3rd on), at start", Split.NONE, false,
            Unit.PERCENT, o -> {
                List<LayerReport> hidden = hidden(o.initial());
                return hidden.subList(Math.min(2, hidden.size()), hidden.size()).stream()
                        .mapToDouble(l -> l.probe().stuckFraction()).average().orElse(Double.NaN);
            }),
    LARGEST_GRADIENT("largest weight-gradient norm of any layer in any epoch", Split.TRAIN, false, Unit.RATIO,
            RunOutcome::largestGradient),
    FEWEST_ZEROS("smallest share of weights exactly 0 in any epoch", Split.NONE, false, Unit.PERCENT,
            RunOutcome::fewestZeros),
    LOSS_OVER_CONSTANT_GUESS("final training loss minus a constant guess's", Split.TRAIN, false, Unit.LOSS,
            o -> o.model().losses().train() - o.facts().constantGuessLoss()),
    UNITS_ALIKE("hidden units identical (1 = yes)", Split.NONE, false, Unit.COUNT, o -> o.facts().unitsAlike() ? 1 : 0),
    FIRST_LAYER_ROUGHNESS("roughness of the first-layer weight images (1 = speckle, 0 = flat)", Split.NONE, false,
            Unit.RATIO, o -> o.facts().firstLayerRoughness());

    /** Which examples a number is measured on; NONE for the weights themselves. */
    public enum Split {
        TRAIN, VALIDATION, TEST, NONE;

        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a number is written in a sentence. */
    public enum Unit {
        LOSS, PERCENT, COUNT, RATIO;

        public String format(double value) {
            if (Double.isNaN(value)) return "–";
            return switch (this) {
                case LOSS -> Math.abs(value) >= 0.01 || value == 0 ? String.format(Locale.ROOT, "%.3f", value)
                        : String.format(Locale.ROOT, "%.2g", value);
                case PERCENT -> String.format(Locale.ROOT, "%.1f%%", 100 * value);
                case COUNT -> String.format(Locale.ROOT, "%.0f", value);
                case RATIO -> Math.abs(value) >= 0.01 && Math.abs(value) < 1000 ? String.format(Locale.ROOT, "%.2f", value)
                        : String.format(Locale.ROOT, "%.1e", value);
            };
        }
    }

    private final String label;
    private final Split split;
    private final boolean chosenOnValidation;
    private final Unit unit;
    private final ToDoubleFunction<RunOutcome> read;

    Quantity(String label, Split split, boolean chosenOnValidation, Unit unit, ToDoubleFunction<RunOutcome> read) {
        this.label = label;
        this.split = split;
        this.chosenOnValidation = chosenOnValidation;
        this.unit = unit;
        this.read = read;
    }

    public String label() { return label; }
    public Split split() { return split; }
    /** Whether it is read at an epoch picked by its validation loss: a choice, not an unbiased measurement. */
    public boolean chosenOnValidation() { return chosenOnValidation; }
    public Unit unit() { return unit; }

    /**
     * Whether this number reads each layer's activations or gradient in every epoch, not only the untrained
     * network's: a run judged by it must probe its layers every epoch ({@code Trainer.setProbedEveryEpoch}), or the
     * number is NaN, never a maximum over the epochs that happened to be probed.
     */
    public boolean readsLayersEveryEpoch() { return this == LARGEST_GRADIENT; }

    /** Its name in lesson data and messages: {@code best-validation-loss}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The number for one run, NaN when the run has not produced it (yet). */
    public double of(RunOutcome outcome) {
        if (!outcome.trained() && needsTraining()) return Double.NaN;
        if (outcome.facts() == null && needsEnd()) return Double.NaN;
        return read.applyAsDouble(outcome);
    }

    private boolean needsTraining() {
        return !name().startsWith("START_");
    }

    private boolean needsEnd() {
        return this == CLASS_ZERO_SHARE_OF_CUT || this == LOSS_OVER_CONSTANT_GUESS || this == UNITS_ALIKE
                || this == EPOCHS_AFTER_BEST || this == RESTORED_BEST || this == STOPPED_EARLY
                || this == FIRST_LAYER_ROUGHNESS;
    }

    private static List<LayerReport> hidden(EpochReport report) {
        return report.layers().subList(0, report.layers().size() - 1);
    }

    private static double cut(EpochReport report, String kind, Boolean inTraining) {
        int cut = 0;
        for (InputGroup group : report.inputs()) {
            if (group.kind().equals(kind) && (inTraining == null || group.inTraining() == inTraining)) cut += group.cut();
        }
        return cut;
    }

    private static double cutShare(EpochReport report, String kind, boolean inTraining) {
        int count = 0;
        int cut = 0;
        for (InputGroup group : report.inputs()) {
            if (group.kind().equals(kind) && group.inTraining() == inTraining) {
                count += group.count();
                cut += group.cut();
            }
        }
        return count == 0 ? Double.NaN : (double) cut / count;
    }
}
