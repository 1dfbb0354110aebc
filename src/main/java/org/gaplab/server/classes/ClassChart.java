package org.gaplab.server.classes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaplab.protocol.Json;
import org.gaplab.training.EpochReport;

/**
 * The {@code class} message: the class chart's points (every learner's numbers at their run's best epoch), the
 * class median per value, and the best value, picked like a sweep's on validation loss (here the median over the
 * learners on that value, each at their best epoch; test numbers are listed, never used to pick). A learner who
 * changed other settings (a learning rate, say) ran a different experiment: their point is drawn, and marked, but
 * left out of the medians and so of the best value, which compare only the value the class varies. A point counts
 * only once its run has trained a share of its epochs or ended ({@link ClassSeat#counts}).
 */
final class ClassChart {
    private ClassChart() { }

    /** The message for the teacher (and for learners when revealed: {@code withPoints}); learners see flags only otherwise. */
    static Map<String, Object> message(ClassExperiment experiment, List<ClassSeat> seats, boolean withPoints) {
        ClassExperiment.Orders orders = experiment.orders();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "class");
        message.put("class", experiment.id());
        message.put("param", experiment.plan().param());
        message.put("values", experiment.plan().values());
        message.put("axis", experiment.plan().isCategory() ? "category" : "number");
        message.put("lesson", experiment.plan().lesson());
        message.put("paused", orders.paused());
        message.put("locked", orders.locked());
        message.put("revealed", orders.revealed());
        message.put("ended", orders.ended());
        message.put("endReason", experiment.endReason());
        message.put("endsAt", experiment.endsAtMillis());
        message.put("learners", seats.size());
        message.put("maxLearners", experiment.maxLearners());
        if (!withPoints) return message;
        List<Map<String, Object>> points = new ArrayList<>();
        Map<String, Integer> names = new java.util.HashMap<>();
        for (ClassSeat seat : seats) names.merge(seat.nickname().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        for (ClassSeat seat : seats) {
            Map<String, Object> row = seat.row();
            row.put("duplicate", names.get(seat.nickname().toLowerCase(java.util.Locale.ROOT)) > 1);   // two "Ada"s on a projector
            points.add(row);
        }
        List<Map<String, Object>> summaries = summaries(experiment, seats);
        int best = bestIndex(summaries.stream().map(s -> (Double) s.get("validationLoss")).toList());
        message.put("points", points);
        message.put("summary", summaries);
        message.put("bestIndex", best);
        message.put("bestValue", best < 0 ? null : experiment.plan().values().get(best));
        message.put("bestEdge", edge(summaries.stream().map(s -> (Integer) s.get("trained") > 0).toList(), best));
        message.put("pickedBy", "median validation loss at each learner's best epoch, over the learners on the class's settings");
        message.put("config", Json.config(experiment.plan().base()));
        return message;
    }

    /** The value with the lowest median validation loss (the first of equals), or -1 when no value has one. */
    static int bestIndex(List<Double> medians) {
        int best = -1;
        for (int i = 0; i < medians.size(); i++) {
            Double median = medians.get(i);
            if (median != null && Double.isFinite(median) && (best < 0 || median < medians.get(best))) best = i;
        }
        return best;
    }

    /**
     * Whether the best value sits at an edge, where the U may go on falling beyond it: "grid" when it is the grid's
     * first or last value, "covered" when values past it have not run yet (a small class, say), else null. With one
     * value run there is no U to read, so that says "covered" too unless the grid has one value.
     */
    static String edge(List<Boolean> run, int best) {
        if (best < 0) return null;
        int low = run.indexOf(true);
        int high = run.lastIndexOf(true);
        if (best != low && best != high) return null;
        if (best == 0 || best == run.size() - 1) return run.size() > 1 ? "grid" : null;
        return "covered";
    }

    /**
     * Per value: how many learners, how many have trained with the class's settings (the medians' learners), how many
     * trained with settings of their own (left out), and the medians at the best epoch.
     */
    private static List<Map<String, Object>> summaries(ClassExperiment experiment, List<ClassSeat> seats) {
        List<Map<String, Object>> summaries = new ArrayList<>();
        List<Object> values = experiment.plan().values();
        for (int index = 0; index < values.size(); index++) {
            List<EpochReport> trained = new ArrayList<>();
            int learners = 0;
            int ownSettings = 0;
            for (ClassSeat seat : seats) {
                if (seat.index != index) continue;
                learners++;
                ClassSeat.Point point = seat.point();
                if (!seat.counts()) continue;
                if (point.changed().isEmpty()) trained.add(point.best());
                else ownSettings++;
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("index", index);
            summary.put("value", values.get(index));
            summary.put("learners", learners);
            summary.put("trained", trained.size());
            summary.put("ownSettings", ownSettings);
            summary.put("trainLoss", median(trained.stream().mapToDouble(r -> r.losses().train()).toArray()));
            summary.put("validationLoss", median(trained.stream().mapToDouble(r -> r.losses().validation()).toArray()));
            summary.put("trainAccuracy", median(trained.stream().mapToDouble(r -> r.accuracies().train()).toArray()));
            summary.put("validationAccuracy", median(trained.stream().mapToDouble(r -> r.accuracies().validation()).toArray()));
            summaries.add(summary);
        }
        return summaries;
    }

    /** The median of the finite numbers (the mean of the middle two when even), or null when there are none. */
    static Double median(double[] numbers) {
        double[] sorted = java.util.Arrays.stream(numbers).filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) return null;
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
