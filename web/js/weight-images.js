// The first layer's weights drawn as pictures, one per unit it feeds: images as images, the crossed cells of the
// feature-cross set as their map, other inputs as rows of one matrix (a row per unit). L1 leaves pixels white; L2
// makes them faint. The rule that keeps the picture honest: white means exactly 0 (the server never sends level 0
// for a non-zero weight), and the tint is proportional to |w|, so a weight of 1% of the largest looks like 1%: only
// the palest step above white is kept for it, never a fixed minimum that made 0.009 look like 0.24.

import { diverging } from './palette.js';
import { count, short } from './format.js';

const GAP = 4;

/**
 * [r, g, b] of a level in −127..127 (fractional after a rescale): white only for 0, and otherwise in proportion to
 * |level|, but at least one colour step off white in the channel that moves least, so it never rounds to white.
 */
export function levelColor(level) {
  if (level === 0) return [255, 255, 255];
  const [r, g, b] = diverging(Math.sign(level) * Math.min(1, Math.abs(level) / 127)).map(Math.round);
  const palest = Math.max(r, g, b) === 255 && Math.min(r, g, b) === 255;
  // One step below white in the blue channel (orange) or the red one (blue): the faintest tint there is.
  if (palest) return level > 0 ? [255, 255, 254] : [254, 255, 255];
  return [r, g, b];
}

export class WeightImages {
  /**
   * `brief`: a short caption (the count of exact zeros) and a lower matrix, for the comparison's two pictures.
   */
  constructor(canvas, caption = null, { brief = false } = {}) {
    this.canvas = canvas;
    this.caption = caption;
    this.brief = brief;
    this.matrixHeight = brief ? 80 : 220;
    this.unseen = null;
    this.featureNames = [];
  }

  /** Which pixels stand for inputs never seen in training (views.inputs), and the inputs' names. */
  setInputs(inputs, featureNames) {
    this.unseen = inputs?.unseen ? new Set(inputs.unseen) : null;
    if (featureNames) this.featureNames = featureNames;
  }

  /**
   * `scale`: draw on this largest |w| instead of the picture's own (the comparison's two pictures share the larger),
   * so each level becomes level·view.scale/scale; an exact 0 stays 0.
   */
  render(view, { scale = null } = {}) {
    if (!view || !view.units?.length) return;
    if (scale > 0 && view.scale > 0 && scale !== view.scale) {
      const factor = view.scale / scale;
      view = { ...view, scale, units: view.units.map((pixels) => pixels.map((level) => level * factor)) };
    }
    const zeros = view.height === 1 ? this.matrix(view) : this.tiles(view);
    const total = view.units.length * view.width * view.height;
    const who = view.output ? 'output unit' : 'hidden unit';
    const many = view.units.length < view.fanOut ? `first ${view.units.length} of ${count(view.fanOut)} ${who}s`
      : `${view.units.length} ${who}${view.units.length === 1 ? '' : 's'}`;
    const text = `${many}; ${count(zeros)} of ${count(total)} weights shown are exactly 0; largest |w| ${short(view.scale)}.`;
    this.canvas.setAttribute('aria-label', text);
    this.canvas.dataset.zeros = String(zeros);
    const key = this.unseen?.size ? ' Grey dot: a cell no training example falls in (only the penalty moves it).'
      : view.height === 1 && this.marked ? ' One row per unit, one column per input; ▼ marks an informative input.' : '';
    if (this.caption) {
      this.caption.textContent = this.brief ? `${many}: ${count(zeros)} of ${count(total)} exactly 0.` : `${text}${key}`;
    }
  }

  /** Images and maps: one tile per unit, in a grid. Returns the count of exact-zero pixels. */
  tiles({ width, height, units }) {
    const target = units.length === 1 ? 320 : 60;
    const zoom = Math.max(1, Math.floor(target / Math.max(width, height)));
    // A square-ish grid (4 × 4 for 16 units), never wider than fits 300 pixels.
    const columns = Math.min(Math.ceil(Math.sqrt(units.length)), Math.max(1, Math.floor(300 / (width * zoom + GAP))));
    const rows = Math.ceil(units.length / columns);
    const canvas = this.canvas;
    canvas.width = columns * (width * zoom + GAP) - GAP;
    canvas.height = rows * (height * zoom + GAP) - GAP;
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    // Where each weight's cell is, for anyone who reads the picture back (the browser tests do).
    canvas.dataset.layout = JSON.stringify({ units: units.length, width, height, cellW: zoom, cellH: zoom, left: 0, top: 0,
      columns, tileW: width * zoom + GAP, tileH: height * zoom + GAP });
    let zeros = 0;
    units.forEach((pixels, u) => {
      const left = (u % columns) * (width * zoom + GAP);
      const top = Math.floor(u / columns) * (height * zoom + GAP);
      const tile = ctx.createImageData(width * zoom, height * zoom);
      for (let y = 0; y < height * zoom; y++) {
        for (let x = 0; x < width * zoom; x++) {
          tile.data.set([...levelColor(pixels[Math.floor(y / zoom) * width + Math.floor(x / zoom)]), 255], 4 * (y * width * zoom + x));
        }
      }
      ctx.putImageData(tile, left, top);
      for (const v of pixels) if (v === 0) zeros += 1;
      if (this.unseen?.size && zoom >= 5) {
        ctx.fillStyle = 'rgba(90, 90, 90, 0.55)';
        for (const pixel of this.unseen) {
          ctx.beginPath();
          ctx.arc(left + ((pixel % width) + 0.5) * zoom, top + (Math.floor(pixel / width) + 0.5) * zoom, zoom / 6, 0, 2 * Math.PI);
          ctx.fill();
        }
      }
      ctx.strokeStyle = '#ccc';
      ctx.strokeRect(left + 0.5, top + 0.5, width * zoom - 1, height * zoom - 1);
    });
    return zeros;
  }

  /** Plain inputs: one row per unit, one column per input, informative inputs marked off from the noise. */
  matrix({ width, units }) {
    const cellW = Math.max(1, Math.min(8, Math.floor(320 / width)));
    const cellH = Math.max(3, Math.min(16, Math.floor(this.matrixHeight / units.length)));
    const canvas = this.canvas;
    canvas.width = width * cellW;
    canvas.height = units.length * cellH + 14;
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    canvas.dataset.layout = JSON.stringify({ units: units.length, width, height: 1, cellW, cellH, left: 0, top: 14, columns: 1,
      tileW: width * cellW, tileH: cellH });
    const image = ctx.createImageData(width * cellW, units.length * cellH);
    let zeros = 0;
    units.forEach((pixels, u) => {
      pixels.forEach((level, i) => {
        if (level === 0) zeros += 1;
        const rgb = [...levelColor(level), 255];
        for (let y = 0; y < cellH; y++) {
          for (let x = 0; x < cellW; x++) image.data.set(rgb, 4 * ((u * cellH + y) * width * cellW + i * cellW + x));
        }
      });
    });
    ctx.putImageData(image, 0, 14);
    // The informative inputs sit among the noise at the data's own columns: a mark above each.
    ctx.fillStyle = '#222';
    ctx.font = '10px system-ui, sans-serif';
    let marked = 0;
    this.featureNames.slice(0, width).forEach((name, i) => {
      if (!name.startsWith('signal')) return;
      marked += 1;
      ctx.beginPath();
      ctx.moveTo(i * cellW + cellW / 2 - 4, 3);
      ctx.lineTo(i * cellW + cellW / 2 + 4, 3);
      ctx.lineTo(i * cellW + cellW / 2, 12);
      ctx.fill();
    });
    this.marked = marked;
    return zeros;
  }
}
