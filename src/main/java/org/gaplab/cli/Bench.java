package org.gaplab.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gaplab.data.Examples;
import org.gaplab.engine.Activation;
import org.gaplab.engine.Init;
import org.gaplab.engine.L1Mode;
import org.gaplab.engine.MatMul;
import org.gaplab.engine.Network;
import org.gaplab.engine.OptimizerKind;
import org.gaplab.engine.Output;
import org.gaplab.engine.Penalty;
import org.gaplab.protocol.Json;
import org.gaplab.training.BatchLoop;

/**
 * {@code bench --workload toy|mlp|reg [--threads N]}: trains on random data after a warm-up and prints one JSON
 * line with the training throughput (forward, backward and update; no per-epoch evaluation).
 */
final class Bench {
    /** A benchmark setup: network shape, activation, batch size, learning rate, data size, penalties, dropout. */
    record Workload(String name, int[] sizes, Activation activation, Output output, int batchSize, double learningRate,
                    int examples, Penalty penalty, double dropout) {
        int classes() { return output == Output.SOFTMAX_CROSS_ENTROPY ? sizes[sizes.length - 1] : 2; }
    }

    static final List<Workload> WORKLOADS = List.of(
            new Workload("toy", new int[] {2, 8, 8, 1}, Activation.TANH, Output.SIGMOID_BINARY_CROSS_ENTROPY, 10, 0.03,
                    500, Penalty.NONE, 0),
            new Workload("mlp", new int[] {784, 256, 128, 10}, Activation.RELU, Output.SOFTMAX_CROSS_ENTROPY, 64, 0.05,
                    60_000, Penalty.NONE, 0),
            new Workload("reg", new int[] {784, 256, 128, 10}, Activation.RELU, Output.SOFTMAX_CROSS_ENTROPY, 64, 0.05,
                    60_000, new Penalty(1e-5, 1e-4, L1Mode.CLIP, false), 0.5));

    private Bench() { }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String name = null;
        int threads = 1;
        double seconds = 5;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (arg) {
                case "--workload" -> { name = value; i++; }
                case "--threads" -> { threads = parseInt(value, "--threads"); i++; }
                case "--seconds" -> { seconds = parseInt(value, "--seconds"); i++; }
                default -> throw new UsageException("unknown option " + arg);
            }
        }
        String wanted = name;
        Workload workload = WORKLOADS.stream().filter(w -> w.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new UsageException("--workload must be one of toy, mlp, reg"));
        if (threads < 1 || threads > 2) throw new UsageException("--threads must be 1 or 2");
        if (seconds < 1 || seconds > 600) throw new UsageException("--seconds must be in [1, 600]");
        Map<String, Object> result = measure(workload, threads, seconds);
        out.println(Json.write(result));
        return 0;
    }

    static Map<String, Object> measure(Workload workload, int threads, double seconds) {
        SplittableRandom random = new SplittableRandom(42);
        Examples data = randomExamples(workload, random);
        Network network = new Network(workload.sizes(), workload.activation(), workload.output());
        network.initialize(Init.HE_NORMAL, 0, random.split());
        try (MatMul matMul = MatMul.withThreads(threads)) {
            BatchLoop loop = new BatchLoop(network, data, workload.batchSize(), OptimizerKind.SGD, 0, matMul,
                    random.split(), random.split(), random.split());
            double[] dropout = new double[workload.sizes().length - 2];
            java.util.Arrays.fill(dropout, workload.dropout());
            loop.setDropout(dropout, 0);
            long warmUpEnd = System.nanoTime() + (long) (Math.min(seconds, 3) * 1e9);
            while (System.nanoTime() < warmUpEnd) loop.trainEpoch(workload.learningRate(), workload.penalty());
            long samples = 0;
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            do {
                samples += loop.trainEpoch(workload.learningRate(), workload.penalty()).samples();
            } while (System.nanoTime() < deadline);
            double elapsed = (System.nanoTime() - start) / 1e9;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("workload", workload.name());
            result.put("threads", threads);
            result.put("samplesPerSecond", Math.round(samples / elapsed));
            result.put("samples", samples);
            result.put("seconds", Math.round(elapsed * 1000) / 1000.0);
            return result;
        }
    }

    /** Uniform inputs in [0, 1) with uniformly random labels: throughput does not depend on what is learnable. */
    private static Examples randomExamples(Workload workload, SplittableRandom random) {
        int inputs = workload.sizes()[0];
        double[] x = new double[workload.examples() * inputs];
        for (int i = 0; i < x.length; i++) x[i] = random.nextDouble();
        int[] labels = new int[workload.examples()];
        for (int i = 0; i < labels.length; i++) labels[i] = random.nextInt(workload.classes());
        return Examples.dense(inputs, x, labels);
    }

    private static int parseInt(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException | NullPointerException e) {
            throw new UsageException(option + " needs a whole number");
        }
    }
}
