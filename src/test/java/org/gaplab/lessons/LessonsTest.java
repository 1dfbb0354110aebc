package org.gaplab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gaplab.data.Datasets;
import org.gaplab.server.ServerSettings;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.Sweep;
import org.gaplab.training.EpochReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.gaplab.training.TrainingListener;
import org.junit.jupiter.api.Test;

class LessonsTest {
    /** The claims of TEACHING.md that need a preset each. */
    private static final Set<String> CLAIMS = Set.of("overfitting", "L2 weight decay", "L1 sparsity", "feature crosses",
            "dropout", "augmentation", "initialization", "early stopping", "choosing λ");

    @Test
    void every_claim_has_a_lesson() {
        assertEquals(CLAIMS, Lessons.ALL.stream().map(Lesson::claim).collect(Collectors.toSet()));
    }

    @Test
    void ids_are_unique_and_found() {
        assertEquals(Lessons.ALL.size(), Lessons.ALL.stream().map(Lesson::id).distinct().count());
        for (Lesson lesson : Lessons.ALL) assertEquals(lesson, Lessons.find(lesson.id()).orElseThrow());
        assertTrue(Lessons.find("no-such-lesson").isEmpty());
    }

    @Test
    void every_config_survives_the_trip_through_the_protocols_config_keys() {
        for (Lesson lesson : Lessons.ALL) {
            assertEquals(lesson.config(), ConfigValues.fromMap(ConfigValues.toMap(lesson.config())), lesson.id());
        }
    }

    @Test
    void every_lesson_fits_the_servers_default_limits() {
        for (Lesson lesson : Lessons.ALL) {
            assertTrue(lesson.config().epochs() <= ServerSettings.DEFAULTS.maxEpochs(), lesson.id());
        }
    }

    @Test
    void a_lesson_needs_two_one_line_hints_and_a_url_safe_id() {
        TrainingConfig config = TrainingConfig.DEFAULTS;
        assertThrows(IllegalArgumentException.class, () -> new Lesson("x", "t", "c", config, List.of("only one")));
        assertThrows(IllegalArgumentException.class, () -> new Lesson("Not Safe", "t", "c", config, List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> new Lesson("x", "t", "c", config, List.of("a\nb", "c")));
    }

    // The presets must show what they promise, trained for real (small sets: a few seconds in all).

    @Test
    void the_l1_clip_lesson_zeroes_most_weights_and_the_subgradient_one_almost_none() {
        EpochReport clip = train(Lessons.L1_SPARSITY.config().withEpochs(150)).get(149);
        EpochReport subgradient = train(Lessons.L1_SUBGRADIENT.config().withEpochs(150)).get(149);
        assertTrue(clip.zeroFraction() > 0.5, "clip zeroes: " + clip.zeroFraction());
        assertTrue(subgradient.zeroFraction() < 0.05, "subgradient hovers: " + subgradient.zeroFraction());
        assertTrue(subgradient.nearZeroFraction() > subgradient.zeroFraction(), "but near zero");
        assertTrue(clip.validationAccuracy() > 0.7, "accuracy kept: " + clip.validationAccuracy());
        assertTrue(clip.sparseBytes() < clip.denseBytes(), "the sparse model is smaller");
    }

    @Test
    void the_overfitting_lesson_opens_a_gap_that_l2_and_dropout_narrow() {
        double overfit = finalGap(Lessons.OVERFITTING.config());
        double l2 = finalGap(Lessons.L2_WEIGHT_DECAY.config());
        double dropout = finalGap(Lessons.DROPOUT.config());
        assertTrue(overfit > 0.15, "overfitting gap " + overfit);
        assertTrue(l2 < overfit / 2, "L2 gap " + l2 + " vs " + overfit);
        assertTrue(dropout < overfit, "dropout gap " + dropout + " vs " + overfit);
    }

    @Test
    void the_zeros_lesson_never_breaks_symmetry() {
        List<EpochReport> reports = train(Lessons.INIT_ZEROS.config().withEpochs(30));
        EpochReport last = reports.get(reports.size() - 1);
        assertTrue(last.validationAccuracy() < 0.7, "a symmetric network cannot learn xor: " + last.validationAccuracy());
    }

    @Test
    void the_choosing_lambda_sweep_finds_its_best_validation_loss_strictly_inside_the_grid() {
        String[] plan = Lessons.CHOOSING_LAMBDA.sweep().split(":");
        assertEquals("grid", plan[1]);
        List<Double> values = Sweep.logGrid(Double.parseDouble(plan[2]), Double.parseDouble(plan[3]), Integer.parseInt(plan[4]));
        Sweep.Result result = Sweep.run(Lessons.CHOOSING_LAMBDA.config(), plan[0], values, Runnable::run, Sweep.Progress.NONE);
        assertTrue(result.bestIndex() > 0 && result.bestIndex() < values.size() - 1,
                "best λ " + values.get(Math.max(0, result.bestIndex())) + " lies inside " + values);
    }

    @Test
    void the_side_by_side_lesson_narrows_run_bs_gap_and_changes_only_what_a_comparison_may() {
        Map<String, Object> changes = changes(Lessons.L2_SIDE_BY_SIDE.compare());
        assertEquals(Map.of("l2", 0.01), changes);
        TrainingConfig b = ConfigValues.applyTo(Lessons.L2_SIDE_BY_SIDE.config(), changes);
        double gapA = finalGap(Lessons.L2_SIDE_BY_SIDE.config());
        double gapB = finalGap(b);
        assertTrue(gapB < gapA, "B's gap " + gapB + " vs A's " + gapA);
    }

    @Test
    void every_comparison_and_sweep_lesson_names_settings_the_server_accepts() {
        Set<String> data = org.gaplab.data.DataSpec.SETTINGS.stream().map(Setting::name).collect(Collectors.toSet());
        for (Lesson lesson : Lessons.ALL) {
            if (lesson.compare() != null) {
                for (String key : changes(lesson.compare()).keySet()) {
                    assertTrue(ConfigSchema.find(key).isPresent() && !data.contains(key) && !key.equals("seed"), lesson.id() + ": " + key);
                }
            }
            if (lesson.sweep() != null) {
                assertTrue(Sweep.PARAMETERS.contains(lesson.sweep().split(":")[0]), lesson.id() + ": " + lesson.sweep());
            }
        }
    }

    /** The page's compare= text as config values (numbers only; enough for the presets). */
    private static Map<String, Object> changes(String text) {
        Map<String, Object> changes = new java.util.LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String[] parts = pair.split(":", 2);
            changes.put(parts[0], Double.parseDouble(parts[1]));
        }
        return changes;
    }

    private static double finalGap(TrainingConfig config) {
        List<EpochReport> reports = train(config.withEpochs(300));
        return reports.get(reports.size() - 1).gap();
    }

    private static List<EpochReport> train(TrainingConfig config) {
        List<EpochReport> reports = new ArrayList<>();
        try (Trainer trainer = new Trainer(config, Datasets.load(config.data()))) {
            trainer.run(new TrainingListener() {
                @Override public void onEpoch(EpochReport report) { reports.add(report); }

                @Override public void onEnd(RunEnd end) { }
            });
        }
        return reports;
    }
}
