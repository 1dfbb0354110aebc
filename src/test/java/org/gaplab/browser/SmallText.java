package org.gaplab.browser;

import java.util.List;

/**
 * Finds text on the page drawn smaller than 11 px: visible elements' own text by computed font size, SVG text by the
 * size it is drawn at, each Chart.js chart's ticks, axis titles and legend by its resolved options, and the words a
 * canvas draws at the size it is shown.
 */
final class SmallText {
    static final double LEAST_PX = 11;

    private static final String FIND = """
            const least = arguments[0];
            const found = [];
            const name = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.dataset?.testid ? `[${el.dataset.testid}]` : ''}`;
            for (const el of document.querySelectorAll('body *')) {
              const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
              if (!text || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
              const box = el.getBoundingClientRect();
              if (box.width <= 1 || box.height <= 1) continue;   // visually hidden, for screen readers
              let size = parseFloat(getComputedStyle(el).fontSize);
              if (el instanceof SVGElement) size *= el.getScreenCTM()?.a ?? 1;   // as drawn, after the viewBox
              if (size < least - 0.05) found.push(`${name(el)} "${text.slice(0, 30)}" ${size.toFixed(1)}px`);
            }
            for (const chart of Object.values(Chart.instances)) {
              if (!chart.canvas.checkVisibility()) continue;
              const sizes = [];
              for (const scale of Object.values(chart.scales)) {
                if (scale.options.display === false) continue;
                sizes.push([`${scale.id} ticks`, Chart.helpers.toFont(scale.options.ticks.font).size]);
                if (scale.options.title?.display) sizes.push([`${scale.id} title`, Chart.helpers.toFont(scale.options.title.font).size]);
              }
              if (chart.legend?.options.display) sizes.push(['legend', Chart.helpers.toFont(chart.legend.options.labels.font).size]);
              for (const [part, size] of sizes) if (size < least) found.push(`chart ${name(chart.canvas)} ${part} ${size}px`);
            }
            // A canvas that draws words says at what size (data-text-px, in its own pixels); shown shrunk, they shrink.
            for (const canvas of document.querySelectorAll('canvas[data-text-px]')) {
              if (!canvas.checkVisibility() || !canvas.width) continue;
              const size = Number(canvas.dataset.textPx) * canvas.clientWidth / canvas.width;
              if (size < least - 0.05) found.push(`canvas ${name(canvas)} text ${size.toFixed(1)}px`);
            }
            return found;""";

    private SmallText() {
    }

    /** Everything on the page now that draws text below 11 px, one line each; empty when none. */
    @SuppressWarnings("unchecked")
    static List<String> on(PageDriver page) {
        return (List<String>) page.js().executeScript(FIND, LEAST_PX);
    }
}
