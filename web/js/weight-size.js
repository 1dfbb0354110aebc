// The weights' size, for the bench's third card when sparsity says nothing (no L1 on, a lesson not about it):
// ‖w‖₂ = √(Σ w²) over every weight, epoch by epoch (over several seeds the median with its band), and the
// largest layer's histogram now on an axis that only widens during a run, so weights that spread out look wider.

import { lineChart, redraw } from './charts.js';
import { HistogramGrid } from './histograms.js';
import { short } from './format.js';
import { OKABE_ITO } from './palette.js';
import { SeedBands } from './seed-bands.js';

export class WeightSize {
  constructor(root) {
    this.caption = root.querySelector('#weight-size-caption');
    this.chart = lineChart(root.querySelector('#weight-norm-chart'), {
      yTitle: '‖w‖₂', yMin: 0, legend: false,
      datasets: [{ label: '‖w‖₂', data: [], borderColor: OKABE_ITO.blue, backgroundColor: OKABE_ITO.blue, borderWidth: 2 }],
    });
    this.bands = new SeedBands(this.chart, [{ dataset: 0, key: 'l2Norm', color: OKABE_ITO.blue, label: '‖w‖₂', picks: true }]);
    this.histograms = new HistogramGrid(root.querySelector('#weight-size-histograms'), { color: OKABE_ITO.blue, stableAxis: true });
    this.first = null;            // ‖w‖₂ at the run's first epoch drawn, for the caption's "from"
  }

  reset() {
    for (const dataset of this.chart.data.datasets) dataset.data = [];
    this.histograms.reset();
    this.first = null;
    this.caption.textContent = '';
    redraw(this.chart);
  }

  /** Every epoch's ‖w‖₂; a reset replays from its epoch, so later points go. */
  add(epochs) {
    const line = this.chart.data.datasets[0];
    for (const s of epochs) {
      if (s.l2Norm == null) continue;
      while (line.data.length && line.data[line.data.length - 1].x >= s.epoch) line.data.pop();
      line.data.push({ x: s.epoch, y: s.l2Norm });
      if (line.data.length === 1) this.first = { epoch: s.epoch, norm: s.l2Norm };
    }
  }

  /** Medians and bands over several seeds (a SeedHistories); `picked`: the seed picked out, or null. */
  drawSeeds(histories, picked) {
    this.bands.draw(histories, picked);
  }

  /** The chart, and from a report the largest layer's histogram and the caption's numbers (3 significant figures). */
  render(report, latest) {
    redraw(this.chart);
    if (!report) return;
    // One histogram fits the card: the layer holding most weights (every layer's is in the Weight distributions tab).
    const layers = report.layers ?? [];
    const largest = layers.reduce((best, layer, i) => (best < 0 || layer.weightCount > layers[best].weightCount ? i : best), -1);
    this.histograms.render(largest < 0 ? [] : [{
      // The title fits the 190-px picture; "most weights" says why this layer, in the caption under it.
      title: `layer ${largest + 1} (${layers[largest].fanIn}→${layers[largest].fanOut})`,
      histogram: layers[largest].weights, caption: `The layer with most weights; its ‖w‖₂ ${short(layers[largest].l2Norm)}`,
    }]);
    const now = latest?.l2Norm;
    if (now == null) return;
    const from = this.first && this.first.epoch < latest.epoch ? `, from ${short(this.first.norm)} at epoch ${this.first.epoch}` : '';
    this.caption.textContent = `‖w‖₂ = √(Σ w²) over all weights: ${short(now)} at epoch ${latest.epoch}${from}.`;
  }
}
