// Each hidden unit's output over the plane, small, under the decision boundary on the bench: the same pictures as the
// network tab's (Views.neurons), a row per hidden layer, so a learner sees what the units compute without a click.

import { diverging } from './palette.js';

const SIZE = 30;
const GAP = 4;
/** The least size, in CSS pixels, of a layer's label as shown. */
const LABEL_PX = 11;
/** Units per layer drawn here; the network tab draws every one. */
const MOST = 16;

export class NeuronStrip {
  constructor(view, canvas, caption) {
    this.view = view;
    this.canvas = canvas;
    this.caption = caption;
  }

  /** neurons: Views.neurons {resolution, layers: [{units, scale, pictures}]}, or null (no hidden layer, no 2-D data). */
  render(neurons) {
    const layers = neurons?.layers ?? [];
    this.view.hidden = layers.length === 0;
    if (!layers.length) return;
    const n = neurons.resolution;
    const perRow = Math.max(...layers.map((l) => Math.min(MOST, l.pictures.length)));
    const canvas = this.canvas;
    canvas.width = perRow * (SIZE + GAP);
    // The canvas shrinks to its box (max-width: 100%): the labels are drawn larger by as much, to show at 11 px.
    const room = canvas.parentElement?.clientWidth || canvas.width;
    const labelPx = Math.ceil(LABEL_PX / Math.min(1, room / canvas.width));
    const label = labelPx + 4;
    canvas.dataset.textPx = String(labelPx);
    canvas.height = layers.length * (SIZE + GAP + label);
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const tile = document.createElement('canvas');
    tile.width = n;
    tile.height = n;
    const tileCtx = tile.getContext('2d');
    const image = tileCtx.createImageData(n, n);
    let cut = false;
    layers.forEach((layer, l) => {
      const top = l * (SIZE + GAP + label);
      ctx.fillStyle = '#555';
      ctx.font = `${labelPx}px system-ui, sans-serif`;
      const shown = Math.min(MOST, layer.pictures.length);
      cut ||= shown < layer.units;
      ctx.fillText(`hidden ${l + 1}${shown < layer.units ? ` (first ${shown} of ${layer.units})` : ''}`, 0, top + labelPx);
      layer.pictures.slice(0, shown).forEach((levels, u) => {
        levels.forEach((level, k) => image.data.set([...diverging(level / 127), 255], 4 * k));
        tileCtx.putImageData(image, 0, 0);
        ctx.imageSmoothingEnabled = true;
        ctx.drawImage(tile, u * (SIZE + GAP), top + label, SIZE, SIZE);
        ctx.strokeStyle = '#777';
        ctx.strokeRect(u * (SIZE + GAP) + 0.5, top + label + 0.5, SIZE - 1, SIZE - 1);
      });
    });
    this.caption.textContent = `What each hidden unit outputs over the same square (orange +, blue −)${
      cut ? '; every unit, and the links, in the Network tab' : '; the links are in the Network tab'}.`;
  }
}
