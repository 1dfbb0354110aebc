// Loss and accuracy over epochs for train, validation and test, with the generalization gap shaded between the
// train and validation curves, and vertical marks at the best validation epoch and the early stop. Over several seeds
// the lines are the medians, with each split's band around them (seed-bands.js) and the picked seed's own curve.

import { lineChart, redraw } from './charts.js';
import { ChartSummary } from './chart-summary.js';
import { loss, percent } from './format.js';
import { GAP_FILL, MARKER, NEGATIVE_GAP_FILL, SPLIT } from './palette.js';
import { SeedBands } from './seed-bands.js';

/** Which lines become medians over seeds, and which get a band: train and validation; test is a median line only. */
const SEED_LINES = [
  { dataset: 0, key: 'trainLoss', color: SPLIT.train, label: 'train' },
  { dataset: 1, key: 'validationLoss', color: SPLIT.validation, label: 'validation', picks: true },
  { dataset: 2, key: 'testLoss', color: SPLIT.test, label: 'test', band: false },
];
/** Training is dashed and validation solid on every curve chart; test is dash-dot, the penalty dotted. */
const TRAIN_DASH = [6, 4];
const TEST_DASH = [8, 3, 2, 3];
const accuracyLines = () => SEED_LINES.map((line) => ({ ...line, key: line.key.replace('Loss', 'Accuracy') }));

function series(label, color, extra = {}) {
  return { label, data: [], borderColor: color, backgroundColor: color, ...extra };
}

export class Curves {
  constructor(lossCanvas, accuracyCanvas, lossCaption, accuracyCaption) {
    this.lossCanvas = lossCanvas;
    this.lossCaption = lossCaption;
    this.accuracyCaption = accuracyCaption;
    this.loss = lineChart(lossCanvas, {
      summary: false,
      yTitle: 'mean data loss',
      yMin: 0,
      datasets: [
        // Training dashed, validation solid, as on the comparison's charts: the legend says so (charts.js).
        series('train', SPLIT.train, { borderDash: TRAIN_DASH }),
        // Filled down to the train curve: above it is the generalization gap.
        series('validation', SPLIT.validation, { fill: { target: 0, above: GAP_FILL, below: NEGATIVE_GAP_FILL } }),
        series('test', SPLIT.test, { borderDash: TEST_DASH, borderWidth: 1.5 }),
        series('penalty', SPLIT.penalty, { borderDash: [2, 3], borderWidth: 1.5 }),
      ],
    });
    this.accuracy = lineChart(accuracyCanvas, {
      summary: false,
      yTitle: 'accuracy',
      yMax: 1,
      yTicks: { callback: (v) => `${Math.round(v * 100)}%` },
      datasets: [
        series('train', SPLIT.train, { borderDash: TRAIN_DASH }),
        series('validation', SPLIT.validation, { fill: { target: 0, above: NEGATIVE_GAP_FILL, below: GAP_FILL } }),
        series('test', SPLIT.test, { borderDash: TEST_DASH, borderWidth: 1.5 }),
      ],
    });
    const prefix = () => (this.seedCount > 1 ? `Medians over ${this.seedCount} seeds. ` : '');
    this.lossSummary = new ChartSummary(this.loss, { prefix,
      lines: [{ dataset: 1, name: 'validation loss' }, { dataset: 0, name: 'train loss' }, { dataset: 2, name: 'test loss' }] });
    this.accuracySummary = new ChartSummary(this.accuracy, { prefix, accuracy: true,
      lines: [{ dataset: 1, name: 'validation accuracy' }, { dataset: 0, name: 'train accuracy' }] });
    this.summarized = '';
    // The strokes in words, at the head of the key under the charts, whatever the legends have room for.
    const key = document.createElement('span');
    key.className = 'stroke-key';
    key.dataset.testid = 'run-stroke-key';
    key.textContent = 'Training dashed, validation solid, test dash-dot, penalty dotted. ';
    accuracyCaption.nextElementSibling?.prepend(key);
    this.lossBands = new SeedBands(this.loss, SEED_LINES);
    this.accuracyBands = new SeedBands(this.accuracy, accuracyLines());
    this.seedCount = 1;
    this.best = null;
    this.stop = null;
    this.monitor = 'validation-loss';
    this.minDelta = 0;
  }

  reset() {
    for (const chart of [this.loss, this.accuracy]) {
      for (const dataset of chart.data.datasets) dataset.data = [];
    }
    this.best = null;
    this.bestValue = null;
    this.stop = null;
    this.lossCanvas.dataset.points = '0';
    this.render();
  }

