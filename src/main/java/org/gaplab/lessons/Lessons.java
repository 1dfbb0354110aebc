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

    public static final Lesson OVERFITTING = new Lesson("overfitting", "Overfitting is a gap", "overfitting",
            OVERFIT,
            List.of("Training loss keeps falling while validation loss bottoms out and turns up: the shaded gap widens.",
                    "The boundary bends around single noisy training points that the test points do not follow."));

    public static final Lesson L2_WEIGHT_DECAY = new Lesson("l2-weight-decay", "L2 weight decay", "L2 weight decay",
            OVERFIT.withL2(0.03),
            List.of("Compare with Overfitting: the gap stays narrow and the boundary stays smooth.",
                    "The weight histogram narrows around 0, yet the exact-zero count stays at 0: L2 shrinks, it does not prune."));

    public static final Lesson L2_TOO_STRONG = new Lesson("l2-too-strong", "L2 too strong: underfitting",
            "L2 weight decay", OVERFIT.withL2(0.3),
            List.of("Every weight is squeezed toward 0; both training and validation loss stay high.",
                    "The boundary is nearly a straight line: the model can no longer express the moons."));

    public static final Lesson L1_SPARSITY = new Lesson("l1-sparsity", "L1 zeroes weights (clip at zero)", "L1 sparsity",
            TrainingConfig.DEFAULTS
                    .withData(DataSpec.DEFAULTS.withDataset("noisy-features").withSizes(200, 200, 200))
                    .withModel(List.of(16), Activation.TANH, Init.XAVIER_NORMAL)
                    .withOptimizer(OptimizerKind.SGD, 0.1)
                    .withL1(0.02, L1Mode.CLIP)
                    .withEpochs(300),
            List.of("The exact-zero fraction climbs past half while validation accuracy holds: the noise inputs are cut.",
                    "The histogram grows a spike at exactly 0 and the sparse model needs far fewer bytes than the dense one."));

    public static final Lesson L1_SUBGRADIENT = new Lesson("l1-subgradient", "L1 with the plain subgradient",
            "L1 sparsity", L1_SPARSITY.config().withL1(0.02, L1Mode.SUBGRADIENT),
            List.of("Same λ as the clip lesson, but the exact-zero count stays near 0: weights hover in a band ±αλ around 0.",
                    "The near-zero fraction rises like the clip lesson's zeros do; only clipping lands them on exactly 0."));

    public static final Lesson FEATURE_CROSSES = new Lesson("feature-crosses", "Feature crosses: L1 picks the cells",
            "feature crosses",
            TrainingConfig.DEFAULTS
                    .withData(DataSpec.DEFAULTS.withDataset("feature-cross").withSizes(1000, 500, 500))
                    .withModel(List.of(), Activation.TANH, Init.XAVIER_NORMAL)
                    .withOptimizer(OptimizerKind.SGD, 0.1)
                    .withBatchSize(20)
                    .withL1(0.0005, L1Mode.CLIP)
                    .withEpochs(200),
            List.of("Most of the 800 crossed latitude×longitude cells carry no signal; watch L1 zero four weights in five.",
                    "The non-zero count and the sparse size fall while validation accuracy stays within a couple of points."));

    public static final Lesson DROPOUT = new Lesson("dropout", "Dropout narrows the gap", "dropout",
            OVERFIT.withDropout(List.of(0.3), 0),
            List.of("Three hidden units in ten are dropped in each training step; the training curve gets noisy and stays higher.",
                    "The gap is narrower than in Overfitting; at test time the whole network runs, unscaled (inverted dropout)."));

    public static final Lesson AUGMENTATION = new Lesson("augmentation", "Augmentation: more data for free",
            "augmentation",
            TrainingConfig.DEFAULTS
                    .withData(DataSpec.DEFAULTS.withDataset("shapes").withSizes(100, 300, 300).withNoise(0.05))
                    .withModel(List.of(64), Activation.RELU, Init.HE_NORMAL)
                    .withOptimizer(OptimizerKind.ADAM, 0.003)
                    .withBatchSize(20)
                    .withEpochs(150)
                    .withAugmentation(new AugmentationSpec(2, 10, false, 0.1, 0.05, 0, 0, 0)),
            List.of("The strip shows shifted, rotated and rescaled copies: new training examples with unchanged labels.",
                    "Set the shift and rotation to 0 live and watch the gap open up on these 100 training images."));

    public static final Lesson INIT_TOO_SMALL = new Lesson("init-too-small", "Initialization: too small vanishes",
            "initialization",
            TrainingConfig.DEFAULTS
                    .withData(DataSpec.DEFAULTS.withDataset("circle"))
                    .withModel(List.of(8, 8, 8, 8, 8), Activation.TANH, Init.TOO_SMALL)
                    .withOptimizer(OptimizerKind.SGD, 0.03)
                    .withEpochs(300),
            List.of("Activation histograms collapse to a spike at 0 layer by layer, and the gradient norms of early layers are tiny.",
                    "Reset with init = xavier-normal or lecun-normal: the spread stays the same through all five layers."));

    public static final Lesson INIT_ZEROS = new Lesson("init-zeros", "Initialization: zeros never break symmetry",
            "initialization",
            TrainingConfig.DEFAULTS
                    .withData(DataSpec.DEFAULTS.withDataset("xor"))
                    .withModel(List.of(8, 8), Activation.TANH, Init.ZEROS)
                    .withEpochs(200),
            List.of("Every weight starts at 0, so every hidden unit computes the same thing and gets the same update.",
                    "The loss never leaves its starting value; the network diagram shows no link ever growing."));

    public static final Lesson EARLY_STOPPING = new Lesson("early-stopping", "Early stopping", "early stopping",
            OVERFIT.withEarlyStopping(EarlyStoppingSpec.on(EarlyStoppingSpec.Monitor.VALIDATION_LOSS, 0.001, 30, true)),
            List.of("Training stops 30 epochs after validation loss last improved by more than 0.001; the chart marks both.",
                    "With restore best weights on, the final numbers are those of the best epoch, not of the last."));

    public static final Lesson L2_SIDE_BY_SIDE = new Lesson("l2-side-by-side", "L2 next to none, same start",
            "L2 weight decay", OVERFIT.withEpochs(400),
            List.of("Two runs from the same weights on the same data; only λ₂ differs (A: 0, B: 0.01), in lockstep.",
                    "B's hatched gap stays narrower and its histograms narrower, yet neither run has exact zeros.")).comparing("l2:0.01");

    /** Long enough to overfit at a small λ, short enough that eight values train in seconds. */
    public static final Lesson CHOOSING_LAMBDA = new Lesson("choosing-lambda", "Choosing λ on validation data",
            "choosing λ", OVERFIT.withEpochs(200),
            List.of("Validation loss traces a U: a tiny λ overfits (wide gap), a big λ underfits (both losses high).",
                    "The diamond marks the lowest validation loss; test accuracy is drawn dashed, never used to pick.")).sweeping("l2:grid:0.0001:1:8");

    /** Every preset, in the order the page lists them. */
    public static final List<Lesson> ALL = List.of(OVERFITTING, L2_WEIGHT_DECAY, L2_TOO_STRONG, L2_SIDE_BY_SIDE,
            CHOOSING_LAMBDA, L1_SPARSITY, L1_SUBGRADIENT, FEATURE_CROSSES, DROPOUT, AUGMENTATION, INIT_TOO_SMALL,
            INIT_ZEROS, EARLY_STOPPING);

    private Lessons() { }

    /** The preset with this id. */
    public static Optional<Lesson> find(String id) {
        return ALL.stream().filter(lesson -> lesson.id().equals(id)).findFirst();
    }
}
