package org.gaplab.lessons;

import java.util.List;
import java.util.Optional;
import org.gaplab.data.AugmentationSpec;
import org.gaplab.data.DataSpec;
import org.gaplab.engine.Activation;
import org.gaplab.engine.Init;
import org.gaplab.engine.L1Mode;
import org.gaplab.engine.OptimizerKind;
import org.gaplab.training.EarlyStoppingSpec;
import org.gaplab.training.TrainingConfig;

/**
 * The presets, at least one per claim of TEACHING.md. Each is built with the config's withers, so an invalid preset
 * fails when this class loads (and in its test), never in front of a learner.
 *
 * <p>A lesson whose claim is "X helps" or "X differs from Y" is a comparison: run A is the config without X, run B
 * the same config with X, from the same seed, data and (when the architecture matches) initial weights. Its test
 * ({@code LessonClaimsTest}) trains both on several seeds and asserts the numbers the lesson's text names.
 */
public final class Lessons {
    /**
     * A small noisy 2-D set and a network far bigger than it needs: 60 points of a circle with the most noise, two
     * layers of 32 tanh units, Adam. Validation loss bottoms out early and climbs; the boundary curls around noise.
     */
    static final TrainingConfig CIRCLE_OVERFIT = TrainingConfig.DEFAULTS
            .withData(DataSpec.DEFAULTS.withDataset("circle").withSizes(60, 300, 300).withNoise(0.5))
            .withModel(List.of(32, 32), Activation.TANH, Init.XAVIER_NORMAL)
            .withOptimizer(OptimizerKind.ADAM, 0.01)
            .withBatchSize(10)
            .withEpochs(300);

    /**
     * Wide data that overfits: 200 examples of 100 inputs, 95 of them pure noise, and two layers of 64 ReLU units.
     * An unregularized network fits the noise inputs at once, so even its best epoch is poor; this is where L2 and
     * dropout beat stopping early, on every seed tried.
     */
    static final TrainingConfig NOISY_OVERFIT = TrainingConfig.DEFAULTS
            .withData(DataSpec.DEFAULTS.withDataset("noisy-features").withSizes(200, 500, 500).withNoise(0.1))
            .withModel(List.of(64, 64), Activation.RELU, Init.HE_NORMAL)
            .withOptimizer(OptimizerKind.SGD, 0.05)
            .withBatchSize(10)
            .withEpochs(80);

    /**
     * The same wide data for L1, with one layer of 8 tanh units and full-batch steps: with minibatches of 10 the
     * gradient noise kicks weights off zero faster than the L1 step αλ₁ can clip them back.
     */
    static final TrainingConfig NOISY_SPARSE = NOISY_OVERFIT
            .withModel(List.of(8), Activation.TANH, Init.XAVIER_NORMAL)
            .withOptimizer(OptimizerKind.SGD, 0.3)
            .withBatchSize(200)
            .withEpochs(300);

    /** Five tanh layers of 32 units on the circle: deep enough for the starting scale to decide how it learns. */
    static final TrainingConfig DEEP = TrainingConfig.DEFAULTS
            .withData(DataSpec.DEFAULTS.withDataset("circle"))
            .withModel(List.of(32, 32, 32, 32, 32), Activation.TANH, Init.LECUN_NORMAL)
            .withOptimizer(OptimizerKind.SGD, 0.03)
            .withEpochs(100);

    /** xor needs at least two different hidden units: a net whose units are all alike cannot draw it. */
    static final TrainingConfig SYMMETRY = TrainingConfig.DEFAULTS
            .withData(DataSpec.DEFAULTS.withDataset("xor"))
            .withModel(List.of(8, 8), Activation.TANH, Init.LECUN_NORMAL)
            .withOptimizer(OptimizerKind.SGD, 0.03)
            .withEpochs(200);

    /**
     * Two correlated inputs (x1 and x2 of the moons, correlation about −0.45) and no hidden layer: logistic regression
     * with two weights, whose data loss J(w₁, w₂) can be drawn whole. The landscape view holds the bias at 0.
     */
    static final TrainingConfig TWO_WEIGHTS = TrainingConfig.DEFAULTS
            .withData(DataSpec.DEFAULTS.withDataset("moons").withSizes(200, 200, 200).withNoise(0.3)
                    .withInputFeatures(List.of("x1", "x2")))
            .withModel(List.of(), Activation.TANH, Init.XAVIER_NORMAL)
            .withOptimizer(OptimizerKind.SGD, 0.3)
            .withBatchSize(200)
            .withEpochs(200)
            .withL1(0.2, L1Mode.CLIP);

