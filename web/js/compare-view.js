// An A/B comparison drawn as one: loss and accuracy of both runs overlaid with each run's gap shaded in its own
// colour, the two runs' boundaries (or first-layer weight pictures) side by side, the numbers that decide the claim
// (compare-table.js), exact-zero fractions, and the weight histograms of each layer overlaid. Run A is blue, run B
// vermillion (Okabe–Ito); training is dashed.

import { lineChart, redraw } from './charts.js';
import { Boundary } from './boundary.js';
import { WeightImages } from './weight-images.js';
import { OverlayHistograms } from './overlay-histograms.js';
import { AugmentedStrip } from './augmented.js';
import { count, percent, short } from './format.js';
import { CompareTable } from './compare-table.js';
import { summarize } from './claims.js';
import { fillTable } from './tables.js';
import { fromConfig, trainsDifferently } from './state.js';
import { OKABE_ITO, rgba } from './palette.js';

export const RUN_COLOR = { a: OKABE_ITO.blue, b: OKABE_ITO.vermillion };
/** A's gap is a pale blue wash, B's an orange hatch: where the two gaps overlap both stay readable, in any colour vision. */
const GAP = { a: rgba(OKABE_ITO.sky, 0.3), b: hatch(rgba(OKABE_ITO.orange, 0.8)) };

function hatch(color) {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const ctx = tile.getContext('2d');
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(0, 8);
  ctx.lineTo(8, 0);
  ctx.moveTo(-2, 2);
  ctx.lineTo(2, -2);
  ctx.moveTo(6, 10);
  ctx.lineTo(10, 6);
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat');
}

function series(label, color, extra = {}) {
  return { label, data: [], borderColor: color, backgroundColor: color, ...extra };
}

/** A's and B's train (dashed) and validation (solid), each validation curve filled to its own train curve. */
function pairDatasets() {
  return [
    series('A train', RUN_COLOR.a, { borderDash: [6, 4], borderWidth: 1.5 }),
    series('A validation', RUN_COLOR.a, { fill: { target: 0, above: GAP.a, below: GAP.a } }),
    series('B train', RUN_COLOR.b, { borderDash: [6, 4], borderWidth: 1.5 }),
    series('B validation', RUN_COLOR.b, { fill: { target: 2, above: GAP.b, below: GAP.b } }),
  ];
}

export class CompareView {
  constructor(root) {
    this.root = root;
    this.table = new CompareTable(root.querySelector('#compare-table'), root.querySelector('#compare-verdict'));
    this.loss = lineChart(root.querySelector('#compare-loss-chart'), { yTitle: 'mean data loss', yMin: 0, datasets: pairDatasets() });
    this.accuracy = lineChart(root.querySelector('#compare-accuracy-chart'), {
      yTitle: 'accuracy', yMax: 1, yTicks: { callback: (v) => `${Math.round(v * 100)}%` }, datasets: pairDatasets(),
    });
    this.zeros = lineChart(root.querySelector('#compare-zero-chart'), {
      yTitle: 'exactly 0', yMin: 0, yMax: 1, yTicks: { stepSize: 0.25, callback: (v) => `${Math.round(v * 100)}%` },
      datasets: [series('A', RUN_COLOR.a), series('B', RUN_COLOR.b, { borderDash: [8, 3] })],
    });
    this.histograms = new OverlayHistograms(root.querySelector('#compare-histograms'), { colorA: RUN_COLOR.a, colorB: RUN_COLOR.b });
    this.activations = new OverlayHistograms(root.querySelector('#compare-activations'), { colorA: RUN_COLOR.a, colorB: RUN_COLOR.b });
    this.initTable = root.querySelector('#compare-init-table');
    this.note = root.querySelector('#compare-pictures-note');
    this.augmented = new AugmentedStrip(root.querySelector('#compare-augmented-view'), root.querySelector('#compare-augmented'),
      root.querySelector('#compare-augmented-caption'));
    this.runs = {};
    for (const id of ['a', 'b']) {
      this.runs[id] = {
        boundary: new Boundary(root.querySelector(`#compare-boundary-${id}`), root.querySelector(`#compare-boundary-caption-${id}`),
          { brief: true }),
        weights: new WeightImages(root.querySelector(`#compare-weights-${id}`), root.querySelector(`#compare-boundary-caption-${id}`),
          { brief: true }),
      };
    }
    this.clear();
  }

