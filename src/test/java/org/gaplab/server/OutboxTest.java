package org.gaplab.server;

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
}
