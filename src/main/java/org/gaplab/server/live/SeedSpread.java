package org.gaplab.server.live;

import java.util.ArrayList;
import java.util.List;
import org.gaplab.data.DataSplits;
import org.gaplab.training.EpochReport;
import org.gaplab.training.Sweep;
import org.gaplab.training.Views;
import org.gaplab.verdicts.BiasVariance;
import org.gaplab.verdicts.RunOutcome;

/**
 * What one sweep value's seeds show together once they have all ended: how far their final models' predictions on
 * the shared validation points spread (bias² against variance, {@link BiasVariance}), and for 2-D data each model's
 * decision boundary, so the spread is visible as k lines. Read before the value's trainers are freed.
 *
 * @param biasVariance the decomposition over the seeds' final models, null with fewer than two seeds
 * @param boundaries   each seed's final decision boundary in seed order, null unless the data is a 2-D set
 */
record SeedSpread(BiasVariance biasVariance, List<Views.DecisionBoundary> boundaries) {

    /** The spread of the seeds' final models; {@code data} holds the validation points they share. */
    static SeedSpread of(Replicates runs, DataSplits data) {
        BiasVariance parts = null;
        if (runs.size() >= 2) {
            List<double[]> predictions = new ArrayList<>();
            for (int seed = 0; seed < runs.size(); seed++) predictions.add(runs.trainer(seed).validationPredictions());
            parts = BiasVariance.of(predictions, data.validation(), runs.trainer(0).network().outputSize());
        }
        List<Views.DecisionBoundary> boundaries = new ArrayList<>();
        for (int seed = 0; seed < runs.size(); seed++) {
            new Views(runs.trainer(seed)).decisionBoundary().ifPresent(boundaries::add);
        }
        return new SeedSpread(parts, boundaries.isEmpty() ? null : boundaries);
    }

    /**
     * The value whose seeds' final models (the best epoch's, when early stopping restored it) have the lowest mean
     * validation loss, the first of equals; −1 when no value has a model. The test split never enters the choice.
     */
    static int bestValue(List<List<RunOutcome>> outcomes) {
        List<List<EpochReport>> models = new ArrayList<>();
        for (List<RunOutcome> seeds : outcomes) {
            List<EpochReport> kept = new ArrayList<>();
            for (RunOutcome outcome : seeds) {
                EpochReport model = outcome.end() == null ? null : outcome.end().finalReport();
                if (model != null) kept.add(model);
            }
            models.add(kept);
        }
        return Sweep.bestMean(models);
    }
}
