package org.gaplab.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaplab.settings.InvalidSettingException;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.gaplab.training.ConfigValues;
import org.gaplab.training.TrainingConfig;

/**
 * Config keys written in a URL, as the page writes them (docs/DEPLOY.md, "Config keys"): dotted nested keys, lists
 * separated by commas, booleans as true/false or 1/0, and any key of a switched object ({@code earlyStopping.*})
 * switching it on unless its switch ({@code earlyStopping.enabled}) is given. The page's {@code state.js} reads the
 * same rules; here they serve links that the server reads itself ({@code /class/new?l2=0.01&...}). A value that is
 * not what its setting takes is passed on as text, so the config's own checks name the field, the value and the
 * allowed range.
 */
public final class UrlConfig {
    private UrlConfig() { }

    /** Whether a URL key is a config key. */
    public static boolean isConfigKey(String key) {
        return ConfigSchema.find(key).isPresent();
    }

    /** {@code base} with the config keys of {@code query} applied; other keys are the caller's business. */
    public static TrainingConfig apply(TrainingConfig base, Map<String, String> query) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : query.entrySet()) {
            ConfigSchema.find(entry.getKey()).ifPresent(setting -> values.put(entry.getKey(), decode(setting, entry.getValue())));
        }
        // A key of a switched object (earlyStopping.patience) switches it on unless its switch is given.
        ConfigSchema.nestedObjects().forEach((object, flag) -> {
            if (flag == null || values.containsKey(object + "." + flag)) return;
            if (values.keySet().stream().anyMatch(k -> k.startsWith(object + "."))) values.put(object + "." + flag, true);
        });
        try {
            return ConfigValues.applyTo(base, values);
        } catch (InvalidSettingException e) {
            throw ProtocolError.invalid(e);
        }
    }

    /** One value from its URL text, by the setting's kind. */
    static Object decode(Setting setting, String text) {
        if (setting instanceof Setting.Integer || setting instanceof Setting.Number) return number(text);
        if (setting instanceof Setting.Flag) {
            return switch (text) {
                case "true", "1" -> true;
                case "false", "0" -> false;
                default -> text;
            };
        }
        if (setting instanceof Setting.IntegerList || setting instanceof Setting.NumberList) {
            List<Object> items = new ArrayList<>();
            for (String item : items(text)) items.add(number(item));
            return items;
        }
        if (setting instanceof Setting.ChoiceList) return new ArrayList<Object>(items(text));
        return text;
    }

    private static List<String> items(String text) {
        if (text.isBlank()) return List.of();
        return Arrays.stream(text.split(",")).map(String::trim).toList();
    }

    private static Object number(String text) {
        try {
            double value = Double.parseDouble(text.trim());
            return Double.isFinite(value) ? (Object) value : text;
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
