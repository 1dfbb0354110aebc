package org.gaplab.lessons;

import java.util.List;
import org.gaplab.data.DataSpec;
import org.gaplab.engine.Activation;
import org.gaplab.engine.Init;
import org.gaplab.engine.OptimizerKind;
import org.gaplab.training.TrainingConfig;
import org.gaplab.verdicts.Claim;
import org.gaplab.verdicts.Claim.Relation;
import org.gaplab.verdicts.Claim.Who;
import org.gaplab.verdicts.Quantity;

/**
 * The seed article's own example: Fashion-MNIST, on the embedded subset (no download). Every lesson starts from one
 * overfitting setup, a small training set and a network far bigger than it needs, so that an epoch stays cheap enough
 * for a whole class on one server; the comparisons change one setting of it. The page trains one seed (images cost
 * more than 2-D points); the claims are proven over several in {@code LessonClaimsTest}.
 */
public final class ImageLessons {
    /**
     * 500 training images (50 per class), 500 to validate and 500 to test, and one hidden layer of 128 ReLU units:
     * 100,480 weights for 500 examples. Adam fits the training set in a few epochs; validation loss then climbs.
     */
    static final TrainingConfig FASHION_OVERFIT = TrainingConfig.DEFAULTS
            .withData(DataSpec.DEFAULTS.withDataset("fashion-mnist").withSizes(500, 500, 500))
            .withModel(List.of(128), Activation.RELU, Init.HE_NORMAL)
            .withOptimizer(OptimizerKind.ADAM, 0.003)
            .withBatchSize(32)
            .withEpochs(40);

    /** "X helps", judged at each run's best epoch (lowest validation loss). */
    private static final Claim B_GENERALIZES = c("b-generalizes", "B's best validation loss is lower than A's",
            Quantity.BEST_VALIDATION_LOSS, Who.B_MINUS_A, Relation.BELOW, 0);
    /** What A's climbing validation loss costs it by the last epoch. */
    private static final Claim B_FINAL_LOSS = c("b-final-loss", "B's final validation loss is lower than A's",
            Quantity.FINAL_VALIDATION_LOSS, Who.B_MINUS_A, Relation.BELOW, 0);
    private static final Claim B_GAP = c("b-gap", "B's final gap is narrower than A's", Quantity.FINAL_GAP,
            Who.B_MINUS_A, Relation.BELOW, 0);

    public static final Lesson OVERFITTING = new Lesson("fashion-overfitting", "Overfitting on images",
            "overfitting", FASHION_OVERFIT,
            List.of("500 training images, 100,480 weights: training accuracy runs to about 100% while validation accuracy stalls near 80%.",
                    "Validation loss bottoms out within 20 epochs and climbs: the network grows sure of the mistakes it keeps making (confusion matrix, misclassified strip)."))
            .about("trainSize", "hiddenLayers")
            .claiming(c("train-fits", "Training accuracy ends at 98% or more", Quantity.FINAL_TRAIN_ACCURACY, Who.A, Relation.AT_LEAST, 0.98),
                    c("accuracy-gap", "Training accuracy ends over 12 points above validation accuracy", Quantity.FINAL_ACCURACY_GAP, Who.A, Relation.ABOVE, 0.12),
                    c("stalls", "Validation accuracy gains under 5 points after the best epoch", Quantity.VALIDATION_ACCURACY_SINCE_BEST, Who.A, Relation.BELOW, 0.05),
                    c("bottoms-out", "Validation loss bottoms out within 20 epochs", Quantity.BEST_EPOCH, Who.A, Relation.AT_MOST, 20),
                    c("climbs", "Validation loss ends over 1.15× its best", Quantity.VALIDATION_LOSS_RISE, Who.A, Relation.ABOVE, 1.15),
                    c("train-falls", "Training loss keeps falling after the best epoch", Quantity.TRAIN_LOSS_SINCE_BEST, Who.A, Relation.BELOW, 1));

