package org.gaplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gaplab.data.FashionMnistSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a command line can go wrong ends in one line and a status: 2 for bad input, 1 for a failed run. */
class CommandErrorsTest {
    @TempDir
    Path dir;

    record Outcome(int status, String out, String err) {
        /** One line on standard error and nothing a person should not have to read. */
        void isOneLine(int expectedStatus, String mentions) {
            assertEquals(expectedStatus, status, err);
            assertEquals(1, err.lines().count(), "one line: " + err);
            assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
            assertTrue(err.contains(mentions), "says " + mentions + ": " + err);
        }
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path config(String json) throws IOException {
        Path file = Files.createTempFile(dir, "config", ".json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void unreadable_configs_are_bad_input_in_one_line() throws IOException {
        run("train", "--config", "/dev/zero").isOneLine(2, "larger than");
        run("train", "--config", dir.toString()).isOneLine(2, "directory");
        run("train", "--config", dir.resolve("missing.json").toString()).isOneLine(2, "cannot read");
        run("train", "--config", config("{\"epochs\": ").toString()).isOneLine(2, "malformed JSON");
        run("train", "--conf", "x").isOneLine(2, "--conf");
    }

    @Test
    void a_corrupt_fashion_mnist_file_is_bad_input_in_one_line() throws IOException {
        Path corrupt = Files.createDirectories(dir.resolve("fashion"));
        for (String name : org.gaplab.data.FashionMnist.FILES) Files.writeString(corrupt.resolve(name + ".gz"), "not IDX");
        String was = System.getProperty(FashionMnistSources.PROPERTY);
        System.setProperty(FashionMnistSources.PROPERTY, corrupt.toString());
        try {
            run("train", "--config", config("{\"dataset\": \"fashion-mnist\", \"fashionSource\": \"full\"}").toString())
                    .isOneLine(2, "Fashion-MNIST");
        } finally {
            if (was == null) System.clearProperty(FashionMnistSources.PROPERTY); else System.setProperty(FashionMnistSources.PROPERTY, was);
        }
    }

    @Test
    void an_export_is_checked_before_training_and_written_atomically_beside_its_target() throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Path tiny = config("{\"epochs\": 2}");
        run("train", "--config", tiny.toString(), "--export", runs.toString()).isOneLine(2, "is a directory");
        run("train", "--config", tiny.toString(), "--export", dir.resolve("nowhere/model.json").toString())
                .isOneLine(2, "does not exist");
        Outcome ok = run("train", "--config", tiny.toString(), "--export", runs.resolve("model.json").toString());
        assertEquals(0, ok.status(), ok.err());
        try (Stream<Path> files = Files.list(runs)) {
            assertEquals(List.of(runs.resolve("model.json")), files.toList(), "no temporary file is left");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "nor beside the directory");
        }
    }

    @Test
    void sweep_options_are_read_strictly() throws IOException {
        String base = config("{\"dataset\": \"xor\", \"epochs\": 1}").toString();
        run("sweep", "--config", base, "--grid", "1e-5,1,2.7").isOneLine(2, "whole number");
        run("sweep", "--config", base, "--grid", "1,1e-5,3").isOneLine(2, "FROM < TO");
        run("sweep", "--config", base, "--grid", "1e-5,1").isOneLine(2, "FROM,TO,COUNT");
        run("sweep", "--config", base, "--values", "0.1,").isOneLine(2, "not a number");
        run("sweep", "--config", base, "--values", "0.1,0.2", "--grid", "1e-5,1,3").isOneLine(2, "one of");
        run("sweep", "--config", base, "--param", "learningRate").isOneLine(2, "needs --values");
        run("sweep", "--config", base, "--param", "dropout", "--values", "0.1,1.5").isOneLine(2, "dropout");

        Outcome dropout = run("sweep", "--config", base, "--param", "dropout");
        assertEquals(0, dropout.status(), dropout.err());
        List<String> lines = dropout.out().lines().toList();
        assertEquals(9, lines.size(), "dropout's own eight values (0 to 0.7) and a summary, never l2's grid");
        assertTrue(lines.get(7).contains("\"value\":0.7"), lines.get(7));
    }

    @Test
    void a_run_that_runs_out_of_memory_fails_with_status_1_in_one_line() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx40m", "-cp", System.getProperty("java.class.path"), "org.gaplab.Main", "train", "--config", "-"));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().write(("{\"dataset\": \"noisy-features\", \"trainSize\": 60000, \"noiseFeatures\": 2000,"
                + " \"epochs\": 1}").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        new Outcome(process.exitValue(), "", err).isOneLine(1, "ran out of memory");
    }
}
