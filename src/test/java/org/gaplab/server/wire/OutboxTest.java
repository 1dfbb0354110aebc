package org.gaplab.server.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The outbox's rules that a real socket makes hard to pin down: one big model at a time. */
class OutboxTest {
    /** A socket that holds each message until the test says the browser took it. */
    private static final class HeldSocket implements Connection {
        final List<String> sent = new ArrayList<>();
        final List<Runnable> taken = new ArrayList<>();

        @Override
        public void send(String text, Runnable sentCallback, Consumer<Throwable> failed) {
            sent.add(text);
            taken.add(sentCallback);
        }

        void browserTakes() {
            taken.remove(0).run();
        }

        @Override public void ping() { }
        @Override public void close(int code, String reason) { }
        @Override public void disconnect() { }
        @Override public boolean isOpen() { return true; }
    }

    @Test
    void a_second_export_is_refused_until_the_first_has_been_sent_and_is_not_even_made() {
        HeldSocket socket = new HeldSocket();
        Outbox outbox = new Outbox(socket, Runnable::run, 100, () -> { });
        int[] made = {0};
        int[] released = {0};
        assertTrue(outbox.large(() -> {
            made[0]++;
            return Map.of("type", "model");
        }, () -> released[0]++));
        assertEquals(1, socket.sent.size(), "on the wire");
        assertFalse(outbox.large(() -> {
            made[0]++;
            return Map.of("type", "model");
        }, () -> { }), "refused while the first is on its way");
        assertEquals(1, made[0], "the refused model was never built");
        assertEquals(0, released[0], "its memory is held while it is on the wire");

        socket.browserTakes();
        assertEquals(1, released[0], "and given back once it was sent");
        assertTrue(outbox.large(() -> Map.of("type", "model"), () -> { }), "taken once the first was sent");
    }

    @Test
    void a_browser_that_reads_slowly_gets_only_the_newest_checkpoint_and_costs_a_bounded_number_of_bytes() {
        HeldSocket socket = new HeldSocket();
        int[] dropped = {0};
        Outbox outbox = new Outbox(socket, Runnable::run, 100, () -> dropped[0]++);
        outbox.control(Map.of("type", "event", "event", "paused"));   // on the wire, never taken
        for (int i = 0; i < 1500; i++) outbox.control(Map.of("type", "checkpoint", "n", i));
        socket.browserTakes();
        socket.browserTakes();
        assertEquals(2, socket.sent.size(), "1,500 checkpoints while the browser read nothing: only the newest waited");
        assertTrue(socket.sent.get(1).contains("\"n\":1499"), socket.sent.get(1));
        assertEquals(0, dropped[0]);

        String large = "x".repeat(100_000);
        for (int i = 0; i < 12; i++) outbox.control(Map.of("type", "event", "text", large));
        assertEquals(1, dropped[0], "past a megabyte of unread messages the browser is given up on, not buffered");
    }
}
