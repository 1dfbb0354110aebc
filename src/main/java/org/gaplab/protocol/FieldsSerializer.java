package org.gaplab.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.List;
import org.gaplab.training.ReportField;

/**
 * Writes a report as one flat JSON object, a key per field of its list in that order: the report's records are
 * grouped for Java readers, while the page reads the keys it always did.
 */
final class FieldsSerializer<R> extends StdSerializer<R> {
    private final List<ReportField<R>> fields;

    FieldsSerializer(Class<R> type, List<ReportField<R>> fields) {
        super(type);
        this.fields = List.copyOf(fields);
    }

    @Override
    public void serialize(R report, JsonGenerator out, SerializerProvider provider) throws IOException {
        out.writeStartObject(report);
        for (ReportField<R> field : fields) provider.defaultSerializeField(field.name(), field.value().apply(report), out);
        out.writeEndObject();
    }
}
