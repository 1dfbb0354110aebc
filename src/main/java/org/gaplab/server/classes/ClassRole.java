package org.gaplab.server.classes;

import java.util.concurrent.atomic.AtomicReference;
import org.gaplab.server.live.RunControls;

/**
 * What one session is in class experiments: a learner's seat, a teacher's page, or neither (a page has one role in
 * one class). Written by the socket threads and the class; the session's turn reads it to follow the class's orders,
 * and to let go of a seat whose class has ended.
 */
public final class ClassRole {
    private volatile ClassSeat seat;              // this learner's place in a class experiment, or null
    private volatile ClassExperiment teaching;    // the class this page teaches, or null
    private final AtomicReference<ClassSeat> ended = new AtomicReference<>();   // let go of on the next turn

    public ClassSeat seat() { return seat; }

    ClassExperiment teaching() { return teaching; }

    public boolean isAny() { return seat != null || teaching != null; }

    public void takeSeat(ClassSeat taken) { seat = taken; }

    void teach(ClassExperiment experiment) { teaching = experiment; }

    /** Another page took this learner's seat. */
    public void loseSeat() { seat = null; }

    /** The class ended: no role in it any more; a learner's seat is let go of on the session's next turn. */
    public void classEnded(ClassExperiment experiment) {
        ClassSeat mine = seat;
        if (mine != null && mine.experiment == experiment) {
            seat = null;
            ended.set(mine);
        }
        if (teaching == experiment) teaching = null;
    }

    /** On the session's turn: a run the ended class had paused goes on. */
    public void letGo(RunControls controls) {
        ClassSeat last = ended.getAndSet(null);
        if (last != null) last.letGo(controls);
    }

    /** Whether this page belongs to a class that is on: it waits for the class, so it does not idle out. */
    public boolean inLiveClass() {
        ClassSeat mine = seat;
        ClassExperiment taught = teaching;
        return (mine != null && !mine.experiment.isEnded()) || (taught != null && !taught.isEnded());
    }
}
