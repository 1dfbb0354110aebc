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
import org.gaplab.verdicts.Claim;
import org.gaplab.verdicts.Claim.Relation;
import org.gaplab.verdicts.Claim.Who;
import org.gaplab.verdicts.Quantity;

/**
 * The presets, at least one per claim of TEACHING.md. Each is built with the config's withers, so an invalid preset
 * fails when this class loads (and in its test), never in front of a learner.
 *
 * <p>A lesson whose claim is "X helps" or "X differs from Y" is a comparison: run A is the config without X, run B
 * the same config with X, from the same seed, data and (when the architecture matches) initial weights. Its test
 * ({@code LessonClaimsTest}) trains both on several seeds and judges the lesson's claims, the data form of what its
 * text says, with the same {@code Verdicts} the page shows. Lessons on 2-D and feature data train five seeds at once,
 * image lessons one until asked: a verdict needs several seeds to stand.
 */
public final class Lessons {
    /** "X helps", the claim most comparisons make: judged at each run's best epoch, picked on validation loss. */
    private static final Claim B_GENERALIZES = c("b-generalizes", "B's best validation loss is lower than A's",
            Quantity.BEST_VALIDATION_LOSS, Who.B_MINUS_A, Relation.BELOW, 0);
    /** The same epochs judged again on the test split, which picked nothing. */
    private static final Claim B_TEST_AT_BEST = c("b-test", "At their best epochs, B's test loss is lower than A's",
            Quantity.TEST_LOSS_AT_BEST, Who.B_MINUS_A, Relation.BELOW, 0);
    /** The healthy run A of the initialization lessons does learn. */
    private static final Claim A_LEARNS = c("a-learns", "A's final validation accuracy is over 90%",
            Quantity.FINAL_VALIDATION_ACCURACY, Who.A, Relation.ABOVE, 0.9);

    /**
     * A small noisy 2-D set and a network far bigger than it needs: 60 points of a circle with the most noise, two
     * layers of 32 tanh units, Adam. Validation loss bottoms out early and climbs; the boundary curls around noise.
     */
    static final TrainingConfig CIRCLE_OVERFIT = TrainingConfig.DEFAULTS
            .withData(DataSpec.DEFAULTS.withDataset("circle").withSizes(60, 300, 300).withNoise(0.5))
            .withModel(List.of(32, 32), Activation.TANH, Init.XAVIER_NORMAL)
            .withOptimizer(OptimizerKind.ADAM, 0.01)
            .withBatchSize(10)
            .withEpochs(300)
            .withSeeds(5);

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
            .withEpochs(80)
            .withSeeds(5);

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
            .withEpochs(100)
            .withSeeds(5);

