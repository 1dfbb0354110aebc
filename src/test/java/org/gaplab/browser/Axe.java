package org.gaplab.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe on the page in the browser now, with every rule it runs by default (WCAG 2.0-2.2 A and AA, target
 * size and best practices): what it finds of serious or critical impact, each as "rule (impact) at target: html",
 * so a failure names the element to fix.
 */
final class Axe {
    private static final List<String> BLOCKING = List.of("serious", "critical");

    private Axe() { }

    /** The serious and critical violations on the page the driver shows (no iframe is ours: frames are not entered). */
    static List<String> seriousViolations(WebDriver driver) {
        long start = System.nanoTime();
        // Legacy mode runs axe in the page itself: the default opens an about:blank tab per run to gather frames,
        // which times out on a loaded machine (1 s for the renderer) and which a page without iframes does not need.
        Results results = new AxeBuilder().disableIframeTesting().setLegacyMode(true).analyze(driver);
        System.out.printf("axe on %s: %d ms%n", driver.getCurrentUrl(), (System.nanoTime() - start) / 1_000_000);
        if (results.isErrored()) throw new AssertionError("axe failed: " + results.getErrorMessage());
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (!BLOCKING.contains(rule.getImpact())) continue;
            rule.getNodes().stream().limit(4).forEach(node -> found.add(rule.getId() + " (" + rule.getImpact() + ") at "
                    + node.getTarget() + ": " + abbreviate(node.getHtml()) + " — " + abbreviate(node.getFailureSummary())));
            if (rule.getNodes().size() > 4) found.add(rule.getId() + ": and " + (rule.getNodes().size() - 4) + " more");
        }
        return found;
    }

    private static String abbreviate(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
