package org.gaplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** `train --config` accepts every dataset a config may name. */
class EveryDatasetCommandTest {
    @TempDir
    Path dir;

    static List<String> datasets() {
        return org.gaplab.data.DataSpec.DATASET.choices();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void a_config_naming_the_dataset_trains_and_prints_an_epoch_and_an_end(String dataset) throws Exception {
        Path config = dir.resolve(dataset + ".json");
        Files.writeString(config, "{\"dataset\": \"" + dataset + "\", \"trainSize\": 60, \"validationSize\": 30,"
                + " \"testSize\": 30, \"epochs\": 1, \"hiddenLayers\": [4]}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Commands.run(new String[] {"train", "--config", config.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("{\"type\":\"epoch\",\"epoch\":1,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"type\":\"end\",\"reason\":\"finished\""), lines.get(1));
    }
}
