// The network as a diagram (SVG built from DOM nodes): one column of units per layer, links drawn with width by |w|,
// orange for positive and blue for negative, and a weight that is exactly 0 not drawn at all. Wide layers show
// their first units and say how many more there are.

import { NEGATIVE_RGB, POSITIVE_RGB } from './palette.js';
import { percent } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
const MAX_UNITS = 12;
const WIDTH = 560;
const HEIGHT = 300;

function node(tag, attributes) {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

export class NetworkDiagram {
  constructor(container, caption) {
    this.container = container;
    this.caption = caption;
    this.featureNames = [];
  }

  setFeatures(names) {
    this.featureNames = names ?? [];
  }

  /**
   * layers: the report's per-layer stats (fanIn, fanOut, zeroFraction, l2Norm, weightCount);
   * weights: optional, Views.network's layers {fanIn, fanOut, inputs, units, scale, weights}: the first `inputs` ×
   * `units` links, weights[i·units + j] = round(127·w / scale), so an exact zero is exactly 0.
   */
  render(layers, perLink) {
    if (!layers?.length) return;
    // Per-link weights are one entry per layer; anything else means the stream has none and averages are drawn.
    const weights = Array.isArray(perLink) && perLink.length === layers.length ? perLink : null;
    const sizes = [layers[0].fanIn, ...layers.map((l) => l.fanOut)];
    const columns = sizes.length;
    const x = (c) => 40 + (c * (WIDTH - 80)) / Math.max(1, columns - 1);
    // Per-link weights cover only the first units of wide layers: show no more than they hold.
    const covered = (c) => {
      const link = weights?.[Math.max(0, c - 1)];
      if (!link) return Infinity;
      return c === 0 ? link.inputs : link.units;
    };
    const shown = sizes.map((n, c) => Math.min(n, MAX_UNITS, covered(c), weights?.[c]?.inputs ?? Infinity));
    const y = (c, i) => 22 + ((i + 0.5) * (HEIGHT - 44)) / shown[c];
    const svg = node('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: '100%', 'aria-hidden': 'true' });
    const links = node('g', { 'stroke-linecap': 'round' });
    let drawn = 0;
    let zero = 0;
    layers.forEach((layer, l) => {
      const exact = weights?.[l];
      // Without per-link weights, every link of a layer gets the layer's RMS weight, and the caption says so.
      const rms = layer.weightCount ? layer.l2Norm / Math.sqrt(layer.weightCount) : 0;
      for (let i = 0; i < shown[l]; i++) {
        for (let j = 0; j < shown[l + 1]; j++) {
          let strength;
          let positive = true;
          if (exact) {
            const q = exact.weights[i * exact.units + j];
            if (q === 0) {
              zero += 1;
              continue;
            }
            strength = Math.abs(q) / 127;
            positive = q > 0;
          } else {
            strength = Math.min(1, rms);
          }
          const rgb = exact ? (positive ? POSITIVE_RGB : NEGATIVE_RGB) : [120, 120, 120];
          links.append(node('line', {
            x1: x(l), y1: y(l, i), x2: x(l + 1), y2: y(l + 1, j),
            stroke: `rgb(${rgb.join(',')})`, 'stroke-opacity': exact ? 0.35 + 0.6 * strength : 0.35,
            'stroke-width': (0.25 + 3.5 * strength).toFixed(2),
          }));
          drawn += 1;
        }
      }
    });
    svg.append(links);
    sizes.forEach((n, c) => {
      for (let i = 0; i < shown[c]; i++) {
        svg.append(node('circle', { cx: x(c), cy: y(c, i), r: 5.5, fill: c === 0 ? '#fff' : '#f3f3f3', stroke: '#333', 'stroke-width': 1.2 }));
        if (c === 0 && this.featureNames[i] && n <= MAX_UNITS) {
          const label = node('text', { x: x(c) - 9, y: y(c, i) + 3.5, 'text-anchor': 'end', 'font-size': 10, fill: '#333' });
          label.textContent = this.featureNames[i];
          svg.append(label);
        }
      }
      const title = node('text', { x: x(c), y: HEIGHT - 4, 'text-anchor': 'middle', 'font-size': 10.5, fill: '#333' });
      const role = c === 0 ? 'input' : c === columns - 1 ? 'output' : `hidden ${c}`;
      title.textContent = `${role}: ${n}${n > MAX_UNITS ? ` (${MAX_UNITS} shown)` : ''}`;
      svg.append(title);
      if (c > 0) {
        const zeros = node('text', { x: (x(c - 1) + x(c)) / 2, y: 12, 'text-anchor': 'middle', 'font-size': 10, fill: '#D55E00' });
        zeros.textContent = `${percent(layers[c - 1].zeroFraction, 0)} zero`;
        svg.append(zeros);
      }
    });
    this.container.replaceChildren(svg);
    this.caption.textContent = weights
      ? `${drawn} links drawn, ${zero} exactly-zero weights left out (of the units shown).`
      : 'Per-link weights are not in this stream; each layer’s links share its RMS weight. The zero % above each layer is exact.';
  }
}
