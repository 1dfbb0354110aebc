package org.gaplab.server.classes;

import java.util.Map;
import org.gaplab.server.live.RunControls;

/**
 * A page in a class experiment (a learner's or the teacher's), as the class sees it: what it asks of the page's
 * session. The session implements it, so the class activity knows nothing of sessions and the reference runs one
 * way, from the session to its class.
 */
public interface ClassMember {

    /** The client address the page counts against (a class's seats per address). */
    String client();

    /** This page's seat or teacher's page in a class, if any. */
    ClassRole role();

    /** Whether the page's session has closed. */
    boolean isClosed();

    /** What the page's run is doing now, for the class's table. */
    RunControls.State state();

    /** Asks the session for a turn, so it follows the class's orders between two epochs. */
    void wake();

    /** Seats this learner: from now on their commands are checked against the class and their epochs watched. */
    void takeSeat(ClassSeat taken);

    /** Another page took this learner's seat (the link opened again with it): this one is told, and trains on alone. */
    void seatMoved();

    /** The teacher removed this learner from the class: the page is told, and trains on alone. */
    void removedFromClass();

    /** The class ended: the page trains on (or watches the final chart) free of the class. */
    void classEnded(ClassExperiment experiment);

    /** A control message for this page (a class assignment). */
    void tell(Map<String, Object> message);

    /** The newest class chart; an older one not yet sent is replaced. */
    void classUpdate(String text);
}
