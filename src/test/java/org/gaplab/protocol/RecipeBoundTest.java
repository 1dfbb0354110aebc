package org.gaplab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A recipe stays restorable however many live changes a learner makes (issue 19, point 8): changes after one epoch
 * are one change, and 2,000 changes at as many epochs still fit a restore message under the message limit.
 */
class RecipeBoundTest {
    private static final Map<String, Object> START = Map.of("type", "start", "config", Map.of("dataset", "circle"));
    private static final int LIMIT = 16384 - 200;

    @Test
    void changes_after_the_same_epoch_are_one_change_with_the_newest_values() {
        Recipe recipe = Recipe.of(START);
        for (int i = 0; i < 500; i++) recipe = recipe.with(new Recipe.Change(7, Map.of("l2", i / 1000.0)), LIMIT);
        recipe = recipe.with(new Recipe.Change(7, Map.of("dropout", 0.2)), LIMIT);
        assertEquals(List.of(new Recipe.Change(7, Map.of("l2", 0.499, "dropout", 0.2))), recipe.changes());
    }

    @Test
    void two_thousand_changes_at_as_many_epochs_leave_a_checkpoint_a_restore_can_carry() {
        Recipe recipe = Recipe.of(START);
        Map<String, Object> last = new LinkedHashMap<>();
        for (int i = 1; i <= 2000; i++) {
            Map<String, Object> change = Map.of(i % 2 == 0 ? "l2" : "learningRate", i / 100_000.0);
            last.putAll(change);
            recipe = recipe.with(new Recipe.Change(3 * i + i % 3, change), LIMIT);   // uneven gaps, as a drag makes
        }
        String checkpoint = Json.write(recipe.toMap());
        assertTrue(checkpoint.length() <= LIMIT, checkpoint.length() + " characters");
        assertTrue(recipe.changes().size() <= Recipe.MAX_CHANGES);
        Recipe back = Recipe.read(Json.readObject(checkpoint, "checkpoint"));
        assertEquals(recipe.changes().size(), back.changes().size(), "read back as a restore reads it");
        Map<String, Object> replayed = new LinkedHashMap<>();
        int previous = -1;
        for (Recipe.Change change : back.changes()) {
            assertTrue(change.after() >= previous, "in epoch order");
            previous = change.after();
            replayed.putAll(change.config());
        }
        assertEquals(last, replayed, "replayed to the end, the run has the learner's newest settings");
        assertEquals(6002, previous, "and the newest change keeps its epoch");
    }
}
