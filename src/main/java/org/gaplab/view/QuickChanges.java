package org.gaplab.view;

import static j2html.TagCreator.button;

import j2html.tags.DomContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaplab.data.AugmentationSpec;
import org.gaplab.data.DataSpec.Family;
import org.gaplab.engine.Init;
import org.gaplab.protocol.Json;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.gaplab.training.TrainingConfig;

/**
 * The comparison's quick toggles, for every lesson alike: each flips a regularizer or a choice between "off" and a
 * telling value, one replaces the others, so run B changes one thing. A toggle is on for run A when one of its
 * settings holds a positive number (any entry of a list) or, for a choice, its "on" choice; run B then takes the
 * "off" values, else the "on" ones. The setting keys come from the descriptors, and the page gets the whole table
 * (data-quick-changes), so the browser lists none of it.
 */
final class QuickChanges {
    private QuickChanges() {}

    /** For one family of data: run B's values when the toggle turns the thing on, and when it turns it off. */
    record Values(Map<Setting, Object> on, Map<Setting, Object> off) {}

    /** A toggle: its id (data-quick), its title, and its values by family; a family it lacks has no such change. */
    record Toggle(String id, String title, Map<Family, Values> byFamily) {}

    static final List<Toggle> TOGGLES = List.of(
            everywhere(TrainingConfig.L2, "L2 on/off", 0.01, 0),
            everywhere(TrainingConfig.L1, "L1 on/off", 0.001, 0),
            everywhere(TrainingConfig.DROPOUT, "Dropout 0 / 0.5", List.of(0.5), List.of(0)),
            everywhere(TrainingConfig.INIT, "Glorot / too-large init", Init.TOO_LARGE.configName(), Init.XAVIER_NORMAL.configName()),
            // Named for the config's nested object its settings belong to.
            new Toggle(ConfigSchema.outer(AugmentationSpec.JITTER.name()).orElseThrow(), "Augmentation on/off", Map.of(
                    Family.POINTS, new Values(Map.of(AugmentationSpec.JITTER, 0.15), Map.of(AugmentationSpec.JITTER, 0)),
                    Family.IMAGES, new Values(
                            ordered(AugmentationSpec.SHIFT, 2, AugmentationSpec.ROTATION, 10, AugmentationSpec.SCALE, 0.1),
                            ordered(AugmentationSpec.SHIFT, 0, AugmentationSpec.ROTATION, 0, AugmentationSpec.SCALE, 0)))));

    /** A toggle as the page's button, carrying its values by family as JSON. */
    static DomContent toggleButton(Toggle toggle) {
        return button(toggle.title()).withType("button").attr("data-quick", toggle.id()).attr("aria-pressed", "false")
                .attr("data-quick-changes", Json.write(asJson(toggle)));
    }

    /** {family: {on: {key: value}, off: {key: value}}}, families in their enum's order. */
    static Map<String, Object> asJson(Toggle toggle) {
        Map<String, Object> families = new LinkedHashMap<>();
        for (Family family : Family.values()) {
            Values values = toggle.byFamily().get(family);
            if (values != null) {
                families.put(family.name().toLowerCase(Locale.ROOT), Map.of("on", keyed(values.on()), "off", keyed(values.off())));
            }
        }
        return families;
    }

    private static Map<String, Object> keyed(Map<Setting, Object> values) {
        Map<String, Object> keyed = new LinkedHashMap<>();
        values.forEach((setting, value) -> keyed.put(setting.name(), value));
        return keyed;
    }

    /** A toggle of one setting between {@code on} and {@code off} for every family of data, named for the setting. */
    private static Toggle everywhere(Setting setting, String title, Object on, Object off) {
        Map<Family, Values> byFamily = new LinkedHashMap<>();
        for (Family family : Family.values()) byFamily.put(family, new Values(Map.of(setting, on), Map.of(setting, off)));
        return new Toggle(setting.name(), title, byFamily);
    }

    private static Map<Setting, Object> ordered(Setting a, Object va, Setting b, Object vb, Setting c, Object vc) {
        Map<Setting, Object> map = new LinkedHashMap<>();
        map.put(a, va);
        map.put(b, vb);
        map.put(c, vc);
        return map;
    }
}
