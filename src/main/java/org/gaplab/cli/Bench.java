package org.gaplab.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gaplab.data.Examples;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.gaplab.engine.Activation;
import org.gaplab.engine.Backend;
import org.gaplab.engine.Dropout;
import org.gaplab.engine.Init;
import org.gaplab.engine.L1Mode;
import org.gaplab.engine.Network;
import org.gaplab.engine.OptimizerKind;
import org.gaplab.engine.Output;
import org.gaplab.engine.Regularization;
import org.gaplab.engine.Precision;
import org.gaplab.engine.Products;
import org.gaplab.protocol.Json;
import org.gaplab.training.BatchLoop;
import org.gaplab.training.EpochSettings;
import org.gaplab.training.RunRandoms;

/**
 * {@code bench --workload toy|mlp|reg|gemm [--backend blas|java|auto] [--precision f32|f64] [--threads N]
 * [--seconds S]}: trains on random data after a warm-up and prints one JSON line with the training throughput
 * (forward, backward and update; no per-epoch evaluation) and the backend and precision that computed it. {@code gemm} times only the 8 products of one {@code mlp}
 * minibatch through the engine's product interface: the ceiling {@code mlp} is measured against.
 * {@code samplesPerCpuSecond} divides by the process's CPU time instead of the wall clock: on a machine others share,
 * it is the steadier number for one thread (it counts a second thread's spinning too, so not for more).
 */
final class Bench {
    /** A benchmark setup: network shape, activation, batch size, learning rate, data size, penalties, dropout. */
    record Workload(String name, int[] sizes, Activation activation, Output output, int batchSize, double learningRate,
                    int examples, Regularization penalty, double dropout) {
        int classes() { return output == Output.SOFTMAX_CROSS_ENTROPY ? sizes[sizes.length - 1] : 2; }
    }

    static final List<Workload> WORKLOADS = List.of(
            new Workload("toy", new int[] {2, 8, 8, 1}, Activation.TANH, Output.SIGMOID_BINARY_CROSS_ENTROPY, 10, 0.03,
                    500, Regularization.NONE, 0),
            new Workload("mlp", new int[] {784, 256, 128, 10}, Activation.RELU, Output.SOFTMAX_CROSS_ENTROPY, 64, 0.05,
                    60_000, Regularization.NONE, 0),
            new Workload("reg", new int[] {784, 256, 128, 10}, Activation.RELU, Output.SOFTMAX_CROSS_ENTROPY, 64, 0.05,
                    60_000, Regularization.penalty(1e-5, 1e-4, L1Mode.CLIP, false), 0.5));
    /** The products of one {@code mlp} minibatch, without anything around them. */
    static final String GEMM = "gemm";

