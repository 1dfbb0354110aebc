package org.gaplab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gaplab.protocol.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless `train` command, run as a separate JVM exactly as course authors run it. */
class TrainCommandTest {
    @TempDir
    Path dir;

    record Result(int status, byte[] out, String err) { }

    private Result gaplab(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.gaplab.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the command finished");
        return new Result(process.exitValue(), out, err);
    }

    @Test
    void two_runs_of_one_config_print_identical_bytes_with_every_documented_field() throws Exception {
        Path config = dir.resolve("run.json");
        Files.writeString(config, """
                {"dataset": "xor", "hiddenLayers": [6, 4], "epochs": 12, "l1": 0.001, "l1Mode": "clip",
                 "dropout": 0.2, "seed": 7, "earlyStopping": {"patience": 50}}
                """);
        Result first = gaplab("", "train", "--config", config.toString());
        Result second = gaplab("", "train", "--config", config.toString());
        assertEquals(0, first.status(), first.err());
        assertArrayEquals(first.out(), second.out(), "identical bytes");

        List<String> lines = new String(first.out(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(13, lines.size(), "12 epochs and an end line");
        JsonNode epoch = Json.mapper().readTree(lines.get(0));
        for (String field : List.of("type", "epoch", "trainLoss", "validationLoss", "testLoss", "trainAccuracy",
                "validationAccuracy", "testAccuracy", "penalty", "zeroFraction", "layers")) {
            assertTrue(epoch.has(field), "epoch line has " + field);
        }
        assertEquals("epoch", epoch.get("type").asText());
        assertEquals(3, epoch.get("layers").size());
        JsonNode end = Json.mapper().readTree(lines.get(12));
        assertEquals("end", end.get("type").asText());
        assertEquals("finished", end.get("reason").asText());
        assertTrue(end.has("bestEpoch") && end.has("validationAccuracy"));
    }

    @Test
    void the_thread_count_changes_the_speed_not_the_bytes_and_the_backend_can_be_forced() throws Exception {
        Path config = dir.resolve("images.json");
        Files.writeString(config, """
                {"dataset": "fashion-mnist", "hiddenLayers": [128, 64], "epochs": 2, "dropout": 0.2, "seed": 3}
                """);
        int cores = Runtime.getRuntime().availableProcessors();
        Result one = gaplab("", "train", "--config", config.toString(), "--threads", "1");
        Result many = gaplab("", "train", "--config", config.toString(), "--threads", String.valueOf(Math.min(2, cores)));
        assertEquals(0, one.status(), one.err());
        assertArrayEquals(one.out(), many.out(), "identical bytes for any thread count");

        Result java = gaplab("", "train", "--config", config.toString(), "--backend", "java");
        assertEquals(0, java.status(), java.err());
        assertEquals(3, new String(java.out(), StandardCharsets.UTF_8).lines().count());

        Result tooMany = gaplab("", "train", "--config", config.toString(), "--threads", String.valueOf(cores + 1));
        assertEquals(2, tooMany.status());
        assertTrue(tooMany.err().contains("--threads must be a whole number in [1, " + cores + "]"), tooMany.err());
        Result unknown = gaplab("", "train", "--config", config.toString(), "--backend", "gpu");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("--backend: \"gpu\" is not allowed; allowed: blas, java, auto"), unknown.err());
    }

    @Test
    void the_precision_is_float32_unless_float64_is_asked_for_and_the_output_says_which() throws Exception {
        Path config = dir.resolve("precision.json");
        Files.writeString(config, """
                {"dataset": "fashion-mnist", "hiddenLayers": [32], "epochs": 1, "seed": 3}
                """);
        Result single = gaplab("", "train", "--config", config.toString());
        Result reference = gaplab("", "train", "--config", config.toString(), "--precision", "f64");
        assertEquals(0, single.status(), single.err());
        assertEquals(0, reference.status(), reference.err());
        List<String> singleLines = new String(single.out(), StandardCharsets.UTF_8).lines().toList();
        List<String> referenceLines = new String(reference.out(), StandardCharsets.UTF_8).lines().toList();
        assertEquals("f32", Json.mapper().readTree(singleLines.get(singleLines.size() - 1)).get("precision").asText());
        assertEquals("f64", Json.mapper().readTree(referenceLines.get(referenceLines.size() - 1)).get("precision").asText());
        assertNotEquals(singleLines.get(1), referenceLines.get(1), "the first epoch's numbers differ with the precision");

        Result bench = gaplab("", "bench", "--workload", "toy", "--precision", "f64", "--seconds", "1");
        assertEquals("f64", Json.mapper().readTree(bench.out()).get("precision").asText());
        Result bad = gaplab("", "train", "--config", config.toString(), "--precision", "half");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("--precision: \"half\" is not allowed; allowed: f32, f64"), bad.err());
    }

