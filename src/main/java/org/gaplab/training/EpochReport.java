package org.gaplab.training;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The numbers of one epoch, the same object for the WebSocket stream and the {@code train} command, grouped by what
 * is read together. Its JSON is flat: {@link #FIELDS} names every key in order.
 *
 * @param learningRate the learning rate α the epoch trained with
 * @param sparsity     the whole model's weights counted (the layers' summed)
 * @param size         the whole model's norms and bytes
 * @param inputs       the inputs by kind, and how many the model cut (see {@link InputGroup})
 * @param validation   the validation split looked at class by class
 */
public record EpochReport(int epoch, double learningRate, Losses losses, Accuracies accuracies, Sparsity sparsity,
                          WeightSize size, List<InputGroup> inputs, ValidationDetail validation,
                          List<LayerReport> layers) {

    /**
     * Data losses of the three splits (the penalty is reported apart).
     *
     * @param penalty the regularization penalty of the current weights
     */
    public record Losses(double train, double validation, double test, double penalty) {
        /** trainLoss + penalty, the objective being minimized. */
        public double total() { return train + penalty; }

        /** The generalization gap: validationLoss − trainLoss. */
        public double gap() { return validation - train; }
    }

    /** Accuracies of the three splits, NaN for regression. */
    public record Accuracies(double train, double validation, double test) {
        /** trainAccuracy − validationAccuracy. */
        public double gap() { return train - validation; }
    }

    /**
     * The validation split class by class.
     *
     * @param classAccuracy accuracy per class (empty for regression)
     * @param confusion     the confusion matrix, for image data only (null otherwise): which classes the model mixes up
     * @param calibration   the reliability diagram and expected calibration error
     */
    public record ValidationDetail(double[] classAccuracy, ConfusionMatrix confusion, Calibration calibration) {
        public ValidationDetail {
            Objects.requireNonNull(calibration, "calibration");
        }
    }

    /** One number of the report that is plotted over epochs. */
    public record Scalar(String name, Function<EpochReport, Number> value) { }

    /** The report's own numbers, in the order of its JSON. */
    private static final List<Scalar> NUMBERS = List.of(
            new Scalar("epoch", EpochReport::epoch),
            new Scalar("trainLoss", r -> r.losses().train()),
            new Scalar("validationLoss", r -> r.losses().validation()),
            new Scalar("testLoss", r -> r.losses().test()),
            new Scalar("trainAccuracy", r -> r.accuracies().train()),
            new Scalar("validationAccuracy", r -> r.accuracies().validation()),
            new Scalar("testAccuracy", r -> r.accuracies().test()),
            new Scalar("penalty", r -> r.losses().penalty()),
            new Scalar("totalLoss", r -> r.losses().total()),
            new Scalar("gap", r -> r.losses().gap()),
            new Scalar("accuracyGap", r -> r.accuracies().gap()),
            new Scalar("zeroFraction", r -> r.sparsity().zeroFraction()),
            new Scalar("nearZeroFraction", r -> r.sparsity().nearZeroFraction()),
            new Scalar("nearZeroThreshold", r -> r.sparsity().nearZeroThreshold()),
            new Scalar("nonZeroCount", r -> r.sparsity().nonZeroCount()),
            new Scalar("weightCount", r -> r.sparsity().weightCount()),
            new Scalar("cutUnits", r -> r.sparsity().cutUnits()),
            new Scalar("l1Norm", r -> r.size().l1()),
            new Scalar("l2Norm", r -> r.size().l2()),
            new Scalar("denseBytes", r -> r.size().denseBytes()),
            new Scalar("sparseBytes", r -> r.size().sparseBytes()),
            new Scalar("learningRate", EpochReport::learningRate));

    /**
     * The numbers every epoch streams, in order: the curves, the sweep's points and the downloaded metrics all take
     * exactly these, so a new metric is added here and nowhere else. The report's own numbers, and the calibration
     * error, which the full report carries inside its calibration.
     */
    public static final List<Scalar> SCALARS = Stream.concat(NUMBERS.stream(),
            Stream.of(new Scalar("calibrationError", r -> r.validation().calibration().error()))).toList();

    /** The report's JSON, key by key: its own numbers, then the details a page draws. */
    public static final List<ReportField<EpochReport>> FIELDS = Stream.concat(
            NUMBERS.stream().map(s -> new ReportField<EpochReport>(s.name(), s.value())),
            Stream.of(new ReportField<EpochReport>("classAccuracy", r -> r.validation().classAccuracy()),
                    new ReportField<EpochReport>("confusion", r -> r.validation().confusion()),
                    new ReportField<EpochReport>("inputs", EpochReport::inputs),
                    new ReportField<EpochReport>("layers", EpochReport::layers),
                    new ReportField<EpochReport>("calibration", r -> r.validation().calibration()))).toList();

    public EpochReport {
        inputs = List.copyOf(inputs);
        layers = List.copyOf(layers);
        Objects.requireNonNull(validation, "validation");
    }
}
