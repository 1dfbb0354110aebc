package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.gaplab.verdicts.Quantity;
import org.gaplab.verdicts.RunOutcome;
import org.junit.jupiter.api.Test;

/** A run whose reports nobody looks at leaves out the layers' distributions, and nothing else. */
class ReportDetailTest {

    @Test
    void a_report_without_details_has_the_same_numbers_and_no_histograms_or_spectra() {
        TrainingConfig config = TrainingConfig.DEFAULTS.withEpochs(6);
        DataSplits data = Datasets.load(config.data());
        try (Trainer detailed = new Trainer(config, data); Trainer light = new Trainer(config, data)) {
            light.setDetailed(false);
            compare(detailed.initialReport(), light.initialReport());
            while (!detailed.isFinished()) compare(detailed.runEpoch().orElseThrow(), light.runEpoch().orElseThrow());
            EpochReport now = light.reportNow();
            assertTrue(now.layers().get(0).distribution().histogram().counts().length > 0, "a report asked for now is detailed");
            assertEquals(detailed.lastReport().orElseThrow().losses().validation(), now.losses().validation());
        }
    }

    @Test
    void a_light_run_that_skips_the_probe_measures_its_layers_at_the_start_only_and_trains_the_same() {
        TrainingConfig config = TrainingConfig.DEFAULTS.withEpochs(4);
        DataSplits data = Datasets.load(config.data());
        try (Trainer detailed = new Trainer(config, data); Trainer light = new Trainer(config, data)) {
            light.setDetailed(false);
            light.setProbedEveryEpoch(false);
            EpochReport start = light.initialReport();
            compare(detailed.initialReport(), start);
            RunOutcome.Tally tally = new RunOutcome.Tally(start);
            while (!detailed.isFinished()) {
                EpochReport full = detailed.runEpoch().orElseThrow();
                EpochReport unprobed = light.runEpoch().orElseThrow();
                tally.epoch(unprobed);
                for (EpochReport.Scalar scalar : EpochReport.SCALARS) {
                    assertEquals(scalar.value().apply(full), scalar.value().apply(unprobed), scalar.name());
                }
                for (LayerReport layer : unprobed.layers()) {
                    assertTrue(Double.isNaN(layer.probe().gradientNorm()), "not measured, not zero");
                    assertTrue(Double.isNaN(layer.probe().activationStd()));
                    assertEquals(full.layers().get(layer.index()).size().l2(), layer.size().l2(), "the weights' own numbers stay");
                }
            }
            assertArrayEquals(detailed.network().layer(0).weights(), light.network().layer(0).weights(),
                    "the probe never changes what is trained");
            assertTrue(Double.isNaN(Quantity.LARGEST_GRADIENT.of(tally.outcome())),
                    "a largest gradient over the probed epochs only is not passed off as one over every epoch");
        }
    }

    private static void compare(EpochReport full, EpochReport light) {
        for (EpochReport.Scalar scalar : EpochReport.SCALARS) {
            assertEquals(scalar.value().apply(full), scalar.value().apply(light), scalar.name());
        }
        assertEquals(full.inputs(), light.inputs());
        List<LayerReport> layers = light.layers();
        for (int l = 0; l < layers.size(); l++) {
            LayerReport a = full.layers().get(l);
            LayerReport b = layers.get(l);
            assertEquals(a.probe().gradientNorm(), b.probe().gradientNorm());
            assertEquals(a.probe().activationStd(), b.probe().activationStd());
            assertEquals(a.probe().stuckFraction(), b.probe().stuckFraction());
            assertEquals(a.sparsity().cutUnits(), b.sparsity().cutUnits());
            assertEquals(0, b.distribution().histogram().counts().length);
            assertEquals(0, b.probe().activations().counts().length);
            assertArrayEquals(new double[0], b.singularValues());
            assertArrayEquals(new double[0], b.distribution().percentiles());
            assertTrue(a.distribution().histogram().counts().length > 0);
        }
        assertArrayEquals(full.validation().calibration().count(), light.validation().calibration().count());
    }
}
