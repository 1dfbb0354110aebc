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
     * The shared overfitting setup: 40 noisy moons, a network far bigger than the data needs, and many epochs. The
     * regularization lessons start from it so that the only difference a learner sees is the regularizer.
     */
    static final TrainingConfig OVERFIT = TrainingConfig.DEFAULTS
            .withData(DataSpec.DEFAULTS.withDataset("moons").withSizes(40, 200, 200).withNoise(0.3))
            .withModel(List.of(32, 32), Activation.TANH, Init.XAVIER_NORMAL)
            .withOptimizer(OptimizerKind.SGD, 0.1)
            .withBatchSize(10)
            .withEpochs(600);

    /** Noisy features: a few informative inputs among many noise inputs, for L1's feature selection. */
    static final TrainingConfig NOISY = TrainingConfig.DEFAULTS
            .withData(DataSpec.DEFAULTS.withDataset("noisy-features").withSizes(200, 200, 200))
            .withModel(List.of(16), Activation.TANH, Init.XAVIER_NORMAL)
            .withOptimizer(OptimizerKind.SGD, 0.1)
            .withEpochs(300);

    /** A deep, narrow tanh network on the circle: deep enough for initialization to decide whether it learns. */
    static final TrainingConfig DEEP = TrainingConfig.DEFAULTS
            .withData(DataSpec.DEFAULTS.withDataset("circle"))
            .withModel(List.of(8, 8, 8, 8, 8), Activation.TANH, Init.LECUN_NORMAL)
            .withOptimizer(OptimizerKind.SGD, 0.03)
            .withEpochs(300);

    public static final Lesson OVERFITTING = new Lesson("overfitting", "Overfitting is a gap", "overfitting",
            OVERFIT,
            List.of("Training loss keeps falling while validation loss bottoms out and turns up: the shaded gap widens.",
                    "Validation loss can rise while validation accuracy stays flat: the model grows overconfident on the points it gets wrong."))
            .about("trainSize", "hiddenLayers", "noise");

    public static final Lesson L2_WEIGHT_DECAY = new Lesson("l2-weight-decay", "L2 weight decay", "L2 weight decay",
            OVERFIT,
            List.of("Same start, same data; only λ₂ differs (A: 0, B: 0.01). B's best validation loss is lower and its gap narrower.",
                    "B's weight histogram narrows around 0, yet its exact-zero count stays at 0: L2 shrinks, it does not prune."))
            .comparing("l2", 0.01).about("l2");

    public static final Lesson L2_TOO_STRONG = new Lesson("l2-too-strong", "L2 too strong: underfitting",
            "L2 weight decay", OVERFIT,
            List.of("B's λ₂ squeezes every weight toward 0: both its training and validation loss stay high.",
                    "B's gap is narrow because training got worse, not because validation got better: that is underfitting."))
            .comparing("l2", 0.3).about("l2");

    /** Long enough to overfit at a small λ, short enough that eight values train in seconds. */
    public static final Lesson CHOOSING_LAMBDA = new Lesson("choosing-lambda", "Choosing λ on validation data",
            "choosing λ", OVERFIT.withEpochs(200),
            List.of("Validation loss traces a U: a tiny λ overfits (wide gap), a big λ underfits (both losses high).",
                    "The diamond marks the lowest validation loss; test accuracy is drawn dashed, never used to pick."))
            .sweeping("l2:grid:0.0001:1:8").about("l2");

    public static final Lesson L1_SPARSITY = new Lesson("l1-sparsity", "L1 zeroes weights (clip at zero)", "L1 sparsity",
            NOISY,
            List.of("B (L1, clip at zero) sets most first-layer weights to exactly 0 while its validation accuracy holds.",
                    "Watch which inputs B cuts: the noise inputs, or whole hidden units; the sparse copy of B shrinks with its zeros."))
            .comparing("l1", 0.02).about("l1", "l1Mode");

    public static final Lesson L1_SUBGRADIENT = new Lesson("l1-subgradient", "L1: clip at zero vs plain subgradient",
            "L1 sparsity", NOISY.withL1(0.02, L1Mode.CLIP),
            List.of("Same λ₁ in both: A clips at zero and gets exact zeros; B adds λ₁·sign(w) and gets almost none.",
                    "B's weights hover within the ±αλ₁ band instead: its near-zero fraction (|w| < 2αλ₁) rises like A's zeros."))
            .comparing("l1Mode", "subgradient").about("l1Mode", "l1");

    public static final Lesson FEATURE_CROSSES = new Lesson("feature-crosses", "Feature crosses: L1 picks the cells",
            "feature crosses",
            TrainingConfig.DEFAULTS
                    .withData(DataSpec.DEFAULTS.withDataset("feature-cross").withSizes(1000, 500, 500))
                    .withModel(List.of(), Activation.TANH, Init.XAVIER_NORMAL)
                    .withOptimizer(OptimizerKind.SGD, 0.1)
                    .withBatchSize(20)
                    .withEpochs(200),
            List.of("Cells that never occur in training get no data gradient: only the penalty moves them. Count them apart.",
                    "Among the cells that do occur, B's L1 zeroes the uninformative ones while its validation accuracy holds."))
            .comparing("l1", 0.0005).about("l1");

    public static final Lesson DROPOUT = new Lesson("dropout", "Dropout narrows the gap", "dropout",
            OVERFIT,
            List.of("B drops each hidden unit with probability p = 0.3 in every training step (p is the drop rate here).",
                    "B's best validation loss is lower and its gap narrower; at test time the whole network runs, unscaled."))
            .comparing("dropout", 0.3).about("dropout");

    public static final Lesson AUGMENTATION = new Lesson("augmentation", "Augmentation: more data for free",
            "augmentation",
            TrainingConfig.DEFAULTS
                    .withData(DataSpec.DEFAULTS.withDataset("shapes").withSizes(100, 300, 300).withNoise(0.05))
                    .withModel(List.of(64), Activation.RELU, Init.HE_NORMAL)
                    .withOptimizer(OptimizerKind.ADAM, 0.003)
                    .withBatchSize(20)
                    .withEpochs(150),
            List.of("B trains on shifted, rotated and rescaled copies (see the strip): new examples with unchanged labels.",
                    "B's validation accuracy ends higher, not only its gap narrower; training numbers are measured on the un-augmented images."))
            .comparing("augmentation.shift", 2, "augmentation.rotation", 10.0, "augmentation.scale", 0.1)
            .about("augmentation.shift", "augmentation.rotation", "augmentation.scale");

    public static final Lesson INIT_TOO_SMALL = new Lesson("init-too-small", "Initialization: too small vanishes",
            "initialization", DEEP,
            List.of("B starts from N(0, 0.01²): its activations shrink layer by layer to a spike at 0, and so do its gradients.",
                    "A (LeCun, Var = 1/n_in) keeps the activations spread through the five layers and learns; B barely moves."))
            .comparing("init", "too-small").about("init");

    public static final Lesson INIT_ZEROS = new Lesson("init-zeros", "Initialization: all zeros cannot learn",
            "initialization", DEEP.withData(DataSpec.DEFAULTS.withDataset("xor")).withModel(List.of(8, 8), Activation.TANH,
                    Init.LECUN_NORMAL),
            List.of("B starts with every weight 0: with tanh every hidden unit outputs 0, so every weight gradient is exactly 0.",
                    "B's loss never leaves its start (only the output bias moves); A, from random weights, learns xor."))
            .comparing("init", "zeros").about("init");

    public static final Lesson INIT_CONSTANT = new Lesson("init-constant", "Initialization: a constant never breaks symmetry",
            "initialization", INIT_ZEROS.config(),
            List.of("B starts every weight at the same constant: all units of a layer compute the same thing and get the same update.",
                    "They stay identical forever, so B's net is no wider than one unit per layer; A breaks the symmetry and learns."))
            .comparing("init", "constant").about("init");

    public static final Lesson INIT_TOO_LARGE = new Lesson("init-too-large", "Initialization: too large saturates",
            "initialization", DEEP,
            List.of("B starts from N(0, 1): in this deep tanh net most units saturate at ±1, where the slope 1 − a² is near 0.",
                    "B's gradients vanish through the saturated layers and it learns far slower than A (LeCun)."))
            .comparing("init", "too-large").about("init");

    public static final Lesson EARLY_STOPPING = new Lesson("early-stopping", "Early stopping", "early stopping",
            OVERFIT,
            List.of("B stops 30 epochs after its validation loss last improved by more than 0.001; the chart marks both.",
                    "B restores its best weights, so its final validation loss is the best one, while A keeps overfitting."))
            .comparing("earlyStopping.enabled", true, "earlyStopping.patience", 30, "earlyStopping.minDelta", 0.001,
                    "earlyStopping.restoreBestWeights", true)
            .about("earlyStopping.enabled", "earlyStopping.patience", "earlyStopping.minDelta",
                    "earlyStopping.restoreBestWeights");

    /** Every preset, in the order the page lists them. */
    public static final List<Lesson> ALL = List.of(OVERFITTING, L2_WEIGHT_DECAY, L2_TOO_STRONG, CHOOSING_LAMBDA,
            L1_SPARSITY, L1_SUBGRADIENT, FEATURE_CROSSES, DROPOUT, AUGMENTATION, EARLY_STOPPING, INIT_TOO_SMALL,
            INIT_TOO_LARGE, INIT_ZEROS, INIT_CONSTANT);

    private Lessons() { }

    /** The preset with this id. */
    public static Optional<Lesson> find(String id) {
        return ALL.stream().filter(lesson -> lesson.id().equals(id)).findFirst();
    }
}
