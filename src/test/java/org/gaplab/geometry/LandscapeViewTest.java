package org.gaplab.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.gaplab.engine.Backend;
import org.gaplab.engine.DenseLayer;
import org.gaplab.engine.Precision;
import org.gaplab.lessons.Lessons;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.training.Trainer;
import org.gaplab.training.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The view of the lesson's problem: its grid is the trainer's loss, its ball passes through its minimum, its words follow its numbers. */
class LandscapeViewTest {
    private static final TrainingConfig CONFIG = Lessons.WHY_L1_ZEROS.config();
    private static final DataSplits DATA = Datasets.load(CONFIG.data());
    private static final TwoWeightProblem PROBLEM = TwoWeightProblem.of(DATA.train(), TrainingConfig.L2.max());

    private static LandscapeView view(String... keysAndValues) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) query.put(keysAndValues[i], keysAndValues[i + 1]);
        return LandscapeView.of(PROBLEM, LandscapeQuery.parse(query, PROBLEM));
    }

    @Test
    void the_grids_loss_is_the_training_loss_the_trainer_reports_for_those_weights() {
        LandscapeView.Surface surface = view("l1", "0.1", "grid", "21").surface();
        for (int[] at : new int[][] {{0, 0}, {3, 17}, {10, 10}, {20, 5}, {14, 20}}) {
            double w1 = surface.coordinate(at[1]);
            double w2 = surface.coordinate(at[0]);
            // the lesson's own model (2 inputs, no hidden layer), in float64 as the landscape is drawn
            try (Trainer trainer = new Trainer(CONFIG, DATA, Backend.preferred(), Precision.F64, 1)) {
                DenseLayer layer = trainer.network().layer(0);
                layer.weights()[0] = w1;
                layer.weights()[1] = w2;
                layer.biases()[0] = 0;
                double reported = trainer.initialReport().losses().train();
                assertEquals(reported, surface.loss()[at[0] * surface.size() + at[1]], 1e-12, "J(" + w1 + ", " + w2 + ")");
            }
        }
    }

    @Test
    void past_l1s_threshold_the_marked_weight_is_exactly_zero_and_the_sentence_says_so() {
        int i = PROBLEM.firstZeroed();
        double threshold = PROBLEM.l1Path().zeroFrom()[i];
        LandscapeView below = view("l1", String.valueOf(0.9 * threshold));
        LandscapeView past = view("l1", String.valueOf(1.1 * threshold));
        assertTrue(below.minimum().weight(i) != 0.0, "below the threshold: " + below.minimum());
        assertEquals(0.0, past.minimum().weight(i), "past it: " + past.minimum());
        assertTrue(past.minimum().weight(1 - i) != 0.0, "the other weight is still on: " + past.minimum());
        String name = i == 0 ? "w₁" : "w₂";
        assertTrue(past.sentences().minimum().contains(name + " is exactly 0"), past.sentences().minimum());
        assertTrue(below.sentences().minimum().contains("neither weight is 0"), below.sentences().minimum());
        assertTrue(past.sentences().path().contains("L1 sets " + name + " to exactly 0 from λ₁ = "
                + LandscapeSentences.number(threshold)), past.sentences().path());
        assertTrue(past.sentences().steps().contains("clip at zero holds it at exactly 0 from step"), past.sentences().steps());
    }

    @Test
    void the_ball_is_the_penalty_level_set_through_the_minimum_a_diamond_for_l1_and_a_circle_for_l2() {
        LandscapeView l1 = view("l1", "0.05");
        LandscapeView l2 = view("l2", "0.2");
        double level1 = l1.minimum().penalty();
        double level2 = l2.minimum().penalty();
        for (int k = 0; k < l1.ball().length; k += 2) {
            double x = l1.ball()[k];
            double y = l1.ball()[k + 1];
            assertEquals(level1, 0.05 * (Math.abs(x) + Math.abs(y)), 1e-12, "λ₁‖w‖₁ on the diamond");
            assertEquals(level2, 0.1 * (l2.ball()[k] * l2.ball()[k] + l2.ball()[k + 1] * l2.ball()[k + 1]), 1e-12,
                    "(λ₂/2)‖w‖² on the circle");
        }
        LandscapeView both = view("l1", "0.05", "l2", "0.2");
        assertEquals("elastic-net", both.penalty());
        for (int k = 0; k < both.ball().length; k += 2) {
            double x = both.ball()[k];
            double y = both.ball()[k + 1];
            assertEquals(both.minimum().penalty(), 0.1 * (x * x + y * y) + 0.05 * (Math.abs(x) + Math.abs(y)), 1e-12,
                    "(λ₂/2)‖w‖² + λ₁‖w‖₁ on the rounded diamond");
        }
        assertEquals(0, view("l1", "0").ball().length, "no penalty, no ball");
        assertTrue(l2.minimum().w1() != 0.0 && l2.minimum().w2() != 0.0, "L2 zeroes nothing");
        assertTrue(l2.sentences().minimum().contains("zeroes neither"), l2.sentences().minimum());
        assertTrue(l1.minimum().residual() <= RegularizedMinimum.TOLERANCE, "solved exactly: " + l1.minimum().residual());
    }

    @Test
    void a_query_outside_its_range_names_the_field_and_the_range() {
        InvalidSettingException far = assertThrows(InvalidSettingException.class, () -> view("w1", "99"));
        assertEquals("w1", far.field());
        assertTrue(far.allowed().contains(String.valueOf(PROBLEM.half()).replace(".0", "")), far.getMessage());
        assertEquals("grid", assertThrows(InvalidSettingException.class, () -> view("grid", "5000")).field());
        assertEquals("steps", assertThrows(InvalidSettingException.class, () -> view("steps", "1e9")).field());
        assertEquals("l1", assertThrows(InvalidSettingException.class, () -> view("l1", "-1")).field());
        assertEquals("dataset", assertThrows(InvalidSettingException.class, () -> view("dataset", "circle")).field());
    }

    @Test
    void the_same_query_gives_the_same_view() {
        LandscapeView a = view("l1", "0.15", "w1", "1", "w2", "-1");
        LandscapeView b = view("l1", "0.15", "w1", "1", "w2", "-1");
        assertEquals(a.sentences(), b.sentences());
        assertTrue(java.util.Arrays.equals(a.surface().total(), b.surface().total()));
        assertTrue(java.util.Arrays.equals(a.trails().get(3).w1(), b.trails().get(3).w1()));
    }
}
