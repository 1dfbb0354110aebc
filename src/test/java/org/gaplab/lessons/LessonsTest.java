package org.gaplab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gaplab.server.options.ServerSettings;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.Sweep;
import org.gaplab.training.TrainingConfig;
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

    @Test
    void every_comparison_and_sweep_lesson_names_settings_the_server_accepts() {
        Set<String> data = org.gaplab.data.DataSpec.SETTINGS.stream().map(Setting::name).collect(Collectors.toSet());
        for (Lesson lesson : Lessons.ALL) {
            if (lesson.isComparison()) {
                for (String key : lesson.changes().keySet()) {
                    assertTrue(ConfigSchema.find(key).isPresent() && !data.contains(key) && !key.equals("seed"), lesson.id() + ": " + key);
                }
            }
            if (lesson.sweep() != null) {
                assertTrue(Sweep.PARAMETERS.contains(lesson.sweep().split(":")[0]), lesson.id() + ": " + lesson.sweep());
            }
        }
    }

    @Test
    void every_lesson_names_the_settings_it_is_about_and_a_comparison_changes_only_those() {
        for (Lesson lesson : Lessons.ALL) {
            assertTrue(!lesson.focus().isEmpty(), lesson.id() + " names its settings");
            for (String key : lesson.focus()) assertTrue(ConfigSchema.find(key).isPresent(), lesson.id() + ": " + key);
            assertTrue(lesson.focus().containsAll(lesson.changes().keySet()), lesson.id() + " changes " + lesson.changes().keySet()
                    + " but is about " + lesson.focus());
        }
    }

    @Test
    void a_comparisons_url_form_is_plain_and_reads_back_to_run_b() {
        assertEquals("dropout:0.5", Lessons.DROPOUT.compare());
        assertEquals("inputDropout:0.3", Lessons.INPUT_DROPOUT.compare());
        assertEquals("earlyStopping.enabled:true,earlyStopping.patience:30,earlyStopping.minDelta:0,"
                + "earlyStopping.restoreBestWeights:true", Lessons.EARLY_STOPPING.compare());
        assertEquals(0.5, Lessons.DROPOUT.configB().dropout().get(0));
        assertEquals(null, Lessons.OVERFITTING.compare(), "a single run has no run B");
    }
}
