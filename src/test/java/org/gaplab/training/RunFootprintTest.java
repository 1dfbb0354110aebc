package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.List;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.gaplab.engine.OptimizerKind;
import org.junit.jupiter.api.Test;

/**
 * A run's estimated footprint matches what its trainer and views really hold, measured on the heap: never much below
 * (a server admitting runs on it would run out of memory), never wildly above (it would refuse runs that fit).
 */
class RunFootprintTest {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /** G1's region size, which decides how much large arrays really take. */
    static long heapRegion() {
        com.sun.management.HotSpotDiagnosticMXBean hotspot =
                ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        return Long.parseLong(hotspot.getVMOption("G1HeapRegionSize").getValue());
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 2; i++) System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Heap held by a trainer that has reported epoch 0 and one epoch, and its views drawn once. */
    private static long measured(TrainingConfig config, DataSplits data) {
        long before = usedAfterGc();
        Trainer trainer = new Trainer(config, data);
        Views views = new Views(trainer);
        trainer.initialReport();
        trainer.runEpoch();
        views.decisionBoundary();
        views.firstLayerWeights(16);
        views.network(12);
        long after = usedAfterGc();
        Reference.reachabilityFence(views);
        trainer.close();
        return after - before;
    }

    @Test
    void the_estimate_is_within_a_small_margin_above_what_large_runs_hold() {
        TrainingConfig deep = TrainingConfig.DEFAULTS.withData(TrainingConfig.DEFAULTS.data().withSizes(60, 10, 10))
                .withModel(List.of(650, 650, 650, 650, 650, 650, 650, 650), TrainingConfig.DEFAULTS.activation(),
                        TrainingConfig.DEFAULTS.init())
                .withBatchSize(1024).withEpochs(2);
        TrainingConfig images = TrainingConfig.DEFAULTS
                .withData(TrainingConfig.DEFAULTS.data().withDataset("fashion-mnist").withSizes(200, 50, 50))
                .withModel(List.of(1024, 512), TrainingConfig.DEFAULTS.activation(), TrainingConfig.DEFAULTS.init())
                .withOptimizer(OptimizerKind.ADAM, 0.001).withBatchSize(256).withEpochs(2);
        for (TrainingConfig config : List.of(deep, images)) {
            DataSplits data = Datasets.load(config.data());
            long estimate = RunFootprint.of(config, data, heapRegion()).bytes();
            long held = measured(config, data);
            String what = config.hiddenLayers() + ": estimated " + estimate / 1_000_000 + " MB, held " + held / 1_000_000 + " MB";
            assertTrue(estimate >= 0.98 * held, what);
            assertTrue(estimate <= 1.5 * held, what);
        }
    }

    @Test
    void the_part_that_dominates_names_the_setting_to_shrink() {
        TrainingConfig wide = TrainingConfig.DEFAULTS.withModel(List.of(1024, 1024), TrainingConfig.DEFAULTS.activation(),
                TrainingConfig.DEFAULTS.init());
        assertEquals("hiddenLayers", RunFootprint.of(wide, 2, 1, 200, false, true, false, 0).largestSetting());
        TrainingConfig bigBatches = TrainingConfig.DEFAULTS.withModel(List.of(16), TrainingConfig.DEFAULTS.activation(),
                TrainingConfig.DEFAULTS.init()).withBatchSize(1024);
        assertEquals("batchSize", RunFootprint.of(bigBatches, 20_000, 2, 60_000, false, false, false, 0).largestSetting());
    }
}