  /** Early stopping's monitor decides which epoch is "best"; without it, the lowest validation loss. */
  setMonitor(monitor, minDelta) {
    this.monitor = monitor ?? 'validation-loss';
    this.minDelta = minDelta ?? 0;
  }

  add(epochs) {
    const [train, validation, test, penalty] = this.loss.data.datasets;
    const [trainAcc, validationAcc, testAcc] = this.accuracy.data.datasets;
    for (const s of epochs) {
      const last = train.data.length ? train.data[train.data.length - 1].x : -1;
      if (s.epoch <= last) this.truncate(s.epoch);
      const x = s.epoch;
      train.data.push({ x, y: s.trainLoss });
      validation.data.push({ x, y: s.validationLoss });
      test.data.push({ x, y: s.testLoss });
      penalty.data.push({ x, y: s.penalty });
      trainAcc.data.push({ x, y: s.trainAccuracy });
      validationAcc.data.push({ x, y: s.validationAccuracy });
      testAcc.data.push({ x, y: s.testAccuracy });
      this.considerBest(s);
    }
    this.lossCanvas.dataset.points = String(train.data.length);
  }

  /** Keeps only points before `epoch` (a reset or a restored run replays from there). */
  truncate(epoch) {
    for (const chart of [this.loss, this.accuracy]) {
      for (const dataset of chart.data.datasets) dataset.data = dataset.data.filter((p) => p.x < epoch);
    }
  }

  considerBest(s) {
    if (s.epoch === 0) return;
    const accuracy = this.monitor === 'validation-accuracy';
    const value = accuracy ? s.validationAccuracy : s.validationLoss;
    if (value == null) return;
    const better = this.bestValue == null
      || (accuracy ? value > this.bestValue + this.minDelta : value < this.bestValue - this.minDelta);
    if (better) {
      this.best = s.epoch;
      this.bestValue = value;
    }
  }

  /**
   * Over several seeds (a SeedHistories of 2 or more), the lines become the medians and the bands are drawn;
   * `picked`: the seed whose validation curve is picked out, or null. One seed leaves the lines as they are.
   */
  drawSeeds(histories, picked) {
    this.seedCount = histories.count;
    this.lossBands.draw(histories, picked);
    this.accuracyBands.draw(histories, picked);
  }

  /** The run's own word on the best epoch (the viewed seed's) and the stop (from its end event). */
  mark({ best, stop }) {
    if (best != null && best > 0) this.best = best;
    if (stop != null) this.stop = stop;
  }

  render() {
    const lines = [];
    if (this.best != null) lines.push({ x: this.best, color: MARKER.best, dash: [4, 3], label: `best ${this.best}` });
    if (this.stop != null) lines.push({ x: this.stop, color: MARKER.stop, width: 2.5, label: `stop ${this.stop}`, row: 1 });
    this.loss.options.plugins.markers.lines = lines;
    this.accuracy.options.plugins.markers.lines = lines;
    redraw(this.loss);
    redraw(this.accuracy);
    // The text alternatives follow events (a reset, a new best, the stop), not frames: see chart-summary.js.
    const moment = `${this.loss.data.datasets[0].data.length > 0}|${this.best}|${this.stop}|${this.seedCount}`;
    for (const summary of [this.lossSummary, this.accuracySummary]) summary.changed(moment !== this.summarized);
    this.summarized = moment;
    const [train, validation, test, penalty] = this.loss.data.datasets.map((d) => d.data[d.data.length - 1]?.y);
    const [trainAcc, validationAcc, testAcc] = this.accuracy.data.datasets.map((d) => d.data[d.data.length - 1]?.y);
    const median = this.seedCount > 1 ? `Medians over ${this.seedCount} seeds now: ` : 'Now: ';
    this.lossCaption.textContent = train == null ? 'No epochs yet.'
      : `${median}train ${loss(train)}, validation ${loss(validation)}, test ${loss(test)}, penalty ${loss(penalty)}.`
        + (this.best != null ? ` Best validation at epoch ${this.best}.` : '');
    this.accuracyCaption.textContent = trainAcc == null ? (train == null ? '' : 'No accuracy: this is a regression.')
      : `${median}train ${percent(trainAcc)}, validation ${percent(validationAcc)}, test ${percent(testAcc)}.`;
  }
}
