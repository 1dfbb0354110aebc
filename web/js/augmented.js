// A strip of what the augmenter makes from one training example: the original first, then fresh copies. For 2-D
// sets, the jittered copies of one point around the original.

import { OKABE_ITO } from './palette.js';
import { paintGreyImage } from './grey-image.js';

const ZOOM = 3;
const GAP = 6;
/** Height of the label row, in canvas pixels. */
const LABEL = 44;

export class AugmentedStrip {
  constructor(view, canvas, caption) {
    this.view = view;
    this.canvas = canvas;
    this.caption = caption;
  }

  /** `run`: "A" or "B" when the strip shows one run of a comparison. */
  render(samples, run = null) {
    this.view.hidden = !samples;
    if (!samples) return;
    if (samples.width > 0) this.images(samples);
    else this.points(samples.points);
    if (run) this.caption.textContent = `Run ${run} trains on copies like these (outlined: the original; same label, new every frame).`;
  }

  /**
   * The original large on the left, an arrow, then the copies in two rows at half its size: about 40 px a copy in a
   * bench card, enough to see a 10° rotation (in one row of twenty-pixel tiles it was not). Labels are drawn large
   * enough to stay at least 11 px once the card scales the canvas down.
   */
  images({ width, height, original, samples }) {
    const tileW = width * ZOOM;
    const tileH = height * ZOOM;
    const rows = samples.length > 3 ? 2 : 1;
    const columns = Math.ceil(samples.length / rows);
    const originalW = rows * tileW;   // paintGreyImage enlarges by whole pixels: the original at rows × the copies' zoom
    const originalH = rows * tileH;
    const arrow = 48;
    const canvas = this.canvas;
    canvas.width = originalW + arrow + columns * (tileW + GAP);
    canvas.height = LABEL + originalH + 2;
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const big = ctx.createImageData(originalW, originalH);
    paintGreyImage(big, original, width, height, rows * ZOOM);
    ctx.putImageData(big, 0, LABEL + 1);
    const tile = ctx.createImageData(tileW, tileH);
    samples.forEach((pixels, k) => {
      paintGreyImage(tile, pixels, width, height, ZOOM);
      const x = originalW + arrow + (k % columns) * (tileW + GAP);
      const y = LABEL + 1 + Math.floor(k / columns) * tileH;
      ctx.putImageData(tile, x, y);
      ctx.strokeStyle = '#bbb';
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 0.5, y + 0.5, tileW - 1, tileH - 1);
    });
    ctx.strokeStyle = OKABE_ITO.vermillion;
    ctx.lineWidth = 3;
    ctx.strokeRect(1.5, LABEL + 1.5, originalW - 3, originalH - 3);
    ctx.fillStyle = '#222';
    ctx.font = `600 ${LABEL - 6}px system-ui, sans-serif`;
    ctx.fillText('original', 0, LABEL - 8);
    ctx.fillText(`→ ${samples.length} copies, same label`, originalW + 8, LABEL - 8);
    ctx.fillText('→', originalW + 6, LABEL + originalH / 2 + 10);
    this.caption.textContent = `Outlined: the original. Then ${samples.length} augmented copies with the same label; new ones every frame.`;
    canvas.setAttribute('aria-label', `one training image and ${samples.length} augmented copies`);
  }

  points(pairs) {
    const canvas = this.canvas;
    canvas.width = 200;
    canvas.height = 200;
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, 200, 200);
    const [ox, oy] = pairs;
    let spread = 0.5;
    for (let i = 2; i + 1 < pairs.length; i += 2) spread = Math.max(spread, Math.abs(pairs[i] - ox), Math.abs(pairs[i + 1] - oy));
    const scale = 90 / spread;
    ctx.fillStyle = OKABE_ITO.sky;
    for (let i = 2; i + 1 < pairs.length; i += 2) {
      ctx.beginPath();
      ctx.arc(100 + (pairs[i] - ox) * scale, 100 - (pairs[i + 1] - oy) * scale, 3, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.fillStyle = OKABE_ITO.vermillion;
    ctx.fillRect(96, 96, 8, 8);
    this.caption.textContent = `Square: one training point. Dots: ${(pairs.length - 2) / 2} jittered copies with its label.`;
    canvas.setAttribute('aria-label', this.caption.textContent);
  }
}
