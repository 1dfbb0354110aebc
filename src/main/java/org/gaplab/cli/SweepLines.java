package org.gaplab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaplab.lessons.LessonTrials;
import org.gaplab.protocol.Frames;
import org.gaplab.protocol.Json;
import org.gaplab.verdicts.BiasVariance;
import org.gaplab.verdicts.RunOutcome;

/**
 * The lines of a sweep over seeds: a {@code sweep-run} line per value and seed (with its {@code seed}), a
 * {@code sweep-value} line per value with its bias² and variance across the seeds' final models on the shared
 * validation points, then the summary: the value whose median final validation loss is lowest, and the verdicts.
 */
final class SweepLines {
    private SweepLines() { }

    static void print(LessonTrials.SweepTrial sweep, PrintStream out) {
        List<Double> medians = new ArrayList<>();
        for (int v = 0; v < sweep.values().size(); v++) {
            double value = sweep.values().get(v);
            List<RunOutcome> runs = sweep.runs().get(v);
            List<Double> losses = new ArrayList<>();
            for (int s = 0; s < runs.size(); s++) {
                RunOutcome run = runs.get(s);
                out.println(Json.write(SeedLines.marked(Frames.sweepRun(v, sweep.param(), value, run.end()),
                        sweep.seeds().get(s), null)));
                losses.add(run.model() == null ? Double.NaN : run.model().losses().validation());
            }
            double median = median(losses);
            medians.add(median);
            BiasVariance parts = sweep.parts().get(v);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", "sweep-value");
            line.put("index", v);
            line.put("param", sweep.param());
            line.put("value", value);
            line.put("seeds", sweep.seeds());
            line.put("medianValidationLoss", median);
            line.put("biasVariance", parts);
            out.println(Json.write(line));
        }
        int best = -1;
        for (int v = 0; v < medians.size(); v++) {
            if (!Double.isNaN(medians.get(v)) && (best < 0 || medians.get(v) < medians.get(best))) best = v;
        }
        Map<String, Object> summary = Frames.sweepSummary(sweep.param(), sweep.values(), best, List.of());
        summary.remove("runs");
        summary.put("pickedBy", "medianValidationLoss");
        summary.put("seeds", sweep.seeds());
        summary.put("verdicts", sweep.verdicts());
        out.println(Json.write(summary));
        out.flush();
    }

    /** The median, NaN left out (NaN when nothing is left). */
    static double median(List<Double> values) {
        double[] sorted = values.stream().filter(x -> !Double.isNaN(x)).mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) return Double.NaN;
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
