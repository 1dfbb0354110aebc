package org.gaplab.protocol;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gaplab.training.EpochReport;

/**
 * The numbers of one epoch that the curves plot ({@link EpochReport#SCALARS}), without the layer details: small
 * enough that a frame can carry every epoch since the previous frame, and a session can hold a bounded backlog of
 * them for a slow browser. Written as one JSON object, a key per scalar.
 */
public record EpochScalars(@JsonValue Map<String, Number> values) {
    public EpochScalars {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static EpochScalars of(EpochReport report) {
        Map<String, Number> values = new LinkedHashMap<>();
        for (EpochReport.Scalar scalar : EpochReport.SCALARS) values.put(scalar.name(), scalar.value().apply(report));
        return new EpochScalars(values);
    }
}