    public static final Lesson OVERFITTING = new Lesson("overfitting", "Overfitting is a gap", "overfitting",
            CIRCLE_OVERFIT,
            List.of("Training loss keeps falling while validation loss bottoms out within 100 epochs and then climbs: the gap widens.",
                    "Validation loss can climb while validation accuracy stays flat: the model grows overconfident on the points it gets wrong."))
            .about("trainSize", "noise", "hiddenLayers");

    public static final Lesson L2_WEIGHT_DECAY = new Lesson("l2-weight-decay", "L2 weight decay", "L2 weight decay",
            NOISY_OVERFIT,
            List.of("95 of the 100 inputs are noise; only λ₂ differs (A: 0, B: 0.1). B's best validation loss is lower and its accuracy there higher.",
                    "B's weights shrink (‖w‖₂ falls, the histogram narrows around 0), yet none is exactly 0: L2 shrinks, it does not prune."))
            .comparing("l2", 0.1).about("l2");

    public static final Lesson L2_TOO_STRONG = new Lesson("l2-too-strong", "L2 too strong: underfitting",
            "L2 weight decay", NOISY_OVERFIT,
            List.of("B's λ₂ = 0.3 squeezes every weight toward 0: its losses stay near ln 2 = 0.69 and its accuracy near a coin flip, on training and validation data.",
                    "B's gap is tiny because training got worse, not because validation got better (A's validation accuracy is higher): underfitting, not a win."))
            .comparing("l2", 0.3).about("l2");

    public static final Lesson CHOOSING_LAMBDA = new Lesson("choosing-lambda", "Choosing λ on validation data",
            "choosing λ", NOISY_OVERFIT,
            List.of("Eight runs, λ₂ from 0.0001 to 1: validation loss traces a U. A tiny λ₂ overfits, a big one underfits (both losses high).",
                    "The diamond marks the lowest validation loss, inside the grid; test accuracy is drawn dashed and never used to pick."))
            .sweeping("l2:grid:0.0001:1:8").about("l2");

    public static final Lesson L1_SPARSITY = new Lesson("l1-sparsity", "L1 zeroes weights (clip at zero)", "L1 sparsity",
            NOISY_SPARSE,
            List.of("B (L1 with clip at zero, λ₁ = 0.03) sets over 90% of its weights to exactly 0, and its best validation loss is far below A's.",
                    "See what B cut: about half or more of the 95 noise inputs and most of its 8 hidden units, but none of the 5 informative inputs."))
            .comparing("l1", 0.03).about("l1", "l1Mode");

    public static final Lesson L1_SUBGRADIENT = new Lesson("l1-subgradient", "L1: clip at zero vs plain subgradient",
            "L1 sparsity", NOISY_SPARSE.withL1(0.03, L1Mode.CLIP),
            List.of("Same λ₁ = 0.03 in both: A clips at zero and over 90% of its weights are exactly 0; B adds λ₁·sign(w) and has almost none.",
                    "B's weights hover in the band |w| < 2αλ₁ = 0.018 instead: its near-zero fraction matches A's zeros, yet a sparse copy gains nothing."))
            .comparing("l1Mode", "subgradient").about("l1Mode", "l1");

    public static final Lesson FEATURE_CROSSES = new Lesson("feature-crosses", "Feature crosses: L1 picks the cells",
            "feature crosses",
            TrainingConfig.DEFAULTS
                    .withData(DataSpec.DEFAULTS.withDataset("feature-cross").withSizes(1000, 500, 500))
                    .withModel(List.of(), Activation.TANH, Init.XAVIER_NORMAL)
                    .withOptimizer(OptimizerKind.SGD, 0.3)
                    .withBatchSize(20)
                    .withEpochs(200),
            List.of("Most of the 800 latitude×longitude cells never occur in training: no data gradient reaches them, only B's penalty, which zeroes them.",
                    "Of the cells that do occur, B zeroes about a quarter or more, nearly all of them cells of cheap houses, while its validation accuracy stays within 3 points of A's."))
            .comparing("l1", 0.001).about("l1");

    public static final Lesson DROPOUT = new Lesson("dropout", "Dropout narrows the gap", "dropout",
            NOISY_OVERFIT,
            List.of("B drops each hidden unit with probability p = 0.5 and each input with 0.2 in every training step (p is the drop rate).",
                    "B's best validation loss is lower and its gap narrower; at test time B's whole network runs, unscaled (inverted dropout)."))
            .comparing("dropout", 0.5, "inputDropout", 0.2).about("dropout", "inputDropout");

