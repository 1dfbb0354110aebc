package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Datasets;
import org.junit.jupiter.api.Test;

/**
 * The one lockstep rule both comparisons step by (the command line's in one go, the server's in time slices), with
 * real training: slicing a step changes no number, and a run that has ended sits out while the other goes on.
 */
class LockstepTest {
    private static final TrainingConfig A = OverfittingClaimsTest.OVERFIT.withL2(0).withEpochs(6);
    private static final TrainingConfig B = A.withL2(0.01).withEpochs(4);

    @Test
    void steps_cut_into_the_smallest_time_slices_give_the_same_reports_bit_for_bit_as_whole_steps() {
        List<String> whole = new ArrayList<>();
        try (Comparison comparison = new Comparison(A, B)) {
            while (!comparison.isFinished()) {
                Comparison.Step step = comparison.step();
                whole.add(describe(step.a().orElse(null)) + " | " + describe(step.b().orElse(null)));
            }
        }
        DataSplits data = Datasets.load(A.data());
        List<String> sliced = new ArrayList<>();
        int calls = 0;
        try (Trainer a = new Trainer(A, data); Trainer b = new Trainer(B, data)) {
            Lockstep<Lockstep.Epochs> lockstep = new Lockstep<>(List.of(new Lockstep.Epochs(a), new Lockstep.Epochs(b)));
            while (!lockstep.isFinished()) {
                calls++;
                if (!lockstep.advance(() -> true)) {   // time is up after every minibatch: the step goes on next call
                    assertFalse(lockstep.isBetweenSteps());
                    assertTrue(lockstep.training().isPresent());
                    continue;
                }
                assertTrue(lockstep.isBetweenSteps());
                sliced.add(describe(part(lockstep, 0)) + " | " + describe(part(lockstep, 1)));
            }
        }
        assertEquals(whole, sliced, "the same epochs, in the same order, with the same numbers");
        assertEquals(6, sliced.size(), "one step per epoch of the longer run");
        assertTrue(calls > 3 * sliced.size(), "the steps really were cut: " + calls + " calls for " + sliced.size() + " steps");
    }

    @Test
    void a_run_that_has_ended_sits_out_while_the_other_goes_on() {
        DataSplits data = Datasets.load(A.data());
        try (Trainer a = new Trainer(A, data); Trainer b = new Trainer(B, data)) {
            Lockstep<Lockstep.Epochs> lockstep = new Lockstep<>(List.of(new Lockstep.Epochs(a), new Lockstep.Epochs(b)));
            for (int step = 1; step <= 6; step++) {
                assertTrue(lockstep.advance(() -> false), "a whole step when time is never up");
                assertTrue(lockstep.stepped(0), "A trains every step up to its 6 epochs");
                assertEquals(step <= 4, lockstep.stepped(1), "B trains its 4 epochs, then sits out (step " + step + ")");
                assertEquals(step, a.epoch());
                assertEquals(Math.min(step, 4), b.epoch());
            }
            assertTrue(lockstep.isFinished());
        }
    }

    /** Run {@code run}'s report of the newest step, null when it sat out. */
    private static EpochReport part(Lockstep<Lockstep.Epochs> lockstep, int run) {
        return lockstep.stepped(run) ? lockstep.runs().get(run).report().orElse(null) : null;
    }

    private static String describe(EpochReport report) {
        return report == null ? "-" : report.epoch() + ":" + Double.doubleToLongBits(report.losses().train()) + ":"
                + Double.doubleToLongBits(report.losses().validation()) + ":" + Double.doubleToLongBits(report.losses().test());
    }
}
