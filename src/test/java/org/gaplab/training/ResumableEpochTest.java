package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gaplab.data.AugmentationSpec;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.gaplab.protocol.Json;
import org.junit.jupiter.api.Test;

/** An epoch trained and measured in the smallest pieces computes exactly what it computes in one piece. */
class ResumableEpochTest {

    /** Every report of a run trained with each epoch in one piece. */
    private static List<String> whole(TrainingConfig config, DataSplits data) {
        List<String> reports = new ArrayList<>();
        try (Trainer trainer = new Trainer(config, data)) {
            reports.add(Json.write(trainer.initialReport()));
            while (!trainer.isFinished()) trainer.runEpoch().ifPresent(r -> reports.add(Json.write(r)));
        }
        return reports;
    }

    /** The same run with time always up: one minibatch or one measured chunk per call. */
    private static List<String> inPieces(TrainingConfig config, DataSplits data, List<EpochProgress> seen) {
        List<String> reports = new ArrayList<>();
        try (Trainer trainer = new Trainer(config, data)) {
            Optional<EpochReport> initial;
            do {
                initial = trainer.initialReport(() -> true);
                seen.add(trainer.progress());
            } while (initial.isEmpty());
            reports.add(Json.write(initial.get()));
            while (!trainer.isFinished()) {
                Optional<EpochReport> report = trainer.runEpoch(() -> true);
                seen.add(trainer.progress());
                report.ifPresent(r -> reports.add(Json.write(r)));
            }
        }
        return reports;
    }

    @Test
    void a_run_cut_after_every_minibatch_and_chunk_reports_the_same_bits_as_one_trained_whole() {
        TrainingConfig points = TrainingConfig.DEFAULTS.withEpochs(4).withData(TrainingConfig.DEFAULTS.data()
                .withSizes(300, 300, 300)).withDropout(List.of(0.3), 0.1)
                .withAugmentation(new AugmentationSpec(0, 0, false, 0, 0, 0, 0, 0.2)).withL2(0.001);
        TrainingConfig images = TrainingConfig.DEFAULTS.withEpochs(2).withBatchSize(32)
                .withData(TrainingConfig.DEFAULTS.data().withDataset("shapes").withSizes(100, 300, 60))
                .withAugmentation(new AugmentationSpec(2, 10, true, 0, 0, 0, 0, 0));
        TrainingConfig sparse = TrainingConfig.DEFAULTS.withEpochs(3)
                .withData(TrainingConfig.DEFAULTS.data().withDataset("feature-cross").withSizes(200, 100, 100));
        for (TrainingConfig config : List.of(points, images, sparse)) {
            DataSplits data = Datasets.load(config.data());
            List<EpochProgress> seen = new ArrayList<>();
            assertEquals(whole(config, data), inPieces(config, data, seen), config.data().dataset());
            int batches = (config.data().trainSize() + config.batchSize() - 1) / config.batchSize();
            assertTrue(seen.stream().anyMatch(p -> p.phase() == EpochProgress.Phase.TRAINING && p.done() == 1
                    && p.total() == batches), "progress counts minibatches of the epoch: " + seen);
            long rows = (long) config.data().trainSize() + config.data().validationSize() + config.data().testSize();
            assertTrue(seen.stream().anyMatch(p -> p.phase() == EpochProgress.Phase.MEASURING && p.done() > 0
                    && p.done() < rows && p.total() == rows), "progress counts measured examples: " + seen);
        }
    }

    @Test
    void live_changes_wait_for_the_end_of_the_epoch_in_progress() {
        TrainingConfig config = TrainingConfig.DEFAULTS.withEpochs(3).withData(TrainingConfig.DEFAULTS.data().withSizes(300, 100, 100));
        try (Trainer trainer = new Trainer(config, Datasets.load(config.data()))) {
            assertTrue(trainer.isBetweenEpochs());
            assertTrue(trainer.runEpoch(() -> true).isEmpty(), "one minibatch of 30 is not an epoch");
            assertFalse(trainer.isBetweenEpochs());
            assertThrows(IllegalStateException.class, () -> trainer.applyLive(config.withL2(0.01)));
            while (trainer.runEpoch(() -> true).isEmpty()) assertFalse(trainer.isBetweenEpochs());
            assertTrue(trainer.isBetweenEpochs());
            trainer.applyLive(config.withL2(0.01));
            assertEquals(1, trainer.epoch());
        }
    }
}
