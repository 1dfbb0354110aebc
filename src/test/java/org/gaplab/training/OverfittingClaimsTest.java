package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gaplab.engine.Activation;
import org.gaplab.engine.Init;
import org.gaplab.engine.OptimizerKind;
import org.junit.jupiter.api.Test;

/** TEACHING.md claims 1, 6 and 8 with real training: the gap opens, dropout narrows it, early stopping acts. */
class OverfittingClaimsTest {
    /** A big network on a small noisy training set. */
    static final TrainingConfig OVERFIT = TrainingConfig.DEFAULTS
            .withData(TrainingConfig.DEFAULTS.data().withDataset("noisy-features").withSizes(100, 500, 500).withNoise(0.1))
            .withModel(List.of(64, 64), Activation.RELU, Init.HE_NORMAL)
            .withOptimizer(OptimizerKind.SGD, 0.05)
            .withEpochs(80);

    @Test
    void a_big_network_on_little_noisy_data_fits_training_while_validation_loss_turns_up() {
        Runs.Run run = Runs.train(OVERFIT);
        EpochReport last = run.last();
        assertTrue(last.accuracies().train() > 0.98, "train accuracy " + last.accuracies().train());
        assertTrue(last.accuracies().gap() > 0.1, "accuracy gap " + last.accuracies().gap());
        double minValidation = run.reports().stream().mapToDouble(r -> r.losses().validation()).min().orElseThrow();
        assertTrue(last.losses().validation() > 1.2 * minValidation, "validation loss turned up: min " + minValidation
                + ", last " + last.losses().validation());
        assertTrue(last.losses().train() < run.reports().get(0).losses().train(), "training loss kept falling");
    }

    @Test
    void dropout_narrows_the_gap() {
        EpochReport plain = Runs.train(OVERFIT).last();
        EpochReport dropped = Runs.train(OVERFIT.withDropout(List.of(0.5), 0.2)).last();
        assertTrue(dropped.losses().gap() < plain.losses().gap(), "loss gap with dropout " + dropped.losses().gap() + " vs " + plain.losses().gap());
        assertTrue(dropped.accuracies().gap() < plain.accuracies().gap(),
                "accuracy gap with dropout " + dropped.accuracies().gap() + " vs " + plain.accuracies().gap());
    }

    @Test
    void early_stopping_stops_after_patience_and_restores_the_best_epoch() {
        int patience = 5;
        Runs.Run run = Runs.train(OVERFIT.withEarlyStopping(
                EarlyStoppingSpec.on(EarlyStoppingSpec.Monitor.VALIDATION_LOSS, 0, patience, true)));
        RunEnd end = run.end();
        assertEquals(RunEnd.Reason.EARLY_STOPPED, end.reason());
        assertEquals(end.bestEpoch() + patience, end.epochs(), "stopped exactly `patience` epochs after the best");
        double best = run.reports().get(end.bestEpoch() - 1).losses().validation();
        for (EpochReport r : run.reports()) assertTrue(r.losses().validation() >= best, "no epoch beat the best");
        assertTrue(end.restoredBestWeights());
        assertEquals(best, end.finalReport().losses().validation(), 0.0, "the final model is the best epoch's");
    }

    @Test
    void divergence_ends_the_run_with_a_reason_instead_of_nan_numbers() {
        Runs.Run run = Runs.train(OVERFIT.withModel(List.of(64, 64), Activation.RELU, Init.TOO_LARGE)
                .withOptimizer(OptimizerKind.SGD, 10));
        assertEquals(RunEnd.Reason.DIVERGED, run.end().reason());
        assertTrue(run.end().message().contains("learning rate"), run.end().message());
        for (EpochReport r : run.reports()) assertTrue(Double.isFinite(r.losses().train()));
    }
}
