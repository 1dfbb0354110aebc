package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.gaplab.data.AugmentationSpec;
import org.gaplab.protocol.Json;
import org.junit.jupiter.api.Test;

/** Same config and seed: identical numbers, bit for bit. */
class DeterminismTest {
    private static String transcript(TrainingConfig config) {
        Runs.Run run = Runs.train(config);
        StringBuilder out = new StringBuilder();
        for (EpochReport r : run.reports()) out.append(Json.write(Json.epoch(r))).append('\n');
        return out.append(Json.write(Json.end(run.end()))).toString();
    }

    @Test
    void the_same_config_gives_bit_identical_reports_and_another_seed_does_not() {
        TrainingConfig config = TrainingConfig.DEFAULTS.withEpochs(15).withDropout(List.of(0.3), 0)
                .withAugmentation(new AugmentationSpec(0, 0, false, 0, 0, 0, 0, 0.2)).withL2(0.001);
        String first = transcript(config);
        assertEquals(first, transcript(config));
        assertNotEquals(first, transcript(config.withSeed(2)));
    }

    @Test
    void configs_differing_only_in_lambda_start_from_identical_weights() {
        TrainingConfig config = TrainingConfig.DEFAULTS.withEpochs(1);
        try (Trainer a = new Trainer(config, org.gaplab.data.Datasets.load(config.data()));
             Trainer b = new Trainer(config.withL2(0.1), org.gaplab.data.Datasets.load(config.data()))) {
            for (int l = 0; l < a.network().layerCount(); l++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(a.network().layer(l).weights(), b.network().layer(l).weights(), 0.0);
            }
        }
    }
}