    public static final Lesson AUGMENTATION = new Lesson("augmentation", "Augmentation: more data for free",
            "augmentation",
            TrainingConfig.DEFAULTS
                    .withData(DataSpec.DEFAULTS.withDataset("shapes").withSizes(100, 300, 300).withNoise(0.05))
                    .withModel(List.of(64), Activation.RELU, Init.HE_NORMAL)
                    .withOptimizer(OptimizerKind.ADAM, 0.003)
                    .withBatchSize(20)
                    .withEpochs(60),
            List.of("B trains on shifted, rotated and rescaled copies of its 100 images (see the strip): new examples, unchanged labels.",
                    "B's best validation loss is lower and its validation accuracy higher, not only its gap narrower."))
            .comparing("augmentation.shift", 2, "augmentation.rotation", 10.0, "augmentation.scale", 0.1)
            .about("augmentation.shift", "augmentation.rotation", "augmentation.scale");

    public static final Lesson EARLY_STOPPING = new Lesson("early-stopping", "Early stopping", "early stopping",
            CIRCLE_OVERFIT,
            List.of("B stops 30 epochs after its validation loss last improved; the chart marks its best epoch and the stop.",
                    "B then restores its best weights: its final validation loss is lower than A's, which trained on and overfit."))
            .comparing("earlyStopping.enabled", true, "earlyStopping.patience", 30, "earlyStopping.minDelta", 0.0,
                    "earlyStopping.restoreBestWeights", true)
            .about("earlyStopping.enabled", "earlyStopping.patience", "earlyStopping.minDelta",
                    "earlyStopping.restoreBestWeights");

    public static final Lesson INIT_TOO_SMALL = new Lesson("init-too-small", "Initialization: too small vanishes",
            "initialization", DEEP,
            List.of("B starts from N(0, 0.01²): its activations shrink over 10× per layer, and its gradients are a million times smaller than A's.",
                    "B's loss stays at ln 2 = 0.69, a coin flip; A (LeCun, Var = 1/fan_in) keeps the spread within about 2× and learns."))
            .comparing("init", "too-small").about("init");

    public static final Lesson INIT_TOO_LARGE = new Lesson("init-too-large", "Initialization: too large saturates",
            "initialization", DEEP,
            List.of("B starts from N(0, 1): most units of its deeper layers sit saturated at ±1, and its gradients grow toward the input.",
                    "B generalizes worse: a wider gap between its training and validation loss, and a lower validation accuracy than A (LeCun)."))
            .comparing("init", "too-large").about("init");

    public static final Lesson INIT_ZEROS = new Lesson("init-zeros", "Initialization: all zeros cannot learn",
            "initialization", SYMMETRY,
            List.of("B starts with every weight 0: tanh(0) = 0, so every hidden unit outputs 0 and every weight gradient is exactly 0.",
                    "Only B's output bias can move, so B says the same for every point: its loss stays that of a constant guess (about ln 2 = 0.69); A learns xor."))
            .comparing("init", "zeros").about("init");

    public static final Lesson INIT_CONSTANT = new Lesson("init-constant", "Initialization: a constant never breaks symmetry",
            "initialization", SYMMETRY,
            List.of("B starts every weight at 0.1: all units of a layer compute the same thing, get the same gradient and stay identical.",
                    "So B's 8 + 8 units act like 1 + 1 and cannot draw xor's boundary, while A, from random weights, can."))
            .comparing("init", "constant").about("init");

    public static final Lesson WHY_L1_ZEROS = new Lesson("why-l1-zeros", "Why L1 gives zeros, seen", "L1 sparsity",
            TWO_WEIGHTS,
            List.of("Drag λ: the L1 diamond meets J's contours at a corner, so its minimum lands on an axis (one weight exactly 0) at a finite λ₁; the L2 circle only shrinks it.",
                    "Drag the start: plain subgradient zigzags across the axis in a band 2αλ₁ wide (±αλ₁ when the data barely pulls), clip at zero lands on it and stays, Adam's steps of about α kick it off."))
            .about("l1", "l2", "learningRate").showing("landscape");

    /** Every preset, in the order the page lists them. */
    public static final List<Lesson> ALL = List.of(OVERFITTING, L2_WEIGHT_DECAY, L2_TOO_STRONG, CHOOSING_LAMBDA,
            L1_SPARSITY, L1_SUBGRADIENT, WHY_L1_ZEROS, FEATURE_CROSSES, DROPOUT, AUGMENTATION, EARLY_STOPPING, INIT_TOO_SMALL,
            INIT_TOO_LARGE, INIT_ZEROS, INIT_CONSTANT);

    private Lessons() { }

    /** The preset with this id. */
    public static Optional<Lesson> find(String id) {
        return ALL.stream().filter(lesson -> lesson.id().equals(id)).findFirst();
    }
}