    public static final Lesson L2 = new Lesson("fashion-l2", "L2 on images: speckle to strokes", "L2 weight decay",
            FASHION_OVERFIT,
            List.of("Only λ₂ differs (A: 0, B: 0.01). Watch the first-layer weight images: A's stay speckled, B's turn into smooth strokes and blobs.",
                    "Pixels that rarely light up get little data gradient: in A they keep their random start, in B the penalty's pull λ₂·w fades them to 0. B's validation loss stays low where A's climbs."))
            .comparing("l2", 0.01).about("l2")
            .claiming(c("b-smoother", "B's weight images are smoother: their roughness is under ¾ of A's", Quantity.FIRST_LAYER_ROUGHNESS, Who.B_OVER_A, Relation.BELOW, 0.75),
                    c("b-shrinks", "B's ‖w‖₂ is under half of A's", Quantity.L2_NORM, Who.B_OVER_A, Relation.BELOW, 0.5),
                    B_FINAL_LOSS, B_GAP);

    public static final Lesson EARLY_STOPPING = new Lesson("fashion-early-stopping", "Early stopping on images",
            "early stopping", FASHION_OVERFIT,
            List.of("B watches validation accuracy, as the seed article's Keras callback does, stops 5 epochs after it last rose, and restores that epoch's weights.",
                    "Accuracy only counts right and wrong, so it stalls while loss climbs: B's restored test loss is far below A's final one, its test accuracy about the same."))
            .comparing("earlyStopping.enabled", true, "earlyStopping.monitor", "validation-accuracy",
                    "earlyStopping.patience", 5, "earlyStopping.minDelta", 0.0, "earlyStopping.restoreBestWeights", true)
            .about("earlyStopping.enabled", "earlyStopping.monitor", "earlyStopping.patience",
                    "earlyStopping.minDelta", "earlyStopping.restoreBestWeights")
            .claiming(c("b-stops", "B stops early", Quantity.STOPPED_EARLY, Who.B, Relation.AT_LEAST, 1),
                    c("b-patience", "B stops at most 5 epochs after its best validation accuracy", Quantity.EPOCHS_AFTER_BEST, Who.B, Relation.AT_MOST, 5),
                    c("b-restores", "B restores its best weights", Quantity.RESTORED_BEST, Who.B, Relation.AT_LEAST, 1),
                    c("b-test-loss", "B's restored model has a lower test loss than A's final one", Quantity.FINAL_TEST_LOSS, Who.B_MINUS_A, Relation.BELOW, 0),
                    c("b-test-accuracy", "B's restored test accuracy is within 5 points of A's final one or above", Quantity.FINAL_TEST_ACCURACY, Who.B_MINUS_A, Relation.AT_LEAST, -0.05));

    public static final Lesson DROPOUT = new Lesson("fashion-dropout", "Dropout on images", "dropout",
            FASHION_OVERFIT,
            List.of("B drops each of its 128 hidden units with probability p = 0.5 in every training step (p is the drop rate); at test time all run, unscaled.",
                    "No unit can count on another to fix its mistakes: B's best validation loss is lower than A's, and its final one far lower."))
            .comparing("dropout", 0.5).about("dropout")
            .claiming(B_GENERALIZES, B_FINAL_LOSS, B_GAP);

    public static final Lesson AUGMENTATION = new Lesson("fashion-augmentation", "Augmentation on images",
            "augmentation", FASHION_OVERFIT,
            List.of("B trains on copies shifted by up to a pixel (see the strip): a garment a pixel off centre is the same garment. A horizontal flip keeps every Fashion-MNIST label too (a mirrored coat is a coat); on digits or letters it breaks them (b becomes d, a mirrored 2 is no digit).",
                    "B's best validation loss is lower than A's, not only its gap narrower. B leaves flips off: the shoes here nearly all face left, so a mirrored shoe is a view the validation images hardly show (an upside-down flip, worse still)."))
            .comparing("augmentation.shift", 1)
            .about("augmentation.shift", "augmentation.flip")
            .claiming(B_GENERALIZES, B_FINAL_LOSS, B_GAP);

    /** The image lessons, in the order the page lists them. */
    public static final List<Lesson> ALL = List.of(OVERFITTING, L2, EARLY_STOPPING, DROPOUT, AUGMENTATION);

    private ImageLessons() { }

    private static Claim c(String id, String says, Quantity quantity, Who who, Relation relation, double bound) {
        return new Claim(id, says, quantity, who, relation, bound);
    }
}