    /** xor needs at least two different hidden units: a net whose units are all alike cannot draw it. */
    static final TrainingConfig SYMMETRY = TrainingConfig.DEFAULTS
            .withData(DataSpec.DEFAULTS.withDataset("xor"))
            .withModel(List.of(8, 8), Activation.TANH, Init.LECUN_NORMAL)
            .withOptimizer(OptimizerKind.SGD, 0.03)
            .withEpochs(200)
            .withSeeds(5);

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
                    "Then validation loss climbs either with validation accuracy flat (overconfidence: the calibration error grows) or with accuracy falling (new mistakes): the verdicts say which, seed by seed."))
            .about("trainSize", "noise", "hiddenLayers")
            .claiming(c("bottoms-out", "Validation loss bottoms out within 100 epochs", Quantity.BEST_EPOCH, Who.A, Relation.AT_MOST, 100),
                    c("climbs", "Validation loss ends over 1.3× its best", Quantity.VALIDATION_LOSS_RISE, Who.A, Relation.ABOVE, 1.3),
                    c("train-falls", "Training loss keeps falling after the best epoch", Quantity.TRAIN_LOSS_SINCE_BEST, Who.A, Relation.BELOW, 1),
                    c("gap-widens", "The gap widens by over 0.2 after the best epoch", Quantity.GAP_WIDENING, Who.A, Relation.ABOVE, 0.2),
                    c("calibration-drifts", "The calibration error grows after the best epoch", Quantity.CALIBRATION_DRIFT, Who.A, Relation.ABOVE, 0));

    public static final Lesson L2_WEIGHT_DECAY = new Lesson("l2-weight-decay", "L2 weight decay", "L2 weight decay",
            NOISY_OVERFIT,
            List.of("95 of the 100 inputs are noise; only λ₂ differs (A: 0, B: 0.1). B's best validation loss is lower and its accuracy there higher.",
                    "B's weights shrink (‖w‖₂ falls, the histogram narrows around 0), yet none is exactly 0: L2 shrinks, it does not prune."))
            .comparing("l2", 0.1).about("l2")
            .claiming(B_GENERALIZES,
                    c("b-accuracy", "B's validation accuracy at its best epoch is higher than A's", Quantity.VALIDATION_ACCURACY_AT_BEST, Who.B_MINUS_A, Relation.ABOVE, 0),
                    B_TEST_AT_BEST,
                    c("b-shrinks", "B's ‖w‖₂ is under half of A's", Quantity.L2_NORM, Who.B_OVER_A, Relation.BELOW, 0.5),
                    c("b-no-zeros", "None of B's weights is exactly 0", Quantity.ZERO_FRACTION, Who.B, Relation.AT_MOST, 0));

    public static final Lesson L2_TOO_STRONG = new Lesson("l2-too-strong", "L2 too strong: underfitting",
            "L2 weight decay", NOISY_OVERFIT,
            List.of("B's λ₂ = 0.3 squeezes every weight toward 0: its losses stay near ln 2 = 0.69 and its accuracy near a coin flip, on training and validation data.",
                    "B's gap is tiny because its training got worse, not because its validation got better: A's validation accuracy is higher, even overfit (A's best validation loss comes a few epochs in, barely trained, so compare accuracy). Underfitting, not a win."))
            .comparing("l2", 0.3).about("l2")
            .claiming(c("b-train-ln2", "B's final training loss stays near ln 2 (above 0.62)", Quantity.FINAL_TRAIN_LOSS, Who.B, Relation.ABOVE, 0.62),
                    c("b-validation-ln2", "B's final validation loss stays near ln 2 (above 0.62)", Quantity.FINAL_VALIDATION_LOSS, Who.B, Relation.ABOVE, 0.62),
                    c("b-train-coin", "B's final training accuracy stays under 70%", Quantity.FINAL_TRAIN_ACCURACY, Who.B, Relation.BELOW, 0.7),
                    c("b-validation-coin", "B's final validation accuracy stays under 60%", Quantity.FINAL_VALIDATION_ACCURACY, Who.B, Relation.BELOW, 0.6),
                    c("a-more-accurate", "A's final validation accuracy is over 10 points above B's", Quantity.FINAL_VALIDATION_ACCURACY, Who.B_MINUS_A, Relation.BELOW, -0.1),
                    c("b-gap-tiny", "B's final gap is under a tenth of A's", Quantity.FINAL_GAP, Who.B_OVER_A, Relation.BELOW, 0.1));

    public static final Lesson CHOOSING_LAMBDA = new Lesson("choosing-lambda", "Choosing λ on validation data",
            "choosing λ", NOISY_OVERFIT,
            List.of("Eight runs, λ₂ from 0.0001 to 1: validation loss traces a U. A tiny λ₂ overfits, a big one underfits (both losses high).",
                    "The diamond marks the lowest validation loss, inside the grid; test accuracy is drawn dashed and never used to pick."))
            .sweeping("l2:grid:0.0001:1:8").about("l2");   // claims: SweepVerdicts (best inside the grid, bias against variance)

    public static final Lesson L1_SPARSITY = new Lesson("l1-sparsity", "L1 zeroes weights (clip at zero)", "L1 sparsity",
            NOISY_SPARSE,
            List.of("B (L1 with clip at zero, λ₁ = 0.03) sets over 90% of its weights to exactly 0, and its best validation loss is far below A's.",
                    "See what B cut: about half or more of the 95 noise inputs and most of its 8 hidden units, but none of the 5 informative inputs."))
            .comparing("l1", 0.03).about("l1", "l1Mode")
            .claiming(B_GENERALIZES,
                    c("b-zeros", "Over 90% of B's weights are exactly 0", Quantity.ZERO_FRACTION, Who.B, Relation.ABOVE, 0.9),
                    c("b-keeps-signal", "B cuts none of the 5 informative inputs", Quantity.INFORMATIVE_INPUTS_CUT, Who.B, Relation.AT_MOST, 0),
                    c("b-cuts-noise", "B cuts 43 or more of the 95 noise inputs", Quantity.NOISE_INPUTS_CUT, Who.B, Relation.AT_LEAST, 43),
                    c("b-cuts-units", "B cuts 5 or more of its 8 hidden units", Quantity.CUT_UNITS, Who.B, Relation.AT_LEAST, 5),
                    c("b-small", "B's sparse copy is under a quarter of its dense size", Quantity.SPARSE_OVER_DENSE, Who.B, Relation.BELOW, 0.25));

    public static final Lesson L1_SUBGRADIENT = new Lesson("l1-subgradient", "L1: clip at zero vs plain subgradient",
            "L1 sparsity", NOISY_SPARSE.withL1(0.03, L1Mode.CLIP),
            List.of("Same λ₁ = 0.03 in both: A clips at zero and over 90% of its weights are exactly 0; B adds λ₁·sign(w) and has almost none.",
                    "B's weights hover in the band |w| ≤ αλ₁ = 0.009 instead (2αλ₁ = 0.018 wide): most lie within ε = 2αλ₁ of 0, yet a sparse copy gains nothing."))
            .comparing("l1Mode", "subgradient").about("l1Mode", "l1")
            .claiming(c("a-zeros", "Over 90% of A's weights are exactly 0", Quantity.ZERO_FRACTION, Who.A, Relation.ABOVE, 0.9),
                    c("b-few-zeros", "Under 1% of B's weights are exactly 0", Quantity.ZERO_FRACTION, Who.B, Relation.BELOW, 0.01),
                    c("b-hovers", "Over 85% of B's weights lie within ε = 2αλ₁ of 0", Quantity.NEAR_ZERO_FRACTION, Who.B, Relation.ABOVE, 0.85),
                    c("b-no-gain", "B's sparse copy is larger than its dense one", Quantity.SPARSE_OVER_DENSE, Who.B, Relation.ABOVE, 1));

    public static final Lesson L1_UNDER_ADAM = new Lesson("l1-clip-under-adam", "L1 clip at zero under Adam: few zeros",
            "L1 sparsity", NOISY_SPARSE.withL1(0.03, L1Mode.CLIP).withLearningRate(0.03),
            List.of("Same λ₁ = 0.03 and α = 0.03, clip at zero in both: under SGD (A) the L1 step αλ₁ = 0.0009 holds a useless weight at 0 once the data stops pushing it, and most weights end exactly 0.",
                    "Under Adam (B) every step moves a weight by about α = 0.03, far more than αλ₁, so weights are kicked off zero again and again: far fewer stay exactly 0."))
            .comparing("optimizer", "adam").about("optimizer", "l1Mode", "l1")
            .claiming(c("a-zeros", "Over 80% of A's weights are exactly 0", Quantity.ZERO_FRACTION, Who.A, Relation.ABOVE, 0.8),
                    c("b-few-zeros", "Under 30% of B's weights are exactly 0", Quantity.ZERO_FRACTION, Who.B, Relation.BELOW, 0.3));

    public static final Lesson FEATURE_CROSSES = new Lesson("feature-crosses", "Feature crosses: L1 picks the cells",
            "feature crosses",
            TrainingConfig.DEFAULTS
                    .withData(DataSpec.DEFAULTS.withDataset("feature-cross").withSizes(1000, 500, 500))
                    .withModel(List.of(), Activation.TANH, Init.XAVIER_NORMAL)
                    .withOptimizer(OptimizerKind.SGD, 0.3)
                    .withBatchSize(20)
                    .withEpochs(200)
                    .withSeeds(5),
            List.of("Most of the 800 latitude×longitude cells never occur in training: no data gradient reaches them, only B's penalty, which zeroes them.",
                    "Of the cells that do occur, B zeroes about a quarter or more, nearly all of them cells of cheap houses, while its validation accuracy stays within 3 points of A's."))
            .comparing("l1", 0.001).about("l1")
            .claiming(c("b-cuts-unseen", "B zeroes every cell that never occurs in training", Quantity.UNSEEN_CELLS_CUT, Who.B, Relation.AT_LEAST, 1),
                    c("a-keeps-unseen", "A zeroes none of them: nothing moves them from their random start", Quantity.UNSEEN_CELLS_CUT, Who.A, Relation.AT_MOST, 0),
                    c("b-cuts-seen", "B zeroes 22% or more of the cells that occur", Quantity.SEEN_CELLS_CUT, Who.B, Relation.AT_LEAST, 0.22),
                    c("b-cuts-cheap", "90% or more of the examples in the seen cells B cut are cheap houses", Quantity.CLASS_ZERO_SHARE_OF_CUT, Who.B, Relation.AT_LEAST, 0.9),
                    c("b-accuracy-kept", "B's final validation accuracy is within 3 points of A's or above", Quantity.FINAL_VALIDATION_ACCURACY, Who.B_MINUS_A, Relation.AT_LEAST, -0.03));

    public static final Lesson DROPOUT = new Lesson("dropout", "Dropout on hidden units: a better best model",
            "dropout", NOISY_OVERFIT,
            List.of("B drops each hidden unit with probability p = 0.5 in every training step (p is the drop rate); at test time its whole network runs, unscaled (inverted dropout).",
                    "B's best validation loss is lower and its final test accuracy higher; yet hidden dropout alone does not narrow the final gap here (input dropout does: see its lesson)."))
            .comparing("dropout", 0.5).about("dropout")
            .claiming(B_GENERALIZES,
                    c("b-accuracy", "B's validation accuracy at its best epoch is higher than A's", Quantity.VALIDATION_ACCURACY_AT_BEST, Who.B_MINUS_A, Relation.ABOVE, 0),
                    B_TEST_AT_BEST,
                    c("b-final-test", "B's final test accuracy is higher than A's", Quantity.FINAL_TEST_ACCURACY, Who.B_MINUS_A, Relation.ABOVE, 0));

    public static final Lesson INPUT_DROPOUT = new Lesson("input-dropout", "Input dropout narrows the gap", "dropout",
            NOISY_OVERFIT,
            List.of("B drops each of the 100 inputs with probability 0.3 in every training step: it cannot lean on any one of the 95 noise inputs.",
                    "B's final gap is narrower and its best validation loss lower (and its test loss at that epoch); its final test accuracy is not reliably higher."))
            .comparing("inputDropout", 0.3).about("inputDropout")
            .claiming(c("b-gap", "B's final gap is narrower than A's", Quantity.FINAL_GAP, Who.B_MINUS_A, Relation.BELOW, 0),
                    B_GENERALIZES,
                    B_TEST_AT_BEST);

    public static final Lesson AUGMENTATION = new Lesson("augmentation", "Augmentation: new views of the same examples",
            "augmentation",
            TrainingConfig.DEFAULTS
                    .withData(DataSpec.DEFAULTS.withDataset("shapes").withSizes(100, 300, 300).withNoise(0.05))
                    .withModel(List.of(64), Activation.RELU, Init.HE_NORMAL)
                    .withOptimizer(OptimizerKind.ADAM, 0.003)
                    .withBatchSize(20)
                    .withEpochs(60),
            List.of("B trains on shifted, rotated and rescaled copies of its 100 images (see the strip): new examples, unchanged labels.",
                    "B's best validation loss is lower and its validation accuracy higher, not only its gap narrower; still, a copy is not a new example (it costs compute and teaches less than real new data)."))
            .comparing("augmentation.shift", 2, "augmentation.rotation", 10.0, "augmentation.scale", 0.1)
            .about("augmentation.shift", "augmentation.rotation", "augmentation.scale")
            .claiming(B_GENERALIZES,
                    c("b-accuracy", "B's final validation accuracy is higher than A's", Quantity.FINAL_VALIDATION_ACCURACY, Who.B_MINUS_A, Relation.ABOVE, 0),
                    c("b-test", "B's final test accuracy is higher than A's", Quantity.FINAL_TEST_ACCURACY, Who.B_MINUS_A, Relation.ABOVE, 0),
                    c("b-gap", "B's final gap is narrower than A's", Quantity.FINAL_GAP, Who.B_MINUS_A, Relation.BELOW, 0));

    public static final Lesson EARLY_STOPPING = new Lesson("early-stopping", "Early stopping", "early stopping",
            CIRCLE_OVERFIT,
            List.of("B stops 30 epochs after its validation loss last improved; the chart marks its best epoch and the stop.",
                    "B then restores its best weights: its final validation loss is lower than A's, which trained on and overfit."))
            .comparing("earlyStopping.enabled", true, "earlyStopping.patience", 30, "earlyStopping.minDelta", 0.0,
                    "earlyStopping.restoreBestWeights", true)
            .about("earlyStopping.enabled", "earlyStopping.patience", "earlyStopping.minDelta",
                    "earlyStopping.restoreBestWeights")
            .claiming(c("b-stops", "B stops early", Quantity.STOPPED_EARLY, Who.B, Relation.AT_LEAST, 1),
                    c("b-patience", "B stops at most 30 epochs after its best", Quantity.EPOCHS_AFTER_BEST, Who.B, Relation.AT_MOST, 30),
                    c("b-restores", "B restores its best weights", Quantity.RESTORED_BEST, Who.B, Relation.AT_LEAST, 1),
                    c("b-test-loss", "B's restored model has a lower test loss than A's final one", Quantity.FINAL_TEST_LOSS, Who.B_MINUS_A, Relation.BELOW, 0));

    public static final Lesson INIT_TOO_SMALL = new Lesson("init-too-small", "Initialization: too small vanishes",
            "initialization", DEEP,
            List.of("B starts from N(0, 0.01²): its activations shrink over 10× per layer, and its gradients are about a million times smaller than A's (10⁵–10⁷).",
                    "B's loss stays at ln 2 = 0.69, a coin flip; A (LeCun, Var = 1/fan_in) keeps the spread within about 2× and learns."))
            .comparing("init", "too-small").about("init")
            .claiming(c("b-vanishes", "Each of B's hidden layers shrinks the activation spread over 10×", Quantity.START_ACTIVATION_SHRINK, Who.B, Relation.BELOW, 0.1),
                    c("b-gradients", "B's starting gradient is about a million times smaller than A's (under 10⁻⁴ of it)", Quantity.START_GRADIENT_NORM, Who.B_OVER_A, Relation.BELOW, 1e-4),
                    c("a-spread", "A keeps the activation spread within 2.5× across its hidden layers", Quantity.START_ACTIVATION_SPREAD, Who.A, Relation.BELOW, 2.5),
                    c("b-ln2-above", "B's final training loss stays above ln 2 − 0.02", Quantity.FINAL_TRAIN_LOSS, Who.B, Relation.ABOVE, Math.log(2) - 0.02),
                    c("b-ln2-below", "B's final training loss stays below ln 2 + 0.02", Quantity.FINAL_TRAIN_LOSS, Who.B, Relation.BELOW, Math.log(2) + 0.02),
                    A_LEARNS);

    public static final Lesson INIT_TOO_LARGE = new Lesson("init-too-large", "Initialization: too large saturates",
            "initialization", DEEP,
            List.of("B starts from N(0, 1): most units of its deeper layers sit saturated at ±1, and its gradients grow toward the input.",
                    "B generalizes worse: a wider gap between its training and validation loss, and a lower validation accuracy than A (LeCun)."))
            .comparing("init", "too-large").about("init")
            .claiming(c("b-saturates", "Over half the units of B's deeper layers start saturated", Quantity.START_DEEP_SATURATION, Who.B, Relation.ABOVE, 0.5),
                    c("a-not", "Under a tenth of A's do", Quantity.START_DEEP_SATURATION, Who.A, Relation.BELOW, 0.1),
                    c("b-grows", "B's gradient grows toward the input", Quantity.START_GRADIENT_TOWARD_INPUT, Who.B, Relation.ABOVE, 1),
                    c("b-gap", "B's final gap is wider than A's", Quantity.FINAL_GAP, Who.B_MINUS_A, Relation.ABOVE, 0),
                    c("b-accuracy", "B's final validation accuracy is lower than A's", Quantity.FINAL_VALIDATION_ACCURACY, Who.B_MINUS_A, Relation.BELOW, 0));

    public static final Lesson INIT_ZEROS = new Lesson("init-zeros", "Initialization: all zeros cannot learn",
            "initialization", SYMMETRY,
            List.of("B starts with every weight 0: tanh(0) = 0, so every hidden unit outputs 0 and every weight gradient is exactly 0.",
                    "Only B's output bias can move, so B says the same for every point: its loss stays that of a constant guess (about ln 2 = 0.69); A learns xor."))
            .comparing("init", "zeros").about("init")
            .claiming(c("b-no-gradient", "Every weight gradient of B is exactly 0 in every epoch", Quantity.LARGEST_GRADIENT, Who.B, Relation.AT_MOST, 0),
                    c("b-stays-zero", "Every weight of B stays exactly 0", Quantity.FEWEST_ZEROS, Who.B, Relation.AT_LEAST, 1),
                    c("b-constant", "B's training loss is no better than a constant guess's", Quantity.LOSS_OVER_CONSTANT_GUESS, Who.B, Relation.AT_LEAST, -0.001),
                    A_LEARNS);

    public static final Lesson INIT_CONSTANT = new Lesson("init-constant", "Initialization: a constant never breaks symmetry",
            "initialization", SYMMETRY,
            List.of("B starts every weight at 0.1: all units of a layer compute the same thing, get the same gradient and stay identical.",
                    "So B's 8 + 8 units act like 1 + 1: one straight boundary, right on at best 3 of xor's 4 quadrants, while A, from random weights, learns xor."))
            .comparing("init", "constant").about("init")
            .claiming(c("b-alike", "B's units of each layer stay identical", Quantity.UNITS_ALIKE, Who.B, Relation.AT_LEAST, 1),
                    c("a-differs", "A's units differ", Quantity.UNITS_ALIKE, Who.A, Relation.AT_MOST, 0),
                    c("b-worse", "B's final validation accuracy is over 20 points below A's", Quantity.FINAL_VALIDATION_ACCURACY, Who.B_MINUS_A, Relation.BELOW, -0.2),
                    c("b-three-quadrants", "B's final validation accuracy is at most 80% (3 of 4 quadrants, with noise)", Quantity.FINAL_VALIDATION_ACCURACY, Who.B, Relation.AT_MOST, 0.8),
                    A_LEARNS);

    public static final Lesson WHY_L1_ZEROS = new Lesson("why-l1-zeros", "Why L1 gives zeros, seen", "L1 sparsity",
            TWO_WEIGHTS,
            List.of("Drag λ: the L1 diamond meets J's contours at a corner, so its minimum lands on an axis (one weight exactly 0) at a finite λ₁; the L2 circle only shrinks it.",
                    "Drag the start: plain subgradient zigzags across the axis in a band 2αλ₁ wide (±αλ₁ when the data barely pulls), clip at zero lands on it and stays, Adam's steps of about α kick it off."))
            .about("l1", "l2", "learningRate").showing("landscape");

    /** Every preset, in the order the page lists them. */
    public static final List<Lesson> ALL = List.of(OVERFITTING, L2_WEIGHT_DECAY, L2_TOO_STRONG, CHOOSING_LAMBDA,
            L1_SPARSITY, L1_SUBGRADIENT, L1_UNDER_ADAM, WHY_L1_ZEROS, FEATURE_CROSSES, DROPOUT, INPUT_DROPOUT, AUGMENTATION,
            EARLY_STOPPING, INIT_TOO_SMALL,
            INIT_TOO_LARGE, INIT_ZEROS, INIT_CONSTANT, ImageLessons.OVERFITTING, ImageLessons.L2,
            ImageLessons.EARLY_STOPPING, ImageLessons.DROPOUT, ImageLessons.AUGMENTATION);

    private Lessons() { }

    private static Claim c(String id, String says, Quantity quantity, Who who, Relation relation, double bound) {
        return new Claim(id, says, quantity, who, relation, bound);
    }

    /** The preset with this id. */
    public static Optional<Lesson> find(String id) {
        return ALL.stream().filter(lesson -> lesson.id().equals(id)).findFirst();
    }
}
