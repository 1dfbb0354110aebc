package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A class experiment as a teacher and eight learners see it, in one headless Chromium (a tab each): the teacher's
 * link creates the class, each learner opens the join link and presses Start, the teacher's class chart shows every
 * learner's point moving as their run trains, the teacher's pause stops every run, and the QR code reads as the link.
 */
class ClassBrowserTest {
    private static final int LEARNERS = 8;
    private static final List<String> VALUES = List.of("0.0001", "0.0003", "0.001", "0.01");
    /** A small net on the circle; up to λ₂ = 0.01 every run learns, so every point moves (at 0.1 the best epoch stays 0). */
    private static final String CLASS = "class/new?param=l2&values=" + String.join(",", VALUES)
            + "&dataset=circle&trainSize=100&validationSize=100&testSize=100&hiddenLayers=8&optimizer=adam"
            + "&learningRate=0.01&epochs=3000";

    @RegisterExtension
    static final LivePage LIVE = LivePage.withDownloads();

    private ChromeDriver driver;
    private PageDriver page;
    private java.nio.file.Path downloads;

    @BeforeEach
    void useTheLivePage() {
        driver = LIVE.driver();
        page = LIVE.page();
        downloads = LIVE.downloads();
    }

    /** Each test's tabs go with it: their sockets count against this one address (--max-sessions-per-client). */
    @AfterEach
    void closeEveryTabButOne() {
        page.closeEveryTabButOne();
    }

