package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.junit.jupiter.api.TestInstance;

/** The singular-value widget on its own (the page wires it): what it draws for reports with and without spectra. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpectrumBrowserTest {
    @RegisterExtension
    static final LivePage LIVE = new LivePage();

    private ChromeDriver driver;
    private String base;

    @BeforeAll
    void connect() {
        base = LIVE.base();
        driver = LIVE.driver();
    }

    @Test
    @SuppressWarnings("unchecked")
    void it_draws_each_layers_latest_spectrum_beside_its_first_and_keeps_it_when_a_report_skips_the_layer() {
        driver.get(base);
        Object drawn = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('./js/spectrum.js').then(({ Spectrum }) => {
                  const canvas = document.createElement('canvas');
                  document.body.append(canvas);
                  const spectrum = new Spectrum(canvas);
                  spectrum.update([{ singularValues: [4, 2, 1] }, { singularValues: [3, 0] }]);
                  spectrum.update([{ singularValues: [] }, { singularValues: [1.5, 0.5] }]);
                  const shown = spectrum.chart.data.datasets.map((d) => ({ label: d.label, y: d.data.map((p) => p.y) }));
                  spectrum.clear();
                  done({ shown, cleared: spectrum.chart.data.datasets.length });
                }).catch((e) => done(String(e)));
                """);
        Map<String, Object> result = (Map<String, Object>) drawn;
        List<Map<String, Object>> shown = (List<Map<String, Object>>) result.get("shown");
        assertEquals(List.of("layer 1", "layer 1 at start", "layer 2", "layer 2 at start"),
                shown.stream().map(d -> d.get("label")).toList());
        assertEquals(List.of(4L, 2L, 1L), shown.get(0).get("y"), "layer 1 keeps its last spectrum when skipped");
        assertEquals(List.of(1.5, 0.5), shown.get(2).get("y"), "layer 2 shows its latest spectrum");
        assertEquals(java.util.Arrays.asList(3L, null), shown.get(3).get("y"), "its first, with σ = 0 as a gap on the log axis");
        assertEquals(0L, result.get("cleared"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_weights_tab_draws_each_layers_spectrum_from_the_servers_reports_now_and_at_the_start() {
        PageDriver page = new PageDriver(driver, base);
        page.open("?hiddenLayers=6,4&speed=0&epochs=60");
        page.click("start");
        page.waitFor("the run to finish", d -> page.text("status").equals("finished"));
        page.detail("weights");
        page.waitFor("the spectrum chart", d -> !((List<?>) page.js().executeScript(SPECTRUM)).isEmpty());
        List<Map<String, Object>> drawn = (List<Map<String, Object>>) page.js().executeScript(SPECTRUM);
        assertEquals(List.of("layer 1", "layer 1 at start", "layer 2", "layer 2 at start", "layer 3", "layer 3 at start"),
                drawn.stream().map(d -> d.get("label")).toList());
        assertEquals(List.of(2L, 2L, 4L, 4L, 1L, 1L), drawn.stream().map(d -> (long) ((List<?>) d.get("y")).size()).toList(),
                "min(fanIn, fanOut) values per layer: 2×6, 6×4, 4×1");
        org.junit.jupiter.api.Assertions.assertNotEquals(drawn.get(0).get("y"), drawn.get(1).get("y"),
                "sixty epochs moved the first layer's spectrum away from its start");
    }

    /** The spectrum chart's datasets as drawn: label and y values. */
    private static final String SPECTRUM = """
            const chart = Chart.getChart(document.querySelector('#spectrum-chart'));
            return chart ? chart.data.datasets.map((d) => ({ label: d.label, y: d.data.map((p) => p.y) })) : [];""";
}
