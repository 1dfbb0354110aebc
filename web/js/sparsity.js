// Sparsity counted exactly: the fraction of weights that are exactly 0, overall and per layer, over epochs; a table
// of the newest counts and norms; and the model's size stored densely and sparsely.

import { lineChart, redraw } from './charts.js';
import { bytes, count, percent, short } from './format.js';
import { SERIES } from './palette.js';

function cell(tag, text) {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
}

export class Sparsity {
  constructor(root) {
    this.table = root.querySelector('#sparsity-table');
    this.denseBar = root.querySelector('#dense-bar');
    this.sparseBar = root.querySelector('#sparse-bar');
    this.denseBytes = root.querySelector('#dense-bytes');
    this.sparseBytes = root.querySelector('#sparse-bytes');
    this.chart = lineChart(root.querySelector('#sparsity-chart'), {
      yTitle: 'fraction',
      yMin: 0,
      yMax: 1,
      yTicks: { callback: (v) => `${Math.round(v * 100)}%` },
      datasets: [
        { label: 'exactly 0, all layers', data: [], borderColor: '#000', backgroundColor: '#000', borderWidth: 2.5 },
        { label: '|w| < 10⁻³, all layers', data: [], borderColor: '#777', backgroundColor: '#777', borderDash: [5, 4],
          borderWidth: 1.5 },
      ],
    });
  }

  reset() {
    this.chart.data.datasets = this.chart.data.datasets.slice(0, 2);
    for (const dataset of this.chart.data.datasets) dataset.data = [];
    this.table.replaceChildren();
    redraw(this.chart);
  }

  add(epochs) {
    const [zero, near] = this.chart.data.datasets;
    for (const s of epochs) {
      while (zero.data.length && zero.data[zero.data.length - 1].x >= s.epoch) {
        zero.data.pop();
        near.data.pop();
      }
      zero.data.push({ x: s.epoch, y: s.zeroFraction });
      near.data.push({ x: s.epoch, y: s.nearZeroFraction });
    }
  }

  /** Per-layer lines are sampled from full reports (one per frame). */
  addReport(report) {
    const layers = report.layers ?? [];
    const datasets = this.chart.data.datasets;
    layers.forEach((layer, i) => {
      let dataset = datasets[2 + i];
      if (!dataset) {
        const color = SERIES[i % SERIES.length];
        dataset = { label: `layer ${i + 1} exactly 0`, data: [], borderColor: color, backgroundColor: color, borderWidth: 1.5 };
        datasets.push(dataset);
      }
      const last = dataset.data[dataset.data.length - 1];
      if (last && last.x >= report.epoch) dataset.data = dataset.data.filter((p) => p.x < report.epoch);
      dataset.data.push({ x: report.epoch, y: layer.zeroFraction });
    });
  }

  render(report) {
    redraw(this.chart);
    if (!report) return;
    const head = document.createElement('tr');
    for (const title of ['layer', 'weights', 'exactly 0', 'near 0', 'non-zero (L0)', '‖w‖₁', '‖w‖₂']) head.append(cell('th', title));
    const rows = (report.layers ?? []).map((layer, i) => {
      const row = document.createElement('tr');
      row.append(cell('th', `${i + 1}: ${layer.fanIn}→${layer.fanOut}`), cell('td', count(layer.weightCount)),
        cell('td', percent(layer.zeroFraction)), cell('td', percent(layer.nearZeroFraction)),
        cell('td', count(layer.nonZeroCount)), cell('td', short(layer.l1Norm, 4)), cell('td', short(layer.l2Norm, 4)));
      return row;
    });
    const total = document.createElement('tr');
    total.className = 'total';
    total.append(cell('th', 'all'), cell('td', count(report.weightCount)), cell('td', percent(report.zeroFraction)),
      cell('td', percent(report.nearZeroFraction)), cell('td', count(report.nonZeroCount)),
      cell('td', short(report.l1Norm, 4)), cell('td', short(report.l2Norm, 4)));
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    tbody.append(...rows, total);
    this.table.replaceChildren(thead, tbody);

    const biggest = Math.max(report.denseBytes, report.sparseBytes, 1);
    this.denseBar.style.width = `${(100 * report.denseBytes) / biggest}%`;
    this.sparseBar.style.width = `${(100 * report.sparseBytes) / biggest}%`;
    this.denseBytes.textContent = bytes(report.denseBytes);
    const ratio = report.sparseBytes / report.denseBytes;
    this.sparseBytes.textContent = `${bytes(report.sparseBytes)} (${percent(ratio, 0)} of dense)`;
  }
}
