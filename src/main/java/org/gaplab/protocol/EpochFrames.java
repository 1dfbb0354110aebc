package org.gaplab.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaplab.training.EpochReport;
import org.gaplab.verdicts.Verdict;

/**
 * The frames that carry epochs (docs/PROTOCOL.md, {@code epoch}, {@code compare-epoch}, {@code sweep-epoch}): records,
 * so Jackson writes the reports straight from the engine's objects. The fields an experiment over several seeds adds
 * ({@code seeds}, {@code best}, {@code viewSeed}, {@code verdicts}, {@code claims}) are left out while they have not
 * changed since the previous frame: a page keeps the last it received, as it does with views.
 */
public final class EpochFrames {
    private EpochFrames() { }

    /** One seed's new epochs since the previous frame: the same scalar objects as {@code epochs}. */
    public record SeedEpochs(List<EpochScalars> epochs) {
        public SeedEpochs {
            epochs = List.copyOf(epochs);
        }
    }

    /**
     * One run's part of a frame: the viewed seed's scalars of every epoch since the previous frame, its newest full
     * report and views; every seed's scalars in seed order; the viewed seed's best epoch so far.
     */
    public record RunFrame(List<EpochScalars> epochs, EpochReport report, Map<String, Object> views,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<SeedEpochs> seeds,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Object best) {
        public RunFrame {
            epochs = List.copyOf(epochs);
        }

        public RunFrame(List<EpochScalars> epochs, EpochReport report, Map<String, Object> views) {
            this(epochs, report, views, null, null);
        }
    }

    /**
     * What is judged over a run's seeds ({@code viewSeed}, {@code verdicts}, {@code claims}), each left out of a frame
     * while it has not changed since the previous one.
     */
    public record Notes(@JsonInclude(JsonInclude.Include.NON_NULL) Object viewSeed,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Object verdicts,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Object claims) {
        /** The notes among a frame's newest, by their keys (an absent one is unchanged). */
        public static Notes of(Map<String, Object> notes) {
            return new Notes(notes.get("viewSeed"), notes.get("verdicts"), notes.get("claims"));
        }
    }

    /** An {@code epoch} frame: one run's part, and what is judged over its seeds, written as one flat object. */
    public record EpochFrame(String type, @JsonUnwrapped RunFrame run, @JsonUnwrapped Notes notes) {
        /** The frame of a run's part and the newest notes. */
        public static EpochFrame of(RunFrame run, Map<String, Object> notes) {
            return new EpochFrame("epoch", run, Notes.of(notes));
        }
    }

    /**
     * A {@code compare-epoch} frame: both runs' new epochs (a run without new epochs, because it ended, is null), and
     * what is judged over the paired seeds.
     */
    public record ComparisonFrame(String type, List<String> differences, RunFrame a, RunFrame b,
                                  @JsonUnwrapped Notes notes) {
        public ComparisonFrame(List<String> differences, RunFrame a, RunFrame b, Map<String, Object> notes) {
            this("compare-epoch", List.copyOf(differences), a, b, Notes.of(notes));
        }
    }

    /** One sweep run's new epochs, scalars only: value {@code index}'s run on seed {@code seed}. */
    public record SweepProgress(int index, double value, int seed, List<EpochScalars> epochs) {
        public SweepProgress {
            epochs = List.copyOf(epochs);
        }
    }

    /** A {@code sweep-epoch} frame: the runs with new epochs since the previous frame. */
    public record SweepFrame(String type, List<SweepProgress> runs) {
        public SweepFrame(List<SweepProgress> runs) {
            this("sweep-epoch", List.copyOf(runs));
        }
    }

    /** Verdicts as the page reads them: every field of {@link Verdict}, the status as a config name ({@code holds}). */
    public static List<Map<String, Object>> verdicts(List<Verdict> verdicts) {
        List<Map<String, Object>> list = new ArrayList<>(verdicts.size());
        for (Verdict verdict : verdicts) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", verdict.id());
            map.put("status", verdict.status().configName());
            map.put("label", verdict.status().label());
            map.put("sentence", verdict.sentence());
            map.put("split", verdict.split());
            map.put("chosenOnValidation", verdict.chosenOnValidation());
            map.put("held", verdict.held());
            map.put("seeds", verdict.seeds());
            map.put("required", verdict.required());
            map.put("values", verdict.values());
            list.add(map);
        }
        return list;
    }

    /** A run's best epoch so far (lowest validation loss: a choice made on validation data) and its reliability diagram. */
    public static Map<String, Object> best(EpochReport best) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("epoch", best.epoch());
        map.put("calibration", best.validation().calibration());
        return map;
    }
}
