// The singular values σ₁ ≥ σ₂ ≥ … of each layer's weight matrix, largest first, on a log scale: the latest measured
// spectrum as a solid line, the first one seen (the untrained weights) as a faint dashed line beside it. Measured
// here: L2 lowers the small singular values far more than the largest (towards low rank); dropout can raise σ₁.
// A report may skip a large layer to keep within its budget (an empty list): its last spectrum stays.

import { lineChart, redraw } from './charts.js';
import { rgba, SERIES } from './palette.js';

function points(values) {
  // A zero singular value cannot sit on a log axis: it is a gap.
  return values.map((value, i) => ({ x: i + 1, y: value > 0 ? value : null }));
}

export class Spectrum {
  constructor(canvas) {
    this.chart = lineChart(canvas, { yTitle: 'singular value σᵢ (log)', yType: 'logarithmic', datasets: [] });
    const { x } = this.chart.options.scales;
    x.min = 1;
    x.title.text = 'i (largest first)';
    this.chart.options.plugins.tooltip.callbacks.title = (items) => (items.length ? `σ${items[0].parsed.x}` : '');
    this.first = [];
    this.latest = [];
  }

  /** Takes one report's layers (each with `singularValues`) and redraws. */
  update(layers) {
    this.add(layers);
    this.draw();
  }

  /** Takes one report's layers without drawing: every report counts, though only some reach the screen. */
  add(layers) {
    (layers ?? []).forEach((layer, i) => {
      const values = layer.singularValues ?? [];
      if (!values.length) return;
      if (!this.first[i]) this.first[i] = values.slice();
      this.latest[i] = values.slice();
    });
  }

  /** Forgets every spectrum, for a new run. */
  clear() {
    this.first = [];
    this.latest = [];
    this.draw();
  }

  draw() {
    const datasets = [];
    this.latest.forEach((values, i) => {
      if (!values) return;
      const color = SERIES[i % SERIES.length];
      datasets.push({ label: `layer ${i + 1}`, data: points(values), borderColor: color, backgroundColor: color,
        borderWidth: 1.75 });
      datasets.push({ label: `layer ${i + 1} at start`, data: points(this.first[i]), borderColor: rgba(color, 0.45),
        backgroundColor: rgba(color, 0.45), borderDash: [4, 3], borderWidth: 1 });
    });
    this.chart.data.datasets = datasets;
    this.chart.options.scales.x.max = Math.max(1, ...this.latest.map((values) => (values ? values.length : 1)));
    redraw(this.chart);
  }
}
