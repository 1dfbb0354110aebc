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

    /** Loads {@code base + query} with a viewport of exactly width × height CSS pixels, and waits for the socket. */
    void openAt(String query, int width, int height) {
        driver.switchTo().defaultContent();
        viewport(width, height);
        driver.get(base + query);
        waitFor("the trainer connection", d -> "open".equals(element("#connection").getAttribute("data-state")));
    }

    /** Sizes the window so that the page itself (the viewport) is width × height. */
    void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        @SuppressWarnings("unchecked")
        java.util.List<Long> inner = (java.util.List<Long>) js().executeScript("return [innerWidth, innerHeight];");
        driver.manage().window().setSize(new Dimension(2 * width - inner.get(0).intValue(), 2 * height - inner.get(1).intValue()));
    }

    /** A whole number shown by the element with this test id (0 while it shows none). */
    int number(String testId) {
        String text = text(testId).replace(",", "");
        return text.matches("\\d+") ? Integer.parseInt(text) : 0;
    }

    /** The epoch counter; NumberFormatException while the page shows none, which {@link #waitFor} ignores. */
    int epoch() {
        return Integer.parseInt(text("epoch"));
    }

    /** How many epochs the loss chart has drawn (0 before its first). */
    int lossChartPoints() {
        String points = element("#loss-chart").getAttribute("data-points");
        return points == null ? 0 : Integer.parseInt(points);
    }

    JavascriptExecutor js() {
        return driver;
    }

    WebElement element(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** The text of the element with this {@code data-testid}. */
    String text(String testId) {
        return textOf("[data-testid='" + testId + "']");
    }

    /** Opens a detail view under the bench (network, weights, init, objective, data-extra, ...). */
    void detail(String id) {
        element("#tab-" + id).click();
        waitFor("the " + id + " view", d -> element("#detail-" + id).isDisplayed());
    }

    /**
     * The text of an element, shown or not (getText is empty for what is hidden). Found and read in one script, so a
     * view that re-renders between a find and a read (the comparison table does on every frame) cannot go stale.
     */
    String textOf(String css) {
        Object text = driver.executeScript(
                "const e = document.querySelector(arguments[0]); return e === null ? null : e.textContent;", css);
        if (text == null) {
            throw new org.openqa.selenium.NoSuchElementException("no element matches " + css);
        }
        return text.toString().trim();
    }

    /** An attribute of the first element matching css (null if none has it), found and read in one script. */
    String attribute(String css, String name) {
        Object value = driver.executeScript(
                "const e = document.querySelector(arguments[0]); return e === null ? null : e.getAttribute(arguments[1]);",
                css, name);
        return value == null ? null : value.toString();
    }

    void click(String testId) {
        WebElement button = element("[data-testid='" + testId + "']");
        waitFor(testId + " to be enabled", d -> button.isEnabled());
        button.click();
    }

    /** Closes every tab but the first and returns to it: a test's tabs hold sockets that count against one address. */
    void closeEveryTabButOne() {
        java.util.List<String> tabs = new java.util.ArrayList<>(driver.getWindowHandles());
        for (String tab : tabs.subList(1, tabs.size())) driver.switchTo().window(tab).close();
        driver.switchTo().window(tabs.get(0));
    }

    /** Waits up to 40 s; a timeout reports the status, the epoch and the banner, which usually say why. */
    void waitFor(String what, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100)).withMessage(() -> "waiting for " + what
                + " (status " + quietly(() -> text("status")) + ", epoch " + quietly(() -> text("epoch"))
                + ", banner: " + quietly(() -> element("#banner").getAttribute("textContent")) + ")")
                .ignoring(NumberFormatException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
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

    /**
     * The shown elements with these test ids, and the shown settings (and run B's changes) of these config keys, that
     * are not wholly inside the viewport with the page scrolled to its top: each as "name at left,top–right,bottom".
     * Read once the layout has settled (the same answer on two looks a few frames apart, at most about 2 s): a chart's
     * canvas keeps its old size until Chart.js's resize observer runs in a later frame, which no learner sees.
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> outsideViewport(java.util.List<String> testIds, java.util.List<String> keys) {
        return (java.util.List<String>) js().executeAsyncScript(OUTSIDE_VIEWPORT, testIds, keys);
    }

    /** Pairs of the bench's cards on screen whose boxes intersect. */
    @SuppressWarnings("unchecked")
    java.util.List<String> overlappingCards() {
        return (java.util.List<String>) js().executeScript(OVERLAPS);
    }

    /** The displayed elements with these test ids (and the displayed settings of these keys) not wholly on screen. */
    private static final String OUTSIDE_VIEWPORT = """
            const [ids, keys, done] = arguments;
            const shown = (el) => el.offsetParent !== null && el.getClientRects().length > 0;
            const measure = () => {
              const out = [];
              const check = (name, el) => {
                const r = el.getBoundingClientRect();
                if (r.width <= 0 || r.height <= 0 || r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5
                    || r.bottom > innerHeight + 0.5) out.push(`${name} at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`);
              };
              for (const id of ids) {
                const el = [...document.querySelectorAll(`[data-testid="${id}"]`)].find(shown);
                if (el) check(id, el); else out.push(`${id} not shown`);
              }
              for (const key of keys) {
                const el = document.querySelector(`.setting[data-setting="${key}"]`);
                if (el && shown(el)) check(`setting ${key}`, el);
                const change = document.querySelector(`#compare-changes [data-key="${key}"]`);
                if (change && shown(change)) check(`run B's ${key}`, change);
              }
              return out;
            };
            let previous = null, looks = 0;
            const look = () => {
              window.scrollTo(0, 0);
              const now = measure();
              if (JSON.stringify(now) === JSON.stringify(previous) || ++looks > 20) done(now);
              else { previous = now; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(look, 50))); }
            };
            look();
            """;

    /** Pairs of bench cards on screen whose boxes intersect. */
    private static final String OVERLAPS = """
            const cards = [...document.querySelectorAll('.bench-row > .card')].filter((c) => c.offsetParent !== null);
            const out = [];
            cards.forEach((a, i) => cards.slice(i + 1).forEach((b) => {
              const r = a.getBoundingClientRect(), s = b.getBoundingClientRect();
              if (r.left < s.right - 0.5 && s.left < r.right - 0.5 && r.top < s.bottom - 0.5 && s.top < r.bottom - 0.5) {
                out.push(`${a.id} and ${b.id}`);
              }
            }));
            return out;
            """;
}
