// Small multiples of histograms on plain canvases, one per layer: the weights now, or the activations on the probe
// batch. A mark at 0 shows where zero lies and, for weights, how many are exactly 0.

import { clearedContext, syncFigures } from './figure-cells.js';
import { short, count } from './format.js';

const WIDTH = 190;
const HEIGHT = 112;
/** The title takes the first line, the count of exact zeros the second: they never overlap. */
const PAD = { left: 6, right: 6, top: 28, bottom: 18 };

export class HistogramGrid {
  constructor(container, { color, zeroColor = '#D55E00' }) {
    this.container = container;
    this.color = color;
    this.zeroColor = zeroColor;
    this.cells = [];
  }

  /** items: [{title, histogram: {min, max, counts}, zeros?: number, caption?: string}] */
  render(items) {
    syncFigures(this.container, this.cells, items.length, WIDTH, HEIGHT);
    items.forEach((item, i) => this.draw(this.cells[i], item));
  }

  draw(cell, item) {
    const { canvas, caption } = cell;
    const ctx = clearedContext(cell, WIDTH, HEIGHT);
    const { min, max, counts } = item.histogram;
    const peak = Math.max(1, ...counts);
    const innerW = WIDTH - PAD.left - PAD.right;
    const innerH = HEIGHT - PAD.top - PAD.bottom;
    const span = max - min;
    ctx.fillStyle = '#f6f6f6';
    ctx.fillRect(PAD.left, PAD.top, innerW, innerH);
    ctx.fillStyle = this.color;
    const barW = innerW / counts.length;
    counts.forEach((c, b) => {
      const h = (innerH * c) / peak;
      ctx.fillRect(PAD.left + b * barW + 0.5, PAD.top + innerH - h, Math.max(1, barW - 1), h);
    });
    // Where 0 lies (if inside the range), and the exact zeros as a labelled mark.
    if (span > 0 && min <= 0 && max >= 0) {
      const x0 = PAD.left + (innerW * (0 - min)) / span;
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
    if (item.zeros > 0) {
      ctx.fillStyle = this.zeroColor;
      ctx.font = '10px system-ui, sans-serif';
      const text = `${count(item.zeros)} exactly 0`;
      ctx.fillText(text, WIDTH - PAD.right - ctx.measureText(text).width, 24);
    }
    ctx.fillStyle = '#555';
    ctx.font = '10px system-ui, sans-serif';
    ctx.fillText(short(min), PAD.left, HEIGHT - 5);
    const right = short(max);
    ctx.fillText(right, WIDTH - PAD.right - ctx.measureText(right).width, HEIGHT - 5);
    caption.textContent = item.caption ?? '';
    canvas.setAttribute('aria-label', `${item.title}: ${item.caption ?? ''} range ${short(min)} to ${short(max)}`);
  }
}
