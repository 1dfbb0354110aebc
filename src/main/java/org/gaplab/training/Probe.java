package org.gaplab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gaplab.data.DataSplits;
import org.gaplab.data.Examples;
import org.gaplab.engine.Backprop;
import org.gaplab.engine.DenseLayer;
import org.gaplab.engine.InputBatch;
import org.gaplab.engine.Products;
import org.gaplab.engine.Network;

/**
 * A fixed batch of training examples passed through the network without dropout to see how each layer behaves:
 * activation statistics and the gradient norm of the data loss. Fixed rows make epochs comparable.
 */
final class Probe {
    static final int ROWS = 200;

    private final Network network;
    private final Backprop pass;
    private final InputBatch batch;
    private final int[] labels;
    private final double[] targets;
    private final SplittableRandom unused = new SplittableRandom(0);   // no dropout here, so no draws are made
    private final Spectrum spectrum;

    Probe(Network network, DataSplits data, Products products) {
        Examples train = data.train();
        int rows = Math.min(ROWS, train.size());
        this.network = network;
        this.pass = new Backprop(network, rows, products);
        this.batch = train.isSparse() ? InputBatch.sparse(rows, train.inputSize()) : InputBatch.dense(rows, train.inputSize());
        this.labels = new int[rows];
        this.targets = new double[rows];
        new Batches(products).gather(train, null, 0, rows, batch, labels, targets);
        this.spectrum = new Spectrum(network, train.size());
    }

    /** What a report leaves out of a layer it does not detail. */
    private static final Histogram NO_HISTOGRAM = new Histogram(0, 0, new int[0]);
    private static final double[] NOTHING = new double[0];
    private static final LayerReport.Distribution NO_DISTRIBUTION = new LayerReport.Distribution(NO_HISTOGRAM, NOTHING);
    private static final ModelStats.ActivationSummary NOT_PROBED =
            new ModelStats.ActivationSummary(Double.NaN, Double.NaN, Double.NaN);

    /**
     * Every layer's report; weights with |w| below {@code nearZero} count as near zero. Not {@code detailed}, the
     * distributions (histograms, percentiles, singular values: nearly half a small network's report) are left empty,
     * while the counts, norms, activation statistics and gradient norms that verdicts read are all there.
     */
    List<LayerReport> layerReports(double nearZero, ModelStats.Connectivity connectivity, boolean detailed) {
        return layerReports(nearZero, connectivity, detailed, true);
    }

    /**
     * As above; not {@code probed}, the probe rows are not passed through at all (a third of a small network's
     * epoch): activation statistics and gradient norms are NaN, "not measured", and the weights' counts and norms
     * are all that is left.
     */
    List<LayerReport> layerReports(double nearZero, ModelStats.Connectivity connectivity, boolean detailed, boolean probed) {
        int layerCount = network.layerCount();
        int rows = batch.rows();
        List<ModelStats.ActivationSummary> summaries = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        if (probed) {
            double[] y = pass.forward(batch, unused);
            for (int l = 0; l < layerCount; l++) {
                boolean hidden = l < layerCount - 1;
                double[] a = hidden ? pass.hiddenActivations(l) : y;
                int count = rows * network.layer(l).fanOut();
                summaries.add(ModelStats.summarize(a, count, network.activation(), hidden));
                histograms.add(detailed ? Histogram.of(a, count) : NO_HISTOGRAM);
            }
            pass.backward(batch, labels, targets);
        } else {
            for (int l = 0; l < layerCount; l++) {
                summaries.add(NOT_PROBED);
                histograms.add(NO_HISTOGRAM);
            }
        }
        double[][] singularValues = detailed ? spectrum.next() : null;
        List<LayerReport> reports = new ArrayList<>();
        for (int l = 0; l < layerCount; l++) {
            DenseLayer layer = network.layer(l);
            double[] w = layer.weights();
            ModelStats.WeightCounts counts = ModelStats.count(w, nearZero);
            double gradientSquares = Double.NaN;
            if (probed) {
                gradientSquares = 0;
                for (double g : pass.weightGradient(l)) gradientSquares += g * g;       // ‖∂J/∂W_l‖²
            }
            ModelStats.ActivationSummary activation = summaries.get(l);
            int nonZeros = w.length - counts.zeros();
            Sparsity sparsity = new Sparsity(w.length, nonZeros, counts.nearZeros(), nearZero, connectivity.cutUnits()[l]);
            WeightSize size = new WeightSize(counts.l1(), Math.sqrt(counts.sumSquares()), ModelStats.denseBytes(layer),
                    ModelStats.sparseBytes(layer, nonZeros));
            LayerReport.Distribution distribution = detailed
                    ? new LayerReport.Distribution(Histogram.of(w, w.length), ModelStats.percentiles(w)) : NO_DISTRIBUTION;
            LayerReport.ProbeResult probe = new LayerReport.ProbeResult(activation.mean(), activation.std(),
                    activation.stuckFraction(), histograms.get(l), Math.sqrt(gradientSquares));
            reports.add(new LayerReport(l, layer.fanIn(), layer.fanOut(), sparsity, size, distribution, probe,
                    detailed ? singularValues[l] : NOTHING));
        }
        return reports;
    }
}
