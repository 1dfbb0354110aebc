// The first layer's weights drawn as pictures, one per hidden unit: L1 leaves most pixels white (exactly 0), L2
// makes them smooth and faint. Pixels arrive as −127..127 relative to the largest |w| shown.

import { diverging } from './palette.js';
import { short } from './format.js';

const ZOOM = 3;
const GAP = 4;

export class WeightImages {
  constructor(canvas) {
    this.canvas = canvas;
  }

  render(view) {
    if (!view || !view.units?.length) return;
    const { width, height, units } = view;
    const columns = Math.min(units.length, Math.max(1, Math.floor(560 / (width * ZOOM + GAP))));
    const rows = Math.ceil(units.length / columns);
    const canvas = this.canvas;
    canvas.width = columns * (width * ZOOM + GAP);
    canvas.height = rows * (height * ZOOM + GAP);
    const ctx = canvas.getContext('2d');
    const tile = ctx.createImageData(width * ZOOM, height * ZOOM);
    let zeros = 0;
    let total = 0;
    units.forEach((pixels, u) => {
      for (let y = 0; y < height * ZOOM; y++) {
        for (let x = 0; x < width * ZOOM; x++) {
          const v = pixels[Math.floor(y / ZOOM) * width + Math.floor(x / ZOOM)];
          const [r, g, b] = diverging(v / 127);
          const o = 4 * (y * width * ZOOM + x);
          tile.data[o] = r;
          tile.data[o + 1] = g;
          tile.data[o + 2] = b;
          tile.data[o + 3] = 255;
        }
      }
      for (const v of pixels) {
        if (v === 0) zeros += 1;
      }
      total += pixels.length;
      ctx.putImageData(tile, (u % columns) * (width * ZOOM + GAP), Math.floor(u / columns) * (height * ZOOM + GAP));
    });
    canvas.setAttribute('aria-label', `${units.length} first-layer weight pictures of ${width}×${height}; `
      + `${Math.round((100 * zeros) / Math.max(1, total))}% of their pixels are 0; largest |w| ${short(view.scale)}.`);
  }
}
