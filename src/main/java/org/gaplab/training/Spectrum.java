package org.gaplab.training;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.gaplab.engine.DenseLayer;
import org.gaplab.engine.Network;

/**
 * The singular values of each layer's weight matrix, by EJML's SVD, on a budget: L2 shrinks the whole spectrum, L1
 * and dropout change its shape. A full SVD of an m×n matrix (m ≥ n) costs about m·n² multiply-adds and EJML does
 * about 10⁹ of them a second on large layers, fewer on small ones (measured: 45 ms for 784×256, 13.5 ms for 784×128,
 * 0.6 ms for 100×64, 0.4 ms for 64×64: 1.5 ns per multiply-add; under 0.1 ms for a 2-D net's layers). A layer is
 * measured again when either
 * <ul>
 *   <li>{@link #BUDGET} per report since its last measurement pays for it (about 0.3 ms a report, amortized: a
 *   watched seed's spectrum was an eighth of a 5-seed classroom's work at 4 ms), or</li>
 *   <li>training has done {@link #TRAINING_RATIO} times its work since then: with products some 20 to 50× faster
 *   per multiply-add than the SVD, the spectrum then costs a fifth of the training time at most, and a 784×128 layer
 *   of a 500-image lesson is measured every 9 epochs (13.5 ms against 9 epochs of about 45 ms: 3%).</li>
 * </ul>
 * So 2-D nets are measured every report, a 100×64 layer every 2nd, a 784×128 layer every 9th report of a 500-image
 * lesson (by the training rule), a 784×256 layer every epoch of the full Fashion-MNIST. The rule depends only on sizes, so it
 * is as reproducible as the run.
 */
final class Spectrum {
    /** SVD multiply-adds one report may spend on a layer, amortized: about 0.3 ms. */
    static final double BUDGET = 2.5e5;
    /** Training multiply-adds per SVD multiply-add after which a layer is measured whatever its size. */
    static final double TRAINING_RATIO = 100;
    private static final double[] NOT_MEASURED = new double[0];

    private final Network network;
    private final double epochWork;
    private final double[] workSince;
    private final int[] reportsSince;
    private boolean first = true;

    /** For a network trained on {@code trainSize} examples an epoch. */
    Spectrum(Network network, int trainSize) {
        this.network = network;
        long parameters = 0;
        for (DenseLayer layer : network.layers()) parameters += (long) layer.fanIn() * layer.fanOut();
        this.epochWork = 3.0 * trainSize * parameters;               // forward, and two products backward
        int layers = network.layerCount();
        this.workSince = new double[layers];
        this.reportsSince = new int[layers];
    }

    /** Multiply-adds of a full SVD of an m×n matrix, about max(m, n)·min(m, n)². */
    static double cost(int rows, int columns) {
        double small = Math.min(rows, columns);
        return Math.max(rows, columns) * small * small;
    }

    /**
     * The singular values of every layer, largest first, for one report; a layer not due yet gets an empty array.
     * The first call (the untrained network) measures every layer; each later call stands for one more epoch.
     */
    double[][] next() {
        int layers = network.layerCount();
        double[][] values = new double[layers][];
        for (int l = 0; l < layers; l++) {
            DenseLayer layer = network.layer(l);
            if (!first) {
                workSince[l] += epochWork;
                reportsSince[l]++;
            }
            double cost = cost(layer.fanIn(), layer.fanOut());
            if (first || cost <= BUDGET * reportsSince[l] || TRAINING_RATIO * cost <= workSince[l]) {
                values[l] = singularValues(layer.weightMatrix());
                workSince[l] = 0;
                reportsSince[l] = 0;
            } else {
                values[l] = NOT_MEASURED;
            }
        }
        first = false;
        return values;
    }

    /**
     * σ_1 ≥ σ_2 ≥ … ≥ σ_min(m,n) of W. The decomposition and its copy of W are made anew each time: between reports
     * a run holds nothing for its spectra (a server budgets what runs hold), and a report is not the hot loop.
     */
    private static double[] singularValues(DMatrixRMaj weights) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(weights.numRows, weights.numCols, false, false, true);
        if (!svd.decompose(weights.copy())) {                           // the decomposition may overwrite its input
            throw new IllegalStateException("the SVD of a " + weights.numRows + "×" + weights.numCols + " layer did not converge");
        }
        double[] values = Arrays.copyOf(svd.getSingularValues(), svd.numberOfSingularValues());
        Arrays.sort(values);
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {     // largest first
            double swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }
}
