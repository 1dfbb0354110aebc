package org.gaplab.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One headless Chromium for a test class: the system chromedriver when it is installed (Selenium Manager only as a
 * fallback, since it may try to download), a fresh profile in a temporary directory, and Chrome's network log on so
 * a test can prove no request left the machine.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final File SYSTEM_DRIVER = new File("/usr/bin/chromedriver");
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

    final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** The installed browser, if any: the tests skip (with this reason) when there is none. */
    static Optional<String> installedBrowser() {
        return BROWSERS.stream().filter(path -> new File(path).canExecute()).findFirst();
    }

    static HeadlessChromium start() throws IOException {
        return start(null);
    }

    /** A browser that saves downloads into {@code downloads} without asking (null: the browser's default). */
    static HeadlessChromium start(Path downloads) throws IOException {
        Path profile = Files.createTempDirectory("gaplab-chromium-");
        ChromeOptions options = new ChromeOptions();
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                    "download.prompt_for_download", false, "profile.default_content_setting_values.automatic_downloads", 1));
        }
        installedBrowser().ifPresent(options::setBinary);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        ChromeDriver driver;
        if (SYSTEM_DRIVER.canExecute()) {
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(SYSTEM_DRIVER)
                    .usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
        } else {
            driver = new ChromeDriver(options);
        }
        return new HeadlessChromium(driver, profile);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
