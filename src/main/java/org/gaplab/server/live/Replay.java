package org.gaplab.server.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.Recipe;

/**
 * A restore in progress: the run is rebuilt from its recipe and trained again, at full speed, to the position the
 * page had, with each live change applied after the epoch it was made at; then it goes on as the learner left it
 * (running or paused, at its speed).
 */
final class Replay {
    private final int target;
    private final ArrayDeque<Recipe.Change> changes;
    private final boolean running;
    private final double speed;

    Replay(Command.Restore command, double speed) {
        this.target = command.position();
        this.changes = new ArrayDeque<>(command.recipe().changes());
        this.running = command.running();
        this.speed = speed;
    }

    /** The epoch the page had reached. */
    int target() { return target; }

    /** Whether the run was running (not paused) when the page lost it. */
    boolean running() { return running; }

    /** The speed the run had, restored once the replay is over. */
    double speed() { return speed; }

    /** Takes the changes made at or before {@code position}, in the order they were made. */
    List<Recipe.Change> changesDueAfter(int position) {
        List<Recipe.Change> due = new ArrayList<>();
        while (!changes.isEmpty() && changes.peek().after() <= position) due.add(changes.poll());
        return due;
    }

    /** Whether the replay is over: the page's position is reached, or the run ended before it. */
    boolean isReachedBy(Experiment experiment) {
        return experiment.position() >= target || experiment.isFinished();
    }
}
