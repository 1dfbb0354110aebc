// A sweep over several seeds, value by value: the validation squared error of the predicted probability split into
// bias² (with the noise) and the variance across the seeds' models, E[(p̂ − y)²] = (E p̂ − y)² + Var p̂, plotted
// against the swept value (the server computes each value's split when its seeds end: sweep-value); and, for 2-D
// data, the seeds' decision boundaries of one chosen value drawn as thin lines over the data, where variance is
// visible as the spread between them.

import { decade, lineChart, redraw } from './charts.js';
import { drawBoundaryLines } from './boundary-lines.js';
import { OKABE_ITO } from './palette.js';
import { short } from './format.js';

function points(label, color, extra = {}) {
  return { label, data: [], borderColor: color, backgroundColor: color, showLine: true, borderWidth: 2, pointRadius: 4,
    ...extra };
}

export class BiasVariance {
  /** `root`: the box holding the chart canvas and the value picker; hidden while one seed trains. */
  constructor(root) {
    this.root = root;
    this.select = root.querySelector('#sweep-boundary-value');
    this.picker = this.select.closest('.seed-picker');
    this.chart = lineChart(root.querySelector('#sweep-bias-variance-chart'), {
      yTitle: 'squared error', yMin: 0,
      datasets: [points('bias² (with noise)', OKABE_ITO.vermillion), points('variance over seeds', OKABE_ITO.blue,
        { borderDash: [6, 3], yAxisID: 'y2' }), points('error = bias² + variance', '#555', { borderWidth: 1, pointRadius: 2 })],
    });
    // Variance is often a tenth of bias² or less: on the left axis it would lie flat on 0, so it has its own.
    this.chart.options.scales.y2 = { type: 'linear', min: 0, position: 'right', grid: { drawOnChartArea: false },
      title: { display: true, text: 'variance', color: OKABE_ITO.blue }, ticks: { maxTicksLimit: 5, color: OKABE_ITO.blue } };
    this.select.addEventListener('change', () => {
      this.chosen = Number(this.select.value);
      this.onChange?.();
    });
    this.clear();
  }

  clear() {
    this.values = [];
    this.parts = [];               // per value index: {error, bias, variance}
    this.boundaries = [];          // per value index: each seed's boundary
    this.chosen = null;
    this.root.hidden = true;
    this.select.replaceChildren();
    this.picker.hidden = true;
    for (const set of this.chart.data.datasets) set.data = [];
    this.chart.canvas.dataset.points = '0';
    redraw(this.chart);
  }

  /** A sweep's start: its values and setting, and how many seeds each value trains; `onChange` redraws the overlay. */
  started({ values, param, seeds, title, onChange }) {
    this.clear();
    this.values = values;
    this.seeds = seeds;
    this.onChange = onChange;
    this.root.hidden = seeds < 2;
    const log = values.every((v) => v > 0);
    this.chart.options.scales.x = { type: log ? 'logarithmic' : 'linear', title: { display: true, text: title },
      ticks: { maxTicksLimit: log ? 20 : 8, autoSkip: !log, maxRotation: 0, callback: log ? decade : (v) => short(v, 2) },
      grid: { color: '#eee' } };
    this.chart.options.plugins.tooltip.callbacks.title = (items) => (items.length ? `${param} = ${short(items[0].parsed.x, 4)}` : '');
  }

  /** A `sweep-value`: one value's decomposition and (2-D data) each seed's final boundary. */
  add(message) {
    if (message.biasVariance) this.parts[message.index] = message.biasVariance;
    if (message.boundaries?.length) {
      this.boundaries[message.index] = message.boundaries;
      const option = document.createElement('option');
      option.value = String(message.index);
      option.textContent = short(message.value, 4);
      const later = [...this.select.options].find((o) => Number(o.value) > message.index);
      this.select.insertBefore(option, later ?? null);
      this.picker.hidden = false;
      if (this.chosen == null) {
        this.chosen = message.index;
        this.select.value = option.value;
      }
    }
  }

  render() {
    if (this.root.hidden) return;
    const [bias, variance, error] = this.chart.data.datasets;
    for (const set of [bias, variance, error]) set.data = [];
    this.parts.forEach((part, index) => {
      if (!part) return;
      const x = this.values[index];
      bias.data.push({ x, y: part.bias });
      variance.data.push({ x, y: part.variance });
      error.data.push({ x, y: part.error });
    });
    this.chart.canvas.dataset.points = String(bias.data.length);
    redraw(this.chart);
  }

  /** Draws the chosen value's seeds' boundaries over a Boundary picture of the data; false when there are none. */
  drawBoundaries(picture) {
    const lines = this.chosen == null ? null : this.boundaries[this.chosen];
    if (!lines) return false;
    const { ctx, size, view } = picture.plane();
    drawBoundaryLines(ctx, size, view, lines, OKABE_ITO.black);
    picture.canvas.dataset.boundaries = String(lines.length);
    return true;
  }

  /** "the 5 seeds' boundaries at l2 = 0.01", for the picture's caption. */
  describe(param) {
    const lines = this.chosen == null ? null : this.boundaries[this.chosen];
    return lines ? ` Lines: the ${lines.length} seeds’ decision boundaries at ${param} = ${short(this.values[this.chosen], 4)}; `
      + 'where they spread apart, the model depends on its training sample (variance).' : '';
  }
}
