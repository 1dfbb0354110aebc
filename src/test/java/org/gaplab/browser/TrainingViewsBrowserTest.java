package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * What training shows, in a real headless Chromium against the real app on 127.0.0.1: the counters and the loss chart
 * moving, pause and step, L1's exact zeros, image weights, early stopping and the page at tablet size. One browser and
 * one app serve every test (the machine has two cores); tests are ordered only so the screenshots tell a story, each
 * loads its own page. The other half of the page is {@link SettingsAndConnectionBrowserTest}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainingViewsBrowserTest {
    @RegisterExtension
    static final LivePage LIVE = LivePage.checkingRequests();

    private final PageDriver page = LIVE.page();

    @Test
    @Order(1)
    void starting_advances_the_epoch_the_losses_and_the_loss_chart() throws IOException {
        page.open("?preset=overfitting&speed=30&epochs=2000");   // long enough to be running whenever it is read
        assertEquals("ready", page.text("status"));
        page.click("start");
        page.waitFor("training to pass epoch 3", d -> page.epoch() >= 3);
        int firstEpoch = page.epoch();
        String firstLoss = page.text("train-loss");
        int firstPoints = page.lossChartPoints();
        page.waitFor("the epoch counter, the train loss and the chart to move on",
                d -> page.epoch() >= firstEpoch + 10 && !page.text("train-loss").equals(firstLoss) && page.lossChartPoints() > firstPoints);
        assertEquals("running", page.text("status"));
        assertTrue(Double.parseDouble(page.text("validation-loss")) > 0, "validation loss is a number");
        page.click("pause");   // the tile's text and tooltip are read together, of one epoch
        page.waitFor("the pause", d -> page.text("status").equals("paused"));
        RoundedValues.assertThreeFigures(page, "test-loss");
        RoundedValues.assertThreeFigures(page, "gap");
        page.click("pause");   // resumes
        assertTrue(page.text("train-accuracy").endsWith("%"), "accuracy is a percentage: " + page.text("train-accuracy"));
        page.waitFor("the overfitting run to open a gap", d -> page.epoch() >= 120);
        page.screenshot("01-overfitting-1280x900.png");
        assertEquals(List.of(), SmallText.on(page), "every word on a lesson page at 11 px or more");
        // With every verdict of the lesson shown, the curves keep a useful height; the verdicts scroll in their card.
        assertTrue(lowestChart(page, "loss-chart", "accuracy-chart") >= 140,
                "the curves keep their height beside the verdicts: " + lowestChart(page, "loss-chart", "accuracy-chart") + " px");
        page.shoot(page.element("#data-view"), "02-decision-boundary.png");
        page.detail("objective");
        page.shoot(page.element("#objective"), "03-objective.png");
    }

    @Test
    @Order(2)
    void pause_freezes_the_epoch_counter_and_resume_goes_on() throws InterruptedException {
        page.open("?dataset=xor&epochs=5000&speed=20");
        page.click("start");
        page.waitFor("a few epochs", d -> page.epoch() >= 3);
        page.click("pause");
        page.waitFor("the paused status", d -> page.text("status").equals("paused"));
        int paused = page.epoch();
        Thread.sleep(1500);
        assertEquals(paused, page.epoch(), "no epoch passes while paused");
        assertEquals("Resume", page.element("[data-testid='pause']").getText());
        page.click("step");
        page.waitFor("one step", d -> page.epoch() == paused + 1);
        Thread.sleep(600);
        assertEquals(paused + 1, page.epoch(), "a step trains exactly one epoch");
        page.click("pause");
        page.waitFor("training to resume", d -> page.epoch() > paused + 3 && page.text("status").equals("running"));
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
    @Order(8)
    void images_show_first_layer_weights_augmented_samples_and_class_accuracy() throws IOException {
        page.open("?dataset=shapes&trainSize=100&validationSize=300&testSize=300&noise=0.05&hiddenLayers=64"
                + "&activation=relu&init=he-normal&optimizer=adam&learningRate=0.003&batchSize=20"
                + "&augmentation.shift=2&augmentation.rotation=10&augmentation.scale=0.1&speed=0&epochs=30");
        page.click("start");
        page.waitFor("a few image epochs", d -> page.epoch() >= 3);
        page.waitFor("the weight pictures", d -> page.element("#weight-images-view").isDisplayed());
        scrollTo("#data-view");
        page.shoot(page.element("#data-view"), "08-images-weights-augmented.png");
    }

    @Test
    @Order(9)
    void early_stopping_marks_the_stop_and_the_page_fits_a_tablet() throws IOException {
        ChromeDriver driver = LIVE.driver();
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

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static double percent(String text) {
        return text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1)) : -1;
    }

    private void scrollTo(String css) {
        page.js().executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'start'});", css);
    }

    /** The height in CSS pixels of the lowest of these charts' canvases (by id), as laid out now. */
    static long lowestChart(PageDriver page, String... ids) {
        return (Long) page.js().executeScript(
                "return Math.min(...arguments[0].map((id) => Math.round(document.getElementById(id).clientHeight)));", List.of(ids));
    }
}
