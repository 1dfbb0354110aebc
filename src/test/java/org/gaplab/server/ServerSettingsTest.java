package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.gaplab.engine.Precision;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {
    @Test
    void the_quick_start_listens_on_localhost_7070() {
        assertEquals("127.0.0.1", ServerSettings.DEFAULTS.host());
        assertEquals(7070, ServerSettings.DEFAULTS.port());
        assertEquals(60, ServerSettings.DEFAULTS.maxSessions());
        assertEquals("*", ServerSettings.DEFAULTS.frameAncestors());
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
    void usage_lists_every_option_with_its_environment_variable() {
        String usage = ServerSettings.usage();
        for (ServerSettings.Option option : ServerSettings.OPTIONS) {
            assertTrue(usage.contains(option.flag()) && usage.contains(option.environment()), option.name());
        }
    }
}
