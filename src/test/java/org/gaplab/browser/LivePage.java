package org.gaplab.browser;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gaplab.server.App;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The real app on 127.0.0.1 port 0 and one headless Chromium showing it, for a whole browser test class, which is
 * skipped where no Chromium is installed: {@code @RegisterExtension static final LivePage LIVE = new LivePage();}
 * ({@link #withDownloads()} also keeps what the page saves, in a temporary directory; {@link #checkingRequests()}
 * fails the class if any page it loaded asked another machine for anything).
 */
final class LivePage implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private final boolean keepDownloads;
    private final boolean checkRequests;
    private RequestLog requests;
    private Javalin app;
    private HeadlessChromium chromium;
    private PageDriver page;
    private String base;
    private Path downloads;

    LivePage() {
        this(false, false);
    }

    private LivePage(boolean keepDownloads, boolean checkRequests) {
        this.keepDownloads = keepDownloads;
        this.checkRequests = checkRequests;
    }

    static LivePage withDownloads() {
        return new LivePage(true, false);
    }

    /**
     * Reads every request the browser made after each test, and fails the class if one left 127.0.0.1: so every page
     * the class loaded is checked, not only the one test that says so.
     */
    static LivePage checkingRequests() {
        return new LivePage(false, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Assumptions.assumeTrue(HeadlessChromium.installedBrowser().isPresent(),
                "no Chromium or Chrome installed: browser tests skipped (apt-get install chromium chromium-driver)");
        app = App.create(ServerSettings.parse(new String[] {"--host", "127.0.0.1", "--port", "0", "--workers", "1"},
                Map.of())).start();
        base = "http://127.0.0.1:" + app.port() + "/";
        if (keepDownloads) downloads = Files.createTempDirectory("gaplab-downloads-");
        chromium = HeadlessChromium.start(downloads);
        page = new PageDriver(chromium.driver, base);
        if (checkRequests) requests = new RequestLog(chromium.driver);
        Files.createDirectories(PageDriver.SCREENSHOTS);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (requests != null) requests.collect(List.of());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (chromium != null) chromium.close();
        if (app != null) app.stop();
        if (downloads != null) {
            try (Stream<Path> files = Files.walk(downloads)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        if (requests != null) Assertions.assertEquals(List.of(), requests.remote(), "requests that left 127.0.0.1");
    }

    /** Stops the app, as a crash or a restart would; {@link #startAgain} brings one back on the same port. */
    void stopApp() {
        app.stop();
    }

    void startAgain() {
        int port = Integer.parseInt(base.replaceAll(".*:(\\d+)/$", "$1"));
        app = App.create(ServerSettings.parse(new String[] {"--host", "127.0.0.1", "--port", String.valueOf(port),
                "--workers", "1"}, Map.of())).start();
    }

    PageDriver page() { return page; }

    ChromeDriver driver() { return chromium.driver; }

    /** The page's address, ending in a slash. */
    String base() { return base; }

    /** What the browser requested so far (null unless {@link #checkingRequests()}). */
    RequestLog requests() { return requests; }

    /** Where the browser saves downloads (null unless {@link #withDownloads()}). */
    Path downloads() { return downloads; }
}
