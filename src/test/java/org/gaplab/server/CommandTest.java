package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.gaplab.protocol.Command;
import org.gaplab.protocol.EpochScalars;
import org.gaplab.protocol.Json;
import org.gaplab.protocol.ProtocolError;
import org.gaplab.training.TrainingConfig;
import org.junit.jupiter.api.Test;

/** Parsing client messages, without a server. */
class CommandTest {
    @Test
    void a_start_without_a_config_trains_the_defaults_at_the_datasets_pace() {
        Command.Start start = assertInstanceOf(Command.Start.class, Command.parse("{\"type\":\"start\"}"));
        assertEquals(TrainingConfig.DEFAULTS, start.config());
        assertNull(start.speed());
    }

    @Test
    void a_start_with_other_layers_needs_no_dropout_per_layer() {
        Command.Start start = assertInstanceOf(Command.Start.class,
                Command.parse("{\"type\":\"start\",\"config\":{\"hiddenLayers\":[16,8,4]},\"speed\":0}"));
        assertEquals(List.of(16, 8, 4), start.config().hiddenLayers());
        assertEquals(List.of(0.0, 0.0, 0.0), start.config().dropout());
        assertEquals(0.0, start.speed());
    }

    @Test
    void a_start_with_only_hidden_layers_is_a_valid_config() {
        Command.Start start = assertInstanceOf(Command.Start.class,
                Command.parse("{\"type\":\"start\",\"config\":{\"hiddenLayers\":[16]}}"));
        assertEquals(List.of(16), start.config().hiddenLayers());
        assertEquals(List.of(0.0), start.config().dropout());
    }

    @Test
    void an_update_keeps_its_changes_for_the_session_to_check_against_the_run() {
        Command.Update update = assertInstanceOf(Command.Update.class,
                Command.parse("{\"type\":\"update\",\"config\":{\"l2\":0.01}}"));
        assertEquals(Map.of("l2", 0.01), update.changes());
        assertNull(update.speed());
        assertEquals("config", error("{\"type\":\"update\"}").field());
    }

    @Test
    void every_refusal_names_a_code_and_a_field() {
        assertEquals("malformed", error("{").code());
        assertEquals("malformed", error("\"start\"").code());
        assertEquals("type", error("{\"type\":7}").field());
        assertEquals("unknown-type", error("{\"type\":\"train\"}").code());
        assertEquals("speed", error("{\"type\":\"start\",\"speed\":1e9}").field());
        assertEquals("batchSize", error("{\"type\":\"start\",\"config\":{\"batchSize\":0}}").field());
        assertEquals("config", error("{\"type\":\"start\",\"config\":\"fast\"}").field());
        assertEquals("extra", error("{\"type\":\"step\",\"extra\":1}").field());
    }

    @Test
    void scalars_that_are_not_finite_are_written_as_null() {
        EpochScalars scalars = new EpochScalars(3, 0.5, 0.6, 0.7, Double.NaN, Double.NaN, Double.NaN, 0, 0.5, 0.1,
                Double.NaN, 0, 0, 10, 10, 1, 1, 40, 80, 0.03);
        Map<String, Object> written = Browser.parse(Json.write(scalars));
        assertNull(written.get("trainAccuracy"));
        assertEquals(0.5, written.get("trainLoss"));
    }

    private static ProtocolError error(String text) {
        return assertThrows(ProtocolError.class, () -> Command.parse(text));
    }
}
