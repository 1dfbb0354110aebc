package org.gaplab.verdicts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gaplab.verdicts.Diagnoses.Diagnosis;
import org.gaplab.verdicts.Verdict.Status;
import org.junit.jupiter.api.Test;

/** What the verdicts say of made-up histories over seeds: counts, ranges, and "can't tell" when the seeds disagree. */
class VerdictsTest {
    private static final Claim B_LOWER = new Claim("b-lower", "B's best validation loss is lower than A's",
            Quantity.BEST_VALIDATION_LOSS, Claim.Who.B_MINUS_A, Claim.Relation.BELOW, 0);

    @Test
    void the_required_share_is_four_of_five_and_eight_of_ten() {
        assertEquals(4, Verdicts.required(5));
        assertEquals(8, Verdicts.required(10));
        assertEquals(3, Verdicts.required(3));
        assertEquals(7, Verdicts.required(8));
        assertTrue(Verdicts.rule().contains("4 of 5") && Verdicts.rule().contains("8 of 10"), Verdicts.rule());
    }

    @Test
    void b_winning_on_five_of_five_seeds_generalizes_better_with_the_count_and_the_margins() {
        List<RunOutcome> a = MadeUpRuns.settled(0.60, 0.62, 0.65, 0.61, 0.66);
        List<RunOutcome> b = MadeUpRuns.settled(0.44, 0.40, 0.45, 0.42, 0.41);
        Verdict verdict = Verdicts.comparison(a, b).get(0);
        assertEquals(Status.HOLDS, verdict.status());
        assertEquals(5, verdict.held());
        assertTrue(verdict.sentence().startsWith("B generalizes better: its best validation loss is lower on 5 of 5 seeds "
                + "(by 0.160 to 0.250)"), verdict.sentence());
        assertTrue(verdict.sentence().contains("chosen on validation"), verdict.sentence());
        assertTrue(verdict.chosenOnValidation());
    }

    @Test
    void b_winning_on_three_of_five_seeds_cannot_be_told() {
        List<RunOutcome> a = MadeUpRuns.settled(0.60, 0.62, 0.65, 0.40, 0.41);
        List<RunOutcome> b = MadeUpRuns.settled(0.44, 0.40, 0.45, 0.42, 0.46);
        Verdict verdict = Verdicts.comparison(a, b).get(0);
        assertEquals(Status.CANT_TELL, verdict.status());
        assertTrue(verdict.sentence().startsWith("Can't tell from 5 seeds which generalizes better: B’s best validation "
                + "loss is lower on 3, A’s on 2"), verdict.sentence());
        Verdict claim = Verdicts.claim(B_LOWER, a, b);
        assertEquals(Status.CANT_TELL, claim.status());
        assertEquals(3, claim.held());
        assertTrue(claim.sentence().startsWith("Can't tell from 5 seeds that B's best validation loss is lower than A's: "
                + "it holds on 3"), claim.sentence());
    }

    @Test
    void one_or_two_seeds_never_say_more_than_those_seeds() {
        Verdict one = Verdicts.comparison(MadeUpRuns.settled(0.6), MadeUpRuns.settled(0.3)).get(0);
        assertEquals(Status.FEW_SEEDS, one.status());
        assertTrue(one.sentence().startsWith("On this seed"), one.sentence());
        assertFalse(one.sentence().contains("generalizes better"), one.sentence());
        Verdict two = Verdicts.claim(B_LOWER, MadeUpRuns.settled(0.6, 0.6), MadeUpRuns.settled(0.3, 0.3));
        assertEquals(Status.FEW_SEEDS, two.status());
        assertTrue(two.sentence().startsWith("On these 2 seeds"), two.sentence());
    }

    @Test
    void before_any_epoch_a_claim_is_not_measured_yet_rather_than_judged_on_few_seeds() {
        List<RunOutcome> untrained = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) untrained.add(new RunOutcome.Tally(MadeUpRuns.report(0, 0.7, 0.7, 0.7, 0.5, 0.5, 0.5)).outcome());
        Verdict claim = Verdicts.claim(B_LOWER, untrained, untrained);
        assertEquals(Status.NOT_MEASURED, claim.status());
        assertEquals("not measured yet", claim.status().label());
        assertTrue(claim.sentence().startsWith("Not measured yet"), claim.sentence());
        Verdict comparison = Verdicts.comparison(untrained, untrained).get(0);
        assertEquals(Status.NOT_MEASURED, comparison.status(), comparison.sentence());
    }

    @Test
    void a_threshold_claim_quotes_the_range_of_its_numbers() {
        Claim low = new Claim("low", "B's best validation loss is below 0.5", Quantity.BEST_VALIDATION_LOSS, Claim.Who.B,
                Claim.Relation.BELOW, 0.5);
        Verdict verdict = Verdicts.claim(low, MadeUpRuns.settled(0.6, 0.6, 0.6, 0.6), MadeUpRuns.settled(0.3, 0.35, 0.4, 0.45));
        assertEquals(Status.HOLDS, verdict.status());
        assertEquals("B's best validation loss is below 0.5 on 4 of 4 seeds (0.300 to 0.450). The best epoch is chosen "
                + "on validation data.", verdict.sentence());
    }

    @Test
    void a_rise_with_flat_accuracy_is_overconfidence_and_with_falling_accuracy_new_mistakes() {
        RunOutcome flat = MadeUpRuns.run(0.4, 30, 0.8, 100, 0.80, 0.79, 0);
        RunOutcome falling = MadeUpRuns.run(0.4, 30, 0.8, 100, 0.80, 0.70, 0);
        RunOutcome settled = MadeUpRuns.settledRun(0.4);
        assertEquals(Diagnosis.OVERCONFIDENCE, Diagnoses.diagnose(flat));
        assertEquals(Diagnosis.NEW_MISTAKES, Diagnoses.diagnose(falling));
        assertEquals(Diagnosis.NO_RISE, Diagnoses.diagnose(settled));
        Verdict verdict = Verdicts.run(List.of(flat, flat, falling, flat, settled)).get(0);
        assertEquals(Status.HOLDS, verdict.status());
        assertTrue(verdict.sentence().contains("on 4 of 5 seeds") && verdict.sentence().contains("overconfidence on 3")
                && verdict.sentence().contains("new mistakes on 1"), verdict.sentence());
        assertFalse(verdict.sentence().contains("does not fall"), verdict.sentence());
    }

    @Test
    void the_models_as_they_stand_are_judged_on_the_test_split() {
        List<RunOutcome> a = List.of(MadeUpRuns.run(0.5, 20, 0.5, 20, 0.8, 0.8, 0.10), MadeUpRuns.run(0.5, 20, 0.5, 20, 0.8, 0.8, 0.10),
                MadeUpRuns.run(0.5, 20, 0.5, 20, 0.8, 0.8, 0.10));
        List<RunOutcome> b = List.of(MadeUpRuns.run(0.5, 20, 0.5, 20, 0.8, 0.8, 0.0), MadeUpRuns.run(0.5, 20, 0.5, 20, 0.8, 0.8, 0.0),
                MadeUpRuns.run(0.5, 20, 0.5, 20, 0.8, 0.8, 0.0));
        Verdict verdict = Verdicts.comparison(a, b).stream().filter(v -> v.id().equals("as-they-stand")).findFirst().orElseThrow();
        assertEquals("test", verdict.split());
        assertEquals(Status.HOLDS, verdict.status());
        assertTrue(verdict.sentence().contains("B’s test loss is lower on 3 of 3 seeds"), verdict.sentence());
    }
}
