// The decision boundary of a 2-D set on a plain canvas: the network's output over a grid (blue for class 0, orange
// for class 1, paler where it is unsure), with training points filled and test points as small rings. The server's
// grid covers the smallest whole-unit square that holds the points; before any boundary, the points alone.

import { diverging, OKABE_ITO } from './palette.js';

/** How strongly the background is coloured: pale enough that the points stay readable on it. */
const BACKGROUND_STRENGTH = 0.62;

/** The least size, in CSS pixels, of the axis labels as shown. */
const TEXT_PX = 11;

export class Boundary {
  /** `brief`: a one-line caption, for the comparison's pictures side by side. */
  constructor(canvas, caption, { brief = false } = {}) {
    this.canvas = canvas;
    this.caption = caption;
    this.brief = brief;
    this.ctx = canvas.getContext('2d');
    this.points = null;
    this.size = canvas.width;
    // The square every 2-D set lives in, [−extent, extent]²: Java's PointPattern.EXTENT, rendered into the page.
    this.extent = Number(canvas.ownerDocument.body.dataset.planeExtent);
  }

  reset() {
    this.points = null;
    this.ctx.clearRect(0, 0, this.size, this.size);
    this.caption.textContent = 'Waiting for the data from the server…';
    this.canvas.dataset.points = '0';
  }

  /** The points alone on a plain square: the data, before (or without) a model. */
  renderPoints(points) {
    if (!points) return;
    this.points = points;
    const { ctx, size } = this;
    const view = this.viewExtent(this.extent);
    ctx.fillStyle = '#fafafa';
    ctx.fillRect(0, 0, size, size);
    this.drawAxes(view);
    const plain = { valueMin: 0, valueMax: 1 };
    this.drawPoints(points.test, view, plain, false, true);
    this.drawPoints(points.train, view, plain, false, false);
    this.describe(view, 'The data');
  }

  /** boundary: {extent, resolution, valueMin, valueMax, levels}; points: {train, test} as (x1, x2, label) triples. */
  render(boundary, points, regression) {
    if (points) this.points = points;
    if (!boundary) return;
    const { ctx, size } = this;
    const n = boundary.resolution;
    const image = ctx.createImageData(n, n);
    for (let i = 0; i < n * n; i++) {
      const p = boundary.levels[i] / 255;                       // output mapped to [0, 1]
      const [r, g, b] = diverging((p - 0.5) * 2 * BACKGROUND_STRENGTH);
      image.data[4 * i] = r;
      image.data[4 * i + 1] = g;
      image.data[4 * i + 2] = b;
      image.data[4 * i + 3] = 255;
    }
    this.grid ??= document.createElement('canvas');
    this.grid.width = n;
    this.grid.height = n;
    this.grid.getContext('2d').putImageData(image, 0, 0);
    // Show [−view, view]², the smallest whole-unit square holding every point (never more than the grid).
    const view = this.viewExtent(boundary.extent);
    const cells = (n * view) / boundary.extent;                  // grid cells across the view
    const from = (n - cells) / 2;
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.grid, from, from, cells, cells, 0, 0, size, size);
    this.drawAxes(view);
    if (this.points) {
      this.drawPoints(this.points.test, view, boundary, regression, true);
      this.drawPoints(this.points.train, view, boundary, regression, false);
    }
    this.describe(view, 'Decision boundary');
  }

  /** The square the canvas shows, [−view, view]², as last drawn, and its size in canvas pixels: for overlays. */
  plane() {
    return { view: this.shownView ?? this.extent, size: this.size, ctx: this.ctx };
  }

  describe(view, what) {
    this.shownView = view;
    const trainCount = (this.points?.train.length ?? 0) / 3;
    const testCount = (this.points?.test.length ?? 0) / 3;
    this.caption.textContent = this.brief ? `[−${view}, ${view}]²: ${trainCount} train, ${testCount} test`
      : `Showing [−${view}, ${view}]²; ${trainCount} training points (filled), ${testCount} test points (rings).`;
    this.canvas.dataset.points = String(trainCount + testCount);
    this.canvas.setAttribute('aria-label', `${what} over [−${view}, ${view}] squared with ${trainCount} training and ${testCount} test points`);
  }

  viewExtent(extent) {
    let far = 0;
    for (const triples of [this.points?.train ?? [], this.points?.test ?? []]) {
      for (let i = 0; i + 2 < triples.length; i += 3) far = Math.max(far, Math.abs(triples[i]), Math.abs(triples[i + 1]));
    }
    return far === 0 ? extent : Math.min(extent, Math.ceil(far * 1.08));
  }

  drawAxes(view) {
    const { ctx, size } = this;
    ctx.strokeStyle = 'rgba(0,0,0,0.18)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(size / 2, 0);
    ctx.lineTo(size / 2, size);
    ctx.moveTo(0, size / 2);
    ctx.lineTo(size, size / 2);
    ctx.stroke();
    ctx.fillStyle = 'rgba(0,0,0,0.6)';
    // The canvas is shown shrunk to its box: its labels are drawn larger by as much, to read at 11 px or more there.
    const shown = this.canvas.clientWidth || size;
    const px = Math.max(Math.round(size / 27), Math.ceil((TEXT_PX * size) / shown));
    ctx.font = `${px}px system-ui, sans-serif`;
    this.canvas.dataset.textPx = String(px);
    ctx.textAlign = 'right';
    ctx.fillText(`x₁ = ${view}`, size - 4, size / 2 + px + 2);
    ctx.textAlign = 'left';
    ctx.fillText(`x₂ = ${view}`, size / 2 + 5, px + 2);
  }

  drawPoints(triples, view, boundary, regression, hollow) {
    const { ctx, size } = this;
    const scale = size / (2 * view);
    const k = size / 320;                         // sizes below are for a 320-pixel canvas
    for (let i = 0; i + 2 < triples.length; i += 3) {
      const x = (triples[i] + view) * scale;
      const y = (view - triples[i + 1]) * scale;
      const label = triples[i + 2];
      const positive = regression
        ? (label - boundary.valueMin) / (boundary.valueMax - boundary.valueMin) > 0.5
        : label >= 1;
      const color = positive ? OKABE_ITO.orange : OKABE_ITO.blue;
      ctx.beginPath();
      if (hollow) {
        ctx.arc(x, y, 2.8 * k, 0, 2 * Math.PI);
        ctx.lineWidth = 1.6 * k;
        ctx.strokeStyle = color;
        ctx.stroke();
      } else {
        ctx.arc(x, y, 4.6 * k, 0, 2 * Math.PI);
        ctx.fillStyle = color;
        ctx.fill();
        ctx.lineWidth = 1.5 * k;
        ctx.strokeStyle = '#fff';
        ctx.stroke();
        ctx.lineWidth = 0.6 * k;
        ctx.strokeStyle = '#222';
        ctx.beginPath();
        ctx.arc(x, y, 5.4 * k, 0, 2 * Math.PI);
        ctx.stroke();
      }
    }
  }
}
