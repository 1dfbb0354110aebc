package org.gaplab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/** A multilayer perceptron: dense hidden layers with one activation, then an output layer paired with its loss. */
public final class Network {
    private final int inputSize;
    private final Activation activation;
    private final Output output;
    private final List<DenseLayer> layers;

    /**
     * @param sizes      layer widths from input to output, e.g. {2, 8, 8, 1}
     * @param activation the hidden layers' nonlinearity
     * @param output     the output layer and loss
     */
    public Network(int[] sizes, Activation activation, Output output) {
        if (sizes.length < 2) throw new IllegalArgumentException("a network needs an input and an output size");
        for (int size : sizes) if (size < 1) throw new IllegalArgumentException("layer sizes must be positive: " + Arrays.toString(sizes));
        this.inputSize = sizes[0];
        this.activation = activation;
        this.output = output;
        List<DenseLayer> built = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) built.add(new DenseLayer(sizes[l - 1], sizes[l]));
        this.layers = List.copyOf(built);
    }

    /** Draws every weight from {@code init} and sets every bias to {@code biasValue}, layer by layer in order. */
    public void initialize(Init init, double biasValue, RandomGenerator rng) {
        for (DenseLayer layer : layers) {
            init.fill(layer.weights(), layer.fanIn(), layer.fanOut(), rng);
            Arrays.fill(layer.biases(), biasValue);
        }
    }

    /** Rounds every weight and bias to {@code precision}: a float32 run starts from float weights. */
    public void roundTo(Precision precision) {
        for (DenseLayer layer : layers) {
            precision.round(layer.weights(), layer.weights().length);
            precision.round(layer.biases(), layer.biases().length);
        }
    }

    public int inputSize() { return inputSize; }
    public int outputSize() { return layers.get(layers.size() - 1).fanOut(); }
    public Activation activation() { return activation; }
    public Output output() { return output; }
    public int layerCount() { return layers.size(); }
    public DenseLayer layer(int index) { return layers.get(index); }
    public List<DenseLayer> layers() { return layers; }

    /** Widths from input to output. */
    public int[] sizes() {
        int[] sizes = new int[layers.size() + 1];
        sizes[0] = inputSize;
        for (int l = 0; l < layers.size(); l++) sizes[l + 1] = layers.get(l).fanOut();
        return sizes;
    }

    /** Weights and biases: Σ (n_in + 1)·n_out over the layers. */
    public long parameterCount() { return parameterCount(sizes()); }

    /** Weights and biases of a network with these widths from input to output, before building it. */
    public static long parameterCount(int[] sizes) {
        long count = 0;
        for (int l = 1; l < sizes.length; l++) count += (long) (sizes[l - 1] + 1) * sizes[l];
        return count;
    }

    /** Overwrites this network's parameters with another of the same shape (for restoring the best weights). */
    public void copyFrom(Network other) {
        if (!Arrays.equals(sizes(), other.sizes())) throw new IllegalArgumentException("networks differ in shape");
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer from = other.layers.get(l);
            DenseLayer to = layers.get(l);
            System.arraycopy(from.weights(), 0, to.weights(), 0, from.weights().length);
            System.arraycopy(from.biases(), 0, to.biases(), 0, from.biases().length);
        }
    }

    /** A deep copy. */
    public Network copy() {
        Network copy = new Network(sizes(), activation, output);
        copy.copyFrom(this);
        return copy;
    }
}