    private Bench() { }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = Options.parse(args, List.of("--workload", "--backend", "--precision", "--threads",
                "--seconds"));
        String name = Options.require(options, "--workload");
        Backend backend = Options.backend(options);
        Precision precision = Options.precision(options);
        int threads = Options.threads(options);
        double seconds = Options.integer(options, "--seconds", 5, 1, 600);
        if (name.equals(GEMM)) {
            out.println(Json.write(measureProducts(backend, precision, threads, seconds)));
            return 0;
        }
        Workload workload = WORKLOADS.stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new UsageException("--workload must be one of toy, mlp, reg, gemm"));
        out.println(Json.write(measure(workload, backend, precision, threads, seconds)));
        return 0;
    }

    static Map<String, Object> measure(Workload workload, Backend backend, Precision precision, int threads, double seconds) {
        SplittableRandom random = new SplittableRandom(42);
        Examples data = randomExamples(workload, random);
        Network network = new Network(workload.sizes(), workload.activation(), workload.output());
        RunRandoms randoms = RunRandoms.splitFrom(random);
        network.initialize(Init.HE_NORMAL, 0, randoms.init());
        try (Products products = backend.products(threads, precision)) {
            BatchLoop loop = new BatchLoop(network, data, workload.batchSize(), OptimizerKind.SGD, products, randoms);
            double[] dropout = new double[workload.sizes().length - 2];
            java.util.Arrays.fill(dropout, workload.dropout());
            EpochSettings settings = EpochSettings.of(workload.learningRate(), 0, workload.penalty(), new Dropout(dropout, 0));
            long warmUpEnd = System.nanoTime() + (long) (Math.min(seconds, 3) * 1e9);
            while (System.nanoTime() < warmUpEnd) loop.trainEpoch(settings);
            long samples = 0;
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            do {
                samples += loop.trainEpoch(settings).samples();
            } while (System.nanoTime() < deadline);
            return result(workload.name(), backend, precision, threads, samples, System.nanoTime() - start, processCpuNanos() - cpuStart);
        }
    }

    /**
     * The 8 products of one {@code mlp} minibatch of 64: z_l = a_{l−1}·W_l for 3 layers, dW_l = a_{l−1}ᵀ·δ_l for 3,
     * δ_{l−1} = δ_l·W_lᵀ for 2, on random dense matrices.
     */
    static Map<String, Object> measureProducts(Backend backend, Precision precision, int threads, double seconds) {
        int[] sizes = {784, 256, 128, 10};
        int rows = 64;
        SplittableRandom random = new SplittableRandom(42);
        int layers = sizes.length - 1;
        DMatrixRMaj[] a = new DMatrixRMaj[layers + 1];
        DMatrixRMaj[] w = new DMatrixRMaj[layers];
        DMatrixRMaj[] delta = new DMatrixRMaj[layers];
        DMatrixRMaj[] gradient = new DMatrixRMaj[layers];
        a[0] = RandomMatrices_DDRM.rectangle(rows, sizes[0], 0, 1, new java.util.Random(random.nextLong()));
        for (int l = 0; l < layers; l++) {
            java.util.Random r = new java.util.Random(random.nextLong());
            w[l] = RandomMatrices_DDRM.rectangle(sizes[l], sizes[l + 1], -0.1, 0.1, r);
            a[l + 1] = new DMatrixRMaj(rows, sizes[l + 1]);
            delta[l] = RandomMatrices_DDRM.rectangle(rows, sizes[l + 1], -0.1, 0.1, r);
            gradient[l] = new DMatrixRMaj(sizes[l], sizes[l + 1]);
        }
        try (Products products = backend.products(threads, precision)) {
            Runnable batch = () -> {
                for (int l = 0; l < layers; l++) products.times(a[l], w[l], a[l + 1]);                   // z = a_prev · W
                for (int l = layers - 1; l >= 0; l--) {
                    products.transposeATimes(a[l], delta[l], gradient[l]);                               // dW = a_prevᵀ · δ
                    if (l > 0) products.timesTransposeB(delta[l], w[l], delta[l - 1]);                   // δ_prev = δ · Wᵀ
                }
            };
            long warmUpEnd = System.nanoTime() + (long) (Math.min(seconds, 3) * 1e9);
            while (System.nanoTime() < warmUpEnd) batch.run();
            long samples = 0;
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            do {
                batch.run();
                samples += rows;
            } while (System.nanoTime() < deadline);
            return result(GEMM, backend, precision, threads, samples, System.nanoTime() - start, processCpuNanos() - cpuStart);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Map<String, Object> result(String workload, Backend backend, Precision precision, int threads,
                                              long samples, long nanos, long cpuNanos) {
        double elapsed = nanos / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("workload", workload);
        result.put("backend", backend.configName());
        result.put("products", backend.describe());
        result.put("precision", precision.configName());
        result.put("threads", threads);
        result.put("samplesPerSecond", Math.round(samples / elapsed));
        result.put("samplesPerCpuSecond", Math.round(samples / (cpuNanos / 1e9)));
        result.put("samples", samples);
        result.put("seconds", Math.round(elapsed * 1000) / 1000.0);
        return result;
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
}
