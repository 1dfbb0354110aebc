package org.gaplab.server.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaplab.engine.Precision;
import org.gaplab.server.ServerProcess;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {
    /**
     * The quick start (docs/DEPLOY.md): started with no options but a free port, the server says where it listens, it
     * answers there, and only on the loopback address: no other machine can reach a server started to try it out.
     */
    @Test
    void started_with_the_defaults_it_answers_where_it_says_and_only_on_this_machine() throws Exception {
        try (ServerProcess server = ServerProcess.startIn(null, List.of(), List.of())) {
            Matcher said = Pattern.compile("running at (http://([^/]+):(\\d+)/)").matcher(server.lastOutput());
            assertTrue(said.find(), server.lastOutput());
            assertEquals("127.0.0.1", said.group(2), "the default host");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(said.group(1) + "health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            int port = Integer.parseInt(said.group(3));
            Optional<InetAddress> elsewhere = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).findFirst();
            if (elsewhere.isPresent()) {
                assertThrows(ConnectException.class, () -> new Socket(elsewhere.get(), port).close(),
                        "not listening on " + elsewhere.get());
            }
        }
    }

    @Test
    void options_win_over_environment_variables_which_win_over_defaults() {
        ServerSettings settings = ServerSettings.parse(new String[] {"--port=8080", "--max-sessions", "40"},
                Map.of("GAPLAB_PORT", "9090", "GAPLAB_HOST", "0.0.0.0", "GAPLAB_IDLE_TIMEOUT", "60"));
        assertEquals(8080, settings.port());
        assertEquals("0.0.0.0", settings.host());
        assertEquals(40, settings.maxSessions());
        assertEquals(Duration.ofSeconds(60), settings.idleTimeout());
    }

    @Test
    void the_backend_is_chosen_by_option_or_environment_and_a_bad_one_is_refused() {
        assertEquals(org.gaplab.engine.Backend.JAVA, ServerSettings.parse(new String[] {"--backend", "java"}, Map.of()).backend());
        assertEquals(org.gaplab.engine.Backend.JAVA, ServerSettings.parse(new String[0], Map.of("GAPLAB_BACKEND", "java")).backend());
        assertEquals(org.gaplab.engine.Backend.preferred(), ServerSettings.DEFAULTS.backend());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.parse(new String[] {"--backend", "gpu"}, Map.of()));
        assertEquals("--backend: \"gpu\" is not allowed; allowed: blas, java, auto", error.getMessage());
    }

    @Test
    void the_precision_is_chosen_by_option_or_environment_and_a_bad_one_is_refused() {
        assertEquals(Precision.F64, ServerSettings.parse(new String[] {"--precision", "f64"}, Map.of()).precision());
        assertEquals(Precision.F64, ServerSettings.parse(new String[0], Map.of("GAPLAB_PRECISION", "f64")).precision());
        assertEquals(Precision.preferred(), ServerSettings.DEFAULTS.precision());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.parse(new String[] {"--precision", "f16"}, Map.of()));
        assertEquals("--precision: \"f16\" is not allowed; allowed: f32, f64", error.getMessage());
    }

    @Test
    void unknown_options_and_bad_values_are_errors_naming_the_option() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.parse(new String[] {"--prot", "1"}, Map.of())).getMessage().contains("--prot"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.parse(new String[] {"--port", "seventy"}, Map.of())).getMessage().contains("--port"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.parse(new String[0], Map.of("GAPLAB_MAX_SESSIONS", "0"))).getMessage()
                .contains("--max-sessions"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.parse(new String[] {"--frame-ancestors", "*; script-src *"}, Map.of())).getMessage()
                .contains("--frame-ancestors"));
        assertThrows(IllegalArgumentException.class, () -> ServerSettings.parse(new String[] {"--port"}, Map.of()));
    }

    @Test
    void usage_lists_every_option_with_its_environment_variable_what_it_allows_and_its_default() {
        String usage = ServerSettings.usage();
        for (ServerOption<?> option : ServerSettings.OPTIONS) {
            int start = usage.indexOf("  " + option.flag() + " VALUE  (" + option.environment() + ")\n");
            assertTrue(start >= 0, option.flag() + " has no entry:\n" + usage);
            String entry = usage.lines().skip(usage.substring(0, start).lines().count() + 1).findFirst().orElse("");
            assertTrue(entry.contains(option.help() + "; allowed: " + option.type().allowed() + "; default "
                    + option.defaultValue()), option.name() + ": " + entry);
        }
    }

    @Test
    void a_value_out_of_an_options_range_is_refused_with_the_range_the_help_shows() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.parse(new String[] {"--max-classes", "1001"}, Map.of()));
        assertEquals("--max-classes: 1001 is not allowed; allowed: " + ServerSettings.MAX_CLASSES.type().allowed(),
                refused.getMessage());
        assertEquals("1 to 1000", ServerSettings.MAX_CLASSES.type().allowed());
        assertEquals(1000, ServerSettings.parse(new String[] {"--max-classes", "1000"}, Map.of()).maxClasses());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerSettings.parse(new String[0],
                Map.of("GAPLAB_HEALTH_TOKEN", "short"))).getMessage().startsWith("--health-token: (not shown) is not allowed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerSettings.parse(new String[] {"--idle-timeout",
                "0.0001"}, Map.of())).getMessage().startsWith("--idle-timeout: 0.0001 is not allowed"), "rounds to 0 ms");
    }

    @Test
    void a_changed_option_is_read_and_checked_like_one_given_on_the_command_line() {
        assertEquals(0, ServerSettings.DEFAULTS.withPort(0).port());
        assertEquals(ServerSettings.DEFAULTS.host(), ServerSettings.DEFAULTS.withPort(0).host());
        assertThrows(IllegalArgumentException.class, () -> ServerSettings.DEFAULTS.withMaxSessions(0));
    }
}
