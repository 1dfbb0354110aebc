package org.gaplab.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gaplab.training.Calibration;
import org.gaplab.training.EpochReport;
import org.gaplab.training.InputGroup;
import org.gaplab.training.Sparsity;
import org.gaplab.training.WeightSize;
import org.junit.jupiter.api.Test;

/** The grouped Java records are written as the flat objects docs/PROTOCOL.md shows. */
class EpochFramesTest {
    private static final EpochReport REPORT = new EpochReport(3, 0.1, new EpochReport.Losses(0.5, 0.7, 0.8, 0.01),
            new EpochReport.Accuracies(0.9, 0.6, 0.7), new Sparsity(10, 8, 2, 0.001, 1), new WeightSize(1.5, 0.7, 40, 140),
            List.of(new InputGroup("noise", true, 3, 1)),
            new EpochReport.ValidationDetail(new double[] {0.5, 0.25}, null, Calibration.NONE), List.of());

    @Test
    void a_report_is_one_flat_object_its_numbers_in_the_scalars_order_then_its_details() throws Exception {
        JsonNode report = Json.mapper().readTree(Json.write(REPORT));
        List<String> expected = new ArrayList<>();
        EpochReport.SCALARS.stream().map(EpochReport.Scalar::name).filter(name -> !name.equals("calibrationError"))
                .forEach(expected::add);
        expected.addAll(List.of("classAccuracy", "confusion", "inputs", "layers", "calibration"));
        assertEquals(expected, names(report));
        assertEquals(0.19999999999999996, report.get("gap").asDouble(), 0.0, "validation − train, as computed");
        assertEquals(0.2, report.get("zeroFraction").asDouble(), 0.0, "(10 − 8) / 10");
        assertEquals(0.30000000000000004, report.get("accuracyGap").asDouble(), 0.0);
        assertEquals(0.51, report.get("totalLoss").asDouble(), 0.0);
    }

    @Test
    void an_epoch_frame_writes_the_runs_part_flat_and_only_the_notes_that_changed() throws Exception {
        EpochFrames.RunFrame run = new EpochFrames.RunFrame(List.of(EpochScalars.of(REPORT)), REPORT, Map.of("x", 1));
        Map<String, Object> notes = new HashMap<>();
        notes.put("verdicts", List.of());
        JsonNode frame = Json.mapper().readTree(Json.write(EpochFrames.EpochFrame.of(run, notes)));
        assertEquals(List.of("type", "epochs", "report", "views", "verdicts"), names(frame));
        notes.put("viewSeed", 2);
        notes.put("claims", List.of());
        JsonNode compared = Json.mapper().readTree(Json.write(new EpochFrames.ComparisonFrame(List.of("l2"), run, null, notes)));
        assertEquals(List.of("type", "differences", "a", "b", "viewSeed", "verdicts", "claims"), names(compared));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
