// Small multiples of histograms on plain canvases, one per layer: the weights now, or the activations on the probe
// batch. A mark at 0 shows where zero lies and, for weights, how many are exactly 0. With `stableAxis`, each layer's
// x axis only ever widens during a run (the union of every range drawn since the run started): a histogram that
// narrows then looks narrower, instead of being stretched back over the whole width every frame.

import { clearedContext, syncFigures } from './figure-cells.js';
import { short, count } from './format.js';

const WIDTH = 190;
const HEIGHT = 112;
/** The title takes the first line, the count of exact zeros the second: they never overlap. */
const PAD = { left: 6, right: 6, top: 28, bottom: 18 };

export class HistogramGrid {
  constructor(container, { color, zeroColor = '#D55E00', stableAxis = false }) {
    this.container = container;
    this.color = color;
    this.zeroColor = zeroColor;
    this.stableAxis = stableAxis;
    this.cells = [];
    this.axes = [];
  }

  /** A new run: the axes start again from its first histograms. */
  reset() {
    this.axes = [];
  }

  /** The x range layer `i` is drawn on: its own, or (stableAxis) the union of every range it had this run. */
  axis(i, { min, max }) {
    if (!this.stableAxis) return { lo: min, hi: max };
    const known = this.axes[i];
    this.axes[i] = known ? { lo: Math.min(known.lo, min), hi: Math.max(known.hi, max) } : { lo: min, hi: max };
    return this.axes[i];
  }

  /** items: [{title, histogram: {min, max, counts}, zeros?: number, caption?: string}] */
  render(items) {
    syncFigures(this.container, this.cells, items.length, WIDTH, HEIGHT);
    items.forEach((item, i) => this.draw(this.cells[i], item, this.axis(i, item.histogram)));
  }

  draw(cell, item, { lo, hi }) {
    const { canvas, caption } = cell;
    const ctx = clearedContext(cell, WIDTH, HEIGHT);
    const { min, max, counts } = item.histogram;
    const peak = Math.max(1, ...counts);
    const innerW = WIDTH - PAD.left - PAD.right;
    const innerH = HEIGHT - PAD.top - PAD.bottom;
    const span = hi - lo;
    const x = (v) => (span > 0 ? PAD.left + (innerW * (v - lo)) / span : PAD.left + innerW / 2);
    ctx.fillStyle = '#f6f6f6';
    ctx.fillRect(PAD.left, PAD.top, innerW, innerH);
    ctx.fillStyle = this.color;
    const bin = (max - min) / counts.length;
    counts.forEach((c, b) => {
      const h = (innerH * c) / peak;
      const left = x(min + b * bin);
      ctx.fillRect(left + 0.5, PAD.top + innerH - h, Math.max(1, x(min + (b + 1) * bin) - left - 1), h);
    });
    // Where 0 lies (if inside the range), and the exact zeros as a labelled mark.
    if (span > 0 && lo <= 0 && hi >= 0) {
      const x0 = x(0);
      ctx.strokeStyle = '#222';
      ctx.setLineDash([2, 2]);
      ctx.beginPath();
      ctx.moveTo(x0, PAD.top);
      ctx.lineTo(x0, PAD.top + innerH);
      ctx.stroke();
      ctx.setLineDash([]);
      if (item.zeros > 0) {
        ctx.fillStyle = this.zeroColor;
        ctx.fillRect(x0 - 1.5, PAD.top, 3, innerH);
      }
    }
    ctx.fillStyle = '#222';
    ctx.font = '600 11px system-ui, sans-serif';
    ctx.fillText(item.title, PAD.left, 11);
    // How far the title reaches, so a check can tell it is not cut at the picture's edge.
    canvas.dataset.titleRight = String(Math.ceil(PAD.left + ctx.measureText(item.title).width));
    if (item.zeros > 0) {
      ctx.fillStyle = this.zeroColor;
      ctx.font = '11px system-ui, sans-serif';
      const text = `${count(item.zeros)} exactly 0`;
      ctx.fillText(text, WIDTH - PAD.right - ctx.measureText(text).width, 24);
    }
    ctx.fillStyle = '#555';
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillText(short(lo), PAD.left, HEIGHT - 5);
    const right = short(hi);
    ctx.fillText(right, WIDTH - PAD.right - ctx.measureText(right).width, HEIGHT - 5);
    caption.textContent = item.caption ?? '';
    canvas.setAttribute('aria-label', `${item.title}: ${item.caption ?? ''} range ${short(min)} to ${short(max)}`);
  }
}
