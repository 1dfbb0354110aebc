package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.gaplab.data.DataSpec;
import org.gaplab.data.Datasets;
import org.gaplab.engine.Activation;
import org.gaplab.engine.DenseLayer;
import org.gaplab.engine.Init;
import org.junit.jupiter.api.Test;

/** Each layer's singular values in the report, against a direct EJML SVD of its weights, and their budget. */
class SpectrumTest {

    @Test
    void a_report_carries_each_layers_singular_values_largest_first_as_a_direct_svd_finds_them() {
        TrainingConfig config = TrainingConfig.DEFAULTS
                .withData(DataSpec.DEFAULTS.withDataset("fashion-mnist").withSizes(300, 100, 100))
                .withModel(List.of(16, 16), Activation.RELU, Init.HE_NORMAL).withEpochs(2);
        try (Trainer trainer = new Trainer(config, Datasets.load(config.data()))) {
            check(trainer, trainer.initialReport());
            check(trainer, trainer.runEpoch().orElseThrow());
        }
    }

    @Test
    void l2_shrinks_the_whole_spectrum() {
        TrainingConfig config = TrainingConfig.DEFAULTS.withModel(List.of(16), Activation.TANH, Init.XAVIER_NORMAL)
                .withEpochs(30);
        double[] plain = lastSpectrum(config, 0);
        double[] shrunk = lastSpectrum(config.withL2(0.05), 0);
        for (int i = 0; i < plain.length; i++) assertTrue(shrunk[i] < plain[i], "σ_" + (i + 1) + " shrinks under L2");
    }

    @Test
    void a_large_layer_on_little_data_is_measured_only_every_few_reports() {
        TrainingConfig config = TrainingConfig.DEFAULTS
                .withData(DataSpec.DEFAULTS.withDataset("fashion-mnist").withSizes(20, 10, 10))
                .withModel(List.of(32), Activation.RELU, Init.HE_NORMAL).withEpochs(40);
        try (Trainer trainer = new Trainer(config, Datasets.load(config.data()))) {
            EpochReport initial = trainer.initialReport();
            assertEquals(32, initial.layers().get(0).singularValues().length, "the untrained spectrum is always there");
            int measured = 0;
            for (int epoch = 1; epoch <= 40; epoch++) {
                EpochReport report = trainer.runEpoch().orElseThrow();
                if (report.layers().get(0).singularValues().length > 0) measured++;
                assertEquals(10, report.layers().get(1).singularValues().length, "a 32×10 layer fits every report");
            }
            // 784×32: 784·32² = 0.8M multiply-adds, 4 reports' budget; 20 images an epoch (3·20·25.4k = 1.5M
            // multiply-adds) would pay for it by the training rule only every 100·0.8M / 1.5M = 53 epochs
            int interval = (int) Math.ceil(Spectrum.cost(784, 32) / Spectrum.BUDGET);
            assertEquals(4, interval);
            assertEquals(40 / interval, measured);
        }
    }

    private static double[] lastSpectrum(TrainingConfig config, int layer) {
        try (Trainer trainer = new Trainer(config, Datasets.load(config.data()))) {
            EpochReport last = null;
            while (!trainer.isFinished()) last = trainer.runEpoch().orElseThrow();
            return last.layers().get(layer).singularValues();
        }
    }

    private static void check(Trainer trainer, EpochReport report) {
        for (int l = 0; l < trainer.network().layerCount(); l++) {
            DenseLayer layer = trainer.network().layer(l);
            DMatrixRMaj weights = layer.weightMatrix().copy();
            double[] expected = SingularOps_DDRM.singularValues(weights);
            Arrays.sort(expected);
            double[] actual = report.layers().get(l).singularValues();
            assertEquals(Math.min(layer.fanIn(), layer.fanOut()), actual.length);
            for (int i = 0; i < actual.length; i++) {
                assertEquals(expected[expected.length - 1 - i], actual[i], 1e-12, "layer " + l + " σ_" + (i + 1));
            }
        }
    }
}