  clear() {
    this.configA = null;
    this.configB = null;
    this.changes = {};
    this.differences = [];
    this.dataset = null;
    for (const run of Object.values(this.runs)) {
      Object.assign(run, { history: [], pending: [], latest: null, report: null, views: {}, end: null });
      run.boundary.reset();
    }
    for (const chart of [this.loss, this.accuracy, this.zeros]) {
      for (const dataset of chart.data.datasets) dataset.data = [];
      redraw(chart);
    }
    this.histograms.clear();
    this.activations.clear();
    this.renderTable();
    this.loss.canvas.dataset.pointsA = '0';
    this.loss.canvas.dataset.pointsB = '0';
  }

  charts() {
    return [this.loss, this.accuracy, this.zeros];
  }

  started(message) {
    this.clear();
    this.updated(message);
    this.dataset = message.dataset;
  }

  /** The data's points, for a picture of each run before its boundary: what the comparison shares. */
  points() {
    return this.runs.a.views.points ?? this.runs.b.views.points ?? null;
  }

  /** `started` and `updated` carry both configs, the changes and the keys that differ. */
  updated(message) {
    if (message.config) this.configA = message.config;
    if (message.configB) this.configB = message.configB;
    if (message.changes) this.changes = message.changes;
    if (message.differences) this.differences = message.differences;
  }

  /** A `compare-epoch` frame: each of `a` and `b` is an epoch frame, or null for a run that has ended. */
  frame(message) {
    let any = false;
    for (const id of ['a', 'b']) {
      const part = message[id];
      if (!part) continue;
      const run = this.runs[id];
      for (const s of part.epochs ?? []) {
        while (run.history.length && run.history[run.history.length - 1].epoch >= s.epoch) run.history.pop();
        run.history.push(s);
        run.pending.push(s);
        run.latest = s;
        any = true;
      }
      if (part.report) run.report = part.report;
      if (part.views) run.views = { ...run.views, ...part.views };
      any ||= !!part.report;
    }
    return any;
  }

  /** An end event of one run (`run`: "a" or "b"). */
  ended(message) {
    const run = this.runs[message.run];
    if (!run) return;
    const { type: _type, ...end } = message;
    run.end = end;
    if (message.trainLoss != null) run.latest = { ...(run.latest ?? {}), ...message, epoch: message.epochs };
  }

  hasEnded() {
    return Object.values(this.runs).every((run) => run.end != null);
  }

  /**
   * `status` is the comparison's (running, paused...): a run that has not ended shows it. `points`: the data of a run
   * of the same config, drawn in both pictures until the comparison has its own.
   */
  render(status, points = null) {
    this.status = status;
    this.addPending();
    this.markEpochs();
    this.root.querySelector('#compare-train-note').hidden = ![this.configA, this.configB]
      .some((config) => config && trainsDifferently(fromConfig(config)));
    for (const chart of this.charts()) redraw(chart);
    this.renderTable();
    this.renderHistograms();
    this.renderPictures(points);
  }

  addPending() {
    for (const [id, run] of Object.entries(this.runs)) {
      const offset = id === 'a' ? 0 : 2;
      const lossSets = this.loss.data.datasets;
      const accuracySets = this.accuracy.data.datasets;
      const zeroSet = this.zeros.data.datasets[id === 'a' ? 0 : 1];
      for (const s of run.pending) {
        const all = [lossSets[offset], lossSets[offset + 1], accuracySets[offset], accuracySets[offset + 1], zeroSet];
        // A reset replays from epoch 0: drop what lies at or after the replayed epoch.
        for (const set of all) while (set.data.length && set.data[set.data.length - 1].x >= s.epoch) set.data.pop();
        lossSets[offset].data.push({ x: s.epoch, y: s.trainLoss });
        lossSets[offset + 1].data.push({ x: s.epoch, y: s.validationLoss });
        accuracySets[offset].data.push({ x: s.epoch, y: s.trainAccuracy });
        accuracySets[offset + 1].data.push({ x: s.epoch, y: s.validationAccuracy });
        zeroSet.data.push({ x: s.epoch, y: s.zeroFraction });
      }
      run.pending = [];
      this.loss.canvas.dataset[id === 'a' ? 'pointsA' : 'pointsB'] = String(lossSets[offset].data.length);
    }
  }

  /** Each run's best validation epoch (dotted) and early stop (solid), in its own colour, on the loss and accuracy. */
  markEpochs() {
    const lines = [];
    ['a', 'b'].forEach((id, row) => {
      const run = this.runs[id];
      const { best } = summarize(run.history, run.latest);
      const name = id.toUpperCase();
      if (best) lines.push({ x: best.epoch, color: RUN_COLOR[id], dash: [4, 3], label: `${name} best ${best.epoch}`, row: 2 * row });
      if (run.end?.event === 'early-stopped') {
        lines.push({ x: run.end.epochs, color: RUN_COLOR[id], width: 2.5, label: `${name} stop ${run.end.epochs}`, row: 2 * row + 1 });
      }
    });
    this.loss.options.plugins.markers.lines = lines;
    this.accuracy.options.plugins.markers.lines = lines;
  }

