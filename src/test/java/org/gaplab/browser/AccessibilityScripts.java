package org.gaplab.browser;

/** What AccessibilityBrowserTest reads in the page (scripts run in it) and the WCAG contrast it measures. */
final class AccessibilityScripts {
    private AccessibilityScripts() { }

    /**
     * Counts, over a few seconds, how often the text of a live region changes: every element a screen reader would
     * read out on a change (aria-live polite or assertive, role status, alert or log, and an output, which is a status
     * by default) unless it says aria-live="off". One count per region per batch of changes.
     */
    static final String COUNT_ANNOUNCEMENTS = """
            const done = arguments[arguments.length - 1];
            const live = (el) => {
              for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
                const said = e.getAttribute('aria-live');
                if (said) return said === 'off' ? null : e;
                const role = e.getAttribute('role');
                if (['status', 'alert', 'log'].includes(role) || e.tagName === 'OUTPUT') return e;
              }
              return null;
            };
            let count = 0;
            const said = [];
            const observer = new MutationObserver((changes) => {
              const regions = new Set(changes.map((c) => live(c.target.nodeType === 1 ? c.target : c.target.parentElement)).filter(Boolean));
              count += regions.size;
              for (const r of regions) said.push((r.id || r.tagName) + ': ' + r.textContent.trim().slice(0, 60));
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            setTimeout(() => { observer.disconnect(); done([count, said.slice(0, 12).join(' | ')]); }, 4000);
            """;

    /** Marks the diagram's first line, and reads its look, its line count, its layer titles and what is not hidden. */
    static final String READ_DIAGRAM = """
            const box = document.querySelector('#network-diagram');
            const first = box.querySelector('line');
            first.dataset.kept = 'yes';
            const read = [...box.querySelectorAll('*')].filter((e) => !e.closest('[aria-hidden="true"]') && e.textContent.trim());
            return { lines: box.querySelectorAll('line').length, said: read.map((e) => e.textContent.trim()).join(' | ').slice(0, 400),
              titles: [...box.querySelectorAll('svg text')].map((t) => t.textContent).join(' | '),
              look: first.getAttribute('stroke-width') + ' ' + first.getAttribute('stroke-opacity') };
            """;

    /** A chart's legend as drawn (arguments[0]: its canvas): entries, height, marker styles, markers shown. */
    static final String LEGEND = """
                const chart = Chart.getChart(document.querySelector(arguments[0]));
                const lines = chart.data.datasets.map((d, i) => [d, i]).filter(([d]) => !d.band);
                return { items: (chart.legend.legendItems ?? []).map((item) => item.text),
                  height: chart.options.plugins.legend.display ? chart.legend.height : 0,
                  markers: lines.map(([d]) => d.pointStyle ?? 'none'),
                  strokes: lines.map(([d]) => ((d.borderDash ?? []).length ? 'dashed' : 'solid')),
                  inside: chart.legend.bottom <= chart.height + 0.5 && chart.legend.legendHitBoxes.length === lines.length,
                  marked: lines.reduce((n, [, i]) => n + chart.getDatasetMeta(i).data.filter((p) => p.options.radius > 0).length, 0) };
                            """;

    /** WCAG's contrast ratio of two CSS rgb() colours. */
    static double contrast(String a, String b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(parts[i]) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
