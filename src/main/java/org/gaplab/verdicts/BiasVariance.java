package org.gaplab.verdicts;

import java.util.List;
import org.gaplab.data.Examples;

/**
 * The validation squared error of the predicted probability, split into bias and variance across models trained on
 * different training samples (the runs of one config over several seeds). For each validation point x with target y
 * and the k models' predictions p̂₁(x) … p̂ₖ(x), with p̄ = (1/k)·Σ p̂ᵢ:
 *
 * <pre>  (1/k)·Σᵢ (p̂ᵢ − y)² = (p̄ − y)² + (1/k)·Σᵢ (p̂ᵢ − p̄)²       error = bias² + variance</pre>
 *
 * averaged over the points. Bias² includes the noise in the labels (no model can predict a flipped label). For a
 * classifier p̂ is the probability of each class against the one-hot label, summed over the classes (one sigmoid
 * unit: the probability of class 1 against the 0/1 label); for a regression, the prediction against the target.
 * Regularizing more trades variance (the models agree more) for bias (they agree on something cruder).
 *
 * @param error    mean over points of (1/k)·Σᵢ (p̂ᵢ − y)²
 * @param bias     mean over points of (p̄ − y)²: bias² (with the label noise)
 * @param variance mean over points of (1/k)·Σᵢ (p̂ᵢ − p̄)²
 */
public record BiasVariance(double error, double bias, double variance) {

    /**
     * The decomposition over {@code examples} of the predictions of k models, each row-major (examples × width): what
     * {@code Trainer.validationPredictions()} returns.
     */
    public static BiasVariance of(List<double[]> predictions, Examples examples, int width) {
        int k = predictions.size();
        int n = examples.size();
        if (k == 0 || n == 0) return new BiasVariance(Double.NaN, Double.NaN, Double.NaN);
        double bias = 0;
        double variance = 0;
        double error = 0;
        for (int x = 0; x < n; x++) {
            for (int c = 0; c < width; c++) {
                double target = target(examples, x, c, width);
                double mean = 0;
                for (double[] p : predictions) mean += p[x * width + c] / k;           // p̄ = (1/k)·Σ p̂ᵢ
                bias += (mean - target) * (mean - target);                              // (p̄ − y)²
                for (double[] p : predictions) {
                    double spread = p[x * width + c] - mean;
                    double miss = p[x * width + c] - target;
                    variance += spread * spread / k;                                    // (1/k)·Σ (p̂ᵢ − p̄)²
                    error += miss * miss / k;                                           // (1/k)·Σ (p̂ᵢ − y)²
                }
            }
        }
        return new BiasVariance(error / n, bias / n, variance / n);
    }

    /** The target of output c for example x: the regression target, the 0/1 label, or the one-hot label. */
    private static double target(Examples examples, int x, int c, int width) {
        if (examples.isRegression()) return examples.targets()[x];
        if (width == 1) return examples.labels()[x];
        return examples.labels()[x] == c ? 1 : 0;
    }
}