  renderTable() {
    this.table.render(this.runs, (id) => this.statusOf(this.runs[id]), this.hasEnded());
  }

  renderHistograms() {
    const layersA = this.runs.a.report?.layers ?? [];
    const layersB = this.runs.b.report?.layers ?? [];
    const n = Math.max(layersA.length, layersB.length);
    const weights = [];
    const activations = [];
    const rows = [];
    for (let i = 0; i < n; i++) {
      const la = layersA[i];
      const lb = layersB[i];
      const shape = la ?? lb;
      weights.push({
        title: `layer ${i + 1} (${shape.fanIn}→${shape.fanOut})`, a: la?.weights ?? null, b: lb?.weights ?? null,
        zerosA: la ? la.weightCount - la.nonZeroCount : null, zerosB: lb ? lb.weightCount - lb.nonZeroCount : null,
      });
      const hidden = i < n - 1;
      if (hidden) activations.push({ title: `hidden ${i + 1}`, a: la?.activations ?? null, b: lb?.activations ?? null });
      rows.push([hidden ? `hidden ${i + 1}` : 'output', short(la?.activationStd), short(lb?.activationStd),
        percent(la?.stuckFraction, 0), percent(lb?.stuckFraction, 0), gradient(la), gradient(lb)]);
    }
    this.histograms.render(weights);
    this.activations.render(activations);
    fillTable(this.initTable, ['layer', 'A: std of a', 'B: std of a', 'A: stuck', 'B: stuck', 'A: ‖∂L̄/∂W‖', 'B: ‖∂L̄/∂W‖'], rows);
  }

  renderPictures(data) {
    const regression = this.dataset?.task === 'regression';
    let drawn = false;
    for (const [id, run] of Object.entries(this.runs)) {
      const { boundary, points, weights } = run.views;
      const box = this.root.querySelector(`#compare-boundary-${id}`).parentElement;
      box.hidden = !boundary && !(data && !weights);
      if (!boundary && !weights && data) run.boundary.renderPoints(data);
      this.root.querySelector(`#compare-boundary-caption-${id}`).hidden = !(boundary || weights);
      this.root.querySelector(`#compare-weights-${id}`).hidden = !weights;
      if (boundary) run.boundary.render(boundary, points, regression);
      if (weights) {
        run.weights.setInputs(run.views.inputs, this.dataset?.featureNames);
        run.weights.render(weights);
      }
      drawn ||= !!(boundary || weights);
    }
    // The run that augments shows what its augmenter makes (B, when the comparison is about augmentation).
    const augmenting = ['b', 'a'].find((id) => this.runs[id].views.augmented);
    this.augmented.render(augmenting ? this.runs[augmenting].views.augmented : null, augmenting?.toUpperCase());
    // Wide pictures (a row of inputs, a map) read better one above the other than squeezed side by side.
    const wide = Object.values(this.runs).some((run) => run.views.weights && run.views.weights.width > 1.5 * run.views.weights.height);
    this.root.querySelector('.side-by-side').classList.toggle('stacked', wide);
    const inputs = this.dataset?.inputSize;
    this.note.textContent = drawn ? 'Same data and seed: what differs comes from the change.'
      : this.dataset ? `${inputs ? `${count(inputs)} inputs: ` : ''}no picture to draw for this data; compare the exact-zero fractions instead.`
        : 'Start the comparison to see both models side by side.';
  }

  /** Rows for a CSV: every epoch of both runs, marked A or B. */
  csvRows() {
    return ['a', 'b'].flatMap((id) => this.runs[id].history.map((s) => ({ run: id.toUpperCase(), ...s })));
  }

  json() {
    return {
      format: 'gaplab-comparison-metrics',
      version: 1,
      seed: this.configA?.seed ?? null,
      differences: this.differences,
      changes: this.changes,
      a: { config: this.configA, end: this.runs.a.end, epochs: this.runs.a.history },
      b: { config: this.configB, end: this.runs.b.end, epochs: this.runs.b.history },
      dataset: this.dataset,
    };
  }

  statusOf(run) {
    if (run.end) return run.end.event ?? run.end.reason ?? 'ended';
    return run.latest ? this.status ?? 'running' : '–';
  }

  lastEpoch() {
    return Math.max(this.runs.a.latest?.epoch ?? -1, this.runs.b.latest?.epoch ?? -1);
  }
}

const gradient = (layer) => (layer == null ? '–' : layer.gradientNorm === 0 ? '0 (no signal)' : short(layer.gradientNorm));
