package org.gaplab.verdicts;

import org.gaplab.data.DataSplits;
import org.gaplab.data.Examples;
import org.gaplab.engine.DenseLayer;
import org.gaplab.engine.Network;
import org.gaplab.training.Trainer;

/**
 * What a run's final weights say that its reports do not: whether every hidden layer's units are still identical (a
 * symmetry that a constant start never breaks), the loss of the best constant guess on its training labels (what a
 * network that says the same for every input can at best reach), and, for a one-layer model of sparse inputs, the
 * share of the cut cells' training examples that belong to class 0 (cheap houses: cells that say nothing beyond the
 * default).
 *
 * @param unitsAlike         every hidden layer's units have the same incoming weights and bias, to 1e-9
 * @param constantGuessLoss  −Σ_c q_c·ln q_c over the training labels' class frequencies q (NaN for regression)
 * @param classZeroShareOfCut of the training examples whose input cells the model cut (all outgoing weights exactly
 *                           0), the share labelled class 0; NaN unless the inputs are sparse and some cell was cut
 * @param firstLayerRoughness for image inputs, how speckled the first layer's weight images are (see
 *                           {@link #roughness}); NaN for other data
 */
public record ModelFacts(boolean unitsAlike, double constantGuessLoss, double classZeroShareOfCut,
                         double firstLayerRoughness) {

    static ModelFacts of(Trainer trainer) {
        return new ModelFacts(unitsAlike(trainer.network()), constantGuessLoss(trainer.data()),
                classZeroShareOfCut(trainer.network(), trainer.data()), roughness(trainer.network(), trainer.data()));
    }

    /**
     * The first layer's weight images' roughness: the mean squared difference of neighbouring pixels (right and below)
     * over twice the mean squared weight, R = mean (w_p − w_q)² / (2·mean w²), all units together. Independent noise
     * (a speckled picture) gives R ≈ 1, a smooth stroke far less, a flat picture 0. NaN unless the inputs are images.
     */
    static double roughness(Network network, DataSplits data) {
        int width = data.image().width();
        int height = data.image().height();
        if (!data.image().isImage() || network.layer(0).fanIn() != width * height) return Double.NaN;
        DenseLayer first = network.layer(0);
        double[][] images = new double[first.fanOut()][width * height];
        for (int unit = 0; unit < images.length; unit++) {
            for (int pixel = 0; pixel < width * height; pixel++) images[unit][pixel] = first.weight(pixel, unit);
        }
        return roughness(images, width);
    }

    /** {@link #roughness(Network, DataSplits)} of row-major images {@code width} pixels wide. */
    static double roughness(double[][] images, int width) {
        double differences = 0;
        long pairs = 0;
        double squares = 0;
        long pixels = 0;
        for (double[] image : images) {
            int height = image.length / width;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double w = image[y * width + x];
                    squares += w * w;
                    pixels++;
                    if (x + 1 < width) {
                        double d = w - image[y * width + x + 1];
                        differences += d * d;
                        pairs++;
                    }
                    if (y + 1 < height) {
                        double d = w - image[(y + 1) * width + x];
                        differences += d * d;
                        pairs++;
                    }
                }
            }
        }
        double meanSquare = squares / pixels;
        return meanSquare == 0 ? Double.NaN : differences / pairs / (2 * meanSquare);   // R = mean(Δw²) / (2·mean w²)
    }

    static boolean unitsAlike(Network network) {
        for (int l = 0; l < network.layerCount() - 1; l++) {
            DenseLayer layer = network.layer(l);
            for (int j = 1; j < layer.fanOut(); j++) {
                if (Math.abs(layer.biases()[j] - layer.biases()[0]) > 1e-9) return false;
                for (int i = 0; i < layer.fanIn(); i++) {
                    if (Math.abs(layer.weight(i, j) - layer.weight(i, 0)) > 1e-9) return false;
                }
            }
        }
        return true;
    }

    static double constantGuessLoss(DataSplits data) {
        if (data.classes() == 0) return Double.NaN;
        int[] labels = data.train().labels();
        int[] counts = new int[data.classes()];
        for (int label : labels) counts[label]++;
        double entropy = 0;
        for (int count : counts) {
            if (count == 0) continue;
            double q = (double) count / labels.length;
            entropy -= q * Math.log(q);                       // H = −Σ q ln q
        }
        return entropy;
    }

    static double classZeroShareOfCut(Network network, DataSplits data) {
        Examples train = data.train();
        if (!train.isSparse() || data.classes() == 0) return Double.NaN;
        DenseLayer weights = network.layer(0);
        int[] columns = train.columnIndex();
        int[] start = train.rowStart();
        int classZero = 0;
        int total = 0;
        for (int r = 0; r < train.size(); r++) {
            for (int e = start[r]; e < start[r + 1]; e++) {
                boolean cut = true;
                for (int j = 0; j < weights.fanOut(); j++) cut &= weights.weight(columns[e], j) == 0;
                if (!cut) continue;
                total++;
                if (train.labels()[r] == 0) classZero++;
            }
        }
        return total == 0 ? Double.NaN : (double) classZero / total;
    }
}
