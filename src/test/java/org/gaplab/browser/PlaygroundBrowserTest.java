package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gaplab.settings.Setting;
import org.gaplab.training.ConfigSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

/**
 * The playground in a real headless Chromium against the real app on 127.0.0.1. One browser and one app serve every
 * test (the machine has two cores); tests are ordered only so the screenshots tell a story, each loads its own page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaygroundBrowserTest {

    @RegisterExtension
    static final LivePage LIVE = new LivePage();

    private ChromeDriver driver;
    private PageDriver page;
    private String base;
    /** Every URL the browser requested or opened a socket to, collected from Chrome's network log. */
    private final Set<String> requested = new TreeSet<>();

    @BeforeAll
    void connect() {
        base = LIVE.base();
        driver = LIVE.driver();
        page = LIVE.page();
    }

    @AfterEach
    void collectRequests() {
        if (driver == null) return;
        driver.switchTo().defaultContent();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            String message = entry.getMessage();
            if (!message.contains("Network.requestWillBeSent") && !message.contains("Network.webSocketCreated")) continue;
            requested.addAll(urlsIn(message));
        }
    }

    @Test
    @Order(1)
    void starting_advances_the_epoch_the_losses_and_the_loss_chart() throws IOException {
        page.open("?preset=overfitting&speed=30");
        assertEquals("ready", page.text("status"));
        page.click("start");
        page.waitFor("training to pass epoch 3", d -> epoch() >= 3);
        int firstEpoch = epoch();
        String firstLoss = page.text("train-loss");
        int firstPoints = chartPoints();
        page.waitFor("the epoch counter, the train loss and the chart to move on",
                d -> epoch() >= firstEpoch + 10 && !page.text("train-loss").equals(firstLoss) && chartPoints() > firstPoints);
        assertEquals("running", page.text("status"));
        assertTrue(Double.parseDouble(page.text("validation-loss")) > 0, "validation loss is a number");
        assertTrue(page.text("test-loss").matches("\\d+\\.\\d{4}"), "test loss is shown as text: " + page.text("test-loss"));
        assertTrue(page.text("train-accuracy").endsWith("%"), "accuracy is a percentage: " + page.text("train-accuracy"));
        page.waitFor("the overfitting run to open a gap", d -> epoch() >= 120);
        page.screenshot("01-overfitting-1280x900.png");
        page.shoot(page.element("#data-view"), "02-decision-boundary.png");
        page.detail("objective");
        page.shoot(page.element("#objective"), "03-objective.png");
    }

    @Test
    @Order(2)
    void pause_freezes_the_epoch_counter_and_resume_goes_on() throws InterruptedException {
        page.open("?dataset=xor&epochs=5000&speed=20");
        page.click("start");
        page.waitFor("a few epochs", d -> epoch() >= 3);
        page.click("pause");
        page.waitFor("the paused status", d -> page.text("status").equals("paused"));
        int paused = epoch();
        Thread.sleep(1500);
        assertEquals(paused, epoch(), "no epoch passes while paused");
        assertEquals("Resume", page.element("[data-testid='pause']").getText());
        page.click("step");
        page.waitFor("one step", d -> epoch() == paused + 1);
        Thread.sleep(600);
        assertEquals(paused + 1, epoch(), "a step trains exactly one epoch");
        page.click("pause");
        page.waitFor("training to resume", d -> epoch() > paused + 3 && page.text("status").equals("running"));
    }

    @Test
    @Order(3)
    void l1_with_clip_mode_zeroes_more_than_half_of_the_weights() throws IOException {
        page.open("?dataset=noisy-features&trainSize=200&validationSize=200&testSize=200&hiddenLayers=16"
                + "&learningRate=0.1&l1=0.02&l1Mode=clip&epochs=300");
        assertEquals("clip", new Select(page.element("#in-l1Mode")).getFirstSelectedOption().getAttribute("value"));
        new Select(page.element("#speed")).selectByValue("0");
        page.click("start");
        page.waitFor("more than half of the weights to be exactly zero", d -> percent(page.text("zero-fraction")) > 50);
        double accuracy = percent(page.text("validation-accuracy"));
        assertTrue(accuracy > 60, "L1 keeps the informative features: validation accuracy " + accuracy + "%");
        scrollTo("#sparsity");
        page.shoot(page.element("#sparsity"), "04-l1-sparsity.png");
        page.detail("weights");
        page.shoot(page.element("#weights"), "05-weight-distributions-l1.png");
    }

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
        assertEquals(40, epoch());
        assertTrue(chartPoints() >= 40, "the chart has every epoch: " + chartPoints());
    }

    @Test
    @Order(6)
    void the_embed_page_trains_inside_an_iframe_of_another_origin() throws IOException {
        String embed = base + "embed?preset=overfitting&dropout=0.3&speed=30&autostart=1&hide=data,model";
        try (OtherOrigin course = new OtherOrigin(embed)) {
            driver.get(course.url());
            WebElement frame = page.element("#gaplab");
            driver.switchTo().frame(frame);
            page.waitFor("the embedded page to train", d -> epoch() >= 5);
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
    @Order(8)
    void images_show_first_layer_weights_augmented_samples_and_class_accuracy() throws IOException {
        page.open("?dataset=shapes&trainSize=100&validationSize=300&testSize=300&noise=0.05&hiddenLayers=64"
                + "&activation=relu&init=he-normal&optimizer=adam&learningRate=0.003&batchSize=20"
                + "&augmentation.shift=2&augmentation.rotation=10&augmentation.scale=0.1&speed=0&epochs=30");
        page.click("start");
        page.waitFor("a few image epochs", d -> epoch() >= 3);
        page.waitFor("the weight pictures", d -> page.element("#weight-images-view").isDisplayed());
        scrollTo("#data-view");
        page.shoot(page.element("#data-view"), "08-images-weights-augmented.png");
    }

    @Test
    @Order(9)
    void early_stopping_marks_the_stop_and_the_page_fits_a_tablet() throws IOException {
        page.open("?preset=overfitting&earlyStopping.enabled=true&earlyStopping.patience=30"
                + "&earlyStopping.minDelta=0.001&speed=0");
        page.click("start");
        page.waitFor("early stopping", d -> page.text("status").equals("early-stopped"));
        page.screenshot("09-early-stopped-1280x900.png");
        driver.manage().window().setSize(new Dimension(1280, 800));
        page.screenshot("10-1280x800.png");
        driver.manage().window().setSize(new Dimension(820, 1180));
        page.screenshot("11-tablet-820x1180.png");
        Long overflow = (Long) page.js().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow <= 0, "no sideways scrolling on a tablet: " + overflow + " px too wide");
        driver.manage().window().setSize(new Dimension(1280, 900));
        page.detail("init");
        scrollTo("#init");
        page.shoot(page.element("#init"), "12-initialization.png");
        page.detail("network");
        page.shoot(page.element("#network"), "13-network.png");
        String caption = driver.findElement(org.openqa.selenium.By.id("network-caption")).getText();
        assertTrue(caption.contains("links drawn"), "the diagram draws each link's own weight: " + caption);
    }

    @Test
    @Order(10)
    void live_settings_apply_while_training_and_the_others_wait_for_a_reset() {
        page.open("?dataset=circle&epochs=5000&speed=20");
        page.click("start");
        page.waitFor("a few epochs", d -> epoch() >= 2);
        WebElement l2 = page.element("#in-l2");
        l2.clear();
        l2.sendKeys("0.05", Keys.TAB);
        page.waitFor("the penalty to enter the objective", d -> page.textOf("#obj-l2").equals("λ₂ = 0.05")
                && !page.textOf("#obj-pen2").equals("0.0000"));
        assertEquals("", page.element("#pending-note").getText(), "a live setting needs no reset");
        assertEquals("running", page.text("status"));
        page.element("[data-setting='hiddenLayers'] [data-role='add-layer']").click();
        page.waitFor("the reset notice", d -> page.element("#pending-note").getText().contains("hiddenLayers"));
        assertTrue(page.element("[data-setting='hiddenLayers'] .pending").isDisplayed(), "the control says it waits");
        assertTrue(driver.getCurrentUrl().contains("l2=0.05") && driver.getCurrentUrl().contains("hiddenLayers=8,8,8"),
                "the URL follows the controls: " + driver.getCurrentUrl());
        page.click("reset");
        page.waitFor("a paused run of the new network at epoch 0",
                d -> page.text("status").equals("paused") && epoch() == 0 && page.element("#pending-note").getText().isEmpty());
        assertEquals(3, page.element("#weight-histograms").findElements(By.tagName("figure")).size() - 1,
                "three hidden layers and the output layer");
    }

    @Test
    @Order(100)
    void no_request_leaves_the_machine() {
        page.open("?preset=overfitting&speed=0&autostart=1");
        page.waitFor("a run", d -> epoch() >= 2);
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) page.js().executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                        + ".concat(performance.getEntriesByType('navigation').map(e => e.name));");
        collectRequests();
        requested.addAll(resources);
        assertTrue(requested.stream().anyMatch(url -> url.startsWith("ws://127.0.0.1")), "the socket was seen: " + requested);
        assertTrue(requested.stream().anyMatch(url -> url.contains("chart.umd")), "Chart.js was loaded locally");
        List<String> remote = requested.stream().filter(url -> !isLocal(url)).toList();
        assertEquals(List.of(), remote, "requests that left 127.0.0.1");
    }

    @Test
    @Order(200)
    void a_lost_connection_is_shown_and_the_page_reconnects() {
        page.open("?dataset=xor&epochs=5000&speed=20");
        page.click("start");
        page.waitFor("a run", d -> epoch() >= 2);
        LIVE.stopApp();
        page.waitFor("the page to notice", d -> page.text("status").equals("disconnected")
                && !"open".equals(page.element("#connection").getAttribute("data-state")));
        assertTrue(page.element("#banner").getText().contains("connection"), page.element("#banner").getText());
        LIVE.startAgain();
        // The run is restored from its checkpoint where the page left it (docs/PROTOCOL.md, "Restoring a run").
        page.waitFor("the page to reconnect and resume its run", d -> "open".equals(page.element("#connection")
                .getAttribute("data-state")) && page.text("run-note").contains("resumed at epoch"));
        page.waitFor("training again", d -> epoch() >= 2 && page.text("status").equals("running"));
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

    private int epoch() {
        return Integer.parseInt(page.text("epoch"));
    }

    private int chartPoints() {
        String points = page.element("#loss-chart").getAttribute("data-points");
        return points == null ? 0 : Integer.parseInt(points);
    }

    private static double percent(String text) {
        return text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1)) : -1;
    }

    private void scrollTo(String css) {
        page.js().executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'start'});", css);
    }

    /**
     * Only network schemes can leave the machine; data:, blob:, about: and the browser's own chrome: pages (its new
     * tab page at start-up) are served from memory or from the browser itself.
     */
    private static boolean isLocal(String url) {
        String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(java.util.Locale.ROOT) : "";
        if (!Set.of("http", "https", "ws", "wss", "ftp").contains(scheme)) return true;
        try {
            String host = URI.create(url).getHost();
            return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The request URL of a Chrome network-log event. */
    private static List<String> urlsIn(String message) {
        try {
            var params = JSON.readTree(message).path("message").path("params");
            List<String> urls = new ArrayList<>();
            if (params.has("request")) urls.add(params.path("request").path("url").asText());
            else if (params.has("url")) urls.add(params.path("url").asText());
            return urls;
        } catch (IOException e) {
            return List.of();
        }
    }
}
