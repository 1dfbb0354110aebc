package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.gaplab.server.App;
import org.gaplab.server.options.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A page on another site that frames {@code /embed?autostart=1} (as a drive-by would, in a frame its visitors never
 * look at) gets no session until a click inside the frame, while any site may frame GapLab ({@code *}, the default);
 * an operator who lists the course site gets frames that start by themselves. (And, defence in depth for what the
 * page saves: a CSV cell a spreadsheet would run as a formula is written as text.)
 */
class DriveByBrowserTest {
    @RegisterExtension
    static final LivePage LIVE = new LivePage();

    private final PageDriver page = LIVE.page();

    @Test
    void a_framed_autostart_from_an_unlisted_site_trains_only_after_a_click() throws Exception {
        ChromeDriver driver = LIVE.driver();
        String embed = LIVE.base() + "embed?dataset=gauss&epochs=30&speed=0&autostart=1&hiddenLayers=64,64";
        try (OtherOrigin course = new OtherOrigin(embed)) {
            driver.get(course.url());
            driver.switchTo().frame(page.element("#gaplab"));
            WebElement consent = page.element("#frame-consent");
            page.waitFor("the click-to-start button", d -> consent.isDisplayed());
            // An earlier test's page closed its socket when the browser left it; the frame must open none.
            for (int i = 0; i < 100 && sessions(LIVE.base()) > 0; i++) Thread.sleep(100);
            Thread.sleep(1500);   // long enough for an autostart to have connected and trained
            assertEquals(0, sessions(LIVE.base()), "no socket, so no preview, run or seat, before the click");
            assertEquals(0, page.epoch(), "nothing trained");
            consent.click();
            page.waitFor("the run to train after the click", d -> page.text("status").equals("finished"));
            assertEquals(30, page.epoch());
            driver.switchTo().defaultContent();
        }
    }

    @Test
    void a_frame_on_a_listed_site_starts_by_itself() throws IOException {
        ChromeDriver driver = LIVE.driver();
        Javalin listed = App.create(ServerSettings.parse(new String[] {"--host", "127.0.0.1", "--port", "0", "--workers",
                "1", "--frame-ancestors", "http://127.0.0.1:*"}, Map.of())).start();
        String base = "http://127.0.0.1:" + listed.port() + "/";
        try (OtherOrigin course = new OtherOrigin(base + "embed?dataset=gauss&epochs=30&speed=0&autostart=1")) {
            driver.get(course.url());
            driver.switchTo().frame(page.element("#gaplab"));
            page.waitFor("the listed site's frame to train without a click", d -> page.text("status").equals("finished"));
            assertTrue(page.element("body").getAttribute("data-click-to-start") == null, "no click asked");
            driver.switchTo().defaultContent();
        } finally {
            listed.stop();
        }
    }

    @Test
    void a_csv_cell_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text() {
        LIVE.driver().get(LIVE.base() + "favicon.svg");   // GapLab's origin, no page and so no socket
        Object csv = page.js().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/js/downloads.js').then((m) => done(m.toCsv([{ name: '=HYPERLINK(\"x\")', at: '@SUM(1)',"
                + " plus: '+1', minus: '-2', number: -0.5 }])));");
        // WebDriver hands strings back with \n for \r\n.
        assertEquals("name,at,plus,minus,number\n\"'=HYPERLINK(\"\"x\"\")\",'@SUM(1),'+1,'-2,-0.5\n",
                String.valueOf(csv).replace("\r", ""));
    }

    private static int sessions(String base) throws IOException, InterruptedException {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return Integer.parseInt(health.body().replaceAll(".*\"sessions\":(\\d+).*", "$1"));
    }
}
