package org.gaplab.training;

import java.util.Arrays;
import org.gaplab.engine.Activation;
import org.gaplab.engine.DenseLayer;
import org.gaplab.engine.Network;

/** Sparsity and distribution statistics of weights, counted exactly. */
final class ModelStats {
    /** The smallest "near zero" threshold: without L1, |w| below this counts as near zero. */
    static final double NEAR_ZERO_FLOOR = 1e-3;
    /** TensorBoard's distribution percentiles (normal-σ multiples: −∞, −1.5σ, −1σ, −0.5σ, 0, ...). */
    static final double[] PERCENTILES = {0, 6.68, 15.87, 30.85, 50, 69.15, 84.13, 93.32, 100};
    /** A sparse layer's header: rows, columns and the count of stored values, 32 bits each. */
    static final int SPARSE_HEADER_BYTES = 12;
    /** Each stored non-zero: its 32-bit position in the matrix and its 32-bit float value. */
    static final int SPARSE_ENTRY_BYTES = 8;
    /** A dense 32-bit float. */
    static final int FLOAT_BYTES = 4;

    private ModelStats() { }

    /**
     * The threshold ε below which |w| counts as near zero: twice the L1 step, ε = max(10⁻³, 2αλ₁). Under the plain
     * subgradient a useless weight is pushed across zero by αλ₁ every step and hovers in that band (seed 004's
     * plateau of width 2αλ₁), so a fixed ε smaller than the band would miss exactly the weights L1 is working on.
     */
    static double nearZeroThreshold(double learningRate, double l1) {
        return Math.max(NEAR_ZERO_FLOOR, 2 * learningRate * l1);
    }

    /** Counts of one weight matrix. */
    record WeightCounts(int zeros, int nearZeros, double l1, double sumSquares) { }

    static WeightCounts count(double[] weights, double nearZero) {
        int zeros = 0;
        int near = 0;
        double l1 = 0;
        double squares = 0;
        for (double w : weights) {
            if (w == 0) zeros++;
            if (Math.abs(w) < nearZero) near++;
            l1 += Math.abs(w);                     // ‖w‖₁ = Σ|w|
            squares += w * w;                      // ‖w‖₂² = Σw²
        }
        return new WeightCounts(zeros, near, l1, squares);
    }

    /** Percentiles by linear interpolation between order statistics. */
    static double[] percentiles(double[] values) {
        int[] ranks = new int[2 * PERCENTILES.length];            // the two order statistics each one lies between
        double[] fractions = new double[PERCENTILES.length];
        for (int i = 0; i < PERCENTILES.length; i++) {
            double position = PERCENTILES[i] / 100 * (values.length - 1);
            ranks[2 * i] = (int) Math.floor(position);
            ranks[2 * i + 1] = Math.min(ranks[2 * i] + 1, values.length - 1);
            fractions[i] = position - ranks[2 * i];
        }
        double[] at = orderStatistics(values, ranks);
        double[] out = new double[PERCENTILES.length];
        for (int i = 0; i < out.length; i++) out[i] = at[2 * i] * (1 - fractions[i]) + at[2 * i + 1] * fractions[i];
        return out;
    }

    /**
     * The values a full sort (by {@link Double#compare}) would put at {@code ranks} (any order; ascending selects
     * least). One pass counts the values in buckets of their order key's leading bits (sign, exponent, leading
     * fraction bits: about a quarter as many buckets as values, at most 2¹⁵), a second copies out only the few
     * buckets holding a wanted rank, and each rank is selected inside its bucket. Measured on a 784×128 layer: the
     * quickselect over a copy of all the weights it replaces (several passes of Double.compare) was 3.7 ms of a 25 ms
     * epoch of a watched image lesson, and its copy 800 kB; the counts here take 128 kB.
     */
    static double[] orderStatistics(double[] values, int[] ranks) {
        int bits = Math.max(1, Math.min(15, 30 - Integer.numberOfLeadingZeros(values.length)));
        int shift = 64 - bits;
        int buckets = 1 << bits;
        int[] counts = new int[buckets + 1];   // first: the rank of bucket b's smallest value at [b]; then the copy's fill
        for (double v : values) counts[bucket(v, shift, buckets) + 1]++;
        for (int b = 0; b < buckets; b++) counts[b + 1] += counts[b];
        int[] bucketOf = new int[ranks.length];
        int[] lowest = new int[ranks.length];                     // the rank of the smallest value in rank r's bucket
        int[] size = new int[ranks.length];                       // and how many values that bucket holds
        for (int r = 0; r < ranks.length; r++) {
            int b = bucketOf[r] = bucketHolding(counts, ranks[r]);
            lowest[r] = counts[b];
            size[r] = counts[b + 1] - counts[b];
        }
        Arrays.fill(counts, 0);                                   // now 1 + where a wanted bucket's next value goes
        int gathered = 0;
        for (int r = 0; r < ranks.length; r++) {
            if (counts[bucketOf[r]] == 0) {
                counts[bucketOf[r]] = gathered + 1;
                gathered += size[r];
            }
        }
        int[] base = new int[ranks.length];                       // where rank r's bucket starts in the copy
        for (int r = 0; r < ranks.length; r++) base[r] = counts[bucketOf[r]] - 1;
        double[] copy = new double[gathered];
        for (double v : values) {
            int b = bucket(v, shift, buckets);
            int f = counts[b];
            if (f != 0) {
                copy[f - 1] = v;
                counts[b] = f + 1;
            }
        }
        double[] out = new double[ranks.length];
        int previous = -1;                                        // the last rank selected and its place in the copy
        int previousAt = -1;
        for (int r = 0; r < ranks.length; r++) {
            int k = base[r] + ranks[r] - lowest[r];
            // A rank after another in the same bucket is selected right of it, as in one quickselect of the bucket.
            int from = previous >= lowest[r] && previous <= ranks[r] ? previousAt : base[r];
            if (ranks[r] != previous) select(copy, from, base[r] + size[r], k);
            out[r] = copy[k];
            previous = ranks[r];
            previousAt = k;
        }
        return out;
    }

