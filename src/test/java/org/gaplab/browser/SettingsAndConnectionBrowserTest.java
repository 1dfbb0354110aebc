package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page's settings and its connection, in a real headless Chromium against the real app on 127.0.0.1: the URL
 * restores every control and can start a run, a refused value is shown beside its field, live settings apply while
 * training and the others wait for a reset; the page trains inside another origin's iframe, asks nothing of another
 * machine, and reconnects after losing the server. One browser and one app serve every test; tests are ordered only
 * so the screenshots tell a story and the server is stopped last, each loads its own page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettingsAndConnectionBrowserTest {
    @RegisterExtension
    static final LivePage LIVE = LivePage.checkingRequests();

    private final PageDriver page = LIVE.page();

    @Test
    @Order(4)
    void a_url_with_a_full_config_restores_every_control() {
        Map<String, String> expected = nonDefaultValues();
        String query = expected.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("%2C", ","))
                .collect(Collectors.joining("&"));
        page.open("?" + query);
        @SuppressWarnings("unchecked")
        Map<String, String> shown = (Map<String, String>) page.js().executeScript(READ_CONTROLS);
        List<Runnable> checks = new ArrayList<>();
        for (Setting setting : ConfigSchema.all()) {
            String name = setting.name();
            checks.add(() -> assertEquals(normalized(setting, expected.get(name)), normalized(setting, shown.get(name)),
                    "control " + name + " after loading ?" + name + "=" + expected.get(name)));
        }
        assertEquals(ConfigSchema.all().size(), shown.size(), "one control per setting: " + shown.keySet());
        assertAll(checks.stream().map(check -> check::run));
    }

    @Test
    @Order(5)
    void autostart_trains_without_a_click() {
        page.open("?dataset=gauss&epochs=40&speed=0&autostart=1");
        page.waitFor("autostart to train to the end", d -> page.text("status").equals("finished"));
        assertEquals(40, page.epoch());
        assertTrue(page.lossChartPoints() >= 40, "the chart has every epoch: " + page.lossChartPoints());
    }

    @Test
    @Order(6)
    void the_embed_page_trains_inside_an_iframe_of_another_origin() throws IOException {
        ChromeDriver driver = LIVE.driver();
        String embed = LIVE.base() + "embed?preset=overfitting&dropout=0.3&speed=30&autostart=1&hide=data,model";
        try (OtherOrigin course = new OtherOrigin(embed)) {
            driver.get(course.url());
            WebElement frame = page.element("#gaplab");
            driver.switchTo().frame(frame);
            page.element("#frame-consent").click();   // any site may frame it (the default *): a click starts it
            page.waitFor("the embedded page to train", d -> page.epoch() >= 5);
            assertTrue(page.element("body").getAttribute("class").contains("embed"), "the compact layout is on");
            assertTrue(!page.element("#group-data").isDisplayed() && !page.element("#group-model").isDisplayed(),
                    "hide=data,model hides those groups");
            assertTrue(page.element("#group-regularization").isDisplayed(), "other groups stay");
            driver.switchTo().defaultContent();
            page.screenshot("06-embedded-in-another-origin.png");
        }
    }

    @Test
    @Order(7)
    void an_out_of_range_value_shows_the_server_error_beside_its_field() throws IOException {
        page.open("");
        WebElement l2 = page.element("#in-l2");
        l2.clear();
        l2.sendKeys("5", Keys.TAB);
        page.click("start");
        WebElement error = page.element("#error-in-l2");
        page.waitFor("the server's error beside the L2 field", d -> error.isDisplayed() && !error.getText().isBlank());
        assertTrue(error.getText().contains("[0, 1]"), "the error says what is allowed: " + error.getText());
        assertEquals("error", page.text("status"));
        assertEquals("true", l2.getAttribute("aria-invalid"));
        page.shoot(page.element("[data-setting='l2']"), "07-error-beside-field.png");
        l2.clear();
        l2.sendKeys("0.001", Keys.TAB);
        assertTrue(!error.isDisplayed(), "changing the value clears the error");
    }

    @Test
    @Order(10)
    void live_settings_apply_while_training_and_the_others_restart_a_single_run_at_once() {
        ChromeDriver driver = LIVE.driver();
        page.open("?dataset=circle&epochs=5000&speed=20");
        page.click("start");
        page.waitFor("a few epochs", d -> page.epoch() >= 2);
        WebElement l2 = page.element("#in-l2");
        l2.clear();
        l2.sendKeys("0.05", Keys.TAB);
        page.waitFor("the penalty to enter the objective", d -> page.textOf("#obj-l2").equals("λ₂ = 0.05")
                && !page.textOf("#obj-pen2").equals("0.0000"));
        assertEquals("", page.element("#pending-note").getText(), "a live setting needs no reset");
        assertEquals("running", page.text("status"));
        int before = page.epoch();
        page.element("[data-setting='hiddenLayers'] [data-role='add-layer']").click();
        // A single run takes a setting that cannot change live at once: it restarts with it (issue 22, point 3).
        page.waitFor("the run to restart with the new network", d -> page.epoch() < before
                && page.element("#weight-histograms").findElements(By.tagName("figure")).size() - 1 == 3);
        assertEquals("running", page.text("status"), "it was playing, so it plays on");
        assertEquals("", page.element("#pending-note").getText(), "nothing waits for Reset in a single run");
        assertTrue(driver.getCurrentUrl().contains("l2=0.05") && driver.getCurrentUrl().contains("hiddenLayers=8,8,8"),
                "the URL follows the controls: " + driver.getCurrentUrl());
    }

    @Test
    @Order(100)
    void no_request_leaves_the_machine() {
        page.open("?preset=overfitting&speed=0&autostart=1");
        page.waitFor("a run", d -> page.epoch() >= 2);
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) page.js().executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                        + ".concat(performance.getEntriesByType('navigation').map(e => e.name));");
        Set<String> requested = LIVE.requests().collect(resources);
        assertTrue(requested.stream().anyMatch(url -> url.startsWith("ws://127.0.0.1")), "the socket was seen: " + requested);
        assertTrue(requested.stream().anyMatch(url -> url.contains("chart.umd")), "Chart.js was loaded locally");
        List<String> remote = LIVE.requests().remote();
        assertEquals(List.of(), remote, "requests that left 127.0.0.1");
    }

    @Test
    @Order(200)
    void a_lost_connection_is_shown_and_the_page_reconnects() {
        page.open("?dataset=xor&epochs=5000&speed=20");
        page.click("start");
        page.waitFor("a run", d -> page.epoch() >= 2);
        LIVE.stopApp();
        page.waitFor("the page to notice", d -> page.text("status").equals("disconnected")
                && !"open".equals(page.element("#connection").getAttribute("data-state")));
        assertTrue(page.element("#banner").getText().contains("connection"), page.element("#banner").getText());
        LIVE.startAgain();
        // The run is restored from its checkpoint where the page left it (docs/PROTOCOL.md, "Restoring a run").
        page.waitFor("the page to reconnect and resume its run", d -> "open".equals(page.element("#connection")
                .getAttribute("data-state")) && page.text("run-note").contains("resumed at epoch"));
        page.waitFor("training again", d -> page.epoch() >= 2 && page.text("status").equals("running"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static final String READ_CONTROLS = """
            const out = {};
            for (const el of document.querySelectorAll('.setting[data-setting]')) {
              const value = el.querySelector('[data-role="value"]');
              const name = el.dataset.setting;
              switch (el.dataset.kind) {
                case 'boolean': out[name] = String(value.checked); break;
                case 'choice-list': out[name] = [...el.querySelectorAll('[data-role="choice"]')]
                    .filter((c) => c.checked).map((c) => c.value).join(','); break;
                case 'integer-list': out[name] = [...el.querySelectorAll('[data-role="layer"]')]
                    .map((b) => b.value).join(','); break;
                default: out[name] = value.value;
              }
            }
            return out;
            """;

    /** A valid-looking, non-default value for every setting, as URL text. */
    private static Map<String, String> nonDefaultValues() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Setting setting : ConfigSchema.all()) {
            String text;
            if (setting instanceof Setting.Integer s) {
                int v = s.min() + (int) Math.round((s.max() - (double) s.min()) * 0.37);
                text = String.valueOf(v == s.defaultInt() ? v + 1 : v);
            } else if (setting instanceof Setting.Number s) {
                double v = new BigDecimal(s.min() + (s.max() - s.min()) * 0.37).round(new MathContext(3)).doubleValue();
                text = BigDecimal.valueOf(v == s.defaultNumber() ? v * 1.1 : v).stripTrailingZeros().toPlainString();
            } else if (setting instanceof Setting.Choice s) {
                text = s.choices().stream().filter(c -> !c.equals(s.defaultChoice())).reduce((a, b) -> b).orElseThrow();
            } else if (setting instanceof Setting.Flag s) {
                text = String.valueOf(!s.defaultFlag());
            } else if (setting instanceof Setting.IntegerList) {
                text = "12,6,3";
            } else if (setting instanceof Setting.NumberList) {
                text = "0.25,0.1,0.3";
            } else if (setting instanceof Setting.ChoiceList s) {
                text = String.join(",", s.choices().subList(1, Math.min(4, s.choices().size())));
            } else {
                throw new IllegalStateException("no test value for " + setting);
            }
            values.put(setting.name(), text);
        }
        return values;
    }

    /** Compares values by meaning: numbers as numbers, lists without spaces. */
    private static String normalized(Setting setting, String text) {
        if (text == null) return null;
        String compact = text.replace(" ", "");
        if (setting instanceof Setting.Number || setting instanceof Setting.Integer) {
            return new BigDecimal(compact).stripTrailingZeros().toPlainString();
        }
        if (setting instanceof Setting.NumberList) {
            return compact.isEmpty() ? "" : java.util.Arrays.stream(compact.split(","))
                    .map(v -> new BigDecimal(v).stripTrailingZeros().toPlainString()).collect(Collectors.joining(","));
        }
        return compact;
    }
}
