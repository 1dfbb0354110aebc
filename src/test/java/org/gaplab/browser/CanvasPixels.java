package org.gaplab.browser;

/**
 * What the page's canvases drew, read back from their pixels: the tests check pictures by what is on them, not by
 * what the page meant to draw.
 */
final class CanvasPixels {
    private final PageDriver page;

    CanvasPixels(PageDriver page) {
        this.page = page;
    }

    /** The canvas's picture as a data URL: equal strings, equal pictures. */
    String picture(String css) {
        return (String) page.js().executeScript("return document.querySelector(arguments[0]).toDataURL();", css);
    }

    /** Pixels in the colours of the data's points (Okabe–Ito blue and orange), read from the canvas. */
    long pointPixels(String css) {
        return (Long) page.js().executeScript("""
                const c = document.querySelector(arguments[0]);
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                const near = (i, r, g, b) => Math.abs(d[i] - r) < 3 && Math.abs(d[i + 1] - g) < 3 && Math.abs(d[i + 2] - b) < 3;
                for (let i = 0; i < d.length; i += 4) if (near(i, 0, 114, 178) || near(i, 230, 159, 0)) n++;
                return n;""", css);
    }

    /** Drawn pixels that are neither white nor transparent. */
    long inkPixels(String css) {
        return (Long) page.js().executeScript("""
                const c = document.querySelector(arguments[0]);
                if (!c.width || !c.height) return 0;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && !(d[i] > 250 && d[i + 1] > 250 && d[i + 2] > 250)) n++;
                return n;""", css);
    }

    /** Ink of whichever picture of the bench is on screen: a boundary or points, or weight pictures. */
    long modelViewInk() {
        return (Long) page.js().executeScript("""
                const view = [...document.querySelectorAll('[data-testid="model-view"]')].find((v) => v.offsetParent !== null);
                if (!view) return 0;
                let n = 0;
                for (const c of view.querySelectorAll('.square canvas, .image-grid canvas')) {
                  if (c.offsetParent === null || !c.width || !c.height) continue;
                  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && !(d[i] > 250 && d[i + 1] > 250 && d[i + 2] > 250)) n++;
                }
                return n;""");
    }

    /** Weight cells drawn pure white, read at each cell's centre from the picture's own layout. */
    long blankCells(String css) {
        return (Long) page.js().executeScript("""
                const c = document.querySelector(arguments[0]);
                const l = JSON.parse(c.dataset.layout);
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let blank = 0;
                for (let u = 0; u < l.units; u++) {
                  for (let i = 0; i < l.width * l.height; i++) {
                    const x = Math.floor(l.left + (u % l.columns) * l.tileW + (i % l.width) * l.cellW + l.cellW / 2);
                    const y = Math.floor(l.top + Math.floor(u / l.columns) * l.tileH + Math.floor(i / l.width) * l.cellH + l.cellH / 2);
                    const o = 4 * (y * c.width + x);
                    if (d[o] === 255 && d[o + 1] === 255 && d[o + 2] === 255) blank++;
                  }
                }
                return blank;""", css);
    }
}
