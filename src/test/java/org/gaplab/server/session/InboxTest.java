package org.gaplab.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gaplab.protocol.Command;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.training.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The commands waiting for a session's turns: bounded, and a new run or a stop drops what waits before it. */
class InboxTest {
    @Test
    void a_flood_beyond_the_bound_is_refused_as_overloaded_and_the_waiting_commands_survive() {
        Inbox inbox = new Inbox();
        for (int i = 0; i < Inbox.MAX_WAITING_COMMANDS; i++) inbox.add(new Command.Step());
        ProtocolError refused = assertThrows(ProtocolError.class, () -> inbox.add(new Command.Pause()));
        assertEquals("overloaded", refused.code());
        assertTrue(refused.getMessage().contains("dropped"), refused.getMessage());
        assertEquals(Inbox.MAX_WAITING_COMMANDS, drain(inbox), "the commands that waited are all still there");
        inbox.add(new Command.Pause());   // room again once the turns took them
        assertEquals(1, drain(inbox));
    }

    @Test
    void a_start_or_a_stop_drops_what_waits_before_it_so_a_flood_of_starts_costs_one_build() {
        Inbox inbox = new Inbox();
        for (int i = 0; i < Inbox.MAX_WAITING_COMMANDS; i++) inbox.add(new Command.Step());
        Command start = new Command.Start(TrainingConfig.DEFAULTS, null);
        inbox.add(start);
        assertSame(start, inbox.takeIf(command -> true), "the start is all that waits");
        assertTrue(inbox.isEmpty());
        inbox.add(new Command.Step());
        inbox.add(new Command.Stop());
        assertTrue(inbox.takeIf(command -> true) instanceof Command.Stop, "the step before the stop was dropped");
    }

    @Test
    void a_command_the_run_may_not_take_yet_stays_first_in_line() {
        Inbox inbox = new Inbox();
        inbox.add(new Command.Step());
        inbox.add(new Command.Pause());
        assertNull(inbox.takeIf(command -> !(command instanceof Command.Step)), "the step waits; the pause behind it too");
        assertTrue(inbox.takeIf(command -> true) instanceof Command.Step, "order kept");
        assertTrue(inbox.takeIf(command -> true) instanceof Command.Pause);
    }

    private static int drain(Inbox inbox) {
        int taken = 0;
        while (inbox.takeIf(command -> true) != null) taken++;
        return taken;
    }
}
