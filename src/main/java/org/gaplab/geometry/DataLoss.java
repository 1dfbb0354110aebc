package org.gaplab.geometry;

import java.util.SplittableRandom;
import org.gaplab.data.Examples;
import org.gaplab.engine.Activation;
import org.gaplab.engine.Backend;
import org.gaplab.engine.Precision;
import org.gaplab.engine.Backprop;
import org.gaplab.engine.InputBatch;
import org.gaplab.engine.Network;
import org.gaplab.engine.Output;

/**
 * The mean data loss of a two-input model with no hidden layer and its bias held at 0, computed by the engine: the
 * network the trainer builds, its forward pass and its loss (logistic regression for two classes, least squares for
 * a regression set). Every value the pictures show of J comes from here. Not thread-safe: one per request.
 */
public final class DataLoss implements Landscape {
    private final Network network;
    private final Backprop pass;
    private final InputBatch batch;
    private final int rows;
    private final int[] labels;
    private final double[] targets;
    private final double curvature;
    private final SplittableRandom unused = new SplittableRandom(0);   // a training pass wants one; no dropout draws

    public DataLoss(Examples train) {
        if (train.inputSize() != 2 || train.isSparse()) {
            throw new IllegalArgumentException("a two-weight landscape needs two dense inputs, got " + train.inputSize());
        }
        boolean regression = train.isRegression();
        network = new Network(new int[] {2, 1}, Activation.TANH,
                regression ? Output.LINEAR_SQUARED_ERROR : Output.SIGMOID_BINARY_CROSS_ENTROPY);
        rows = train.size();
        labels = regression ? null : train.labels();
        targets = regression ? train.targets() : null;
        pass = new Backprop(network, rows, Backend.JAVA.products(1, Precision.F64));   // the math drawn, in float64
        batch = InputBatch.dense(rows, 2);
        double[] x = train.denseInputs();
        System.arraycopy(x, 0, batch.denseValues(), 0, x.length);
        batch.setRows(rows);
        curvature = (regression ? 1.0 : 0.25) * largestEigenvalueOfGram(x, rows);
    }

    /** The λ_max of XᵀX/n; J's Hessian is (1/n)Σ s·x xᵀ with s = 1 (squares) or σ(1 − σ) ≤ ¼ (logistic). */
    private static double largestEigenvalueOfGram(double[] x, int rows) {
        double a = 0;
        double b = 0;
        double c = 0;
        for (int r = 0; r < rows; r++) {
            double x1 = x[2 * r];
            double x2 = x[2 * r + 1];
            a += x1 * x1 / rows;                                             // (XᵀX/n)₁₁
            b += x1 * x2 / rows;                                             // (XᵀX/n)₁₂
            c += x2 * x2 / rows;                                             // (XᵀX/n)₂₂
        }
        return 0.5 * (a + c) + Math.sqrt(0.25 * (a - c) * (a - c) + b * b);  // λ_max of [[a, b], [b, c]]
    }

    private void place(double w1, double w2) {
        double[] weights = network.layer(0).weights();
        weights[0] = w1;
        weights[1] = w2;
        network.layer(0).biases()[0] = 0;
    }

    @Override
    public double loss(double w1, double w2) {
        place(w1, w2);
        double[] y = pass.forward(batch, null);
        return network.output().sumLoss(y, rows, 1, labels, targets) / rows;   // J = (1/n) Σ loss(y, t)
    }

    @Override
    public void gradient(double w1, double w2, double[] gradient) {
        place(w1, w2);
        pass.forward(batch, unused);
        pass.backward(batch, labels, targets);
        double[] g = pass.weightGradient(0);                                  // ∂J/∂W = xᵀδ, δ = (y − t)/n
        gradient[0] = g[0];
        gradient[1] = g[1];
    }

    @Override
    public double curvature() { return curvature; }

    /** Training examples the loss is the mean over. */
    public int size() { return rows; }
}
