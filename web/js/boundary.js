// The decision boundary of a 2-D set on a plain canvas: the network's output over a grid (blue for class 0, orange
// for class 1, paler where it is unsure), with training points filled and test points as rings.

import { diverging, OKABE_ITO } from './palette.js';

export class Boundary {
  constructor(canvas, caption) {
    this.canvas = canvas;
    this.caption = caption;
    this.ctx = canvas.getContext('2d');
    this.points = null;
    this.size = canvas.width;
  }

  reset() {
    this.points = null;
    this.ctx.clearRect(0, 0, this.size, this.size);
    this.caption.textContent = '';
  }

  /** boundary: {extent, resolution, valueMin, valueMax, levels}; points: {train, test} as (x1, x2, label) triples. */
  render(boundary, points, regression) {
    if (points) this.points = points;
    const { ctx, size } = this;
    if (!boundary) return;
    const n = boundary.resolution;
    const image = ctx.createImageData(n, n);
    for (let i = 0; i < n * n; i++) {
      const p = boundary.levels[i] / 255;                       // output mapped to [0, 1]
      const [r, g, b] = diverging((p - 0.5) * 2 * 0.85);
      image.data[4 * i] = r;
      image.data[4 * i + 1] = g;
      image.data[4 * i + 2] = b;
      image.data[4 * i + 3] = 255;
    }
    // Draw the small grid, then scale it up smoothly.
    this.grid ??= document.createElement('canvas');
    this.grid.width = n;
    this.grid.height = n;
    this.grid.getContext('2d').putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.grid, 0, 0, size, size);
    this.drawAxes(boundary.extent);
    if (this.points) {
      this.drawPoints(this.points.train, boundary, regression, false);
      this.drawPoints(this.points.test, boundary, regression, true);
    }
    const trainCount = (this.points?.train.length ?? 0) / 3;
    const testCount = (this.points?.test.length ?? 0) / 3;
    this.caption.textContent = `Grid ${n}×${n} over [−${boundary.extent}, ${boundary.extent}]²; `
      + `${trainCount} training points, ${testCount} test points.`;
  }

  drawAxes(extent) {
    const { ctx, size } = this;
    ctx.strokeStyle = 'rgba(0,0,0,0.18)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(size / 2, 0);
    ctx.lineTo(size / 2, size);
    ctx.moveTo(0, size / 2);
    ctx.lineTo(size, size / 2);
    ctx.stroke();
    ctx.fillStyle = 'rgba(0,0,0,0.55)';
    ctx.font = '10px system-ui, sans-serif';
    ctx.fillText(`x₁ →  ${extent}`, size - 44, size / 2 - 4);
    ctx.fillText(`x₂ ${extent}`, size / 2 + 4, 11);
  }

  drawPoints(triples, boundary, regression, hollow) {
    const { ctx, size } = this;
    const scale = size / (2 * boundary.extent);
    for (let i = 0; i + 2 < triples.length; i += 3) {
      const x = (triples[i] + boundary.extent) * scale;
      const y = (boundary.extent - triples[i + 1]) * scale;
      const label = triples[i + 2];
      const positive = regression
        ? (label - boundary.valueMin) / (boundary.valueMax - boundary.valueMin) > 0.5
        : label >= 1;
      const color = positive ? OKABE_ITO.orange : OKABE_ITO.blue;
      ctx.beginPath();
      ctx.arc(x, y, hollow ? 3.6 : 3.3, 0, 2 * Math.PI);
      if (hollow) {
        ctx.lineWidth = 2;
        ctx.strokeStyle = color;
        ctx.stroke();
        ctx.lineWidth = 0.75;
        ctx.strokeStyle = '#000';
        ctx.beginPath();
        ctx.arc(x, y, 4.8, 0, 2 * Math.PI);
        ctx.stroke();
      } else {
        ctx.fillStyle = color;
        ctx.fill();
        ctx.lineWidth = 1;
        ctx.strokeStyle = '#fff';
        ctx.stroke();
      }
    }
  }
}
