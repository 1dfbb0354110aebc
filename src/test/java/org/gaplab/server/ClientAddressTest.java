package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.javalin.Javalin;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gaplab.server.options.ServerSettings;
import org.gaplab.server.safety.Clients;
import org.junit.jupiter.api.Test;

/**
 * Who a request counts against cannot be chosen by the client (issue 19, point 5): every {@code X-Forwarded-For}
 * line is read, a scoped IPv6 peer is itself (not loopback, so no trusted proxy), and an IPv6 /64 is one client.
 */
class ClientAddressTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final Clients clients = new Clients(ServerSettings.DEFAULTS);

    @Test
    void a_line_a_proxy_appends_names_the_client_whatever_the_client_wrote_first() {
        assertEquals("203.0.113.7", clients.client("127.0.0.1", List.of("198.51.100.1", "203.0.113.7")));
        assertEquals("203.0.113.7", clients.client("127.0.0.1", List.of("10.9.9.9, 198.51.100.1", "203.0.113.7")));
        assertEquals("203.0.113.7", clients.client("203.0.113.7", List.of("198.51.100.1")), "an untrusted peer's header is ignored");
    }

    @Test
    void a_scoped_link_local_peer_is_itself_and_never_a_trusted_proxy() {
        assertFalse(clients.isTrustedProxy("fe80::1%eth0"));
        assertEquals("fe80::/64", clients.client("fe80::1%eth0", List.of("203.0.113.7")), "its X-Forwarded-For is not believed");
        assertEquals("unparsed not-an-address", clients.client("not-an-address", List.of("203.0.113.7")));
    }

    @Test
    void an_ipv6_network_of_64_bits_is_one_client() {
        assertEquals("2001:db8:1:2::/64", clients.client("2001:db8:1:2:abcd::5", List.of()));
        assertEquals(clients.client("2001:db8:1:2::5", List.of()), clients.client("2001:db8:1:2:ffff:1:2:3", List.of()));
        assertNotEquals(clients.client("2001:db8:1:2::5", List.of()), clients.client("2001:db8:1:3::5", List.of()));
        assertEquals("0:0:0:0:0:0:0:1", clients.client("::1", List.of()), "loopback stays itself");
    }

    @Test
    void over_the_socket_neither_a_spoofed_first_line_nor_another_address_of_the_same_64_is_a_new_client() {
        Javalin app = App.create(ServerSettings.parse(new String[] {"--port", "0", "--max-sessions-per-client", "1"}, Map.of()))
                .start();
        HttpClient http = HttpClient.newHttpClient();
        // One at a time: which of two sockets of one client gets the session is whichever the server sees first.
        try (Browser first = Browser.open(http, Browser.socketAddress(app), Map.of("X-Forwarded-For", "198.51.100.1\n203.0.113.7"))) {
            first.awaitType("hello", WAIT);
            try (Browser spoofed = Browser.open(http, Browser.socketAddress(app), Map.of("X-Forwarded-For", "198.51.100.2\n203.0.113.7"))) {
                assertEquals("busy", spoofed.awaitType("error", WAIT).message().get("code"), "the same client, one session");
            }
            try (Browser home = Browser.open(http, Browser.socketAddress(app), Map.of("X-Forwarded-For", "2001:db8:1:2::5"))) {
                home.awaitType("hello", WAIT);
                try (Browser sameHome = Browser.open(http, Browser.socketAddress(app), Map.of("X-Forwarded-For", "2001:db8:1:2::6"))) {
                    assertEquals("busy", sameHome.awaitType("error", WAIT).message().get("code"), "the same /64, one session");
                }
            }
        } finally {
            app.stop();
        }
    }
}
