package org.gaplab.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground page as the browser tests drive it: open a URL and wait for the trainer connection, find things by
 * their test ids, click when enabled, wait with a message that says what the page showed, and save screenshots.
 */
final class PageDriver {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private final ChromeDriver driver;
    private final String base;

    PageDriver(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Loads {@code base + query} at 1280×900 (leaving any iframe) and waits until the socket is open. */
    void open(String query) {
        driver.switchTo().defaultContent();
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(base + query);
        waitFor("the trainer connection", d -> "open".equals(element("#connection").getAttribute("data-state")));
    }

    JavascriptExecutor js() {
        return driver;
    }

    WebElement element(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** The text of the element with this {@code data-testid}. */
    String text(String testId) {
        return element("[data-testid='" + testId + "']").getAttribute("textContent").trim();
    }

    void click(String testId) {
        WebElement button = element("[data-testid='" + testId + "']");
        waitFor(testId + " to be enabled", d -> button.isEnabled());
        button.click();
    }

    /** Waits up to 40 s; a timeout reports the status, the epoch and the banner, which usually say why. */
    void waitFor(String what, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100)).withMessage(() -> "waiting for " + what
                + " (status " + quietly(() -> text("status")) + ", epoch " + quietly(() -> text("epoch"))
                + ", banner: " + quietly(() -> element("#banner").getAttribute("textContent")) + ")")
                .ignoring(NumberFormatException.class).until(condition);
    }

    private static String quietly(java.util.function.Supplier<String> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** The whole window as target/screenshots/{name}. */
    void screenshot(String name) throws IOException {
        save(driver.getScreenshotAs(OutputType.FILE).toPath(), name);
    }

    /** One element, scrolled into view, as target/screenshots/{name}. */
    void shoot(WebElement element, String name) throws IOException {
        js().executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
        save(element.getScreenshotAs(OutputType.FILE).toPath(), name);
    }

    private static void save(Path file, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(file, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
