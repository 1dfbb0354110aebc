// Sparsity counted exactly: the fraction of weights that are exactly 0 and near 0 (|w| < ε, the ε the server used),
// overall and per layer, over epochs; the newest split per layer with the units cut off; which inputs the first
// layer cut, by kind; and the model's size stored densely and sparsely.

import { lineChart, redraw } from './charts.js';
import { bytes, count, percent, short } from './format.js';
import { SERIES } from './palette.js';
import { SeedBands } from './seed-bands.js';

function cell(tag, text) {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
}

const KIND = { informative: 'informative', noise: 'noise inputs', cell: 'cells', pixel: 'pixels', feature: 'inputs' };

/**
 * Which inputs the first layer cut (every weight leaving them exactly 0), by kind, with inputs that never occur in
 * training counted apart: "noise inputs cut 90 of 95, informative 0 of 5".
 */
export function inputsText(inputs, { brief = false } = {}) {
  if (!inputs?.length) return '';
  const seen = inputs.filter((g) => g.inTraining);
  const unseen = inputs.filter((g) => !g.inTraining);
  const name = (g) => KIND[g.kind] ?? g.kind;
  if (!unseen.length) {
    // The noise first: whether L1 cut it is the question.
    const ordered = [...seen].sort((a, b) => (b.kind === 'noise') - (a.kind === 'noise'));
    return ordered.map((g, i) => `${name(g)}${i === 0 ? ' cut' : ''} ${count(g.cut)} of ${count(g.count)}`).join(', ');
  }
  const total = (groups, key) => groups.reduce((sum, g) => sum + g[key], 0);
  const kind = name(unseen[0]);
  if (brief) {
    return `seen in training: ${count(total(seen, 'cut'))} of ${count(total(seen, 'count'))} cut; never seen: `
      + `${count(total(unseen, 'count'))}, ${count(total(unseen, 'cut'))} cut by the penalty alone`;
  }
  return `${kind} seen in training: ${count(total(seen, 'cut'))} of ${count(total(seen, 'count'))} cut; ${kind} never in `
    + `training: ${count(total(unseen, 'count'))} (only the penalty moves them; ${count(total(unseen, 'cut'))} of them cut)`;
}

/** "hidden units cut off: 15 of 16" from a report, or '' without hidden layers. */
export function unitsText(report) {
  const hidden = (report.layers ?? []).slice(0, -1);
  if (!hidden.length) return '';
  const units = hidden.reduce((sum, layer) => sum + layer.fanOut, 0);
  return `hidden units cut off: ${count(report.cutUnits)} of ${count(units)}`;
}

export class Sparsity {
  constructor(root) {
    this.table = root.querySelector('#sparsity-table');
    this.epsilon = root.querySelector('#sparsity-epsilon');
    this.inputs = root.querySelector('#sparsity-inputs');
    this.denseBar = root.querySelector('#dense-bar');
    this.sparseBar = root.querySelector('#sparse-bar');
    this.denseBytes = root.querySelector('#dense-bytes');
    this.sparseBytes = root.querySelector('#sparse-bytes');
    this.chart = lineChart(root.querySelector('#sparsity-chart'), {
      yTitle: 'fraction of weights',
      yMin: 0,
      yMax: 1,
      yTicks: { callback: (v) => `${Math.round(v * 100)}%` },
      datasets: [
        { label: 'exactly 0', data: [], borderColor: '#000', backgroundColor: '#000', borderWidth: 2.5 },
        { label: '|w| < ε', data: [], borderColor: '#777', backgroundColor: '#777', borderDash: [5, 4], borderWidth: 1.5 },
      ],
    });
    // Over several seeds: the median exact-zero fraction with its band, the near-zero fraction as a median line.
    this.bands = new SeedBands(this.chart, [
      { dataset: 0, key: 'zeroFraction', color: '#000000', label: 'exactly 0', picks: true },
      { dataset: 1, key: 'nearZeroFraction', color: '#777777', label: '|w| < ε', band: false },
    ]);
    // The per-layer lines (one run's, from its reports) come after these.
    this.fixedSets = this.chart.data.datasets.length;
  }

  /** Medians and bands over several seeds (a SeedHistories); `picked`: the seed picked out, or null. */
  drawSeeds(histories, picked) {
    this.bands.draw(histories, picked);
  }

  reset() {
    this.chart.data.datasets = this.chart.data.datasets.slice(0, this.fixedSets);
    for (const dataset of this.chart.data.datasets) dataset.data = [];
    this.table.replaceChildren();
    this.epsilon.textContent = '';
    this.inputs.textContent = '';
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
      if (s.nearZeroThreshold != null) near.label = `|w| < ε = ${short(s.nearZeroThreshold)}`;
    }
  }

  /** Per-layer lines are sampled from full reports (one per frame). */
  addReport(report) {
    const layers = report.layers ?? [];
    const datasets = this.chart.data.datasets;
    if (layers.length < 2) return;
    layers.forEach((layer, i) => {
      let dataset = datasets[this.fixedSets + i];
      if (!dataset) {
        const color = SERIES[i % SERIES.length];
        dataset = { label: `layer ${i + 1}`, data: [], borderColor: color, backgroundColor: color, borderWidth: 1.25 };
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
    for (const title of ['layer', 'exactly 0', 'near 0', 'non-zero', 'units cut']) head.append(cell('th', title));
    const layers = report.layers ?? [];
    const rows = layers.map((layer, i) => {
      const row = document.createElement('tr');
      row.append(cell('th', `${i + 1}: ${layer.fanIn}→${layer.fanOut}`), cell('td', percent(layer.zeroFraction)),
        cell('td', percent(layer.nearZeroFraction)), cell('td', count(layer.nonZeroCount)),
        cell('td', i === layers.length - 1 ? '' : `${count(layer.cutUnits)}/${count(layer.fanOut)}`));
      return row;
    });
    const total = document.createElement('tr');
    total.className = 'total';
    total.append(cell('th', 'all'), cell('td', percent(report.zeroFraction)), cell('td', percent(report.nearZeroFraction)),
      cell('td', count(report.nonZeroCount)), cell('td', count(report.cutUnits)));
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    tbody.append(...rows, total);
    this.table.replaceChildren(thead, tbody);
    this.epsilon.textContent = `Exactly 0: w == 0.0. Near 0: |w| < ε = ${short(report.nearZeroThreshold)}, the larger of `
      + '10⁻³ and 2αλ₁: subgradient L1 leaves weights hovering in the band |w| ≤ αλ₁ (2αλ₁ wide), and ε = 2αλ₁ is a '
      + 'margin around it. Non-zero: the “L0 norm”, which no gradient can optimize.';
    this.inputs.textContent = [inputsText(report.inputs), unitsText(report)].filter(Boolean).join('; ');

    const biggest = Math.max(report.denseBytes, report.sparseBytes, 1);
    this.denseBar.style.width = `${(100 * report.denseBytes) / biggest}%`;
    this.sparseBar.style.width = `${(100 * report.sparseBytes) / biggest}%`;
    this.denseBytes.textContent = bytes(report.denseBytes);
    const ratio = report.sparseBytes / report.denseBytes;
    this.sparseBytes.textContent = `${bytes(report.sparseBytes)} (${percent(ratio, 0)} of dense)`;
  }
}
