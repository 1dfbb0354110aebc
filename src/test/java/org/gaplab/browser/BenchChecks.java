package org.gaplab.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/**
 * What BenchBrowserTest checks on the pages it already opens, besides the bench's fit: that each lesson's bench shows
 * what the lesson is about (sparsity counted only where it is the point), says A's and B's settings alike, and that
 * the header, the initialization menu and the restore's note are whole at 1280 px. Kept apart so the test stays short.
 */
final class BenchChecks {
    private BenchChecks() { }

    /** While `lesson` (shown as `name`) trains: its checks, added to `checks` to be asserted all at once. */
    static void whileTraining(PageDriver page, String lesson, String name, boolean comparison, boolean aboutSparsity,
            List<Executable> checks) {
        // No lesson here runs L1 outside its sparsity lessons: only they count zeros (the run's card, the A/B table).
        boolean sparsityShown = !page.js().executeScript("return [...document.querySelectorAll('#sparsity-table, "
                + "#compare-table tr[data-row=\"near\"], #compare-table tr[data-row=\"sparse\"]')].filter((e) => "
                + "e.offsetParent !== null).map((e) => e.id || e.dataset.row);").toString().equals("[]");
        if (lesson.equals("early-stopping")) {
            Object sides = page.js().executeScript("return [...document.querySelectorAll('#compare-changes li')]"
                    + ".map((li) => `${li.dataset.key} ${li.querySelector('.change-a').textContent}`);");
            checks.add(() -> assertEquals(List.of("earlyStopping.enabled A: off", "earlyStopping.patience A: not used",
                    "earlyStopping.minDelta A: not used", "earlyStopping.restoreBestWeights A: not used"), sides,
                    "A's side says on/off as B's menu does, and no patience where A does not stop"));
            String tag = page.textOf("#lesson-settings [data-setting='earlyStopping.enabled'] [data-testid='run-a-tag']");
            checks.add(() -> assertEquals("run A’s (B: on)", tag, "the featured control says B's flag as the bar does"));
        }
        if (lesson.equals("init-zeros")) {
            Object pressed = page.js().executeScript("return [...document.querySelectorAll("
                    + "'[data-quick][aria-pressed=\"true\"]')].map((b) => b.dataset.quick);");
            checks.add(() -> assertEquals(List.of(), pressed, "B's all-zeros init is no quick toggle's change"));
        }
        if (comparison) {
            String underWords = (String) page.js().executeScript("const words = [...document.querySelectorAll("
                    + "'#compare-curves .legend-note span')].find((e) => e.textContent === 'orange hatch');"
                    + "return words ? getComputedStyle(words).backgroundImage : 'no words';");
            checks.add(() -> assertEquals("none", underWords, name + ": B's hatch is a swatch, not stripes under its words"));
        }
        checks.add(() -> assertEquals(aboutSparsity, sparsityShown,
                name + ": sparsity counted on screen only in lessons about it"));
    }

    /** Once it has trained a while: no learning-rate hint where the loss falls (every lesson's rate suits its data). */
    static void afterTraining(PageDriver page, String name, List<Executable> checks) {
        boolean swingHint = page.element("#swing-hint").isDisplayed();
        checks.add(() -> assertTrue(!swingHint, name + ": no learning-rate hint where the loss falls"));
    }

    /** On free play at 1280×800: the header in one row, the whole init choice once, the restore's note whole. */
    static void headerMenusAndNotes(PageDriver page) {
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) page.js().executeScript("""
                const parts = [...document.querySelector('header.top').children].filter((e) => e.offsetParent !== null);
                const middles = parts.map((e) => { const r = e.getBoundingClientRect(); return (r.top + r.bottom) / 2; });
                const select = document.querySelector('#in-init');
                const option = select.selectedOptions[0];
                const line = select.closest('[data-setting]').querySelector('[data-role="formula"]').textContent;
                const style = getComputedStyle(select);
                const ctx = document.createElement('canvas').getContext('2d');
                ctx.font = `${style.fontSize} ${style.fontFamily}`;
                return { rows: middles.filter((m) => Math.abs(m - middles[0]) > 12).length, line,
                         repeated: line !== '' && option.textContent.includes(line),
                         spare: select.clientWidth - 28 - ctx.measureText(option.textContent).width };""");
        assertEquals(0L, header.get("rows"), "the header is one row at 1280 px");
        // The note a restore leaves ("Server changed, resumed at epoch 32.") beside the Speed menu, at its real length.
        @SuppressWarnings("unchecked")
        Map<String, Object> note = (Map<String, Object>) page.js().executeScript("""
                const note = document.querySelector('[data-testid="run-note"]');
                note.textContent = 'Server changed, resumed at epoch 32.';
                note.hidden = false;
                const a = note.getBoundingClientRect();
                const b = document.querySelector('#speed').getBoundingClientRect();
                const result = { over: a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom,
                                 cut: note.scrollWidth > note.clientWidth + 1 || note.scrollHeight > note.clientHeight + 1,
                                 shown: a.width > 0 && a.right <= innerWidth };
                note.hidden = true;
                return result;""");
        assertEquals(Map.of("over", false, "cut", false, "shown", true), note, "the restore's note is beside the Speed menu, whole");
        assertTrue(!(Boolean) header.get("repeated") && ((Number) header.get("spare")).doubleValue() >= 0,
                "the initialization menu shows its whole choice and the line under it the formula, once: " + header);
    }

    /** The visible chart with the shortest plot (its chart area), as "height id". */
    static String shortestPlot(PageDriver page) {
        return (String) page.js().executeScript("""
                return Object.values(Chart.instances).filter((c) => c.canvas.checkVisibility())
                  .map((c) => [Math.round(c.chartArea.bottom - c.chartArea.top), c.canvas.id])
                  .sort((a, b) => a[0] - b[0])[0].join(' ');""");
    }

    /** The height in a {@link #shortestPlot} answer. */
    static int plotOf(String shortest) {
        return Integer.parseInt(shortest.split(" ")[0]);
    }
}