    /** The bucket of v: the leading bits of a key whose signed order is {@link Double#compare}'s (NaN last). */
    private static int bucket(double v, int shift, int buckets) {
        long bits = Double.doubleToLongBits(v);
        long key = bits ^ ((bits >> 63) & Long.MAX_VALUE);        // negatives reversed: −0.0 just below +0.0
        return (int) (key >> shift) + buckets / 2;
    }

    /** The bucket b with first[b] ≤ rank < first[b + 1]. */
    private static int bucketHolding(int[] first, int rank) {
        int lo = 0;
        int hi = first.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (first[mid] <= rank) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /**
     * Puts into a[k] the value a full sort of a[from, to) would put there, with smaller or equal values before it and
     * larger or equal after it (Hoare's quickselect, the middle element as pivot). NaN sorts last, as in a sort.
     */
    static void select(double[] a, int from, int to, int k) {
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (Double.compare(a[i], pivot) < 0) i++;
                while (Double.compare(a[j], pivot) > 0) j--;
                if (i <= j) {
                    double swap = a[i];
                    a[i] = a[j];
                    a[j] = swap;
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return;
        }
    }

    /**
     * Bytes of the layer stored densely: every weight and bias as a 32-bit float, which holds a float32 run's values
     * exactly (and a float64 run's rounded), so the sizes are the same in both precisions.
     */
    static long denseBytes(DenseLayer layer) {
        return (long) FLOAT_BYTES * ((long) layer.fanIn() * layer.fanOut() + layer.fanOut());
    }

    /**
     * Bytes of the layer in a coordinate format that stores only the non-zero weights, each as (position, value),
     * after a small header; biases stay dense. A weight costs 8 bytes here against 4 dense, so the sparse copy is
     * smaller once fewer than n/2 − 1.5 of the layer's n weights are non-zero (12 + 8·nnz &lt; 4·n).
     */
    static long sparseBytes(DenseLayer layer, int nonZeros) {
        return SPARSE_HEADER_BYTES + (long) SPARSE_ENTRY_BYTES * nonZeros + (long) FLOAT_BYTES * layer.fanOut();
    }

    /**
     * Which units still carry a signal from the inputs to the outputs. A weight matters only on a path of non-zero
     * weights from an input to an output, so a hidden unit is live when such a path runs through it: it is reached
     * from some input through live units and non-zero weights, and it reaches some output the same way. A unit whose
     * incoming or outgoing weights are all exactly 0 is cut, and so is one that only talks to cut units. An input is
     * cut when none of its non-zero weights lead to a live unit.
     */
    record Connectivity(boolean[] inputKept, int[] cutUnits) {
        static Connectivity of(Network network) {
            int layers = network.layerCount();
            boolean[][] reached = new boolean[layers][];            // forward: a signal from the inputs arrives
            boolean[] from = filled(network.inputSize());
            for (int l = 0; l < layers; l++) {
                DenseLayer layer = network.layer(l);
                reached[l] = new boolean[layer.fanOut()];
                double[] w = layer.weights();
                for (int i = 0; i < layer.fanIn(); i++) {
                    if (!from[i]) continue;
                    for (int j = 0; j < layer.fanOut(); j++) if (w[i * layer.fanOut() + j] != 0) reached[l][j] = true;
                }
                from = reached[l];
            }
            boolean[] live = filled(network.outputSize());           // backward: leads on to an output
            int[] cut = new int[layers];
            for (int l = layers - 1; l >= 0; l--) {
                DenseLayer layer = network.layer(l);
                double[] w = layer.weights();
                boolean[] feeds = new boolean[layer.fanIn()];
                for (int i = 0; i < layer.fanIn(); i++) {
                    boolean source = l == 0 || reached[l - 1][i];
                    for (int j = 0; j < layer.fanOut() && source && !feeds[i]; j++) {
                        if (live[j] && w[i * layer.fanOut() + j] != 0) feeds[i] = true;
                    }
                }
                if (l > 0) {
                    for (boolean f : feeds) if (!f) cut[l - 1]++;
                }
                live = feeds;
            }
            return new Connectivity(live, cut);
        }

        private static boolean[] filled(int size) {
            boolean[] all = new boolean[size];
            java.util.Arrays.fill(all, true);
            return all;
        }
    }

    /** Mean, standard deviation and stuck fraction of a layer's activations. */
    record ActivationSummary(double mean, double std, double stuckFraction) { }

    static ActivationSummary summarize(double[] activations, int count, Activation activation, boolean hidden) {
        if (count == 0) return new ActivationSummary(0, 0, 0);
        double sum = 0;
        int stuck = 0;
        for (int i = 0; i < count; i++) {
            sum += activations[i];
            if (hidden && activation.isStuck(activations[i])) stuck++;
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double d = activations[i] - mean;
            squares += d * d;
        }
        return new ActivationSummary(mean, Math.sqrt(squares / count), (double) stuck / count);
    }
}