    @Test
    void bench_reports_the_backend_that_computed_it_and_times_the_products_alone() throws Exception {
        Result gemm = gaplab("", "bench", "--workload", "gemm", "--backend", "java", "--seconds", "1");
        assertEquals(0, gemm.status(), gemm.err());
        JsonNode line = Json.mapper().readTree(gemm.out());
        assertEquals("gemm", line.get("workload").asText());
        assertEquals("java", line.get("backend").asText());
        assertTrue(line.get("samplesPerSecond").asLong() > 0);
    }

    @Test
    void standard_input_works_and_a_bad_config_exits_with_status_2_naming_the_field() throws Exception {
        Result ok = gaplab("{\"epochs\": 2}", "train", "--config", "-");
        assertEquals(0, ok.status(), ok.err());
        assertEquals(3, new String(ok.out(), StandardCharsets.UTF_8).lines().count());

        Result bad = gaplab("{\"learningRate\": 50}", "train", "--config", "-");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("learningRate") && bad.err().contains("[1e-6, 10]"), bad.err());

        Result unknown = gaplab("{\"lerningRate\": 0.1}", "train", "--config", "-");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("lerningRate"), unknown.err());

        Result malformed = gaplab("{\"epochs\": ", "train", "--config", "-");
        assertEquals(2, malformed.status());
        assertTrue(malformed.err().contains("malformed JSON"), malformed.err());
    }

    @Test
    void an_exported_model_fed_back_to_train_reproduces_the_first_epoch() throws Exception {
        Path export = dir.resolve("model.json");
        Result original = gaplab("{\"dataset\": \"moons\", \"epochs\": 3, \"l2\": 0.001, \"seed\": 11}", "train",
                "--config", "-", "--export", export.toString());
        assertEquals(0, original.status(), original.err());
        JsonNode model = Json.mapper().readTree(Files.readString(export));
        assertEquals("gaplab-model", model.get("format").asText());
        assertEquals(11, model.get("seed").asInt());
        assertEquals(3, model.get("layers").size());

        Result again = gaplab("", "train", "--config", export.toString());
        assertEquals(0, again.status(), again.err());
        String firstEpoch = new String(original.out(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertEquals(firstEpoch, new String(again.out(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
    }

    @Test
    void sweep_prints_one_line_per_value_and_a_summary_with_the_best() throws Exception {
        Result sweep = gaplab("{\"dataset\": \"xor\", \"epochs\": 5}", "sweep", "--config", "-", "--param", "l1",
                "--values", "0.0001,0.001,0.1");
        assertEquals(0, sweep.status(), sweep.err());
        List<String> lines = new String(sweep.out(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(4, lines.size());
        JsonNode summary = Json.mapper().readTree(lines.get(3));
        assertEquals("sweep-summary", summary.get("type").asText());
        assertTrue(summary.get("bestValue").isNumber());
        assertEquals(0.001, Json.mapper().readTree(lines.get(1)).get("value").asDouble(), 0.0);

        Result bad = gaplab("{}", "sweep", "--config", "-", "--param", "seed", "--values", "1,2");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("param"), bad.err());
    }

    @Test
    void a_comparison_preset_prints_both_runs_in_lockstep_each_line_marked_with_its_run() throws Exception {
        Result preset = gaplab("", "train", "--preset", "init-zeros", "--seeds", "3");
        assertEquals(0, preset.status(), preset.err());
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : new String(preset.out(), StandardCharsets.UTF_8).lines().toList()) {
            lines.add(Json.mapper().readTree(line));
        }
        int epochs = org.gaplab.lessons.Lessons.INIT_ZEROS.config().epochs();
        assertEquals(2 * epochs + 2, lines.size(), "every epoch of A and B, then an end line each");
        for (int e = 1; e <= epochs; e++) {
            JsonNode a = lines.get(2 * (e - 1));
            JsonNode b = lines.get(2 * (e - 1) + 1);
            assertEquals("a", a.get("run").asText());
            assertEquals("b", b.get("run").asText());
            assertEquals(e, a.get("epoch").asInt(), "lockstep");
            assertEquals(e, b.get("epoch").asInt(), "lockstep");
        }
        assertEquals("end", lines.get(2 * epochs).get("type").asText());
        JsonNode endA = lines.stream().filter(l -> l.get("type").asText().equals("end") && l.get("run").asText().equals("a"))
                .findFirst().orElseThrow();
        JsonNode endB = lines.stream().filter(l -> l.get("type").asText().equals("end") && l.get("run").asText().equals("b"))
                .findFirst().orElseThrow();
        for (String sentence : org.gaplab.lessons.Lessons.INIT_ZEROS.watch()) {
            assertTrue(preset.err().contains(sentence), "stderr states the lesson's claim: " + preset.err());
        }
        String lossNow = preset.err().lines().filter(l -> l.trim().startsWith("val. loss now")).findFirst().orElseThrow();
        assertEquals(List.of(String.format(java.util.Locale.ROOT, "%.4f", endA.get("validationLoss").asDouble()),
                String.format(java.util.Locale.ROOT, "%.4f", endB.get("validationLoss").asDouble())),
                List.of(lossNow.trim().substring("val. loss now".length()).trim().split("\\s+")),
                "the summary's numbers are the runs' own: " + lossNow);
        String zeros = preset.err().lines().filter(l -> l.trim().startsWith("weights exactly 0")).findFirst().orElseThrow();
        assertTrue(zeros.trim().matches("weights exactly 0\\s+0\\.0% \\(0 of (\\d+)\\)\\s+100\\.0% \\(\\1 of \\1\\)"),
                "B's weights stay 0, A's do not: " + zeros);

        Path configA = dir.resolve("a.json");
        Files.writeString(configA, Json.write(org.gaplab.training.ConfigValues.toMap(
                org.gaplab.lessons.Lessons.INIT_ZEROS.config().withSeed(3).withSeeds(1))));
        JsonNode alone = Json.mapper().readTree(new String(gaplab("", "train", "--config", configA.toString()).out(),
                StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
        assertEquals(alone.get("trainLoss").asDouble(), lines.get(0).get("trainLoss").asDouble(), 0.0,
                "run A is the lesson's config with the given seed, trained exactly as a single run");
    }

    @Test
    void a_preset_on_several_seeds_prints_each_seeds_lines_in_order_and_judges_its_claims_over_them() throws Exception {
        Result preset = gaplab("", "train", "--preset", "init-zeros", "--seeds", "4-6", "--threads", "2");
        assertEquals(0, preset.status(), preset.err());
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : new String(preset.out(), StandardCharsets.UTF_8).lines().toList()) {
            lines.add(Json.mapper().readTree(line));
        }
        int epochs = org.gaplab.lessons.Lessons.INIT_ZEROS.config().epochs();
        assertEquals(3 * (2 * epochs + 2), lines.size(), "every epoch and end of A and B on each of 3 seeds");
        List<Long> seeds = lines.stream().map(l -> l.get("seed").asLong()).distinct().toList();
        assertEquals(List.of(4L, 5L, 6L), seeds, "seed by seed, in order");
        for (int i = 1; i < lines.size(); i++) {
            assertTrue(lines.get(i).get("seed").asLong() >= lines.get(i - 1).get("seed").asLong(), "no seed interleaves");
        }
        assertTrue(preset.err().contains("Over seeds 4 … 6 (3)"), preset.err());
        for (org.gaplab.verdicts.Claim claim : org.gaplab.lessons.Lessons.INIT_ZEROS.claims()) {
            assertTrue(preset.err().contains("[holds     ] " + claim.says() + " on 3 of 3 seeds"),
                    "each claim judged over the 3 seeds: " + claim.says() + "\n" + preset.err());
        }
        assertTrue(preset.err().contains("A generalizes better"), preset.err());
        Result again = gaplab("", "train", "--preset", "init-zeros", "--seeds", "4-6", "--threads", "1");
        assertArrayEquals(preset.out(), again.out(), "the same bytes whatever the threads");
    }

    @Test
    void a_bad_seed_list_is_a_usage_error() throws Exception {
        for (String bad : List.of("5-2", "1,1", "x", "0-200", "-3")) {
            Result result = gaplab("", "train", "--preset", "init-zeros", "--seeds", bad);
            assertEquals(2, result.status(), bad + ": " + result.err());
            assertTrue(result.err().contains("--seeds takes"), result.err());
        }
    }

    @Test
    void an_unknown_preset_or_both_sources_is_a_usage_error_naming_the_lessons() throws Exception {
        Result unknown = gaplab("", "train", "--preset", "no-such-lesson");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("overfitting") && unknown.err().contains("l1-sparsity"), unknown.err());
        Result both = gaplab("", "train", "--preset", "overfitting", "--config", "-");
        assertEquals(2, both.status());
        assertTrue(both.err().contains("either --config or --preset"), both.err());
    }
}
