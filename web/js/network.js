// The network as TensorFlow Playground draws it: inputs at the left, each hidden unit as a small live picture of what
// it outputs over the plane (2-D sets) or a node, the output at the right, and every link drawn with its own weight.
// Widths follow |w| on one fixed scale, so L2's shrinking shows as thinning links; an exact zero is a dotted grey
// link, visibly not a small weight. Hovering a link shows its weight. At most SHOWN_UNITS units per layer: beyond, the
// title says "first 16 of 32", so a wide layer is not a hairball of a thousand links.
// The drawing is aria-hidden: a screen reader gets one sentence about the architecture instead of every line. It is
// built once per shape and, while the weights change, only its lines' attributes are set: no new nodes per frame.

import { diverging, NEGATIVE_RGB, POSITIVE_RGB } from './palette.js';
import { count, percent, short } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
/** |w| at which a link reaches its full width and strength: one scale for every run, so runs compare. */
const FULL_WEIGHT = 1.5;
const PAD = { top: 26, bottom: 24, side: 58 };
/** Units drawn per layer at most (the first ones): 16 × 16 links between two wide layers still read as links. */
export const SHOWN_UNITS = 16;

function node(tag, attributes = {}) {
  return set(document.createElementNS(SVG, tag), attributes);
}

function set(element, attributes) {
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

export class NetworkDiagram {
  constructor(container, caption) {
    this.container = container;
    this.caption = caption;
    this.featureNames = [];
    this.neurons = new Map();         // "L-U" -> canvas, kept across frames
    this.shape = null;                // what the drawing was built for; another shape builds it again
    this.description = document.createElement('p');
    this.description.className = 'sr-only';
    this.description.dataset.testid = 'network-description';
    this.container.addEventListener('pointerover', (event) => {
      const title = event.target.closest?.('line')?.querySelector('title');
      if (title) this.caption.textContent = title.textContent;
    });
  }

  setFeatures(names) {
    this.featureNames = names ?? [];
    for (const canvas of this.neurons.values()) canvas.remove();
    this.neurons.clear();
  }

  /**
   * layers: the report's per-layer stats (fanIn, fanOut, zeroFraction); links: Views.network's layers {fanIn, fanOut,
   * inputs, units, weights}; pictures: Views.neurons {resolution, layers: [{units, scale, pictures}]} or null.
   */
  render(layers, links, pictures) {
    if (!layers?.length || this.container.offsetParent === null) return;
    const weights = Array.isArray(links) && links.length === layers.length ? links : null;
    const sizes = [layers[0].fanIn, ...layers.map((l) => l.fanOut)];
    const sent = sizes.map((n, c) => Math.min(n, c === 0 ? weights?.[0]?.inputs ?? n : weights?.[c - 1]?.units ?? n));
    const shown = sent.map((n) => Math.min(n, SHOWN_UNITS));
    const most = Math.max(...shown);
    const side = pictures ? Math.max(14, Math.min(40, Math.floor(560 / most) - 6)) : 12;
    const width = Math.max(360, this.container.clientWidth || 720);
    const shape = JSON.stringify([sizes, shown, width, side, !!weights, !!pictures, this.featureNames]);
    if (shape !== this.shape) this.build(sizes, shown, width, side, !!weights, !!pictures);
    this.shape = shape;
    let zeros = 0;
    if (weights) {
      let k = 0;
      weights.forEach((layer, l) => {
        for (let i = 0; i < shown[l]; i++) {
          for (let j = 0; j < shown[l + 1]; j++) {
            const w = layer.weights[i * layer.units + j];
            this.link(this.lines[k++], w);
            if (w === 0) zeros += 1;
          }
        }
      });
    }
    this.zeroLabels.forEach((label, c) => {
      const text = `${percent(layers[c].zeroFraction, 0)} exactly 0`;
      if (label.textContent !== text) label.textContent = text;
    });
    for (const canvas of this.placeNeurons(pictures, shown, this.x, this.y, side)) {
      if (canvas.parentNode !== this.container) this.container.append(canvas);
    }
    this.caption.textContent = weights
      ? `${count(this.lines.length)} links drawn, ${count(zeros)} of them exactly 0 (dotted). Hover a link to read its weight.`
      : 'No per-link weights in this stream.';
  }

  /** The drawing for one shape: its nodes, labels and one line per link, whose weights render() then sets. */
  build(sizes, shown, width, side, withLinks, withPictures) {
    const most = Math.max(...shown);
    const height = Math.max(200, PAD.top + PAD.bottom + most * (side + 6));
    const x = (c) => PAD.side + (c * (width - 2 * PAD.side)) / Math.max(1, sizes.length - 1);
    const y = (c, i) => PAD.top + ((i + 0.5) * (height - PAD.top - PAD.bottom)) / shown[c];
    Object.assign(this, { x, y });
    const svg = node('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'links', 'aria-hidden': 'true' });
    this.lines = [];
    if (withLinks) {
      const group = node('g', { 'stroke-linecap': 'round' });
      for (let l = 0; l + 1 < sizes.length; l++) {
        for (let i = 0; i < shown[l]; i++) {
          for (let j = 0; j < shown[l + 1]; j++) {
            const line = node('line', { x1: x(l), y1: y(l, i), x2: x(l + 1), y2: y(l + 1, j) });
            line.dataset.name = `${this.nameOf(l, i, sizes)} → ${this.nameOf(l + 1, j, sizes)}`;
            line.append(node('title'));
            group.append(line);
            this.lines.push(line);
          }
        }
      }
      svg.append(group);
    }
    this.zeroLabels = [];
    sizes.forEach((n, c) => {
      const hidden = c > 0 && c < sizes.length - 1;
      for (let i = 0; i < shown[c]; i++) {
        if (!(hidden && withPictures)) {
          svg.append(node('circle', { cx: x(c), cy: y(c, i), r: 6, fill: '#fff', stroke: '#333', 'stroke-width': 1.2 }));
        }
        if (c === 0 && this.featureNames[i] && shown[0] <= 12) {
          const label = node('text', { x: x(c) - 10, y: y(c, i) + 3.5, 'text-anchor': 'end', 'font-size': 11, fill: '#333' });
          label.textContent = this.featureNames[i];
          svg.append(label);
        }
      }
      const title = node('text', { x: x(c), y: height - 6, 'text-anchor': 'middle', 'font-size': 11, fill: '#333' });
      title.textContent = `${this.role(c, sizes)}: ${shown[c] < n ? `first ${shown[c]} of ${count(n)}` : count(n)}`;
      svg.append(title);
      if (c > 0) {
        const label = node('text', { x: (x(c - 1) + x(c)) / 2, y: 12, 'text-anchor': 'middle', 'font-size': 11, fill: '#8f3c00' });
        svg.append(label);
        this.zeroLabels.push(label);
      }
    });
    this.description.textContent = `The network: ${sizes.map((n, c) => `${this.role(c, sizes)} ${count(n)} `
      + `${c === 0 ? (n === 1 ? 'input' : 'inputs') : n === 1 ? 'unit' : 'units'}`).join(', ')}`
      + `${shown.some((s, c) => s < sizes[c]) ? `; the drawing shows the first ${SHOWN_UNITS} units of a wider layer` : ''}.`;
    this.container.style.height = `${height}px`;
    this.container.replaceChildren(this.description, svg);
  }

  role(c, sizes) {
    return c === 0 ? 'input' : c === sizes.length - 1 ? 'output' : `hidden ${c}`;
  }

  /** Sets one link's look from its weight; its <title> is the tooltip and the hover caption. */
  link(line, w) {
    const title = line.firstChild;
    if (w === 0) {
      set(line, { stroke: '#9a9a9a', 'stroke-width': 0.9, 'stroke-dasharray': '2 3', 'stroke-opacity': 0.7, 'data-zero': 'true' });
      title.textContent = `${line.dataset.name}: w = 0 exactly (cut)`;
      return;
    }
    line.removeAttribute('stroke-dasharray');
    line.removeAttribute('data-zero');
    const strength = Math.min(1, Math.abs(w) / FULL_WEIGHT);
    const rgb = w > 0 ? POSITIVE_RGB : NEGATIVE_RGB;
    set(line, { stroke: `rgb(${rgb.join(',')})`, 'stroke-opacity': (0.3 + 0.65 * strength).toFixed(2),
      'stroke-width': (0.6 + 4 * strength).toFixed(2) });
    title.textContent = `${line.dataset.name}: w = ${short(w, 4)}`;
  }

  nameOf(c, i, sizes) {
    if (c === 0) return `input ${this.featureNames[i] ?? i + 1}`;
    return c === sizes.length - 1 ? `output ${i + 1}` : `hidden ${c} unit ${i + 1}`;
  }

  /** The hidden units' pictures, placed over their nodes; canvases are kept, so tests and eyes follow one unit. */
  placeNeurons(pictures, shown, x, y, side) {
    const placed = [];
    const keep = new Set();
    (pictures?.layers ?? []).forEach((layer, l) => {
      layer.pictures.forEach((levels, u) => {
        if (u >= shown[l + 1]) return;
        const key = `${l}-${u}`;
        keep.add(key);
        let canvas = this.neurons.get(key);
        if (!canvas) {
          canvas = document.createElement('canvas');
          canvas.className = 'neuron';
          canvas.dataset.testid = `neuron-${key}`;
          canvas.setAttribute('aria-hidden', 'true');   // the description says what the network is
          this.neurons.set(key, canvas);
        }
        canvas.width = pictures.resolution;
        canvas.height = pictures.resolution;
        const image = canvas.getContext('2d').createImageData(pictures.resolution, pictures.resolution);
        levels.forEach((level, k) => {
          const [r, g, b] = diverging(level / 127);
          image.data.set([r, g, b, 255], 4 * k);
        });
        canvas.getContext('2d').putImageData(image, 0, 0);
        Object.assign(canvas.style, { width: `${side}px`, height: `${side}px`, left: `${x(l + 1) - side / 2}px`,
          top: `${y(l + 1, u) - side / 2}px` });
        canvas.title = `hidden layer ${l + 1}, unit ${u + 1}: its output over the plane`;
        placed.push(canvas);
      });
    });
    for (const [key, canvas] of this.neurons) {
      if (keep.has(key)) continue;
      this.neurons.delete(key);
      canvas.remove();
    }
    return placed;
  }
}