    @Test
    void eight_learners_train_one_value_each_the_teacher_sees_every_point_move_and_pauses_every_run() throws Exception {
        openClass();
        String teacher = driver.getWindowHandle();
        WebElement joinLink = page.element("[data-testid='class-join-link']");
        page.waitFor("the join link", d -> joinLink.getAttribute("href").contains("?class="));
        String join = joinLink.getAttribute("href");
        assertTrue(driver.getCurrentUrl().indexOf('#') < 0, "the teacher key left the address bar: " + driver.getCurrentUrl());
        assertEquals(join, readQrCode(), "the QR code reads as the join link");

        List<String> learners = new ArrayList<>();
        Map<String, Map<String, String>> first = new HashMap<>();   // each point just after its run started
        for (int i = 0; i < LEARNERS; i++) {
            String learner = String.valueOf(i + 1);
            driver.switchTo().newWindow(WindowType.TAB);
            learners.add(driver.getWindowHandle());
            driver.get(join + "&nick=Learner" + learner);
            page.waitFor("learner " + learner + "'s assignment", d -> !page.text("class-value").isEmpty());
            page.click("start");
            page.waitFor("learner " + learner + "'s run", d -> "running".equals(page.element("body").getAttribute("data-status")));
            driver.switchTo().window(teacher);
            page.waitFor("learner " + learner + "'s point", d -> points().containsKey(learner)
                    && "running".equals(points().get(learner).get("status")));
            first.put(learner, points().get(learner));
        }

        page.waitFor("eight points on the class chart", d -> points().size() == LEARNERS);
        Map<String, Integer> perValue = new TreeMap<>();
        for (Map<String, String> point : points().values()) perValue.merge(point.get("value"), 1, Integer::sum);
        assertEquals(Map.of(VALUES.get(0), 2, VALUES.get(1), 2, VALUES.get(2), 2, VALUES.get(3), 2), perValue,
                "two learners on each value");
        assertEquals(String.valueOf(LEARNERS), page.text("class-count"));
        page.waitFor("a table row per learner", d -> driver.findElements(
                org.openqa.selenium.By.cssSelector("#class-table [data-testid='class-row']")).size() == LEARNERS);
        assertEquals(0, driver.findElements(org.openqa.selenium.By.cssSelector(".class-point.own-settings")).size(),
                "the page trains the assigned config as is: no learner counts as having settings of their own");
        try {
            page.waitFor("every point to move as its run trains", d -> {
                Map<String, Map<String, String>> now = points();
                return first.keySet().stream().allMatch(learner -> now.containsKey(learner)
                        && Integer.parseInt(now.get(learner).get("epoch")) > Integer.parseInt(first.get(learner).get("epoch"))
                        && !now.get(learner).get("top").equals(first.get(learner).get("top")));
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("points at their start " + first + ", now " + points(), e);
        }
        page.screenshot("class-teacher.png");

        page.click("class-pause");
        page.waitFor("every run paused", d -> points().values().stream().allMatch(p -> "paused".equals(p.get("status"))));
        Map<String, String> pausedAt = epochs();
        Thread.sleep(2000);
        assertEquals(pausedAt, epochs(), "no run trained on after the teacher's pause");
        for (int i = 0; i < LEARNERS; i++) {
            driver.switchTo().window(learners.get(i));
            // A window in the background draws its frames late (Chromium throttles it): let it catch up with the
            // epochs it was sent before the pause, then it must stand still.
            page.waitFor("learner " + (i + 1) + "'s page to draw what it was sent", d -> {
                String before = page.text("epoch");
                try {
                    Thread.sleep(700);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return before.equals(page.text("epoch"));
            });
            String epoch = page.text("epoch");
            assertEquals("paused", page.element("body").getAttribute("data-status"), "learner " + (i + 1) + " is paused");
            assertTrue(page.textOf("#class-state").contains("paused the class"), page.textOf("#class-state"));
            if (i == 0) {
                page.waitFor("the class chart beside the run", d -> driver.findElements(
                        org.openqa.selenium.By.cssSelector("#class-card [data-testid='class-point']")).size() == LEARNERS);
                assertEquals("1", page.attribute("#class-card .class-point.own", "data-learner"),
                        "the learner's own point is the one highlighted");
                page.screenshot("class-learner.png");
            }
            assertEquals(epoch, page.text("epoch"), "learner " + (i + 1) + "'s epochs stopped");
        }
        driver.switchTo().window(teacher);

        page.click("class-csv");
        page.waitFor("the results file", d -> csvFile() != null);
        List<String> rows = java.nio.file.Files.readAllLines(csvFile());
        assertEquals(LEARNERS + 1, rows.size(), "a header and a row per learner: " + rows);
        assertTrue(rows.get(0).startsWith("learner,nickname,param,value,seed,status,epoch,bestEpoch,trainLoss,validationLoss"),
                rows.get(0));
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            assertTrue(VALUES.stream().anyMatch(v -> Double.parseDouble(v) == Double.parseDouble(cells[3])) && cells[5].equals("paused")
                    && Double.parseDouble(cells[9]) > 0, "a learner's results: " + row);
        }
    }

    @Test
    void a_join_link_with_a_name_the_class_refuses_still_seats_the_learner_and_says_why() {
        openClass();
        WebElement joinLink = page.element("[data-testid='class-join-link']");
        page.waitFor("the join link", d -> joinLink.getAttribute("href").contains("?class="));
        String join = joinLink.getAttribute("href");
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(join + "&nick=" + java.net.URLEncoder.encode("<b>Ada</b>", java.nio.charset.StandardCharsets.UTF_8));
        page.waitFor("a seat without the refused name", d -> !page.text("class-value").isEmpty());
        assertTrue(page.textOf("#class-state").contains("The name in your link was not allowed"), page.textOf("#class-state"));
        assertEquals("Learner 1", page.element("#class-nickname").getDomProperty("value"));
    }

    private java.nio.file.Path csvFile() {
        try (var files = java.nio.file.Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Every point on the teacher's chart, by learner: its value, epoch, status and where it is drawn. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, String>> points() {
        List<Map<String, String>> all = (List<Map<String, String>>) page.js().executeScript(
                "return [...document.querySelectorAll('[data-testid=\"class-point\"]')].map((p) => ({learner: p.dataset.learner,"
                        + " value: p.dataset.value, epoch: p.dataset.epoch, status: p.dataset.status, top: p.style.top}));");
        Map<String, Map<String, String>> byLearner = new HashMap<>();
        for (Map<String, String> point : all) byLearner.put(point.get("learner"), point);
        return byLearner;
    }

    private Map<String, String> epochs() {
        Map<String, String> epochs = new TreeMap<>();
        points().forEach((learner, point) -> epochs.put(learner, point.get("epoch")));
        return epochs;
    }

    /** The QR code as the teacher's page draws it, read back with zxing from a screenshot of the image. */
    private String readQrCode() throws Exception {
        WebElement qr = page.element("[data-testid='class-qr']");
        page.waitFor("the QR code", d -> Boolean.TRUE.equals(page.js().executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0;", qr)));
        page.js().executeScript("arguments[0].scrollIntoView({block: 'center'});", qr);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.getScreenshotAs(OutputType.BYTES)));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    /** The teacher opens the class link (its form, filled in) and presses Create: only a post from the page makes a class. */
    private void openClass() {
        driver.switchTo().defaultContent();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        driver.get(LIVE.base() + CLASS);
        page.element("form.class-form button[type='submit']").click();
        page.waitFor("the teacher's page to connect", d -> "open".equals(page.element("#connection").getAttribute("data-state")));
    }
}
