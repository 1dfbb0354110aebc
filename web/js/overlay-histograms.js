// Two runs' weight histograms of the same layer on one axis: A as filled bars, B as a step line, so the two stay
// apart without relying on colour. The common x range is the union of both, so a narrower histogram looks narrower.
// Each is drawn as a density, count / (total · bin width): the two runs' bins differ in width (each spans its own
// range), and raw counts would make the narrower histogram look taller or shorter for that reason alone.

import { clearedContext, syncFigures } from './figure-cells.js';
import { count, short } from './format.js';
import { rgba } from './palette.js';

const WIDTH = 185;
const HEIGHT = 108;
const PAD = { left: 6, right: 6, top: 16, bottom: 18 };

export class OverlayHistograms {
  /** `width` × `height`: each figure's size in CSS pixels (the bench's evidence draws a shorter one). */
  constructor(container, { colorA, colorB, width = WIDTH, height = HEIGHT }) {
    this.container = container;
    this.width = width;
    this.height = height;
    this.colorA = colorA;
    this.colorB = colorB;
    this.cells = [];
  }

  clear() {
    for (const cell of this.cells) cell.figure.remove();
    this.cells = [];
  }

  /** items: [{title, a: {min, max, counts}|null, b: ...|null, zerosA, zerosB}] */
  render(items) {
    syncFigures(this.container, this.cells, items.length, this.width, this.height);
    items.forEach((item, i) => this.draw(this.cells[i], item));
  }

  draw(cell, item) {
    const { canvas, caption } = cell;
    const { width, height } = this;
    const ctx = clearedContext(cell, width, height);
    const shown = [item.a, item.b].filter(Boolean);
    if (!shown.length) return;
    const min = Math.min(...shown.map((h) => h.min));
    const max = Math.max(...shown.map((h) => h.max));
    const span = max - min || 1;
    const density = (h) => {
      const total = h.counts.reduce((sum, c) => sum + c, 0) || 1;
      const width = (h.max - h.min) / h.counts.length || 1;
      return h.counts.map((c) => c / (total * width));     // ∫ density dw = 1
    };
    const densities = { a: item.a ? density(item.a) : null, b: item.b ? density(item.b) : null };
    const peak = Math.max(Number.MIN_VALUE, ...[densities.a, densities.b].filter(Boolean).flat());
    const innerW = width - PAD.left - PAD.right;
    const innerH = height - PAD.top - PAD.bottom;
    const x = (v) => PAD.left + (innerW * (v - min)) / span;
    const y = (c) => PAD.top + innerH - (innerH * c) / peak;
    ctx.fillStyle = '#f6f6f6';
    ctx.fillRect(PAD.left, PAD.top, innerW, innerH);
    if (item.a) {
      const counts = densities.a;
      const bin = (item.a.max - item.a.min) / counts.length;
      ctx.fillStyle = rgba(this.colorA, 0.55);
      counts.forEach((c, b) => {
        const left = x(item.a.min + b * bin);
        ctx.fillRect(left, y(c), Math.max(1, x(item.a.min + (b + 1) * bin) - left - 0.5), PAD.top + innerH - y(c));
      });
    }
    if (item.b) {
      const counts = densities.b;
      const bin = (item.b.max - item.b.min) / counts.length;
      ctx.strokeStyle = this.colorB;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x(item.b.min), y(0));
      counts.forEach((c, b) => {
        ctx.lineTo(x(item.b.min + b * bin), y(c));
        ctx.lineTo(x(item.b.min + (b + 1) * bin), y(c));
      });
      ctx.lineTo(x(item.b.max), y(0));
      ctx.stroke();
    }
    if (min <= 0 && max >= 0) {
      ctx.strokeStyle = '#222';
      ctx.lineWidth = 1;
      ctx.setLineDash([2, 2]);
      ctx.beginPath();
      ctx.moveTo(x(0), PAD.top);
      ctx.lineTo(x(0), PAD.top + innerH);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.fillStyle = '#222';
    ctx.font = '600 11px system-ui, sans-serif';
    ctx.fillText(item.title, PAD.left, 11);
    ctx.fillStyle = '#555';
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillText(short(min), PAD.left, height - 5);
    const right = short(max);
    ctx.fillText(right, width - PAD.right - ctx.measureText(right).width, height - 5);
    const zeros = item.zerosA == null && item.zerosB == null ? '' : `exactly 0: A ${count(item.zerosA)}, B ${count(item.zerosB)}. `;
    caption.textContent = `${zeros}Densities. A: ${short(item.a?.min)} to ${short(item.a?.max)}; B: ${short(item.b?.min)} to ${short(item.b?.max)}`;
    canvas.setAttribute('aria-label', `${item.title}, runs A (bars) and B (line): ${caption.textContent}`);
  }
}
