package org.gaplab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(Map.of("l2", 0.01), update.change().sent());
        assertEquals(0.01, update.change().values().get(org.gaplab.training.TrainingConfig.L2), "read and typed where it is parsed");
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
    void a_compare_builds_run_b_from_run_a_and_names_the_keys_that_differ() {
        Command.Compare compare = assertInstanceOf(Command.Compare.class, Command.parse(
                "{\"type\":\"compare\",\"config\":{\"hiddenLayers\":[16]},\"changes\":{\"l2\":0.01,\"learningRate\":0.03}}"));
        assertEquals(0.0, compare.a().l2());
        assertEquals(0.01, compare.b().l2());
        assertEquals(List.of(16), compare.b().hiddenLayers());
        assertEquals(List.of("l2"), compare.varied(), "an unchanged value is not a difference");
    }

    @Test
    void a_compare_that_changes_the_seed_or_the_data_or_nothing_is_refused_naming_the_field() {
        assertEquals("changes", error("{\"type\":\"compare\"}").field());
        assertEquals("changes", error("{\"type\":\"compare\",\"changes\":[1]}").field());
        assertEquals("changes", error("{\"type\":\"compare\",\"changes\":{}}").field());
        assertEquals("seed", error("{\"type\":\"compare\",\"changes\":{\"seed\":2}}").field());
        assertEquals("noise", error("{\"type\":\"compare\",\"changes\":{\"noise\":0.3}}").field());
        assertEquals("dataset", error("{\"type\":\"compare\",\"changes\":{\"dataset\":\"xor\"}}").field());
        assertEquals("lambda", error("{\"type\":\"compare\",\"changes\":{\"lambda\":1}}").field());
        assertEquals("l2", error("{\"type\":\"compare\",\"changes\":{\"l2\":-1}}").field());
    }

    @Test
    void a_sweep_without_values_varies_the_chosen_regularizers_lambda_on_a_log_grid_of_eight() {
        Command.Sweep l2 = assertInstanceOf(Command.Sweep.class, Command.parse("{\"type\":\"sweep\"}"));
        assertEquals("l2", l2.param());
        assertEquals(8, l2.values().size());
        assertEquals(1e-5, l2.values().get(0), 1e-12);
        assertEquals(1.0, l2.values().get(7), 1e-12);
        Command.Sweep l1 = assertInstanceOf(Command.Sweep.class,
                Command.parse("{\"type\":\"sweep\",\"config\":{\"l1\":0.001}}"));
        assertEquals("l1", l1.param(), "L1 is the chosen regularizer");
        assertNull(l1.speed());
    }

    @Test
    void sweep_values_come_sorted_from_a_list_a_grid_or_a_seeded_random_range() {
        Command.Sweep listed = assertInstanceOf(Command.Sweep.class, Command.parse(
                "{\"type\":\"sweep\",\"param\":\"trainSize\",\"values\":[400,50.4,100],\"speed\":3}"));
        assertEquals(List.of(50.0, 100.0, 400.0), listed.values(), "sorted, and whole numbers for a count");
        assertEquals(3.0, listed.speed());
        Command.Sweep grid = assertInstanceOf(Command.Sweep.class, Command.parse(
                "{\"type\":\"sweep\",\"param\":\"l1\",\"grid\":{\"from\":0.001,\"to\":0.1,\"count\":3}}"));
        assertEquals(List.of(0.001, 0.01, 0.1), grid.values());
        String random = "{\"type\":\"sweep\",\"random\":{\"from\":0.0001,\"to\":0.1,\"count\":5,\"seed\":4}}";
        Command.Sweep drawn = assertInstanceOf(Command.Sweep.class, Command.parse(random));
        assertEquals(5, drawn.values().size());
        assertEquals(drawn.values(), ((Command.Sweep) Command.parse(random)).values(), "seeded");
        assertTrue(drawn.values().stream().allMatch(v -> v >= 1e-4 && v <= 0.1));
    }

    @Test
    void a_bad_sweep_is_refused_naming_the_field() {
        assertEquals("param", error("{\"type\":\"sweep\",\"param\":\"hiddenLayers\"}").field());
        assertEquals("values", error("{\"type\":\"sweep\",\"values\":[0.1]}").field());
        assertEquals("values", error("{\"type\":\"sweep\",\"values\":[0.1,\"x\"]}").field());
        assertEquals("values", error("{\"type\":\"sweep\",\"values\":[0.1,2]}").field());
        assertEquals("values", error("{\"type\":\"sweep\",\"param\":\"noise\"}").field());
        assertEquals("grid", error("{\"type\":\"sweep\",\"values\":[0.1,0.2],\"grid\":{}}").field());
        assertEquals("grid.from", error("{\"type\":\"sweep\",\"grid\":{\"to\":1,\"count\":3}}").field());
        assertEquals("grid.to", error("{\"type\":\"sweep\",\"grid\":{\"from\":1,\"to\":0.5,\"count\":3}}").field());
        assertEquals("grid.count", error("{\"type\":\"sweep\",\"grid\":{\"from\":1e-5,\"to\":1,\"count\":17}}").field());
        assertEquals("grid.seed", error("{\"type\":\"sweep\",\"grid\":{\"from\":1e-5,\"to\":1,\"count\":3,\"seed\":1}}").field());
        assertEquals("random.seed", error("{\"type\":\"sweep\",\"random\":{\"from\":1e-5,\"to\":1,\"count\":3,\"seed\":-1}}").field());
        assertEquals("random", error("{\"type\":\"sweep\",\"random\":5}").field());
        assertEquals("every", error("{\"type\":\"sweep\",\"every\":5}").field());
    }

    @Test
    void scalars_that_are_not_finite_are_written_as_null() {
        Map<String, Number> values = new java.util.LinkedHashMap<>();
        values.put("epoch", 3);
        values.put("trainLoss", 0.5);
        values.put("trainAccuracy", Double.NaN);
        EpochScalars scalars = new EpochScalars(values);
        Map<String, Object> written = Browser.parse(Json.write(scalars));
        assertNull(written.get("trainAccuracy"));
        assertEquals(0.5, written.get("trainLoss"));
    }

    @Test
    void view_seed_takes_a_whole_index_within_the_largest_seed_count_and_nothing_else() {
        assertEquals(new Command.ViewSeed(4), Command.parse("{\"type\":\"view-seed\",\"index\":4}"));
        for (String index : List.of("-1", "10", "2.5", "\"2\"", "null")) {
            ProtocolError refused = error("{\"type\":\"view-seed\",\"index\":" + index + "}");
            assertEquals("index", refused.field(), index);
            assertTrue(refused.allowed().contains("[0, seeds − 1]"), refused.allowed());
        }
        assertEquals("index", error("{\"type\":\"view-seed\"}").field());
        assertEquals("seed", error("{\"type\":\"view-seed\",\"index\":1,\"seed\":2}").field());
        assertTrue(Command.TYPES.contains("view-seed"));
    }

    @Test
    void start_compare_and_sweep_name_a_lesson_by_its_id_and_nothing_unknown() {
        Command.Start start = assertInstanceOf(Command.Start.class,
                Command.parse("{\"type\":\"start\",\"lesson\":\"overfitting\"}"));
        assertEquals("overfitting", start.lesson().id());
        Command.Compare compare = assertInstanceOf(Command.Compare.class,
                Command.parse("{\"type\":\"compare\",\"changes\":{\"l2\":0.1},\"lesson\":\"l2-weight-decay\"}"));
        assertEquals("l2-weight-decay", compare.lesson().id());
        assertEquals(List.of("l2"), compare.varied());
        Command.Sweep sweep = assertInstanceOf(Command.Sweep.class,
                Command.parse("{\"type\":\"sweep\",\"param\":\"l2\",\"lesson\":\"choosing-lambda\"}"));
        assertEquals("choosing-lambda", sweep.lesson().id());
        assertNull(assertInstanceOf(Command.Start.class, Command.parse("{\"type\":\"start\"}")).lesson());
        for (String lesson : List.of("\"no-such-lesson\"", "3")) {
            ProtocolError refused = error("{\"type\":\"start\",\"lesson\":" + lesson + "}");
            assertEquals("lesson", refused.field());
            assertTrue(refused.allowed().contains("overfitting"), refused.allowed());
        }
    }

    private static ProtocolError error(String text) {
        return assertThrows(ProtocolError.class, () -> Command.parse(text));
    }
}
