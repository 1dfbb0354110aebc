package org.gaplab.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.EpochReport;
import org.gaplab.training.LayerReport;
import org.gaplab.training.RunEnd;
import org.gaplab.training.TrainingConfig;

/**
 * The JSON form of GapLab's messages, shared by the WebSocket protocol and the {@code train} command so both print
 * the same objects. Non-finite numbers (accuracy of a regression) are written as null, keeping the output valid JSON.
 */
public final class Json {
    /** Version of the message format; bumped on incompatible changes. */
    public static final int PROTOCOL_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new SimpleModule("finite-numbers")
                    .addSerializer(Double.class, new FiniteDoubleSerializer())
                    .addSerializer(double.class, new FiniteDoubleSerializer())
                    .addSerializer(double[].class, new FiniteDoubleArraySerializer()))
            .addModule(new SimpleModule("flat-reports")
                    .addSerializer(EpochReport.class, new FieldsSerializer<>(EpochReport.class, EpochReport.FIELDS))
                    .addSerializer(LayerReport.class, new FieldsSerializer<>(LayerReport.class, LayerReport.FIELDS)))
            .build();

    private Json() { }

    /** The shared, configured mapper (thread-safe). */
    public static ObjectMapper mapper() { return MAPPER; }

    /** Writes any message object as one line of JSON. */
    public static String write(Object message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write message as JSON", e);
        }
    }

    /** Parses a JSON object; malformed text is an {@link InvalidSettingException} for field {@code what}. */
    public static Map<String, Object> readObject(String json, String what) {
        try {
            Map<String, Object> map = MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
            if (map == null) throw new InvalidSettingException(what, "null", "a JSON object");
            return map;
        } catch (JsonProcessingException e) {
            // Jackson's own message names Java types; the browser gets where the text went wrong, and no more.
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            boolean notAnObject = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException
                    && !(e instanceof com.fasterxml.jackson.core.io.JsonEOFException);
            throw new InvalidSettingException(what, (notAnObject ? "JSON that is not an object" : "malformed JSON") + where,
                    "a JSON object");
        }
    }

    /** The config as a JSON-ready map with every key. */
    public static Map<String, Object> config(TrainingConfig config) {
        return ConfigValues.toMap(config);
    }

    /** An {@code epoch} message: the full report of one epoch. */
    public static Map<String, Object> epoch(EpochReport report) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "epoch");
        message.putAll(fields(report));
        return message;
    }

    /** An {@code end} message: how the run ended, with the final model's metrics. */
    public static Map<String, Object> end(RunEnd end) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "end");
        message.put("reason", end.reason().configName());
        message.put("epochs", end.epochs());
        message.put("bestEpoch", end.bestEpoch());
        message.put("restoredBestWeights", end.restoredBestWeights());
        message.put("message", end.message());
        if (end.finalReport() != null) {
            Map<String, Object> metrics = fields(end.finalReport());
            metrics.remove("epoch");
            message.putAll(metrics);
        }
        return message;
    }

    /** Every setting with its kind, range, default, choices, whether it is live, and its group. */
    public static List<Map<String, Object>> schema() {
        return ConfigSchema.GROUPS.stream().flatMap(group -> group.settings().stream().map(s -> describe(group.title(), s))).toList();
    }

    private static Map<String, Object> describe(String group, Setting setting) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", setting.name());
        d.put("group", group);
        if (setting instanceof Setting.Integer s) {
            d.put("type", "integer"); d.put("min", s.min()); d.put("max", s.max());
        } else if (setting instanceof Setting.Number s) {
            d.put("type", "number"); d.put("min", s.min()); d.put("max", s.max()); d.put("logScale", s.logScale());
        } else if (setting instanceof Setting.Choice s) {
            d.put("type", "choice"); d.put("choices", s.choices());
        } else if (setting instanceof Setting.Flag) {
            d.put("type", "boolean");
        } else if (setting instanceof Setting.IntegerList s) {
            d.put("type", "integer-list"); d.put("min", s.min()); d.put("max", s.max());
            d.put("minLength", s.minLength()); d.put("maxLength", s.maxLength());
        } else if (setting instanceof Setting.NumberList s) {
            d.put("type", "number-list"); d.put("min", s.min()); d.put("max", s.max());
            d.put("minLength", s.minLength()); d.put("maxLength", s.maxLength());
        } else if (setting instanceof Setting.ChoiceList s) {
            d.put("type", "choice-list"); d.put("choices", s.choices());
            d.put("minLength", s.minLength()); d.put("maxLength", s.maxLength());
        }
        d.put("default", setting.defaultValue());
        d.put("live", setting.live());
        d.put("description", setting.description());
        return d;
    }

    private static Map<String, Object> fields(EpochReport report) {
        return MAPPER.convertValue(report, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private static final class FiniteDoubleSerializer extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (value == null || !Double.isFinite(value)) out.writeNull(); else out.writeNumber(value);
        }
    }

    private static final class FiniteDoubleArraySerializer extends JsonSerializer<double[]> {
        @Override
        public void serialize(double[] values, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartArray();
            for (double v : values) {
                if (Double.isFinite(v)) out.writeNumber(v); else out.writeNull();
            }
            out.writeEndArray();
        }
    }

}
