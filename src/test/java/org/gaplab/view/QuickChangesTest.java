package org.gaplab.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gaplab.data.DataSpec.Family;
import org.gaplab.data.PointPattern;
import org.gaplab.protocol.Json;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.gaplab.training.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The facts the page's scripts use come from Java: the quick toggles' table and the plane's extent. */
class QuickChangesTest {

    @Test
    void every_quick_toggle_is_drawn_with_its_values_by_family_keyed_by_real_settings() {
        String page = Pages.playground(false);
        for (QuickChanges.Toggle toggle : QuickChanges.TOGGLES) {
            String json = Json.write(QuickChanges.asJson(toggle)).replace("\"", "&quot;");
            assertTrue(page.contains("data-quick=\"" + toggle.id() + "\""), toggle.id());
            assertTrue(page.contains("data-quick-changes=\"" + json + "\""), toggle.id() + " carries " + json);
            toggle.byFamily().values().forEach(values -> {
                assertEquals(values.on().keySet(), values.off().keySet(), toggle.id() + ": on and off set the same settings");
                values.on().keySet().forEach(s -> assertTrue(ConfigSchema.all().contains(s), s.name()));
            });
        }
    }

    @Test
    void the_toggles_values_are_valid_settings_and_augmentation_serves_no_feature_sets() {
        for (QuickChanges.Toggle toggle : QuickChanges.TOGGLES) {
            toggle.byFamily().values().forEach(values -> {
                values.on().forEach(QuickChangesTest::accepted);
                values.off().forEach(QuickChangesTest::accepted);
            });
        }
        QuickChanges.Toggle augmentation = QuickChanges.TOGGLES.stream().filter(t -> t.id().equals("augmentation")).findFirst().orElseThrow();
        assertFalse(augmentation.byFamily().containsKey(Family.FEATURES), "no augmentation acts on plain features");
        assertEquals(Map.of("on", Map.of(TrainingConfig.L2.name(), 0.01), "off", Map.of(TrainingConfig.L2.name(), 0)),
                QuickChanges.asJson(QuickChanges.TOGGLES.get(0)).get("points"));
    }

    /** The setting's own parser takes the value (it throws naming the field when out of range). */
    private static void accepted(Setting setting, Object value) {
        setting.read(Json.readObject("{\"v\":" + Json.write(value) + "}", "value").get("v"));
    }

    @Test
    void the_boundary_draws_javas_plane_extent_and_writes_none_of_its_own() throws IOException {
        assertTrue(Pages.playground(false).contains("data-plane-extent=\"" + Setting.plain(PointPattern.EXTENT) + "\""));
        String boundary = Files.readString(Path.of("web/js/boundary.js"));
        assertFalse(boundary.matches("(?s).*(viewExtent\\(\\d|shownView \\?\\? \\d).*"), "boundary.js writes the extent by hand");
    }
}
