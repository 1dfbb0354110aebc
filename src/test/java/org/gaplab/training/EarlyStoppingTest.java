package org.gaplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gaplab.engine.Activation;
import org.gaplab.engine.Network;
import org.gaplab.engine.Output;
import org.junit.jupiter.api.Test;

/** Keras's EarlyStopping semantics, epoch by epoch. */
class EarlyStoppingTest {
    private final Network network = new Network(new int[] {1, 1}, Activation.LINEAR, Output.LINEAR_SQUARED_ERROR);

    private int stopEpoch(EarlyStopping stopping, double... losses) {
        for (int e = 0; e < losses.length; e++) {
            network.layer(0).weights()[0] = e + 1;                 // the weight remembers the epoch
            if (stopping.shouldStop(e + 1, losses[e], Double.NaN, network)) return e + 1;
        }
        return -1;
    }

    @Test
    void stops_after_patience_epochs_without_improvement_and_restores_the_best_epoch() {
        EarlyStopping stopping = new EarlyStopping(EarlyStoppingSpec.on(EarlyStoppingSpec.Monitor.VALIDATION_LOSS, 0, 3, true));
        assertEquals(6, stopEpoch(stopping, 1.0, 0.8, 0.7, 0.75, 0.72, 0.71, 0.5));
        assertEquals(3, stopping.bestEpoch());
        assertTrue(stopping.restoreBest(network));
        assertEquals(3.0, network.layer(0).weights()[0], "the weights of epoch 3 are back");
    }

    @Test
    void an_improvement_smaller_than_min_delta_does_not_reset_the_wait() {
        EarlyStopping stopping = new EarlyStopping(EarlyStoppingSpec.on(EarlyStoppingSpec.Monitor.VALIDATION_LOSS, 0.05, 2, false));
        assertEquals(3, stopEpoch(stopping, 1.0, 0.97, 0.96, 0.5));
        assertEquals(1, stopping.bestEpoch());
        assertFalse(stopping.restoreBest(network), "restoring is off");
    }

    @Test
    void accuracy_is_maximized_and_start_from_epoch_ignores_the_warm_up() {
        EarlyStoppingSpec spec = new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VALIDATION_ACCURACY, 0, 1, true, 2);
        EarlyStopping stopping = new EarlyStopping(spec);
        double[] accuracies = {0.9, 0.1, 0.5, 0.6, 0.55};
        int stopped = -1;
        for (int e = 0; e < accuracies.length && stopped < 0; e++) {
            network.layer(0).weights()[0] = e + 1;
            if (stopping.shouldStop(e + 1, 0, accuracies[e], network)) stopped = e + 1;
        }
        assertEquals(5, stopped, "epochs 1-2 are not watched, so the early 0.9 does not count");
        assertEquals(4, stopping.bestEpoch());
    }

    @Test
    void never_stops_after_the_first_epoch_and_does_nothing_when_disabled() {
        EarlyStopping zeroPatience = new EarlyStopping(EarlyStoppingSpec.on(EarlyStoppingSpec.Monitor.VALIDATION_LOSS, 0, 0, true));
        assertEquals(2, stopEpoch(zeroPatience, 1.0, 2.0));
        EarlyStopping off = new EarlyStopping(EarlyStoppingSpec.OFF);
        assertEquals(-1, stopEpoch(off, 1, 2, 3, 4, 5, 6));
    }
}
