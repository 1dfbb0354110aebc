package org.gaplab.training;

import java.util.ArrayList;
import java.util.List;
import org.gaplab.data.Datasets;

/** Real training runs for tests: every report plus how the run ended. */
final class Runs {
    record Run(List<EpochReport> reports, RunEnd end) {
        EpochReport last() { return reports.get(reports.size() - 1); }

        /** The model as it stands at the end (after any restore). */
        EpochReport finalModel() { return end.finalReport(); }
    }

    private Runs() { }

    static Run train(TrainingConfig config) {
        List<EpochReport> reports = new ArrayList<>();
        try (Trainer trainer = new Trainer(config, Datasets.load(config.data()))) {
            RunEnd end = trainer.run(new TrainingListener() {
                @Override public void onEpoch(EpochReport report) { reports.add(report); }

                @Override public void onEnd(RunEnd ended) { }
            });
            return new Run(reports, end);
        }
    }
}
