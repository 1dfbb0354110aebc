package org.gaplab.training;

import org.gaplab.data.PointEncoding;
import org.gaplab.engine.Backend;
import org.gaplab.engine.Backprop;
import org.gaplab.engine.InputBatch;
import org.gaplab.engine.Network;

/**
 * A 2-D set's plane as a grid of cells, pushed through the network a chunk of cells at a time so its buffers stay
 * small whatever the network's size: the output at every cell's centre, and what the first hidden units compute at
 * every third cell (the pictures of the units). Inputs are encoded once, as the training data was (standardized).
 */
final class PlaneGrid {
    private final Network network;
    private final int resolution;
    private final int stride;
    private final int side;
    private final double extent;
    private final double[] inputs;          // every cell's encoded inputs, row-major
    private final double[] outputs;         // every cell's prediction
    private final double[][] units;         // per hidden layer: the first unitsKept units at every sampled cell
    private final InputBatch chunk;
    private final Backprop pass;

    /**
     * @param resolution cells per side, covering [−extent, extent]²; row 0 is the top (x2 = +extent)
     * @param stride     every stride-th cell (its centre one) is sampled for the units' pictures
     * @param maxUnits   units per hidden layer whose outputs are kept
     * @param chunkCells cells pushed through the network at once
     */
    PlaneGrid(Network network, PointEncoding encoding, double extent, int resolution, int stride, int maxUnits,
              int chunkCells) {
        this.network = network;
        this.resolution = resolution;
        this.stride = stride;
        this.side = resolution / stride;
        this.extent = extent;
        int width = network.inputSize();
        this.inputs = new double[resolution * resolution * width];
        this.outputs = new double[resolution * resolution * network.outputSize()];
        this.units = new double[network.layerCount() - 1][];
        for (int l = 0; l < units.length; l++) units[l] = new double[side * side * Math.min(maxUnits, network.layer(l).fanOut())];
        this.chunk = InputBatch.dense(chunkCells, width);
        this.pass = new Backprop(network, chunkCells, Backend.JAVA.products(1));   // a 2-D net: too small for BLAS
        double cell = 2 * extent / resolution;
        for (int row = 0; row < resolution; row++) {
            for (int column = 0; column < resolution; column++) {
                double x1 = -extent + (column + 0.5) * cell;                 // cell centres
                double x2 = extent - (row + 0.5) * cell;
                encoding.encode(x1, x2, inputs, (row * resolution + column) * width);
            }
        }
    }

    double extent() { return extent; }

    /** Cells per side of a unit's picture. */
    int side() { return side; }

    /** Units of hidden layer l whose outputs are kept. */
    int unitsKept(int layer) { return units[layer].length / (side * side); }

    /** Evaluates the network over the grid: afterwards {@link #outputs} and {@link #units} hold its current answers. */
    void evaluate() {
        int cells = resolution * resolution;
        int width = network.inputSize();
        int outputWidth = network.outputSize();
        int capacity = chunk.capacity();
        for (int start = 0; start < cells; start += capacity) {
            int rows = Math.min(capacity, cells - start);
            System.arraycopy(inputs, start * width, chunk.denseValues(), 0, rows * width);
            chunk.setRows(rows);
            System.arraycopy(pass.forward(chunk, null), 0, outputs, start * outputWidth, rows * outputWidth);
            keepSampledUnits(start, rows);
        }
    }

    /** The prediction of every cell (cells × outputs), as of the last {@link #evaluate}. */
    double[] outputs() { return outputs; }

    /** Hidden layer l's kept units at every sampled cell (side² × kept), as of the last {@link #evaluate}. */
    double[] units(int layer) { return units[layer]; }

    /** Copies the hidden units' outputs at the sampled cells among grid cells [start, start + rows). */
    private void keepSampledUnits(int start, int rows) {
        for (int l = 0; l < units.length; l++) {
            int width = network.layer(l).fanOut();
            int kept = unitsKept(l);
            double[] a = pass.hiddenActivations(l);                        // rows × width, row = cell of the chunk
            for (int r = 0; r < rows; r++) {
                int row = (start + r) / resolution;
                int column = (start + r) % resolution;
                if (row % stride != stride / 2 || column % stride != stride / 2) continue;
                int sample = (row / stride) * side + column / stride;
                System.arraycopy(a, r * width, units[l], sample * kept, kept);
            }
        }
    }
}
