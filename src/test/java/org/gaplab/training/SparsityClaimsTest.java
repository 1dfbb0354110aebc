package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gaplab.engine.Activation;
import org.gaplab.engine.Init;
import org.gaplab.engine.L1Mode;
import org.junit.jupiter.api.Test;

/** TEACHING.md claims 2–4 with real training: L2 shrinks, L1 (clip) zeroes, the subgradient hovers. */
class SparsityClaimsTest {
    /** noisy-features: 5 informative among 95 noise features, 200 training examples, a 100-16-1 tanh net. */
    static final TrainingConfig NOISY = TrainingConfig.DEFAULTS
            .withData(TrainingConfig.DEFAULTS.data().withDataset("noisy-features").withSizes(200, 500, 500).withNoise(0.05))
            .withModel(List.of(16), Activation.TANH, Init.XAVIER_NORMAL)
            .withOptimizer(org.gaplab.engine.OptimizerKind.SGD, 0.05)
            .withEpochs(60);

    @Test
    void l1_clip_zeroes_most_first_layer_weights_and_keeps_accuracy_while_l2_zeroes_none() {
        Runs.Run plain = Runs.train(NOISY);
        Runs.Run l1 = Runs.train(NOISY.withL1(0.01, L1Mode.CLIP));
        Runs.Run l2 = Runs.train(NOISY.withL2(0.01));

        LayerReport l1First = l1.last().layers().get(0);
        assertTrue(l1First.sparsity().zeroFraction() >= 0.5, "L1 clip: first-layer exact zeros " + l1First.sparsity().zeroFraction());
        assertTrue(l1.last().accuracies().validation() >= plain.last().accuracies().validation() - 0.03,
                "accuracy kept: " + l1.last().accuracies().validation() + " vs " + plain.last().accuracies().validation());
        assertEquals(0.0, l2.last().layers().get(0).sparsity().zeroFraction(), "L2 leaves no weight exactly 0");
        assertTrue(l2.last().size().l2() < plain.last().size().l2(), "L2 shrinks the weights");
        assertTrue(l1.last().size().sparseBytes() < l1.last().size().denseBytes(), "a sparse copy of the L1 model is smaller");
    }

    @Test
    void l1_subgradient_leaves_weights_hovering_near_zero_but_few_exactly_zero() {
        Runs.Run clip = Runs.train(NOISY.withL1(0.01, L1Mode.CLIP));
        Runs.Run subgradient = Runs.train(NOISY.withL1(0.01, L1Mode.SUBGRADIENT));
        LayerReport first = subgradient.last().layers().get(0);
        // The subgradient bounces a useless weight within ±αλ = 5e-4 of zero: near zero (|w| < 1e-3), not at it.
        assertTrue(first.sparsity().zeroFraction() < 0.01, "subgradient: exact zeros " + first.sparsity().zeroFraction());
        assertTrue(first.sparsity().nearZeroFraction() > 0.5, "subgradient: weights near zero " + first.sparsity().nearZeroFraction());
        assertTrue(clip.last().layers().get(0).sparsity().zeroFraction() > 0.5, "the same λ with clipping gives exact zeros");
        assertTrue(subgradient.last().size().sparseBytes() > clip.last().size().sparseBytes(), "only exact zeros make a model smaller");
    }

    @Test
    void too_much_l2_collapses_the_weights_and_underfits() {
        Runs.Run plain = Runs.train(NOISY);
        Runs.Run heavy = Runs.train(NOISY.withL2(1.0));
        assertTrue(heavy.last().size().l2() < 0.1 * plain.last().size().l2(), "weights collapse toward 0");
        assertTrue(heavy.last().losses().train() > 0.6 && heavy.last().losses().validation() > 0.6,
                "both losses stay high (ln 2 = 0.69 is a coin flip): " + heavy.last().losses().train());
    }
}
