// A strip of what the augmenter makes from one training example: the original first, then fresh copies. For 2-D
// sets, the jittered copies of one point around the original.

import { OKABE_ITO } from './palette.js';
import { paintGreyImage } from './grey-image.js';

const ZOOM = 3;
const GAP = 6;

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

  images({ width, height, original, samples }) {
    const all = [original, ...samples];
    const canvas = this.canvas;
    canvas.width = all.length * (width * ZOOM + GAP);
    canvas.height = height * ZOOM + 2;
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const tile = ctx.createImageData(width * ZOOM, height * ZOOM);
    all.forEach((pixels, k) => {
      paintGreyImage(tile, pixels, width, height, ZOOM);
      ctx.putImageData(tile, k * (width * ZOOM + GAP), 1);
    });
    ctx.strokeStyle = OKABE_ITO.vermillion;
    ctx.lineWidth = 2;
    ctx.strokeRect(1, 1, width * ZOOM - 1, height * ZOOM - 1);
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
